# Subclasses of dict, set and frozenset: inherited slots, dunders
# overridden in Python (through the slot dispatchers), __missing__,
# super() calls into the slot wrappers, and what dict(), update and the
# set operations call on a subclass.
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["bb"], m.get("bb"), "bb" in m, m)
class StaticMissing(dict):
    __missing__ = staticmethod(lambda key: ("static", key))
print(StaticMissing()[3])
class Logged(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
    def __contains__(self, k):
        print("contains", k)
        return super().__contains__(k)
    def __len__(self):
        return super().__len__() + 100
g = Logged(x=1)
g["y"] = 2
print(g["x"], "y" in g, len(g), dict.__len__(g), g)
g.update(z=3)
print(dict(g), g.setdefault("w", 0), sorted(g))
class KeysOnly(dict):
    def keys(self):
        return ["a"]
print(dict(KeysOnly(a=1, b=2)), {}.update(KeysOnly(a=1, b=2)))
class IterOverride(dict):
    def __iter__(self):
        return iter(["a"])
    def keys(self):
        return ["a"]
print(dict(IterOverride(a=1, b=2)), dict({"q": 1}, **{"r": 2}))
class Mapping:
    def keys(self):
        return ("k1", "k2")
    def __getitem__(self, k):
        return k.upper()
print(dict(Mapping()), {1: 2} | dict(Mapping()))
class BadKeys:
    def keys(self):
        return 5
try:
    dict(BadKeys())
except TypeError as ex:
    print(ex)
class Eq(dict):
    def __eq__(self, other):
        return "custom"
print(Eq() == {}, {} == Eq(), Eq() != {})
class Or(dict):
    def __or__(self, other):
        return "or"
    def __ror__(self, other):
        return "ror"
print(Or() | {}, {} | Or(), type(dict(a=1) | Or(b=2)) if False else 0, type(Missing(a=1) | {}).__name__)
class Init(dict):
    def __init__(self, n):
        super().__init__(k=n)
print(Init(5), type(Missing.fromkeys("ab")).__name__, Missing.fromkeys.__self__ is Missing)
class FK(dict):
    def __init__(self):
        super().__init__()
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
print(FK.fromkeys([1, 2], 1), repr(Missing()), Missing({1: 2}).copy(), type(Missing().copy()).__name__)
class S(set):
    def __contains__(self, x):
        return x == "always"
    def __iter__(self):
        return iter(["i1", "i2"])
s = S([1, 2])
print("always" in s, 1 in s, len(s), sorted(set(s)), s)
class S2(set):
    pass
s2 = S2([3, 1])
print(s2, s2 | {5}, type(s2 | {5}).__name__, type(s2.copy()).__name__, s2 == {1, 3}, s2.__reduce__()[0].__name__)
s2 |= {7}
print(s2, type(s2).__name__)
class F(frozenset):
    pass
f = F([1, 2])
print(f, hash(f) == hash(frozenset([1, 2])), type(f | {3}).__name__, type(f.copy()).__name__, F() == frozenset())
class H(frozenset):
    def __hash__(self):
        return 42
print(hash(H()), {H([1]): "x"}[H([1])])
print(set() in {frozenset()}, {frozenset({1}), 2} - {frozenset({1})})
try:
    print({1} in {frozenset({1}): 0})
except TypeError as ex:
    print(ex)
t = {frozenset({1, 2})}
t.discard({1, 2})
print(t)
t.add(frozenset({3}))
t.remove({3})
print(t)
class Cmp(set):
    def __lt__(self, other):
        return "lt"
print(Cmp() < set(), set() > Cmp(), {1} <= Cmp([1]))
class SI(set):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"
x = SI([1])
print(x, x.tag, x.__reduce__())
class DAttr(dict):
    pass
da = DAttr(a=1)
da.attr = 5
print(da, da.attr, da.__dict__, vars(da))
