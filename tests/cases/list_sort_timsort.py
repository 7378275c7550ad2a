# list.sort / sorted: the exact sequence of comparisons of CPython 3.11's
# timsort (runs, binary insertion, powersort merging, galloping), stability,
# reverse, key functions, errors, and mutation during the sort.
class K:
    log = []
    def __init__(self, v, tag=None):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        K.log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"K({self.v}{'' if self.tag is None else ', ' + repr(self.tag)})"

def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2**31
        yield x

def check(name, values):
    K.log = []
    items = [K(v, i) for i, v in enumerate(values)]
    items.sort()
    h = 0
    for a, b in K.log:
        h = (h * 1000003 + a * 7 + b) % (2**61 - 1)
    print(name, len(values), len(K.log), h, [k.tag for k in items][:12])

g = lcg(42)
check("random small", [next(g) % 100 for _ in range(40)])
check("random 500", [next(g) % 1000 for _ in range(500)])
check("random 3000 dups", [next(g) % 50 for _ in range(3000)])
check("sorted", list(range(300)))
check("reversed", list(range(300, 0, -1)))
check("sawtooth", [i % 37 for i in range(2000)])
check("runs", sorted([next(g) % 1000 for _ in range(700)]) + sorted([next(g) % 1000 for _ in range(300)]))
check("organ", list(range(500)) + list(range(500, 0, -1)))
check("gallop", list(range(0, 2000, 2)) + list(range(1, 2000, 2)))
check("few big", [next(g) for _ in range(1200)])

# Stability and reverse.
data = [K(v % 5, i) for i, v in enumerate(range(23))]
print(sorted(data, key=lambda k: k.v)[:8])
print(sorted(data, key=lambda k: k.v, reverse=True)[:8])
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("cba"), sorted((2.5, -1.0, 0.0, -0.0)))
print(sorted([True, 2, 0, False, 1]), sorted([2**70, -2**70, 5, 0]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([[2], [1, 5], [1]]))
nan = float('nan')
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))

# A failing comparison leaves a permutation of the items.
class Boom:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Boom.n += 1
        if Boom.n == 30:
            raise ValueError("boom")
        return self.v < o.v
    def __repr__(self): return str(self.v)
l = [Boom(v) for v in [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3]
try:
    l.sort()
except ValueError as e:
    print("error", e, sorted(b.v for b in l) == sorted([5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3), l)

# The list is empty during the sort; changing it is an error.
seen = []
def key(x):
    seen.append(len(lst))
    return -x
lst = [1, 2, 3]
lst.sort(key=key)
print(lst, seen)
def bad_key(x):
    lst2.append(x)
    return x
lst2 = [3, 1, 2]
try:
    lst2.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e, lst2)
class Mut:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        lst3.append(0)
        lst3.pop()
        return self.v < o.v
    def __repr__(self): return str(self.v)
lst3 = [Mut(2), Mut(1)]
try:
    lst3.sort()
except ValueError as e:
    print("ValueError", e, lst3)
class Clr:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        lst4.clear()
        return self.v < o.v
    def __repr__(self): return str(self.v)
lst4 = [Clr(2), Clr(1)]
lst4.sort()
print(lst4)

# A key that raises: the list is unchanged.
def key_err(x):
    if x == 2:
        raise KeyError(x)
    return x
l5 = [3, 2, 1]
try:
    l5.sort(key=key_err)
except KeyError as e:
    print("KeyError", e, l5)

# NotImplemented from __lt__ of a homogeneous type: the direct slot call,
# then the full comparison (which asks __lt__ again, then __gt__).
class N:
    calls = []
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        N.calls.append("lt")
        return NotImplemented
    def __gt__(self, o):
        N.calls.append("gt")
        return self.v > o.v
print(sorted([N(2), N(1)])[0].v, N.calls)

# Comparison results that are not bools.
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return [1] if self.v < o.v else []
    def __repr__(self): return f"R({self.v})"
print(sorted([R(3), R(1), R(2)]))

# Errors.
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: sorted([1, 'a']))
t(lambda: [2, 1].sort(key=1))
t(lambda: [].sort(1))
t(lambda: [].sort(1, 2, 3))
t(lambda: [].sort(key=None, reverse=False, x=1))
t(lambda: [].sort(foo=1))
t(lambda: sorted([1], reverse='x'))
t(lambda: sorted([1], reverse=2**40))
t(lambda: sorted([1], reverse=-1))
t(lambda: sorted())
t(lambda: sorted([], [], key=None))
t(lambda: sorted(5))
t(lambda: sorted({3: 1, 1: 2}))
t(lambda: sorted(x for x in (3, 1, 2)))

# list subclass: sort works on the storage.
class L(list):
    pass
s = L([3, 1, 2])
s.sort()
print(s, type(s).__name__, type(sorted(s)).__name__)
