# yield from delegation and return values
def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer-result"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def from_iterables():
    yield from range(3)
    yield from "ab"
    yield from [None]
print(list(from_iterables()))
def thrower():
    try:
        yield 1
    except ValueError:
        yield "handled in inner"
def delegator():
    yield from thrower()
d = delegator()
print(next(d), d.throw(ValueError))
def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
print(list(depth(4)))
def get_result():
    result = yield from depth(3)
    yield "sum=%d" % result
print(list(get_result()))
