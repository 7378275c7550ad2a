# constructors / conversions
print(int("12"), int(12.9), int(-0.5), float(3), float("  1.5 "), float("-0"), str(12), str(1.25), str(b"ab"))
print(bool(""), bool("0"), bool(0.0), bool(-0.0), bool(1j) if False else "", list("ab"), list((1, 2)), list({"k": 1}), list(range(2)))
print(tuple([1, 2]), tuple("xy"), dict([(1, 2)]), dict(a=1), set("aab") == {"a", "b"}, sorted(set("cab")), frozenset([1]) == {1})
print(repr(str()), int(), float(), list(), tuple(), dict(), bool(), repr(bytes()))
print(str(object) , str(None), repr([None, True, 1.0, "x", (1,)]))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.5", "1e2"]])
print(int("  -0012  "), int("0_1"), float("1_000.5"), int(" \t42\n"))
print(str(123456789 ** 3), int("9" * 30) + 1)
print(type(int("5")).__name__, type(float(5)).__name__, type(str(5)).__name__)
for thunk in (lambda: int("1e3"), lambda: float("1.2.3"), lambda: int(""), lambda: float(""), lambda: list(5), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])):
    try:
        thunk()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
