# tuple, range and slice slots and methods: hashes, comparisons, identity
# results, big-int ranges, slicing and reversal, containment rules.
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

# tuple
print(hash(()), hash((1,)), hash((1, 2, 3)), hash((True, 'a', (2.5, -1))), hash(((),)))
print(hash(tuple(range(100))), hash((-1,)), hash((2**70,)))
t(lambda: hash((1, [])))
a = (1, 2, 3)
print(a[:] is a, a[0:3] is a, a[0:3:1] is a, a + () is a, () + a is a, a * 1 is a, tuple(a) is a)
print(a[::-1], a[1:], a[5:], a[-2], a[True], () * 5, a * 0, a * -2, 2 * a)
class T(tuple):
    pass
b = T(a)
print(type(b[:]).__name__, type(b + ()).__name__, type(b * 1).__name__, type(tuple(b)).__name__)
print(b.__getnewargs__(), type(b.__getnewargs__()[0]).__name__, a.__getnewargs__()[0] is a)
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v)
        return False
    def __lt__(self, o): return "lt-result"
print((E(1),) == (E(2), 3))
print((E(1),) < (E(2),), (1, 2) < (1, 2, 0), (1, 3) > (1, 2, 9), () < (0,))
print((1, 2).index(2), (1, 2, 1).index(1, 1), (1, 2, 1).index(1, -1), (1, 2).count(1))
t(lambda: (1, 2).index(3))
t(lambda: (1, 2).index(2, 0, 1))
t(lambda: (1, 2)[2])
t(lambda: (1, 2)[2**100])
t(lambda: (1,) + [1])
t(lambda: (1,) * 2**62)
print(tuple('abc'), tuple(range(3)), tuple({1: 2}), tuple(x for x in 'xy'))
print(E(0) in (1,), 1 in (E(5),))
r = (1, [2]); r[1].append(r); print(r)

# range
print(range(10), range(1, 10), range(1, 10, 2), range(10, 0, -3), range(True, (3).__index__()))
print(list(range(-5, 5, 3)), list(range(5, -5, -3)), list(range(0)), len(range(0, 100, 7)))
R = range(2**64, 2**64 + 10, 3)
print(R, len(R), list(R), R[1], R[-1], R[1:], R[::-1], list(reversed(R)))
print(2**64 + 3 in R, 2**64 + 4 in R, R.index(2**64 + 6), R.count(2**64 + 6), R.count(5))
t(lambda: len(range(2**64)))
print(range(2**64)[2**63], range(2**64)[-1], bool(range(2**64)), bool(range(5, 5)))
print(range(0, 2**64)[2**63:], len(range(0, 2**64)[2**63 + 5:]), range(-5, 5)[-3:10:2], range(5)[::-1])
print(range(5, 0, -2)[1:], range(10)[2:8:3][1:], range(10)[::-1][::-1])
print(hash(range(0)) == hash(range(5, 1)), hash(range(1, 2)) == hash(range(1, 3, 5)))
print(hash(range(3)) == hash((3, 0, 1)), hash(range(2**64)) == hash((2**64, 0, 1)))
print(range(0) == range(2, 2), range(1, 2) == range(1, 3, 5), range(0, 4, 2) == range(0, 3, 2))
print(range(3) == [0, 1, 2], range(3) != range(3), range(2**70) == range(2**70))
t(lambda: range(3) < range(4))
t(lambda: range(10)[10])
t(lambda: range(10)[-11])
t(lambda: range(10)[2**100])
t(lambda: range(10)['a'])
t(lambda: range(10)[::0])
print(3 in range(10), 3.0 in range(10), 11 in range(10), -1 in range(0, -5, -1), True in range(2))
class I(int):
    def __eq__(self, o):
        print("I.eq", o)
        return int.__eq__(self, o)
    __hash__ = int.__hash__
print(I(2) in range(4))
print(range(10).index(4), range(0, 20, 5).index(15), range(10, 0, -2).index(4), range(5).index(True))
print(range(10).count(3), range(10).count(3.0), range(10).count('a'), range(5).index(2.0))
t(lambda: range(10).index(10))
t(lambda: range(10).index('a'))
t(lambda: range(10).index(2.5))
print(range(1, 5).__reduce__(), range(5).start, range(5).stop, range(1, 9, 2).step)
t(lambda: setattr(range(3), 'start', 1))
t(lambda: range(1, 2, 0))
t(lambda: range(1.5))
t(lambda: range('a', 2))
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range(x=1))
class Idx:
    def __index__(self): return 4
print(range(Idx()), range(Idx(), 10, Idx())[1], type(range(Idx()).stop).__name__)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))))
big = 2**63 - 1
print(list(range(big - 2, big)), list(reversed(range(big - 2, big))), list(range(-big - 1, -big + 1)))
print(list(reversed(range(-2**63, -2**63 + 4, 2))), list(range(big - 5, big, 2)))

# slice
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, 2).step, s.start, s.stop, s.step)
print(s.indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(10))
print(slice(None, None, -1).indices(2**70), slice(-2**80, 2**80, 3).indices(10), slice(True, 2).indices(10))
print(s == slice(1, 10, 2), s != slice(1, 10), slice(1) < slice(2), slice(1, 2) <= slice(1, 3), s == s, s >= s)
print(s.__reduce__(), slice('a', [1]), slice(1, 2) == (1, 2))
t(lambda: hash(slice(1)))
t(lambda: {slice(1): 2})
t(lambda: slice(1) < 1)
t(lambda: slice(1, 2, 0).indices(5))
t(lambda: slice(1, 2).indices(-1))
t(lambda: slice('a').indices(5))
t(lambda: slice(1, 2).indices('a'))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(x=1))
t(lambda: setattr(s, 'start', 0))
t(lambda: type('S', (slice,), {}))
t(lambda: type('R', (range,), {}))
