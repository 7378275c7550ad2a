# str.format
print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}".format("x"), "{name}".format(name="N"))
print("{0[1]} {0[k]} {1.real}".format({1: "one", "k": "kay"}, 5), "{a[0]}".format(a=[9]))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.2f}|{:+}".format("r", "l", "c", "s", 3.14159, 7))
print("{!r} {!s} {!a}".format("x", "y", "ü"), "{{}}".format(), "{:{}}|".format("w", 4))
print("{0:x}-{0:o}-{0:b}-{0:#X}".format(254), "{:,}".format(10 ** 9), "{:_x}".format(2 ** 32))
class P:
    x = 1
    def __format__(self, spec):
        return "P(%s)" % spec
print("{.x} {:abc}".format(P(), P()))
for bad in ["{", "}", "{0} {}", "{2}", "{x}", "{:d}"]:
    try:
        bad.format("s")
    except (ValueError, IndexError, KeyError) as e:
        print(repr(bad), type(e).__name__, e)
print(format(3.5, ".3f"), format(42), format("s", ">3"), format(255, "x"), format(0.5, "%"))
print("{:10}|{:10}|".format("left", 5), "{:<05}".format(3), "{:=+8}".format(-3))
