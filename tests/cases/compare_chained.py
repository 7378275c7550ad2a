# comparison operators, chaining and evaluation order
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(5) < v(2) < v(3), calls)
print(1 <= 1, 1 >= 2, 1 != 2, 1 == 1.0, "a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (1, "a") < (1, "b"), [] == [])
print(1 in [1, 2], 3 not in [1, 2], "ab" in "cabd", "x" not in "abc", 2 in {2: 3}, 3 in (1, 2, 3))
a = [1]
b = [1]
print(a == b, a is b, a is not b, a is a)
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 != 6)
print(None == None, None != 0, {1: 2} == {1: 2}, {1, 2} == {2, 1}, {1, 2} < {1, 2, 3})
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    [1] > (1,)
except TypeError as e:
    print(e)
try:
    None < None
except TypeError as e:
    print(e)
print(1 == "1", [1] == (1,), 1.5 >= 1, 2 ** 70 > 1e20)
