# exec() and eval() of a code object: one with free variables needs a
# closure that only a function provides, so both refuse it (CPython's
# TypeErrors) instead of running a frame whose cells were never filled.
def outer():
    x = 1

    def inner():
        return x

    return inner


closure_code = outer().__code__
print(closure_code.co_freevars)
for run in (exec, eval):
    try:
        run(closure_code, {})
    except TypeError as e:
        print(run.__name__, "TypeError:", e)

# Code without free variables runs, cells of its own included.
plain = compile("def f():\n    y = 2\n    return lambda: y\nr = f()()\n", "<s>", "exec")
ns = {}
exec(plain, ns)
print(ns["r"])
print(eval(compile("1 + 2", "<s>", "eval"), {}))
