# sorted / list.sort: key, reverse, stability
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: 1, 1: 2}), sorted([]), sorted((2, 1)))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
l = [5, 2, 9, 1]
r = l.sort()
print(r, l)
l.sort(key=lambda v: -v)
print(l)
print(sorted([1.5, 1, True, 0.5, False]), sorted([-1, -3, 2], key=abs))
big = list(range(200, 0, -1))
print(sorted(big)[:5], sorted(big, reverse=True)[:3])
stab = [(i % 3, i) for i in range(12)]
print(sorted(stab, key=lambda t: t[0]))
print(sorted(stab, key=lambda t: t[0], reverse=True))
try:
    sorted([1, "2"])
except TypeError as e:
    print(e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(e)
