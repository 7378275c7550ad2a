# Slicing edge cases on every built-in sequence: negative steps, huge and
# negative indices, tails, slice assignment of other lengths, del slices.
import sys

BIG = sys.maxsize
HUGE = 10 ** 30
KEYS = [
    slice(None), slice(-3, None), slice(None, -3), slice(2, 5), slice(5, 2),
    slice(None, None, -1), slice(-1, -4, -1), slice(None, None, 2),
    slice(1, None, 3), slice(-100, 100), slice(100, -100, -1), slice(BIG, None),
    slice(-BIG, BIG), slice(None, None, -BIG), slice(HUGE, -HUGE, -2),
    slice(-HUGE, HUGE, 3), slice(3, 3), slice(0, 0, -1), slice(-1, None, -2),
]


def show(seq):
    for k in KEYS:
        print(type(seq).__name__, (k.start, k.stop, k.step), seq[k])


show(list(range(10)))
show(tuple(range(10)))
show("abcdefghij")
show(b"abcdefghij")
show(bytearray(b"abcdefghij"))
show(range(10))
show(range(3, 30, 3))
show(range(20, 0, -2))
show([])
show(b"")
show(bytearray())

for k in KEYS:
    print(k.indices(10), k.indices(0))

# slice assignment of different lengths
for mk in (list, bytearray):
    for k, new in [
        (slice(2, 5), b"x"), (slice(2, 5), b"wxyz"), (slice(-2, None), b"abc"),
        (slice(8, 2), b"pq"), (slice(HUGE, None), b"end"), (slice(-HUGE, 0), b"st"),
        (slice(None, None, 2), b"VWXYZ"), (slice(None, None, -3), b"ABCD"),
        (slice(0, 0), b""), (slice(None), b""),
    ]:
        w = mk(b"0123456789")
        value = list(new) if mk is list else new
        w[k] = value
        print(mk.__name__, "assign", (k.start, k.stop, k.step), w)
    for k in [slice(None, None, 2), slice(None, None, -1)]:
        w = mk(b"0123456789")
        try:
            w[k] = mk(b"ab")
        except ValueError as e:
            print(mk.__name__, "ValueError", e)
    for k in [slice(2, 5), slice(-1, None), slice(-3, None), slice(None, None, 2),
              slice(None, None, -3), slice(5, 2), slice(HUGE, None), slice(None),
              slice(-HUGE, 3), slice(1, 8, 3)]:
        w = mk(b"0123456789")
        del w[k]
        print(mk.__name__, "del", (k.start, k.stop, k.step), w)

# a window walk and repeated tails on a long list and bytearray
w = list(range(1000))
print(sum(len(w[i:i + 9]) for i in range(0, 1000, 9)), w[-3:], w[-1:-4:-1])
b = bytearray(range(256)) * 4
print(sum(len(b[i:i + 9]) for i in range(0, 1024, 9)), b[-3:], b[-1:-4:-1])
for i in range(100):
    b[-2:] = b"abc"
    del b[-1:]
print(len(b), b[-5:])


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


b = bytearray(b"0123456789")
print(b[Idx(2):Idx(-2):Idx(2)], list(range(10))[Idx(-3):])
b[Idx(1):Idx(3)] = b"AB"
del b[Idx(-2):]
print(b)
try:
    b[1:2:0]
except ValueError as e:
    print("ValueError", e)
try:
    b["a":]
except TypeError as e:
    print("TypeError", e)
