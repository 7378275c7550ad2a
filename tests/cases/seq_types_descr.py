# The descriptor view of list, tuple, range, slice and the built-in
# iterators: dict contents in order, descriptor kinds, docs, signatures,
# flags, and slot wrappers called directly.
A = type('A', (), {'__getitem__': lambda s, i: i})
types = [
    list, tuple, range, slice,
    type(iter([])), type(reversed([])), type(iter(())), type(iter(range(1))),
    type(iter(range(2**64))), type(iter(A())), type(iter(int, 1)),
    enumerate, zip, map, filter, reversed,
    type(iter({})), type(iter({}.values())), type(iter({}.items())), type(iter(set())),
]
for t in types:
    print(t.__name__, t.__module__, list(t.__dict__))
    print("  doc:", repr(t.__doc__))
    print("  sig:", repr(getattr(t, '__text_signature__', None)))
    for k, v in t.__dict__.items():
        if k == '__doc__':
            continue
        print("   ", k, type(v).__name__, repr(v.__doc__) if v is not None else '',
              repr(getattr(v, '__text_signature__', None)))

flags = {
    'BASETYPE': 1 << 10, 'HAVE_GC': 1 << 14, 'MATCH_SELF': 1 << 22,
    'LIST_SUBCLASS': 1 << 25, 'TUPLE_SUBCLASS': 1 << 26, 'SEQUENCE': 1 << 5,
}
for t in types:
    print(t.__name__, [n for n, b in flags.items() if t.__flags__ & b])

print(repr(list.__dict__['append']), repr(list.__dict__['__getitem__']))
print(repr(list.__dict__['__len__']), repr(tuple.__dict__['__getitem__']))
print(repr(range.__dict__['start']), repr(slice.__dict__['step']))
print(list.__hash__, slice.__hash__, tuple.__hash__ is not None, range.__hash__ is not None)
print(type([].append).__name__, type([].__len__).__name__, type([].__getitem__).__name__)
print(list.__add__([1], [2]), list.__mul__([1], 3), list.__rmul__([1], 2), list.__len__([1, 2]))
print(list.__getitem__([1, 2], 1), list.__contains__([1], 1), list.__iadd__([1], (2,)))
print(list.__imul__([1, 2], 2), list.__eq__([1], (1,)), list.__lt__([1], [2]))
print(tuple.__add__((1,), (2,)), tuple.__mul__((1,), 2), tuple.__hash__(()) == hash(()))
print(range.__len__(range(5)), range.__bool__(range(0)), range.__getitem__(range(5), -1))
print(range.__eq__(range(0), range(1, 1)), range.__lt__(range(0), range(1)))
print(slice.__eq__(slice(1), slice(1)), slice.__le__(slice(1, 2), slice(1, 3)))
l = [3, 1]
list.__init__(l, 'ab')
print(l)
list.__setitem__(l, 0, 'z'); list.__delitem__(l, 1); print(l)
it = iter([1, 2])
print(type(it).__next__(it), type(it).__iter__(it) is it)

def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list.__len__(()))
t(lambda: tuple.__len__([]))
t(lambda: list.__getitem__((), 1))
t(lambda: list.append((), 1))
t(lambda: list.append())
t(lambda: list.__add__([], ()))
t(lambda: list.__mul__([1], 'a'))
t(lambda: list.__iadd__([1], 2))
t(lambda: list.__setitem__([1], 0))
t(lambda: list.__delitem__([1], 0, 1))
t(lambda: list.__len__([], 1))
t(lambda: range.__getitem__(range(3)))
t(lambda: type(iter([])).__next__(iter(())))
t(lambda: type(iter([])).__next__(iter([])))
t(lambda: type(iter([]))())
t(lambda: type(iter(range(3)))())
t(lambda: type(iter({}))())
t(lambda: list.__class_getitem__(int))
t(lambda: list[int])
t(lambda: tuple[int, str])
t(lambda: enumerate[int])
t(lambda: range[int])
t(lambda: list.__new__(list, 1, 2, 3))
t(lambda: list.__new__(int))
t(lambda: tuple.__new__(tuple, [1, 2]))
t(lambda: range.__new__(range, 3))
t(lambda: slice.__new__(slice, 3))
t(lambda: enumerate.__new__(enumerate, 'ab', 2).__next__())
