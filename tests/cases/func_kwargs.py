# keyword arguments and **kwargs
def f(a, b, c=0):
    return "a=%s b=%s c=%s" % (a, b, c)
print(f(1, 2), f(b=1, a=2), f(1, c=3, b=2))
def g(**kw):
    return kw
print(g(), g(x=1, y=2), g(**{"a": 1}, b=2))
def h(a, **rest):
    return a, rest
print(h(1, b=2, c=3), h(a=5))
opts = {"b": 20, "c": 30}
print(f(10, **opts))
print(f(*[1, 2], **{"c": 3}))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
print(dict(**{"a": 1}, b=2))
