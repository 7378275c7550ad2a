# weak references: callbacks at refcount death and during collection,
# proxies, shared basic refs, errors
import gc, _weakref, weakref
gc.disable()
gc.collect()

class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return "A(%s)" % self.n

a = A(1)
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print("shared:", r1 is r2, weakref.getweakrefcount(a))
log = []
r3 = weakref.ref(a, lambda w: log.append(("r3", w() is None)))
r4 = weakref.ref(a, lambda w: log.append(("r4", w() is None)))
print(weakref.getweakrefcount(a), [w is r1 for w in weakref.getweakrefs(a)])
print(r1() is a, r1 == r2, r3 == r1, hash(r1) == hash(a))
del a
print("callbacks newest first:", log)
print(r1(), r1 == r2, r1 is r2)

print("-- during collection")
log.clear()
b = A(2); c = A(3)
b.c = c; c.b = b
wb = weakref.ref(b, lambda w: log.append("b collected"))
del b, c
print("collect:", gc.collect(), log, wb())

print("-- weakref in the trash itself: no callback")
log.clear()
d = A(4)
d.self = d
d.wr = weakref.ref(d, lambda w: log.append("never"))
del d
print("collect:", gc.collect(), log)

print("-- callback resurrects nothing, may allocate")
keep = []
e = A(5)
we = weakref.ref(e, lambda w: keep.append([w, list(range(3))]))
del e
print(len(keep), keep[0][1])

print("-- proxy")
f = A(6)
p = weakref.proxy(f)
print(p.n, repr(p).startswith("<weakproxy at"), type(p).__name__)
p.n = 60
print(f.n)
del f
try:
    p.n
except ReferenceError as ex:
    print("ReferenceError:", ex)
def fn(x): return x * 2
cp = weakref.proxy(fn)
print(cp(21), type(cp).__name__)
lst_holder = A(7)
lp = weakref.proxy(lst_holder)
print(bool(lp))

print("-- types")
print(weakref.ref is _weakref.ref, weakref.ReferenceType, weakref.ProxyType)
class R(weakref.ref):
    pass
rr = R(lst_holder)
print(type(rr).__name__, rr() is lst_holder, isinstance(rr, weakref.ref))

print("-- errors")
for expr in ["weakref.ref(1)", "weakref.ref('s')", "weakref.ref([])", "weakref.ref({})",
             "weakref.ref(None)", "weakref.ref()", "weakref.ref(A(0), None, 1)",
             "weakref.proxy(1)", "hash(weakref.proxy(lst_holder))", "weakref.ref(object())"]:
    try:
        print(expr, "->", eval(expr) is not None)
    except Exception as ex:
        print(expr, "->", type(ex).__name__, ex)
class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
for cls in (Slotted, SlottedWeak):
    try:
        weakref.ref(cls()); print(cls.__name__, "ok")
    except TypeError as ex:
        print(cls.__name__, ex)
g = A(8)
dead = weakref.ref(g)
del g
try:
    hash(dead)
except TypeError as ex:
    print("hash dead:", ex)
import weakref
class A:
    pass
keep = A()
p = weakref.proxy(keep)
try:
    p.missing
except AttributeError as e:
    print(e)
print(p.__class__.__name__, type(p).__name__)
