# Tuples keep their items inside their own block; every length, subclass
# and lifetime must behave as CPython's.
import gc

big = tuple(range(100000))
print(len(big), big[0], big[-1], big[65535], sum(big[:10]), big[-3:])
print(hash(tuple(range(20))) == hash(tuple(range(20))), (1, 2) == (1, 2), (1, 2) < (1, 3))

# Every freelist length, over and over.
total = 0
for rep in range(200):
    for n in range(0, 25):
        t = tuple(range(n))
        total += len(t) + (t[-1] if t else 0)
print(total)

# Subclasses, with a managed __dict__ and with __slots__.
class Pair(tuple):
    pass
p = Pair((1, 2))
p.label = "p"
print(p, p.label, type(p).__name__, len(p), p + (3,), vars(p))
class Point(tuple):
    __slots__ = ()
    @property
    def x(self):
        return self[0]
print(Point((5, 6)).x, Point((5, 6)))

# Cycles through tuples are found, with CPython's counts.
gc.collect()
gc.disable()
l = []
t = (l, 1)
l.append(t)
del l, t
print("collected", gc.collect())
a = ([], [])
a[0].append(a)
a[1].append(a[1])
del a
print("collected", gc.collect())
gc.enable()

# Tracking: tuples of atoms are untracked by a collection, as in CPython.
t1 = (1, "a", None)
t2 = ([],)
gc.collect()
print(gc.is_tracked(t1), gc.is_tracked(t2), gc.is_tracked(()))

# Building tuples from the stack and from iterables.
def build(a, b, c):
    return (a, b, c), (*[a, b], c), tuple(x for x in (a, b, c))
print(build(1, "two", 3.0))
nested = ((1, (2, (3, (4, ())))),)
print(nested, len(str(nested)))
empty = ()
print(tuple(), empty is tuple(), (1,) * 3, (1, 2) * 0)
