# generator functions
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(next(g, "default"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
def with_return():
    yield 1
    return "done"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", repr(e.value))
def trace():
    print("started")
    yield 1
    print("resumed")
    yield 2
    print("ending")
t = trace()
print("created")
for v in t:
    print("got", v)
def gen_in_gen():
    for i in range(3):
        yield from (i * 10 + j for j in range(2))
print(list(gen_in_gen()))
print(type(count_up).__name__, type(count_up(1)).__name__, count_up(1).__name__)
def empty():
    return
    yield
print(list(empty()))
it = iter(count_up(3))
print(iter(it) is it)
