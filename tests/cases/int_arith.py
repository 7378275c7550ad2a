# integer arithmetic basics
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, abs(-a), ~a)
print(0 - 0, 1 * 0, 100 // 1, 7 / 7)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
print(2 + 3 * 4 - 6 / 3, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(1_000_000 + 0x10 + 0o17 + 0b101)
print(type(7 / 7), type(7 // 7), type(2 ** -1), type(2 ** 10))
print(int(True) + True, True + True, False * 10)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
