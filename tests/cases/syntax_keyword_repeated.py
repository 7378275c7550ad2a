# A repeated keyword argument: CPython's message, its range over name=value,
# also inside a call spread over lines.
for s in ["f(x=1, x=2)\n", "f(a, x=1, x=[1, 2], y=3)\n", "f(x=1,\n  x=g(1, 2))\n", "print(sep='', sep = 'a' )\n"]:
    try:
        compile(s, "f", "exec")
        print("OK", repr(s))
    except SyntaxError as e:
        print(repr(s), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
