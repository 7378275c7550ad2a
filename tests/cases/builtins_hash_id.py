# hash of numbers (deterministic) and id comparisons
print(hash(1), hash(-1), hash(0), hash(1.0), hash(2.0), hash(-1.0), hash(True), hash(False))
print(hash(12345678901234567890), hash(-12345678901234567890), hash(2 ** 100))
print(hash(0.5), hash(1e100) == hash(int(1e100)), hash(3) == hash(3.0), hash(None) == hash(None))
print(hash("same") == hash("sa" + "me"), hash((1, "a")) == hash((1, "a")), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c), type(id(a)).__name__)
class H:
    pass
h = H()
print(hash(h) == hash(h), isinstance(hash(h), int))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print(e)
