# dict methods
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d.pop("z", None), d)
print(d.popitem(), d)
print(d.setdefault("b", 100), d.setdefault("x", 7), d)
d.update({"y": 8}, z=9)
d.update([("w", 0)])
print(d)
c = d.copy()
c["b"] = -1
print(d["b"], c["b"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
ks = d.keys()
d["new"] = 1
print(ks, len(ks), "new" in ks)
print(d.values(), d.items())
print(sorted(d), sorted(d.items()), list(reversed(d)))
d.clear()
print(d, bool(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("q")
except KeyError as e:
    print("KeyError:", e)
try:
    for k in {1: 1, 2: 2}.copy():
        pass
    x = {1: 1}
    for k in x:
        x[k + 1] = 0
except RuntimeError as e:
    print(e)
