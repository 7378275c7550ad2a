# collections.deque: both ends, maxlen trimming, indexing after many
# popleft/appendleft (the O(1) ends), iteration and mutation errors.
from collections import deque

d = deque()
for i in range(100):
    d.append(i)
    d.appendleft(-i)
print(len(d), d[0], d[-1], d[100], d[-101])
for i in range(150):
    d.popleft()
print(len(d), d[0], d[-1], list(d)[:5], bool(d))
d.appendleft("L")
d[1] = "x"
del d[2]
print(d[0], d[1], d[2], len(d), d.index(99), d.count("x"), 51 in d, "L" in d)
d.rotate(3)
print(list(d)[:5], d.pop(), d.popleft())
d.reverse()
print(list(d)[:4])
d.insert(2, "ins")
d.remove("ins")
print(repr(d)[:40], d == deque(d), d < deque([1000]), d.copy() == d)
d.clear()
print(d, len(d), bool(d))
for f in (d.pop, d.popleft):
    try:
        f()
    except IndexError as e:
        print("IndexError", e)
try:
    d[0]
except IndexError as e:
    print("IndexError", e)

m = deque(range(5), maxlen=3)
print(m)
m.append(9)
m.appendleft(-1)
print(m, m.maxlen)
for i in range(50):
    m.append(i)
print(m)
for i in range(50):
    m.appendleft(i)
print(m, m[0], m[2])
m.extend(range(100, 110))
m.extendleft("abc")
print(m)
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
print(z, len(z))

q = deque()
total = 0
for i in range(5000):
    q.append(i)
    q.append(i)
    total += q.popleft()
print(len(q), total, q[0], q[-1], q[1234])
while q:
    total += q.popleft()
print(total, q)
for i in range(3000):
    q.appendleft(i)
print(len(q), q[0], q[-1], q[1500], sum(q))

d = deque([1, 2, 3])
d.popleft()
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
d = deque([1, 2, 3, 4])
d.popleft()
seen = []
for x in d:
    seen.append((x, d.count(x), d.index(x)))
print(seen, list(reversed(d)), d * 2, d + deque([7]), deque(d, 2))
d *= 2
print(d)
d = deque(range(40))
for i in range(30):
    d.popleft()
print(d, d[9], d[-10])
