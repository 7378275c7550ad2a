# dict views: live, set-like operations on keys/items
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(("a", 1) in it, ("a", 2) in it, "b" in k, 3 in v)
print(k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, d.keys() == d.keys())
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
del d["a"]
print(list(k), list(v))
print(type(k).__name__, type(v).__name__, type(it).__name__)
try:
    d.keys()[0]
except TypeError as e:
    print(e)
