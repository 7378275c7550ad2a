import weakref, gc

class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"

a = Obj(1); b = Obj(2)
r = weakref.ref(a)
print(r() is a, type(r).__name__)
wvd = weakref.WeakValueDictionary()
wvd['a'] = a; wvd['b'] = b
print(sorted(wvd.keys()), wvd['a'], len(wvd))
del b
gc.collect()
print(sorted(wvd.keys()), 'b' in wvd)
wkd = weakref.WeakKeyDictionary()
k = Obj(3)
wkd[k] = 'three'
print(wkd[k], len(wkd))
del k
gc.collect()
print(len(wkd))
ws = weakref.WeakSet()
x = Obj(4); y = Obj(5)
ws.add(x); ws.add(y)
print(len(ws), x in ws)
del x
gc.collect()
print(len(ws), list(ws))
def cb():
    print("finalized")
z = Obj(6)
f = weakref.finalize(z, cb)
print(f.alive)
del z
gc.collect()
print(f.alive)
class M:
    def meth(self): return "m"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
gc.collect()
print(wm())
p = weakref.proxy(a)
print(p.n)
