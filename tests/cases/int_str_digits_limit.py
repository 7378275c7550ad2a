# CPython 3.11 limits int<->str conversion to 4300 digits
big = 10 ** 4299
print(len(str(big)))
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(hex(10 ** 5000)[:10], (10 ** 5000) % 7)
