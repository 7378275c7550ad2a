# Instance namespaces stored as inline values keyed by the class's shared
# keys: the order, deletion, overflow and materialisation rules must be
# invisible to Python code.
import gc

class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

p = P(1, 2)
q = P(3, 4)
q.c = 5
print(vars(p), vars(q))
r = P(5, 6)                       # created after 'c' became a shared key
print(vars(r), hasattr(r, "c"))

# Per-instance insertion order (a key set out of the class's order).
class O:
    pass
o1 = O(); o1.x = 1; o1.y = 2
o2 = O(); o2.y = 3; o2.x = 4
print(list(vars(o1)), list(vars(o2)))
o3 = O(); o3.x = 1; o3.y = 2; del o3.x; o3.x = 9
print(list(vars(o3)), o3.x)

# Deleting and missing attributes.
d = P(1, 2)
del d.a
print(vars(d))
try:
    del d.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    d.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d.zzz
except AttributeError as e:
    print("AttributeError:", e)

# More keys than a class shares (30).
class Many:
    pass
m = Many()
for i in range(40):
    setattr(m, "k%d" % i, i)
print(len(vars(m)), m.k0, m.k39, list(vars(m))[:3], list(vars(m))[-2:])
m2 = Many()
for i in range(35, -1, -1):
    setattr(m2, "k%d" % i, i)
print(list(vars(m2))[:3], m2.k35, m2.k0)

# Names that are not interned, and str subclasses as names.
class S(str):
    pass
n = O()
name = "".join(["dyn", "amic"])
setattr(n, name, 1)
setattr(n, S("sub"), 2)
print(n.dynamic, getattr(n, "sub"), vars(n))

# The namespace after obj.__dict__ is taken stays in sync both ways.
t = P(1, 2)
dd = t.__dict__
t.z = 3
dd["w"] = 4
print(dd, t.w, t.z)
del t.a
print(dd, "a" in dd)

# Methods shadowed by instance attributes.
class M:
    def f(self):
        return "method"
mm = M()
print(mm.f())
mm.f = lambda: "instance"
print(mm.f())
del mm.f
print(mm.f())

# __class__ assignment between classes with different shared keys.
class A:
    def __init__(self):
        self.u = 1
        self.v = 2
class B:
    def __init__(self):
        self.v = 3
        self.w = 4
B()
a = A()
a.__class__ = B
print(type(a).__name__, vars(a), a.u, a.v)
a.w = 5
print(vars(a))

# __slots__ together with a namespace.
class SD:
    __slots__ = ("s", "__dict__")
sd = SD()
sd.s = 1
sd.t = 2
print(sd.s, sd.t, vars(sd))

# Cycles through inline values are collected with CPython's counts.
gc.collect()
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.kids = []
root = Node(None)
for i in range(5):
    root.kids.append(Node(root))
del root
print("collected", gc.collect())
x = Node(None)
x.parent = x
vars(x)
del x
print("collected after vars()", gc.collect())
y = Node(None)
y.parent = y
y.__dict__
del y
print("collected after __dict__", gc.collect())

# Many instances, each with the full set of keys.
objs = [P(i, -i) for i in range(10000)]
print(sum(o.a + o.b for o in objs), objs[-1].__dict__)

# Assigning and deleting __dict__.
class DA:
    def __init__(self):
        self.x = 1
da = DA()
da.__dict__ = {"y": 2}
print(da.y, hasattr(da, "x"), vars(da))
da.z = 3
print(vars(da))
db = DA()
old = db.__dict__
db.__dict__ = {"q": 1}
print(old, vars(db), db.q)
del db.__dict__
print(vars(db), hasattr(db, "q"))
db.r = 4
print(vars(db))
try:
    db.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
class D2(dict):
    pass
db.__dict__ = D2(s=1)
print(db.s, type(vars(db)).__name__)
dc = DA()
dc.__dict__.update(w=5)
print(dc.w, vars(dc))
dc.__dict__.clear()
print(hasattr(dc, "x"), vars(dc))
class Cyc:
    pass
gc.collect()
cy = Cyc()
cy.__dict__ = {"me": cy}
del cy
print("collected after __dict__ assignment", gc.collect())

# __class__ assignment needs the same layout (slots and namespace).
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b", "c")
class S3:
    __slots__ = ("a",)
s = S1()
s.a = 1
try:
    s.__class__ = S2
except TypeError as e:
    print("TypeError:", e)
try:
    s.__class__ = P
except TypeError as e:
    print("TypeError:", e)
s.__class__ = S3
print(type(s).__name__, s.a)
