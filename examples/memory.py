# A tour of minipy's memory management, as CPython 3.11 shows it:
#   minipy examples/memory.py        (same output as python3, addresses aside)
import gc
import sys
import weakref

gc.disable()  # collect only when asked, so the counts below are exact
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print(f"  __del__ {self.name}")


print("reference counting frees acyclic garbage at once:")
n = Node("alone")
print("  getrefcount:", sys.getrefcount(n))  # the name and the argument
del n

print("a cycle needs the collector:")
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
watch = weakref.ref(a, lambda r: print("  weakref callback: referent gone"))
del a, b
print("  unreachable objects found:", gc.collect())
print("  weakref now:", watch())

print("tracking: atoms are not tracked, containers are (dicts lazily):")
print("  ", gc.is_tracked(42), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"k": []}))

print("the collector's view:", gc.get_threshold(), len(gc.get_stats()), "generations")
print("__slots__ instances have no __dict__:")


class Point:
    __slots__ = ("x", "y")


p = Point()
print("  ", hasattr(p, "__dict__"))
print("end of script: module teardown finalizes what is left")
last = Node("still referenced at exit")
