# __del__ timing: at the last reference (refcounting) or during collection
# (cycles, PEP 442), at most once; resurrection
import gc
gc.disable()
gc.collect()

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("-- refcount")
d = D("a")
del d
print("after del a")
def f():
    D("temp")
    print("in f")
f()
x = D("rebound")
x = None
print("-- cycle")
p = D("p"); q = D("q")
p.q = q; q.p = p
del p, q
print("collect:", gc.collect())
print("-- cycle through list")
r = D("r")
r.l = [r]
del r
print("collect:", gc.collect())

print("-- resurrection")
saved = []
class R:
    def __del__(self):
        print("R.__del__")
        saved.append(self)
r = R()
r.self = r
del r
print("collect:", gc.collect())
print("saved:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("collect again:", gc.collect())  # finalizer does not run twice

print("-- resurrection by refcount")
class S:
    def __del__(self):
        print("S.__del__")
        global keep
        keep = self
s = S()
del s
print("kept:", type(keep).__name__)
del keep
print("after del keep")

print("-- exception in __del__")
class E:
    def __del__(self):
        raise ValueError("boom")
import sys
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value)
sys.unraisablehook = hook
e = E()
del e
print("-- __del__ order in a collected cycle")
a = D("first"); b = D("second"); c = D("third")
a.n = b; b.n = c; c.n = a
del a, b, c
print("collect:", gc.collect())
print("end")
