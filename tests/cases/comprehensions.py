# list/dict/set comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[j for j in range(i)] for i in range(4)])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({x % 4 for x in range(10)})
print([c.upper() for c in "hey"], [n for n in [3, 1, 2] if n > 1])
x = "outer"
r = [x for x in "in"]
print(r, x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
def scope():
    k = 10
    return [k + i for i in range(3)]
print(scope())
print([i if i % 2 else -i for i in range(5)])
print({(a, b): a * b for a in range(2) for b in range(2)})
print([y for x in [[1], [2, 3]] for y in x if y > 1])
print([(lambda: i)() for i in range(3)])
