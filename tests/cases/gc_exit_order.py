# at exit, objects still referenced from __main__ are finalized in the
# order CPython's teardown reaches them (sys.modules cleared, then a full
# collection of the module namespace cycle)
import atexit

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

b = A("b")
_a = A("_a")
c = A("c")

selfref = A("self-cycle")
selfref.me = selfref
pair1 = A("pair1"); pair2 = A("pair2")
pair1.o = pair2; pair2.o = pair1
# objects nested in containers: after a collection has reordered the
# generation lists (reachable ones found through their container move
# behind it), exit finalizes them after the directly held ones
import gc
lst = [A("in list")]
dct = {"k": A("in dict")}
gc.collect()
late = A("late")
atexit.register(print, "atexit 1")
atexit.register(lambda: print("atexit 2"))
print("end")
