a = 7
b = 3
c = a + b * 2 - a // b % 4
d = -a ** 2 / b
e = (a << 2) | (b >> 1) & ~a ^ 5
a += 1
b *= a
f = 1.5 * 2e10 + 3j
g = a < b <= c != d
h = not a and b or c
print(a, b, c, d, e, f, g, h)
