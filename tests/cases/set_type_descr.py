# set and frozenset declared through their TypeSpecs: descriptors,
# docstrings, slot wrappers and argument errors.
print(sorted(set.__dict__))
print(sorted(frozenset.__dict__))
for t in (set, frozenset):
    for name in ["__contains__", "__len__", "__or__", "__hash__", "__init__", "__reduce__",
                 "copy", "union", "__sizeof__", "__class_getitem__", "__iand__"]:
        v = t.__dict__.get(name)
        print(t.__name__, name, type(v).__name__, repr(getattr(v, "__doc__", None))[:60],
              repr(getattr(v, "__text_signature__", None)))
print(set.__hash__, frozenset.__hash__ is not None, repr(set.__doc__), repr(frozenset.__doc__))
s = {1, 2, 3}
print(set.__len__(s), set.__contains__(s, 2), set.__or__(s, {4}), set.__or__(s, [4]))
print(set.__and__(s, frozenset({2, 9})), set.__sub__(s, {1}), set.__xor__(s, {3, 4}), set.__rsub__(s, {1, 7}))
print(set.__ior__(set(s), {5}), set.__iand__(set(s), {1}), set.__isub__(set(s), {1}), set.__ixor__(set(s), {1, 9}))
print(set.__ior__(set(s), [5]), frozenset.__or__(frozenset({1}), {2}), set.__le__(s, {1, 2, 3, 4}))
print(set.__eq__(s, [1, 2, 3]), frozenset.__hash__(frozenset()) == hash(frozenset()))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset({"a", "b"})), hash(frozenset({(1, 2), frozenset({3})})))
print(set.__reduce__({1, 2}), frozenset.__reduce__(frozenset({3})), set.__sizeof__(s) > 0)
for call in [lambda: set.__len__([]), lambda: set.add(frozenset(), 1), lambda: frozenset.copy(set()),
             lambda: set().add(), lambda: set().add(1, 2), lambda: set().pop(1), lambda: set().pop(),
             lambda: set().union(a=1), lambda: set().update(x=1), lambda: set().remove(1),
             lambda: set().remove([]), lambda: set().discard([]), lambda: set().isdisjoint(),
             lambda: frozenset().isdisjoint(), lambda: frozenset().issubset(1, 2),
             lambda: set().issubset(5), lambda: set().symmetric_difference(),
             lambda: set().symmetric_difference_update(1, 2), lambda: set(a=1),
             lambda: set([1], [2]), lambda: frozenset(a=1), lambda: frozenset(1, 2),
             lambda: hash(set()), lambda: {1} < [1], lambda: {1} | [1], lambda: [1] & {1},
             lambda: set.__ior__(set(), []), lambda: set.__init__(set(), 1, 2),
             lambda: set.__contains__(set(), []), lambda: {[]} , lambda: {1}.intersection([[]]),
             lambda: frozenset().__reduce__(1), lambda: set().copy(1), lambda: frozenset().copy(1)]:
    try:
        print("ok", call())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(set.__new__(set, [1, 2]), frozenset.__new__(frozenset, [1, 2]), set[int], frozenset[str])
f = frozenset([1, 2])
print(frozenset(f) is f, frozenset() is frozenset(), f.copy() is f, type(f.union([3])).__name__)
print(set().add.__qualname__, frozenset().union.__qualname__, repr(set.add)[:35])
