# TypeError messages for operators and calls
five, text, none, one_f, lst = 5, "abc", None, 1.0, [1]
thunks = [
    lambda: 1 + "a",
    lambda: "a" - "b",
    lambda: [] * [],
    lambda: {} + {},
    lambda: None + 1,
    lambda: -"s",
    lambda: ~1.5,
    lambda: 1.0 << 2,
    lambda: 1 < [],
    lambda: five(),
    lambda: text(),
    lambda: none[0],
    lambda: five[0],
    lambda: len(5),
    lambda: iter(5),
    lambda: next([]),
    lambda: {}[[]],
    lambda: "x" * 2.5,
    lambda: int([]),
    lambda: abs("s"),
    lambda: sum(["a", "b"]),
    lambda: "%d" % "x",
    lambda: lst[one_f],
    lambda: hash([]),
    lambda: (1, 2) + [3],
    lambda: 2 ** "x",
    lambda: divmod(1, "x"),
]
for t in thunks:
    try:
        t()
    except TypeError as e:
        print(e)
x = 5
try:
    x += "s"
except TypeError as e:
    print(e)
try:
    del x[0]
except TypeError as e:
    print(e)
try:
    for i in 5:
        pass
except TypeError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
