# Every container type reports its references through its own traverse
# slot, and a class takes the slot of its solid base (the layout), not the
# first base in its MRO.
import gc


class Mixin:
    pass


class L(Mixin, list):
    pass


class D(Mixin, dict):
    pass


class T(Mixin, tuple):
    pass


class E(Mixin, Exception):
    pass


def count_collected(make):
    gc.collect()
    make()
    return gc.collect() > 0


def cyc_list():
    a = L()
    a.append(a)


def cyc_dict():
    d = D()
    d["me"] = d


def cyc_tuple():
    x = []
    t = T((x,))
    x.append(t)


def cyc_exc():
    e = E()
    e.args = (e,)


def cyc_set_frozen():
    class K:
        pass
    k = K()
    k.s = frozenset([k])


def cyc_iter():
    x = []
    it = iter(x)
    x.append(it)


def cyc_gen():
    def g():
        yield 1
    it = g()
    lst = [it]
    lst.append(lst)


def cyc_frame():
    import sys
    f = sys._getframe()
    f.f_locals  # snapshot
    me = f


for make in [cyc_list, cyc_dict, cyc_tuple, cyc_exc, cyc_set_frozen, cyc_iter, cyc_gen, cyc_frame]:
    print(make.__name__, count_collected(make))

print(sorted(type(r).__name__ for r in gc.get_referents(L([1, "a"]))))
print(len(gc.get_referents(T((1, 2)))))
print(gc.is_tracked(cyc_list.__code__), gc.is_tracked([]), gc.is_tracked(()))
print(gc.is_tracked(L()), gc.is_tracked(E()), gc.is_tracked(iter([])))

# The constructor also comes from the solid base (CPython's
# type_ready_set_new), not from the mixin before it in the MRO.
print(L([1, 2]), D(a=1), T((1,)), repr(E("x")))
print(L.__new__ is list.__new__, type(L([3])).__mro__[1:3])
