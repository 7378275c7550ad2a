# del of names, items, slices, attributes
x = 1
del x
try:
    x
except NameError as e:
    print(e)
l = [0, 1, 2, 3, 4, 5]
del l[0]
del l[-1]
del l[1:3]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1]
print(nested)
def f():
    v = 1
    del v
    v = 2
    return v
print(f())
