# Method calls, attribute access and small objects.
N = 120000


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vector(self.x * k, self.y * k)


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self, by):
        self.count += by
        return self


def run(n):
    acc = Vector(0, 0)
    step = Vector(1, 2)
    c = Counter()
    for i in range(n):
        acc = acc.add(step.scaled(i % 3))
        c.bump(acc.dot(step) % 7 + i % 2)
    return acc.x, acc.y, c.count


print(run(N))
