# slicing with steps
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3], a[::2], a[1::3], a[::-1], a[::-2], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[2:5:-1], a[None:None:None])
s = "abcdefgh"
print(s[::-1], s[1:7:2], s[-2::-3], s[:0])
t = tuple(a)
print(t[::3], t[5:1:-1])
sl = slice(1, 8, 3)
print(a[sl], sl, sl.start, sl.stop, sl.step, slice(5))
print(slice(None, None, -1).indices(10), slice(2, 100).indices(5))
print(range(10)[::-2], range(10)[2:8:3])
try:
    a[::0]
except ValueError as e:
    print(e)
