# finalizers and weakref callbacks that raise, resurrect, allocate, mutate
# other objects or collect again while a collection is running
import gc, sys, weakref
gc.disable()
gc.collect()
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value)
sys.unraisablehook = hook

graveyard = []

class Evil:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        # allocate a new cycle, collect recursively (a no-op while
        # collecting), resurrect one object, break a neighbour's links
        junk = [self.n]
        junk.append(junk)
        r = gc.collect()
        if self.n % 3 == 0:
            graveyard.append(self)
        if hasattr(self, "other"):
            self.other.__dict__.clear()
        if self.n % 5 == 0:
            raise KeyError(self.n)
        print("del", self.n, "inner collect", r)

nodes = [Evil(i) for i in range(10)]
for i, n in enumerate(nodes):
    n.other = nodes[(i + 1) % 10]
    n.self = n
refs = [weakref.ref(n, lambda w, i=i: print("callback", i, w())) for i, n in enumerate(nodes)]
del nodes, n
print("collected:", gc.collect())
print("resurrected:", sorted(e.n for e in graveyard))
print("refs alive:", sum(1 for r in refs if r() is not None))
graveyard.clear()
print("second:", gc.collect())
print("refs alive:", sum(1 for r in refs if r() is not None))

# a weakref callback that resurrects its referent's neighbour and raises
class B:
    pass
keep = []
a = B(); b = B(); a.b = b; b.a = a
def cb(w):
    keep.append(w)
    raise ValueError("from callback")
wa = weakref.ref(a, cb)
del a, b
print("collected:", gc.collect(), len(keep), keep[0] is wa)

# finalizer raising during refcount destruction of a long chain
class Chain:
    def __init__(self, nxt):
        self.nxt = nxt
    def __del__(self):
        if self.nxt is None:
            raise RuntimeError("end of chain")
c = None
for i in range(5000):
    c = Chain(c)
del c
print("chain done")
# callbacks and finalizers allocating heavily during an automatic collection
gc.enable()
gc.set_threshold(10)
class Alloc:
    def __del__(self):
        [Alloc.__name__ * 2 for _ in range(20)]
for i in range(3000):
    x = Alloc(); x.me = x
gc.disable()
gc.set_threshold(700)
print("final:", gc.collect() >= 0)
