data = [3, 1, 4, 1, 5, 9, 2, 6]
squares = [x * x for x in data if x % 2]
pairs = {x: y for x, y in zip(data, data[1:])}
unique = {x for x in data}
nested = [(x, y) for x in range(3) for y in range(x) if x != y]
total = sum(x for x in data)


def f(n):
    return [i + n for i in range(n)]


print(squares, pairs, unique, nested, total, f(3))
