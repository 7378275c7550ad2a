from ..core import core_fn
from .. import PKG_CONST
from . import sibling
from .sibling import SIB
def leaf_fn():
    return "leaf(%s, %s, %s, %s)" % (core_fn(), PKG_CONST, SIB, sibling.__name__)
