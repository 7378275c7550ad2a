# classes, instances, methods
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.__name__, Point.__doc__)
q = p.moved(1)
print(q.x, q.y, p.x)
m = p.norm2
print(m(), m.__self__ is p, Point.norm2(p))
p.z = 9
print(sorted(vars(p).items()), p.__dict__ == {"x": 3, "y": 4, "z": 9})
print(type(p) is Point, type(p).__name__, isinstance(p, Point), isinstance(p, object), p.__class__ is Point)
class Empty:
    pass
e = Empty()
print(type(e).__name__, Empty.__bases__, Empty.__mro__, Empty.__qualname__, Empty.__module__)
print(Point.__init__.__name__, "norm2" in Point.__dict__, "x" in Point.__dict__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
a, b = Counter(), Counter()
print(a.id, b.id, Counter.instances, a.instances)
a.instances = "shadow"
print(a.instances, b.instances, Counter.instances)
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, v):
        self.ops.append(v)
        return self
print(Chain().add(1).add(2).ops)
def free_method(self):
    return "free " + type(self).__name__
Empty.method = free_method
print(e.method())
class Inner:
    class Nested:
        pass
print(Inner.Nested.__qualname__, Inner.Nested().__class__.__name__)
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 2))
