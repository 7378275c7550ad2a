# mappingproxy declared through its TypeSpec: a read-only mapping over a
# mapping; its descriptors, forwarding, and errors.
import types
MP = types.MappingProxyType
print(sorted(MP.__dict__), MP.__doc__, MP.__hash__, MP.__name__, MP.__module__)
for name in ["get", "keys", "copy", "__reversed__", "__getitem__", "__contains__", "__ior__"]:
    v = MP.__dict__[name]
    print(name, type(v).__name__, repr(v.__doc__))
d = {"a": 1, "b": 2}
m = MP(d)
print(m, str(m), repr(m), len(m), m["a"], "b" in m, "z" in m, list(m), m.get("a"), m.get("z"), m.get("z", 0))
print(m.keys(), m.values(), m.items(), m.copy(), type(m.copy()).__name__, list(reversed(m)))
print(m == d, m != d, m == {"a": 1}, m | {"c": 3}, {"z": 0} | m, m | MP({"q": 1}), MP(mapping={}))
d["c"] = 3
print(m, len(m))
for call in [lambda: m.__setitem__("x", 1), lambda: MP(), lambda: MP([]), lambda: MP(()), lambda: MP(5),
             lambda: MP({}, 1), lambda: MP(x=1), lambda: m.get(), lambda: m.get(1, 2, 3), lambda: m.get(a=1),
             lambda: m.keys(1), lambda: hash(m), lambda: m < d, lambda: m["zz"], lambda: [] | m,
             lambda: m | 1, lambda: MP.get(d, 1), lambda: MP.__len__(d)]:
    try:
        print("ok", call())
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    m["x"] = 1
except TypeError as ex:
    print(ex)
try:
    del m["a"]
except TypeError as ex:
    print(ex)
try:
    m |= {}
except TypeError as ex:
    print(ex)
class C:
    x = 1
print(type(C.__dict__).__name__, C.__dict__["x"], "x" in C.__dict__, MP("abc")[1], MP([1]) if False else 0)
try:
    class Sub(MP):
        pass
except TypeError as ex:
    print(ex)
print(MP(C.__dict__)["x"], MP(MP(d))["a"], MP(d).__class_getitem__(int))
