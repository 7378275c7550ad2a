# tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2, (), (1,), tuple([1, 2]), tuple("ab"))
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2))
single = 5,
print(single, type(single))
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4))
for x, y in nested:
    print(x * y)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
print(tuple(i * i for i in range(4)))
print(repr((1, "a", None, 2.5)), str(("x",)))
try:
    t[0] = 9
except TypeError as e:
    print(e)
try:
    t[5]
except IndexError as e:
    print(e)
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    hash(([1],))
except TypeError as e:
    print(e)
print(max((3, 1), (2, 5)), min([(1, "b"), (1, "a")]))
