# the exact messages of the various zero-division errors
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1 / 0.0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: divmod(1.0, 0.0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: (2 ** 100) // 0,
    lambda: (2 ** 100) / 0,
]
for c in cases:
    try:
        c()
    except ZeroDivisionError as e:
        print(type(e).__name__ + ":", e)
x = 10
try:
    x //= 0
except ZeroDivisionError as e:
    print("aug:", e)
print(isinstance(ZeroDivisionError(), ArithmeticError))
