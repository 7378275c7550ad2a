# Python-level pieces of minipy's runtime, run once at start-up in the
# module `_minipy_prelude`. Keep this small: everything here costs start-up time.
import sys


class SimpleNamespace:
    """A simple attribute-based namespace (types.SimpleNamespace)."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = "types"

sys.implementation = SimpleNamespace(
    name="minipy",
    cache_tag=None,
    version=sys.version_info,
    hexversion=sys.hexversion,
)
