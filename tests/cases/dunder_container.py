# __len__, __getitem__, __setitem__, __delitem__, __iter__, __contains__, __reversed__, __bool__
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return "slice(%s, %s, %s)" % (i.start, i.stop, i.step)
        if i >= self.n:
            raise IndexError(i)
        return i * 10
s = Seq(4)
print(len(s), s[2], s[1:3], s[::2], list(s), 20 in s, 25 in s, bool(s), bool(Seq(0)))
for v in s:
    print(v, end=" ")
print()
print(list(reversed(s)) if hasattr(s, "__reversed__") else "no __reversed__", sorted(s, reverse=True))
class Store:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
st = Store()
st["b"] = 2
st["a"] = 1
st["a"] += 10
print(st["a"], "a" in st, "z" in st, list(st))
del st["b"]
print(list(st))
class Truthy:
    def __bool__(self):
        return False
class LenZero:
    def __len__(self):
        return 0
print(bool(Truthy()), not LenZero(), "yes" if Truthy() else "no")
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class Rev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(Rev())))
