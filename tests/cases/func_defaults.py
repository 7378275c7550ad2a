# default parameter values
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9), f(a=0))
def acc(x, into=[]):
    into.append(x)
    return into
print(acc(1), acc(2), acc(3, []))
def g(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(g(), g())
n = 10
def h(v=n):
    return v
n = 20
print(h())
print(f.__defaults__, h.__defaults__, g.__defaults__)
def k(a, b=[1, 2], *, c={"x": 1}):
    return a
print(k.__defaults__, k.__kwdefaults__)
