a, b = 1, 2
a, b = b, a
x, y, z = a, b, a
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
(p, q), r = (1, 2), 3
merged = [*rest, *init]
d = {**{"a": 1}, "b": 2}
s = {*rest}
t = (*init,)
print(a, b, first, rest, init, last, p, q, r, merged, d, s, t)
