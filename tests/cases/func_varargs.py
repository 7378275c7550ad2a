# *args and unpacking in calls
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), f(*[4, 5]), f(*"ab", *(1, 2)))
def g(first, *rest, last="L"):
    return first, rest, last
print(g(1), g(1, 2, 3), g(1, 2, last="Z"))
def s(*nums):
    total = 0
    for n in nums:
        total += n
    return total
print(s(*range(10)))
def both(*a, **k):
    return a, k
print(both(1, 2, x=3), both())
print(*[1, 2, 3], sep="-")
print(max(*[3, 9, 2]), [*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2}, {*[1, 2], 3})
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(pow, 2, 5), apply(sorted, [3, 1, 2], reverse=True))
