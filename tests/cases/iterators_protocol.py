# The built-in iterators: stepping, exhaustion, __length_hint__,
# __reduce__ and __setstate__; enumerate/zip/map/filter/reversed semantics
# (strict zip's messages, enumerate's start, reversed's protocol), and the
# __getitem__ and callable iterators.
import operator
def t(f):
    try:
        r = f()
        s = repr(r)
        print("ok", s if " at 0x" not in s else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

def show(it):
    r = it.__reduce__()
    parts = []
    for p in r:
        s = repr(p)
        if isinstance(p, tuple):
            s = repr(tuple(type(x).__name__ if " at 0x" in repr(x) else x for x in p))
        parts.append(s)
    return parts

l = [1, 2, 3]
it = iter(l)
print(it.__length_hint__(), next(it), it.__length_hint__(), show(it))
l.append(4); print(it.__length_hint__(), list(it), it.__length_hint__(), show(it))
l.append(5); print(list(it))
it = iter(l); it.__setstate__(3); print(list(it))
it = iter(l); it.__setstate__(-5); print(next(it)); it.__setstate__(99); print(list(it), it.__length_hint__())
t(lambda: iter([]).__setstate__('a'))
t(lambda: iter([]).__setstate__(2**100))
t(lambda: iter([]).__setstate__(1.0))
print(operator.length_hint(iter(l)), operator.length_hint(iter(())), operator.length_hint(iter(range(7))))

r = reversed(l)
print(r.__length_hint__(), next(r), show(r), r.__length_hint__())
del l[1:]; print(r.__length_hint__(), list(r), show(r))
l = [1, 2, 3]; r = reversed(l); r.__setstate__(0); print(list(r))
r = reversed(l); r.__setstate__(-7); print(list(r), show(r))
r = reversed(l); r.__setstate__(50); print(list(r))

ti = iter((1, 2, 3)); next(ti)
print(ti.__length_hint__(), show(ti)); ti.__setstate__(0); print(list(ti), show(ti))

ri = iter(range(1, 10, 2)); next(ri)
print(ri.__length_hint__(), show(ri)); ri.__setstate__(3); print(list(ri), ri.__length_hint__())
ri = iter(range(5)); ri.__setstate__(-3); print(list(ri))
ri = iter(range(5)); ri.__setstate__(True); print(list(ri))
t(lambda: iter(range(5)).__setstate__('x'))
print(show(reversed(range(3))), show(iter(range(0))), list(reversed(range(0))))
lr = iter(range(2**64, 2**64 + 5)); next(lr)
print(type(lr).__name__, lr.__length_hint__(), show(lr), next(lr))
lr.__setstate__(-1); print(next(lr)); lr.__setstate__(10**30); print(list(lr), lr.__length_hint__())
lr = iter(range(2**64, 2**64 + 5)); lr.__setstate__(1.5); print(next(lr), lr.__length_hint__())
lrr = reversed(range(2**64, 2**64 + 3)); print(type(lrr).__name__, list(lrr))

class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
    def __len__(self): return self.n
si = iter(Seq(3)); next(si)
print(type(si).__name__, si.__length_hint__(), show(si), list(si), si.__length_hint__(), show(si))
si = iter(Seq(4)); si.__setstate__(2); print(list(si))
class NoLen:
    def __getitem__(self, i):
        if i > 2:
            raise StopIteration
        return i
ni = iter(NoLen()); print(ni.__length_hint__(), list(ni))
print(list(reversed(Seq(4))))
rv = reversed(Seq(3)); print(type(rv).__name__, rv.__length_hint__(), next(rv), show(rv))
rv.__setstate__(1); print(list(rv), show(rv))
class Short:
    def __len__(self): return 5
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i
print(list(reversed(Short())), list(reversed((1, 2, 3))), list(reversed('abc')))
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
t(lambda: reversed(NoRev()))
t(lambda: reversed(set()))
t(lambda: reversed(iter([])))
class R2(reversed):
    pass
print(type(R2((1, 2))).__name__, type(R2([1, 2])).__name__, list(R2((1, 2))))

counter = [0]
def f():
    counter[0] += 1
    return counter[0]
ci = iter(f, 3)
print(type(ci).__name__, show(ci), list(ci), show(ci), list(ci))
class Sentinel:
    def __eq__(self, o):
        print("sentinel.__eq__", o)
        return o == 2
counter[0] = 0
print(list(iter(f, Sentinel())))
def stop():
    raise StopIteration
print(list(iter(stop, 1)))

e = enumerate("abc", 5); next(e); print(show(e), list(e), list(e))
print(list(enumerate('ab', True)), list(enumerate('ab', 2**63 - 1)), list(enumerate('ab', -2**63)))
print(list(enumerate('a', 2**100)), list(enumerate(iterable='xy', start=3)))
class Start:
    def __index__(self): return 7
print(list(enumerate('a', Start())))
t(lambda: enumerate('a', 1.0))
class En(enumerate):
    pass
print(list(En('ab', 1)), type(En('a')).__name__)
t(lambda: En())
t(lambda: En('a', 1, 2))
t(lambda: En('a', x=1))
t(lambda: En('a', iterable='b'))
t(lambda: En(start=2))

z = zip([1, 2], 'ab'); print(show(z), list(z))
z = zip([1], [2], strict=True); print(show(z)); z.__setstate__(False); print(show(z))
t(lambda: list(zip([1], [], strict=True)))
t(lambda: list(zip([1], [1], [], strict=True)))
t(lambda: list(zip([], [1], strict=True)))
t(lambda: list(zip([], [], [1], strict=True)))
t(lambda: list(zip([1, 2], [1, 2], strict=[])))
t(lambda: list(zip(strict=True)))
def boom():
    yield 1
    raise KeyError("boom")
t(lambda: list(zip(boom(), [1, 2, 3], strict=True)))
t(lambda: list(zip([1], boom(), strict=True)))
# zip polls its iterators again after one ran out.
class Flaky:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n == 2 or self.n > 3:
            raise StopIteration
        return self.n
zz = zip(Flaky())
print(list(zz), list(zz))
print(list(zip()), list(zip('abc')), list(zip(range(3), range(5), 'xy')))

m = map(lambda *a: sum(a), [1, 2], [10, 20, 30]); print(show(m), list(m))
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2], [5, 5])))
t(lambda: map(str))
t(lambda: map(str, 1))
t(lambda: list(map(1, [1])))
class Mp(map):
    def __init__(self, *a, **k): pass
print(list(Mp(str, [1], extra=1)))
t(lambda: type('Mq', (map,), {})(str, [1], x=1))

fl = filter(None, [0, 1, '', 'a']); print(show(fl), list(fl))
print(list(filter(bool, [0, 2, None, 3])), list(filter(lambda x: x % 2, range(7))))
class B:
    def __bool__(self):
        print("bool called")
        return True
print(len(list(filter(bool, [B()]))), len(list(filter(None, [B()]))))
t(lambda: filter(None))
t(lambda: filter(None, 1))
t(lambda: filter(None, [], x=1))

d = {1: 'a', 2: 'b'}
for it in (iter(d), iter(d.values()), iter(d.items()), iter({3})):
    print(type(it).__name__, it.__length_hint__(), show(it), next(it), it.__length_hint__(), show(it))
di = iter(d); d[3] = 'c'
t(lambda: next(di)); t(lambda: next(di)); print(di.__length_hint__())
s = {1, 2}; si = iter(s); s.add(3)
t(lambda: next(si)); t(lambda: next(si)); print(si.__length_hint__())
