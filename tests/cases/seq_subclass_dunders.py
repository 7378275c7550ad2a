# Classes deriving from list, tuple and the iterator types: inherited slots,
# dunders overridden in Python (and reached through super()), and the
# places where CPython reads the storage directly regardless.
class L(list):
    def __getitem__(self, i):
        print("L.__getitem__", i)
        return super().__getitem__(i)
    def __len__(self):
        return super().__len__() + 100
l = L([1, 2, 3])
print(l[0], l[1:], len(l), list(l), [x for x in l], list(reversed(l)), l == [1, 2, 3])
print(sorted(l), l + [4], type(l + [4]).__name__, l * 2, 2 in l, repr(l), str(l))
class L2(list):
    def __iter__(self):
        return iter("it")
    def __contains__(self, x):
        return x == "magic"
    def __eq__(self, o):
        return "eq!"
    __hash__ = None
    def __repr__(self):
        return "L2" + super().__repr__()
m = L2([5, 6])
print(list(m), "magic" in m, 5 in m, m == 1, [5, 6] == m, repr(m), [m], sorted(m), m[0])
class L3(list):
    def __init__(self, *a):
        print("L3.__init__", a)
        super().__init__(*a)
    def append(self, x):
        super().append(x * 2)
    def __setitem__(self, i, v):
        super().__setitem__(i, v + 1)
    def __iadd__(self, o):
        print("L3.__iadd__")
        return super().__iadd__(o)
n = L3('ab')
n.append(3); n[0] = 10; n += [7]
print(n, type(n).__name__, n.copy(), type(n.copy()).__name__, n[::-1], type(n[:]).__name__)
class L4(list):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
    def __init__(self, *a, **k):
        super().__init__(*a)
print(L4([1], key=2))
class Lh(list):
    pass
h = Lh([3, 1])
print(h, h.__class__.__name__, isinstance(h, list), h.__dict__, hasattr(h, '__weakref__'))
h.x = 5; print(h.x, vars(h))
try:
    hash(h)
except TypeError as e:
    print(e)

class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __getitem__(self, i):
        return ("T", super().__getitem__(i))
    def __len__(self):
        return 42
t = T(1, 2)
print(t, t[0], len(t), list(t), tuple(t), t + (3,), hash(t) == hash((1, 2)), list(reversed(t)))
class Point(tuple):
    __slots__ = ()
    @property
    def x(self): return self[0]
p = Point((3, 4))
print(p, p.x, p == (3, 4), p < (3, 5), {p: 1}[(3, 4)], type(p[:]).__name__)

class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return (i * 10, v)
print(list(E('abc')), next(iter(E('z'))))
class Z(zip):
    def __new__(cls, *a):
        return super().__new__(cls, *a, strict=True)
try:
    list(Z([1, 2], [1]))
except ValueError as e:
    print(e)
class F(filter):
    def __iter__(self):
        print("F.__iter__")
        return super().__iter__()
print(list(F(None, [0, 1, 2])))
class Mp(map):
    def __next__(self):
        return "m:" + super().__next__()
print(list(Mp(str, [1, 2])))
class Rv(reversed):
    def __length_hint__(self):
        return 99
import operator
print(operator.length_hint(Rv((1, 2))), list(Rv((1, 2))))

# Slot wrappers of list applied to a subclass instance.
print(list.__getitem__(l, 0), list.__len__(l), list.__repr__(m), list.__iter__(m).__next__(),
      list.__contains__(m, 5), list.__eq__(m, [5, 6]))
class Cmp(list):
    def __lt__(self, o):
        return "Cmp.lt"
print(Cmp([1]) < [2], [2] > Cmp([1]), [1] < Cmp([2]))
