# dict declared through its TypeSpec: the descriptors in dict.__dict__,
# their reprs, docstrings and text signatures, and slot wrapper calls.
print(sorted(dict.__dict__))
for name in ["__getitem__", "__contains__", "__len__", "__iter__", "__or__", "__ior__",
             "__init__", "__eq__", "get", "fromkeys", "__class_getitem__", "__new__",
             "__getattribute__", "keys", "pop", "__reversed__", "__sizeof__"]:
    v = dict.__dict__[name]
    print(name, type(v).__name__, repr(v).split(" at ")[0])
    print("   ", repr(getattr(v, "__doc__", None)), repr(getattr(v, "__text_signature__", None)))
print(dict.__dict__["__hash__"], dict.__hash__, repr(dict.__doc__[:40]))
print(dict.__text_signature__, dict.__name__, dict.__qualname__, dict.__module__)
d = {"a": 1, "b": 2}
print(dict.__len__(d), dict.__getitem__(d, "a"), dict.__contains__(d, "b"))
print(dict.__or__(d, {"c": 3}), dict.__or__(d, []), dict.__ror__(d, {"z": 0}))
print(dict.__ior__(dict(d), [("x", 9)]), dict.__eq__(d, {"a": 1, "b": 2}), dict.__ne__(d, {}))
print(dict.__lt__(d, d), dict.__eq__(d, 5), dict.__repr__(d), list(dict.__iter__(d)))
e = {}
dict.__setitem__(e, 1, 2)
dict.__init__(e, [(3, 4)], five=5)
print(e)
dict.__delitem__(e, 1)
print(e, dict.__sizeof__(e) > 0, dict.get(e, 3), dict.fromkeys("ab", 0))
for call in [lambda: dict.__len__([]), lambda: dict.__getitem__([], 0), lambda: dict.get([], 1),
             lambda: dict.__delitem__({}, 1), lambda: dict.__init__({}, 1, 2),
             lambda: dict.__setitem__({}, 1), lambda: dict.__len__({}, 1),
             lambda: dict.__or__({}), lambda: {}.keys(1), lambda: {}.__getitem__(),
             lambda: {}.__contains__(1, 2), lambda: {}.get(k=1), lambda: {}.pop(),
             lambda: {}.pop(1, 2, 3), lambda: {}.setdefault(), lambda: {}.popitem(),
             lambda: dict.fromkeys(), lambda: dict.fromkeys(1, 2, 3), lambda: dict.fromkeys(5),
             lambda: {}.update(1, 2), lambda: {}.update(5), lambda: {}.update([1]),
             lambda: {}.update([(1, 2, 3)]), lambda: dict.__new__(5), lambda: hash({}),
             lambda: {} < {}, lambda: {} | [], lambda: dict({}, {}), lambda: {}.copy(1),
             lambda: dict.keys(5), lambda: dict.__class_getitem__(int)]:
    try:
        print("ok", call())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(dict.__new__(dict, [(1, 2)]), dict[int, str], type(dict.fromkeys).__name__)
print({}.get.__qualname__, {}.get.__name__, repr({}.get)[:35], dict.get.__objclass__)
