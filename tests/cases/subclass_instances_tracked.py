# Instances of every class are tracked by the collector (CPython gives each
# heap type Py_TPFLAGS_HAVE_GC): an instance refers to its class, so a class
# whose instance sits in its own module or class namespace is a cycle, even
# when the base is an atomic type such as int and __slots__ is empty.
import gc


class I(int):
    __slots__ = ()

    def __init__(self, *a):
        pass


class S(str):
    __slots__ = ()


class T(tuple):
    __slots__ = ()


class BA(bytearray):
    def __init__(self, x=b"", y=1):
        super().__init__(x * y)


print(gc.is_tracked(I(3)), gc.is_tracked(S("x")), gc.is_tracked(T((1, 2))))
print(gc.is_tracked(3), gc.is_tracked("x"), gc.is_tracked((1, 2)))

# A subclass of bytearray has a __dict__, as every other built-in's.
b = BA(b"ab", 2)
b.note = "kept"
print(b, b.note, b.__dict__, hasattr(BA, "__dict__"))

# Tuples of atomic items are untracked by a collection; a tuple subclass is not.
t = T((1, 2))
plain = tuple([1, 2])
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(plain))

# Cycles through the class alone are collected.
import weakref


def make():
    class K(int):
        __slots__ = ()
    K.me = K(7)
    return weakref.ref(K)


r = make()
gc.collect()
print(r() is None)

# Module-level instances (held by the module, whose functions' globals
# hold them back) are released at shutdown: -X leakcheck checks this.
keep_i = I(5)
keep_ba = BA(b"x", 3)
keep_t = T((keep_i,))
print(keep_i, keep_ba, keep_t)


# A str-subclass key is visited by the dict's traversal (only exact str
# keys are skipped): the class -> method -> module -> dict -> key cycle is
# collected.
def make_keyed():
    class KS(str):
        def f(self):
            pass
    KS.table = {KS("k"): 1}
    return weakref.ref(KS)


r = make_keyed()
gc.collect()
print(r() is None)


class KS(str):
    def f(self):
        pass


keyed = {KS("a"): 1}
print(keyed)
