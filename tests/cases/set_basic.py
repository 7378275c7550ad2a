# sets of small ints (deterministic order)
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s)
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(s, sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}), a.issuperset({1, 2}))
print(set(), set([1, 1, 2]), set(range(5)), {x % 3 for x in range(10)})
c = a.copy()
c |= {6}
c &= {1, 6}
print(c, a)
c -= {1}
c ^= {2}
print(c)
print(c.pop() in {2, 6}, len(c))
c.clear()
print(c, set() == set(), {1} == {1.0})
c.update([1, 2], (3,))
print(c)
try:
    c.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
