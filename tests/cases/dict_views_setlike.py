# dict_keys / dict_values / dict_items as TypeSpec types: set-like
# comparisons and algebra (either operand may be the view), mapping,
# isdisjoint, reversed, reprs, and their descriptors.
KV, VV, IV = type({}.keys()), type({}.values()), type({}.items())
for t in (KV, VV, IV):
    print(t.__name__, sorted(t.__dict__), t.__doc__, t.__hash__)
    print("   ", repr(t.__dict__["__reversed__"].__doc__), repr(t.__dict__["mapping"].__doc__), type(t.__dict__["mapping"]).__name__)
d = {1: "a", 2: "b", 3: "c"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i), 2 in k, "b" in v, (2, "b") in i, (2, "x") in i, [2, "b"] in i)
print(k == {1, 2, 3}, k != {1, 2}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {9}, k == [1, 2, 3])
print({1, 2, 3} == k, frozenset({1, 2}) < k, i == {(1, "a"), (2, "b"), (3, "c")}, k == d.keys(), v == v)
print(k | {4}, k & {1, 9}, k - {1}, k ^ {1, 7}, {5} | k, {1, 2} & k, {9} - k, [1, 8] ^ k)
print(k | [4], k & (2, 3), k - range(2), i - {(1, "a")}, i & {(1, "a")}, i ^ {(1, "a"), (9, "z")})
print(d.items() ^ {1: "a", 4: "d"}.items(), k & {3: 0}.keys(), {3: 0}.keys() & k, type(k | k).__name__)
for call in [lambda: k | 1, lambda: 1 | k, lambda: k - 5, lambda: k & 5, lambda: k ^ 5, lambda: v | {1},
             lambda: k < 3, lambda: v < v, lambda: k.isdisjoint(5), lambda: k.isdisjoint(),
             lambda: KV.isdisjoint(k, 1, 2), lambda: k.__reversed__(1), lambda: KV(), lambda: hash(k),
             lambda: hash(v) is not None, lambda: {[]: 1} if 0 else k & [[]]]:
    try:
        print("ok", call())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(k.isdisjoint([4, 5]), k.isdisjoint({1}), i.isdisjoint([(1, "a")]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), k.mapping, type(v.mapping).__name__, i.mapping[2])
try:
    k.mapping[5] = 1
except TypeError as ex:
    print(ex)
d[4] = "d"
print(k, list(v), len(i), k.mapping)
r = {}
r[1] = r.keys()
r[2] = r.values()
r[3] = r.items()
print(r)
print(KV.__len__(k), KV.__contains__(k, 1), KV.__or__(k, {9}), KV.__ror__(k, {8}), KV.__eq__(k, 5), VV.__len__(v))
print(KV.__sub__([1, 2], k) if False else KV.__rsub__(k, [1, 7]), IV.__contains__(i, (1, "a")))
del d[1]
print(k, v, i)
