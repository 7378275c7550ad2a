# arithmetic dunders incl. reflected and in-place
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, o):
        return "lshift"
    def __rshift__(self, o):
        return "rshift"
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b), ~a, a @ b)
print(a & b, a | b, a ^ b, a << 1, a >> 1)
try:
    a + 1
except TypeError as e:
    print(e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc.items, acc is ref)
c = Vec(1, 1)
c += Vec(1, 1)
print(c)
class Radd:
    def __radd__(self, other):
        return "radd with %r" % (other,)
print(1 + Radd(), "s" + Radd(), [1] + Radd(), sum([Radd()]))
class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)
n = Num(3)
print([0, 1, 2, 3][n], hex(n), int(n), float(n), bin(Num(5)), "ab" * n, range(n))
class Left:
    def __add__(self, o):
        return "Left.__add__"
class Right(Left):
    def __radd__(self, o):
        return "Right.__radd__"
print(Left() + Right(), Right() + Left())
