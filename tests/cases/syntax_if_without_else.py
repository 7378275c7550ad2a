# A conditional expression without 'else' is CPython 3.11's
# "expected 'else' after 'if' expression", spanning the body to the condition.
for s in ["x = 1 if 2\n", "x = f(a) if b\n", "y = [a if b for c in d]\n", "x = (1 if 2)\n", "f(a, b if c)\n", "d = {1: 2 if 3}\n", "x = a == b if c\n", "return x if y\n", "x = 'if' if 2\n", "if a:\n    x = -1 if 2\n", "x = lambda: 1 if 2\n", "x = 1 if 2 else 3 if 4\n", "x = a <= b if c\n", "x = a != b if c\n", "def f():\n    yield a if b\n"]:
    try:
        compile(s, "f", "exec")
        print("OK", repr(s))
    except SyntaxError as e:
        print(repr(s), repr(e.msg), e.lineno, e.offset, e.end_offset)
