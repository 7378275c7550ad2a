print("mypkg/__init__: __name__ =", __name__, "__package__ =", __package__)
PKG_CONST = "pkg-const"
from .core import core_fn
from . import sub
__all__ = ["PKG_CONST", "core_fn"]
