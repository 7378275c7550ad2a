square = lambda x: x * x
add = lambda a, b=1: a + b
key = sorted([3, 1, 2], key=lambda v: -v)
make = lambda n: (lambda m: n + m)
print(square(3), add(1), key, make(1)(2), (lambda: None)())
