# range objects
print(range(5), range(1, 5), range(1, 10, 2), range(10, 0, -3))
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
r = range(0, 20, 3)
print(len(r), r[2], r[-1], r[1:3], 9 in r, 10 in r, r.index(9), r.count(6))
print(list(reversed(range(4))), sum(range(101)), range(3) == range(0, 3), range(0) == range(2, 2))
print(r.start, r.stop, r.step, range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
for i in range(3):
    print(i, end=" ")
print()
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(5)[5]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
