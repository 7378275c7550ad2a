# cycles of lists, dicts and instances: gc.collect() returns CPython's counts
import gc
gc.disable()
gc.collect()

l = []
l.append(l)
del l
print("self list", gc.collect())

a = []; b = [a]; a.append(b)
del a, b
print("list pair", gc.collect())

d = {}
d["self"] = d
del d
print("self dict", gc.collect())

class A:
    pass

x = A(); y = A()
x.other = y; y.other = x
del x, y
print("instance pair", gc.collect())

x = A(); y = A()
x.other = y; y.other = x
x.__dict__  # materialises x's namespace: one more object
del x, y
print("instance pair, one dict materialised", gc.collect())

ring = [A() for _ in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
del ring, n
print("ring of 10", gc.collect())

# garbage hanging off a cycle is freed by refcounting, not counted
c = []
c.append(c)
c.append([1, 2, 3])
c.append({"k": "v"})
c.append((1, 2))
del c
print("cycle with atoms", gc.collect())

# nothing to do
print("empty", gc.collect())

# a reachable cycle is kept
keep = []
keep.append(keep)
print("reachable", gc.collect(), len(keep))

# tuples in cycles
t = ([],)
t[0].append(t)
del t
print("tuple cycle", gc.collect())

# generations: a young collection does not see old objects
old = []
old.append(old)
gc.collect()  # old is now in generation 2
del old
print("gen0 after del old", gc.collect(0))
print("gen2", gc.collect(2))
print(gc.collect(generation=1))
