# lambdas
sq = lambda x: x * x
print(sq(5), (lambda: "none")(), (lambda *a, **k: (a, k))(1, z=2))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(inc, sq)(3), compose(sq, inc)(3))
print((lambda n: (lambda f, n: f(f, n))(lambda f, k: 1 if k <= 1 else k * f(f, k - 1), n))(10))
fs = {"double": lambda v: v * 2, "neg": lambda v: -v}
print(fs["double"](4), fs["neg"](4))
print((lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
