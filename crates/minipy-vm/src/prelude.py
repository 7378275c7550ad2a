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


def _structseq(name, fields, values):
    """A tuple with named fields and CPython's struct-sequence repr."""

    class StructSeq(tuple):
        __slots__ = ()

        def __repr__(self):
            body = ", ".join(f"{f}={v!r}" for f, v in zip(fields, self))
            return f"{name}({body})"

    for i, f in enumerate(fields):
        setattr(StructSeq, f, property(lambda self, i=i: self[i]))
    module, _, short = name.rpartition(".")
    StructSeq.__name__ = short
    StructSeq.__qualname__ = short
    StructSeq.__module__ = module or "builtins"
    return StructSeq(values)


sys.flags = _structseq(
    "sys.flags",
    ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
     "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
     "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
     "warn_default_encoding", "safe_path", "int_max_str_digits"),
    (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1),
)
sys.float_info = _structseq(
    "sys.float_info",
    ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
     "mant_dig", "epsilon", "radix", "rounds"),
    (1.7976931348623157e308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
     15, 53, 2.220446049250313e-16, 2, 1),
)
sys.warnoptions = []
sys._xoptions = {}


class GenericAlias:
    """`list[int]`: a parameterised built-in generic (types.GenericAlias)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = ()

    def __repr__(self):
        def r(a):
            if a is Ellipsis:
                return "..."
            if isinstance(a, type):
                return a.__qualname__ if a.__module__ == "builtins" else f"{a.__module__}.{a.__qualname__}"
            return repr(a)
        return f"{r(self.__origin__)}[{', '.join(r(a) for a in self.__args__) or '()'}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


class UnionType:
    """`int | str` (types.UnionType)."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        def r(a):
            if a is type(None):
                return "None"
            if isinstance(a, type):
                return a.__qualname__ if a.__module__ == "builtins" else f"{a.__module__}.{a.__qualname__}"
            return repr(a)
        return " | ".join(r(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))

    def __subclasscheck__(self, cls):
        return issubclass(cls, tuple(a for a in self.__args__ if isinstance(a, type)))


for _cls in (GenericAlias, UnionType):
    _cls.__module__ = "types"


def _union(a, b):
    args = []
    for x in (a, b):
        items = x.__args__ if isinstance(x, UnionType) else (x,)
        for i in items:
            i = type(None) if i is None else i
            if i not in args:
                args.append(i)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))
