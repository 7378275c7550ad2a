# function and class decorators
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def wrapper():
            return [fn() for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi():
    return "hi"
print(hi())
order = []
def mark(tag):
    def deco(fn):
        order.append(tag)
        return fn
    return deco
@mark("outer")
@mark("inner")
def f():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class R:
    pass
print(R.registered)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def sq(x):
    return x * x
sq(2); sq(3)
print(sq.calls, sq(4))
