# int() with bases and hex/oct/bin
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("z", 36), int("  42  "), int("-17"), int("+5"), int("1_000"))
print(int(3.99), int(-3.99), int("10", 2), int(True), int())
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0))
print(int("101", base=2))
for bad in ("x", "", "1.5", "0x10", " 12 3"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
try:
    int("1", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-inf"), float("nan"))
try:
    float("abc")
except ValueError as e:
    print(e)
