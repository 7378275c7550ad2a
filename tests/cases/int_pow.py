# exponentiation incl. negative exponents
print(2 ** 10, 2 ** 0, 0 ** 0, (-3) ** 3, (-3) ** 4)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(4 ** 0.5, 8 ** (1 / 3), 2.0 ** 3, (-8) ** 2.0)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7), pow(2, 100, 1000007))
print(pow(7, -1, 13))
print(1 ** 1000000, (-1) ** 1000001)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
print(type(2 ** 2), type(2 ** -2))
