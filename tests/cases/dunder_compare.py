# rich comparisons and sorting custom objects
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __le__(self, other):
        return self.n <= other.n
    def __eq__(self, other):
        return self.n == other.n
    def __repr__(self):
        return "V%d" % self.n
vs = [V(3), V(1), V(2)]
print(sorted(vs), min(vs), max(vs), V(1) < V(2), V(2) > V(1), V(2) >= V(2), V(1) <= V(0))
print(sorted(vs, reverse=True))
class Only:
    def __lt__(self, other):
        return True
try:
    Only() > 5
except TypeError as e:
    print(e)
print(Only() < 5, 5 > Only())
class Log:
    def __init__(self, name):
        self.name = name
    def __gt__(self, other):
        print(self.name, "> called")
        return NotImplemented
    def __lt__(self, other):
        print(self.name, "< called")
        return NotImplemented
try:
    Log("a") > Log("b")
except TypeError as e:
    print(e)
class Sub(V):
    def __lt__(self, other):
        return "sub-lt"
    def __gt__(self, other):
        return "sub-gt"
print(V(1) < Sub(2), Sub(1) < V(2))
