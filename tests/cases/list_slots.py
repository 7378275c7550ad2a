# list's slots: subscription and assignment (index, slice, extended slice)
# with CPython's errors, repr with its recursion guard, comparison (the
# deciding item's result returned as is; the lists re-read after each
# comparison), containment order, + * += *=, __init__ and extend.
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

l = list(range(10))
print(l[2:8:2], l[::-3], l[-3:], l[8:2:-2], l[100:], l[:-100], l[::2**100], l[-2**100:2**100])
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(l[I(3)], l[I(1):I(4)], l[True])
t(lambda: l[I(2**100)])
t(lambda: l['a':])
t(lambda: l[::0])
t(lambda: l[1, 2])

m = list(range(10))
m[2:5] = 'ab'; print(m)
m[::3] = [0] * 3; print(m)
m[5:2] = ['x']; print(m)
m[8:2:-2] = 'pqr'; print(m)
m[:] = m; print(m)
m[::-1] = m; print(m)
m[1:3] = (); print(m)
del m[::2]; print(m)
del m[-1]; print(m)
del m[10:]; print(m)
m[len(m):] = [1, 2]; print(m)
t(lambda: m.__setitem__(slice(None, None, 2), [1]))
t(lambda: m.__setitem__(slice(0, 1), 5))
t(lambda: m.__setitem__(slice(None, None, 2), 5))
t(lambda: m.__setitem__(100, 1))
t(lambda: m.__delitem__(-100))
t(lambda: m.__setitem__(2**100, 1))
t(lambda: m.__setitem__('a', 1))
t(lambda: m.__delitem__(1.5))

# The value of a slice assignment is iterated before the list is changed.
g = [1, 2, 3]
def gen():
    yield len(g)
    g.append(9)
    yield len(g)
g[0:1] = gen(); print(g)

# repr
r = [1, 2]; r.append(r); print(r, repr([]), [[]], [r, [r]])
class Shrink:
    def __repr__(self):
        s.pop()
        return 'S'
s = [1, Shrink(), 3, 4]
print(repr(s), s)

# Comparison.
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return False
    def __lt__(self, o): return "less!"
print([E(1)] < [E(2)], [1, E(1)] == [1, E(1)], [1, 2] < [1, 2, 3], [2] > [1, 9], [] < [0])
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1] == [1.0], [float('nan')] == [float('nan')])
x = float('nan'); print([x] == [x], (x,) == (x,))
class M:
    def __eq__(self, o):
        a.clear()
        return False
a = [M(), 1]; b = [M(), 2]
print(a < b, a, len(b))
t(lambda: [1] < [None])
t(lambda: [1] < (1,))
print([1] == (1,), [1].__eq__((1,)))

# Containment compares item == x, re-reading the list.
class Eq:
    def __eq__(self, o):
        print("eq", type(o).__name__)
        return False
print(Eq() in [1, 2], 3 in [Eq()])
class Pop:
    def __eq__(self, o):
        c.pop()
        return False
c = [Pop(), Pop(), Pop(), 5]
print(5 in c, len(c))

# + * += *=
print([1] + [2], [1] * 3, 3 * [1, 2], [1] * -1, [] * 5, [1] * 0)
t(lambda: [1] + (2,))
t(lambda: [1] * 'a')
t(lambda: [1] * 1.5)
t(lambda: [1] * 2**100)
t(lambda: [1, 2] * 2**62)
y = [1]; z = y; y += (2, 3); y += 'ab'; y += {4: 0}; print(y, z is y)
y *= 2; print(y, z is y)
y *= 0; print(y, z is y)
def aug():
    w = [1]
    w += 5
t(aug)

# __init__ empties the list first, then extends.
k = [1, 2]; k.__init__('xy'); print(k)
k.__init__(); print(k)
k = [1, 2]; k.__init__(k); print(k)
t(lambda: list.__init__([], 1, 2))
t(lambda: list(x=1))
class Sized:
    def __len__(self):
        print("len called")
        return 2
    def __iter__(self):
        return iter('ab')
print(list(Sized()))
class BadLen:
    def __len__(self): raise ValueError("no len")
    def __iter__(self): return iter('ab')
t(lambda: list(BadLen()))
class TypeLen:
    def __len__(self): raise TypeError("no len")
    def __iter__(self): return iter('ab')
t(lambda: list(TypeLen()))
class Hint:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self):
        print("hint")
        return 5
print(list(Hint()), [].extend(Hint()))
class BadHint:
    def __iter__(self): return iter([1])
    def __length_hint__(self): return -1
t(lambda: list(BadHint()))
class StrHint:
    def __iter__(self): return iter([1])
    def __length_hint__(self): return 'x'
t(lambda: list(StrHint()))

# extend appends as the items come.
e = [0]
def watch():
    for i in range(3):
        yield len(e)
e.extend(watch()); print(e)
def fail():
    yield 1
    raise KeyError("stop")
f = [0]
try:
    f.extend(fail())
except KeyError:
    print(f)
f.extend(f); print(f)
