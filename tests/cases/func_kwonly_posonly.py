# keyword-only and positional-only parameters
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(*, key):
    return key
print(h(key="k"))
def p(a, /):
    return a
print(p(7))
errors = [
    lambda: f(1, 2, 3, 4),
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(1, 2, 3),
    lambda: h(),
    lambda: h(1),
    lambda: p(a=1),
    lambda: f(1, 2, 3, d=4, z=0),
]
for e in errors:
    try:
        e()
    except TypeError as ex:
        print(ex)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
