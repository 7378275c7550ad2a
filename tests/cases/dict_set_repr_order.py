# Reprs of dicts, sets and views: recursion placeholders, subclasses,
# mutation during repr; set iteration order after the in-place
# operations (difference_update's resize, intersection_update's swap).
d = {}
d["self"] = d
d["list"] = [d]
print(d, repr(d))
s = set()
class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Box(%r)" % (self.v,)
    def __hash__(self):
        return 1
b = Box(None)
s.add(b)
b.v = s
print(s)
f = frozenset([Box(1)])
print(f, [f], {f: f})
class D(dict):
    pass
class S(set):
    pass
dd = D(a=D(b=1))
print(dd, S([S()]) if False else S([frozenset()]), S(), frozenset(), set())
k = {}
k[1] = k.keys()
print(k, k.keys())
class Mut:
    def __init__(self, d):
        self.d = d
    def __repr__(self):
        self.d.clear()
        return "Mut"
m = {}
m[1] = Mut(m)
m[2] = "two"
print(m, m)
a = set(range(50))
a -= set(range(40))
print(a)
a = set(range(100))
a.difference_update(range(5, 95))
print(a, list(a))
a = set(range(30))
a &= {29, 3, 17, 64}
print(a)
a = set(range(20))
a.intersection_update(range(10, 40), [12, 13, 14, 15])
print(a)
a = {"x", "y", "z", "w"}
a ^= {"y", "q"}
print(sorted(a), len(a))
a = set(range(10))
a.symmetric_difference_update([5, 10, 11, 5])
print(a)
print({1: 1, 2: 2} == {2: 2, 1: 1}, {1: [1]} == {1: [1]}, {1: float("nan")} == {1: float("nan")})
n = float("nan")
print({1: n} == {1: n}, {n} == {n}, {n: 1}[n])
big = {i: i for i in range(1000)}
print(len(big), big[999], sum(big), 500 in big, -1 in big)
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big.popitem(), len(big))
