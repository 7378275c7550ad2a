# The interpreter's shortcuts for float arithmetic and dict displays must
# give what the generic paths give.
vals = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("-inf"), float("nan"),
        0, 3, -7, 2**53 + 1, 2**62, True]
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b]
names = ["+", "-", "*", "/"]
for a in vals:
    for b in vals:
        row = []
        for name, op in zip(names, ops):
            try:
                r = op(a, b)
                row.append(repr(r))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError(%s)" % e)
            except OverflowError as e:
                row.append("OverflowError(%s)" % e)
        print(repr(a), repr(b), " ".join(row))

x = 1.0
x += 2
x *= 0.5
x -= 3
x /= 4
print(x, -0.0 * 1.0, (-0.0) + 0.0, (-0.0) - 0.0)

class F(float):
    def __add__(self, other):
        return "F.__add__"
    def __radd__(self, other):
        return "F.__radd__"
print(F(1.0) + 2.0, 2.0 + F(1.0), 1 + F(1.0))

# Dict displays: order, duplicates, evaluation order, unhashable keys.
def k(n):
    print("key", n)
    return n
def v(n):
    print("value", n)
    return n * 10
print({k(1): v(1), k(2): v(2), k(1): v(3)})
print({"a": 1, "b": 2, "a": 3}, {}, {1: 1}, {(1, 2): [3]})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {"ok": 1, k({}) if False else (1, [2]): 3}
except TypeError as e:
    print("TypeError:", e)
big = {i: i * i for i in range(20)}
print(len(big), big[19])
