# repr of deeply nested containers: one recursion level per nesting level,
# as CPython's PyObject_Repr (Py_ReprEnter does not count).
def nest(make, depth):
    w = make(None)
    for i in range(depth):
        w = make(w)
    return w


for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)),
                   ("dict", lambda x: {1: x}), ("list2", lambda x: [1, x, 2])]:
    for depth in (100, 900, 5000):
        w = nest(make, depth)
        try:
            print(name, depth, len(repr(w)), len(str(w)))
        except RecursionError as e:
            print(name, depth, "RecursionError", e)
a = [1]
a.append(a)
b = {"k": a}
a.append(b)
print(repr(a), repr(b))
