# abs, divmod, pow, round, min/max/sum on numbers
print(abs(-5), abs(5), abs(-2.5), abs(-(2 ** 80)), abs(True), abs(-0))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, -1), pow(-2, 3), pow(5, -2), pow(10, 20, 7))
print(round(2.5), round(3.5), round(-0.5), round(-1.5), round(0.4999), round(1.25, 1), round(1.35, 1), round(12345, -2), round(-12355, -1), round(2.5, 0))
print(round(1e300), round(123.456, 1), round(123.456, -1), round(0.5 + 1e-9), round(7, 2), type(round(7.0)), type(round(7.0, 0)))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([], 10), sum([[1], [2]], []), sum(range(1000001)), sum([1, 2], start=100))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min((1, "b"), (1, "a")), max([1, 2.5, 2]))
print(int.__add__(1, 2), (5).__mul__(3), (3).__neg__(), float.__truediv__(1.0, 4))
print((10).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"), (5).conjugate(), (6).numerator, (6).denominator)
print((1.5).real, (3).imag, (2.5).__floor__() if hasattr(2.5, "__floor__") else "", int(2.5).__round__())
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(1.5, "x")
except TypeError as e:
    print(e)
