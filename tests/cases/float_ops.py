# float arithmetic and mixed int/float
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(1 + 1.0, 3 * 0.5, 10 / 4, 10 // 4.0, 2 ** 0.5, -a)
print(1.0 == 1, 1 == 1.0, 1.5 > 1, 2 < 2.5, 0.1 * 3 == 0.3)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2))
print(round(3.14159, 3), round(1234.5678, -2), round(5, -1), round(15, -1), round(25, -1))
print(type(round(2.5)), type(round(2.5, 1)), round(7))
print(float(3), float(-7), int(7.9), int(-7.9))
print((3.5).as_integer_ratio(), (0.75).as_integer_ratio())
print(abs(-2.5), divmod(7.5, 2), divmod(-7.5, 2))
print(1e300 * 1e10, 2.0 ** 10, 10.0 ** -2)
print(sum([0.1] * 10), 0.1 * 10)
x = 1.5
x += 1
x *= 3
x /= 2
print(x)
