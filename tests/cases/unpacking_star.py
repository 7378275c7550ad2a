# tuple/list unpacking incl. starred targets
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
x, *y = (1,)
print(x, y)
[p, q] = "pq"
print(p, q)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
i = j = k = 0
print(i, j, k)
n1, n2 = n3, n4 = 7, 8
print(n1, n2, n3, n4)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
class O: pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
*all_, = {1: "x", 2: "y"}
print(all_)
a, *b, c, d = range(10)
print(a, b, c, d)
print([*"ab", *[1]], {**{"a": 1}, **{"a": 2, "b": 3}}, (*range(2),))
def multi():
    return 1, 2, 3
one, two, three = multi()
print(one + two + three)
