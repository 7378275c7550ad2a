# frozenset
f = frozenset([1, 2, 3, 2])
print(f, len(f), 2 in f, frozenset(), frozenset() == set())
g = f | {4}
print(g, type(g).__name__, f & {2, 3}, f - {1})
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {frozenset([1]): "one"}
print(d[frozenset({1})])
print({1, 2} == frozenset({1, 2}), sorted(f))
try:
    f.add(5)
except AttributeError as e:
    print(e)
