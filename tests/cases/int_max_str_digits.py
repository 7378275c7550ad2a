# sys.get/set_int_max_str_digits and the limit's errors (CPython 3.11).
import sys

print(sys.get_int_max_str_digits())
x = 10 ** 5000
for f in (lambda: str(x), lambda: repr(-x), lambda: int("7" * 5000), lambda: "%d" % x,
          lambda: "{}".format(x), lambda: f"{x:,}"):
    try:
        print(len(f()))
    except ValueError as e:
        print("ValueError", e)
print(len(str(10 ** 4299)), len(hex(x)), int("1" * 4300) % 7)
for a in [(100,), ("a",), (), (-1,), (10 ** 30,), (1, 2), (2 ** 31,), (1.5,)]:
    try:
        print(a, sys.set_int_max_str_digits(*a), sys.get_int_max_str_digits())
    except Exception as e:
        print(a, type(e).__name__, e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 640)
except ValueError as e:
    print("ValueError", e)
print(len(str(10 ** 639)))
sys.set_int_max_str_digits(maxdigits=6000)
print(sys.get_int_max_str_digits(), len(str(x)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), len(str(int("9" * 20000))))
for call in (lambda: sys.set_int_max_str_digits(1000, maxdigits=1000),
             lambda: sys.set_int_max_str_digits(digits=1000),
             lambda: sys.get_int_max_str_digits(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
for f in (lambda: "%s" % x, lambda: "%r" % x, lambda: "%x" % x, lambda: b"%d" % x, lambda: "%i" % -x):
    try:
        print(len(f()))
    except ValueError as e:
        print("ValueError", e)
