# iter, next, reversed, enumerate, zip, map, filter
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print(list(enumerate("ab")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("xy", (1, 2))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, -2))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m))
z = zip("ab", "cd")
print(type(z).__name__, next(z), list(z))
e = enumerate("q")
print(type(e).__name__, next(e))
def sentinel_src():
    vals = [1, 2, 0, 3]
    return lambda: vals.pop(0)
print(list(iter(sentinel_src(), 0)))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(range(0))).__name__, type(reversed([])).__name__)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
try:
    reversed(5)
except TypeError as e:
    print(e)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
it2 = iter("xy")
for ch in it2:
    print("consumed", ch, list(it2))
