# compile() errors are catchable SyntaxErrors
srcs = ["x = = 1", "return 1", "def f():\n    break", "nonlocal q", "def g():\n    x = 1\n    global x", "1 = 2", "f() = 3", "del f()", "a + 1 = 2", "(yield)", "def h(a, a): pass", "x = 1 +", "class\n", "'abc", "pass\n  pass", "lambda: (yield)", "def k():\n    nonlocal z"]
for s in srcs:
    try:
        compile(s, "<case>", "exec")
        print(repr(s), "compiled")
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno)
