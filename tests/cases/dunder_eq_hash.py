# __eq__ and __hash__
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(%r)" % self.k
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(1) in d, Key(3) in d, Key(1) == Key(1), Key(1) != Key(2), Key(1) == 1)
s = {Key(1), Key(1), Key(2)}
print(len(s))
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__, NoHash() == 5, NoHash() != 5)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Default:
    pass
x = Default()
print(x == x, x == Default(), x != Default(), hash(x) == hash(x))
class NotImpl:
    def __eq__(self, other):
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() != 3)
class Reflect:
    def __eq__(self, other):
        print("Reflect.__eq__ called")
        return "reflected"
print(5 == Reflect())
print(hash(1), hash(-1), hash(1.0), hash(0), hash(True), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-1.5))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)))
