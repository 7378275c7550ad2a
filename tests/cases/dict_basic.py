# dicts keep insertion order
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d)
del d["a"]
d["a"] = 5
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
print(d.get("z"), d.get("z", 0), d.get("b"))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({1: 2}), dict(), dict(zip("ab", [1, 2])))
print({1: "int", 1.0: "float"}, {(1, 2): 3}, {None: 0})
e = {}
e[1] = e.get(1, 0) + 1
e[1] = e.get(1, 0) + 1
print(e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged)
merged |= {"c": 4}
print(merged)
print(repr({"k": [1, 2], "n": {"x": None}}))
try:
    {[1]: 2}
except TypeError as e:
    print(e)
