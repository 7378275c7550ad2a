# Classes, inheritance, dunder methods and generators working together.


class Shape:
    name = "shape"

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r ** 2


def shapes(limit):
    """Yields ever larger shapes until `limit` is reached."""
    size = 1
    while size <= limit:
        yield Rect(size, size + 1)
        yield Square(size)
        yield Circle(size / 2)
        size *= 2


everything = list(shapes(8))
print(sorted(everything)[:4])
print(max(everything), Square.__mro__)
total = sum(s.area() for s in everything)
print(f"{len(everything)} shapes, total area {total:.3f}")


def running_average():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


avg = running_average()
next(avg)
for s in everything:
    current = avg.send(s.area())
print(f"average area {current:.3f}")
