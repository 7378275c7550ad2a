# sys.getrefcount deltas as CPython reports them; sizes and __slots__
import sys
x = []
print("fresh", sys.getrefcount(x))
y = x
print("second name", sys.getrefcount(x))
l = [x, x, x]
print("in a list x3", sys.getrefcount(x))
del l
print("list gone", sys.getrefcount(x))
d = {"k": x}
print("dict value", sys.getrefcount(x))
d["k"] = None
print("replaced", sys.getrefcount(x))
t = (x,)
print("tuple", sys.getrefcount(x))
del t
def f(a):
    return sys.getrefcount(a)
print("argument", f(x))
def g(a, b):
    return sys.getrefcount(a)
print("argument of two", g(x, 1))
class C:
    pass
c = C()
print("instance", sys.getrefcount(c))
c.attr = x
print("attribute", sys.getrefcount(x))
del c.attr
print("attr deleted", sys.getrefcount(x))
it = iter([x])
print("in iterator's list", sys.getrefcount(x))
del it
print("iterator gone", sys.getrefcount(x))
m = C()
bound = m.__init__
print("bound method holds self", sys.getrefcount(m))
del bound
print("released", sys.getrefcount(m))
print(sys.getrefcount(object()))

print("-- sizes")
class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2
class Slots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
print("slots instances have no __dict__:", not hasattr(Slots(), "__dict__"))
print("slots smaller:", sys.getsizeof(Slots()) < sys.getsizeof(Plain()))
before = sys.getallocatedblocks()
plain = [Plain() for _ in range(1000)]
mid = sys.getallocatedblocks()
slots = [Slots() for _ in range(1000)]
after = sys.getallocatedblocks()
print("slots use fewer blocks:", (after - mid) < (mid - before))
print("list grows:", sys.getsizeof([1] * 100) > sys.getsizeof([]))
print("getsizeof default:", sys.getsizeof(1, None) > 0)
class Sized:
    def __sizeof__(self):
        return 1000
print("custom __sizeof__ counted:", sys.getsizeof(Sized()) >= 1000)
class BadSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print("ValueError", e)
print(id(x) == id(y), isinstance(id(x), int))
