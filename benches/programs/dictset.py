# Dict and set hot operations: d[k], k in d, d[k] = v, set membership,
# with str and int keys, and dict/set iteration.
N = 200000


def run(n):
    d = {}
    keys = ["k" + str(i) for i in range(500)]
    for k in keys:
        d[k] = 0
    hits = 0
    for i in range(n):
        k = keys[i % 500]
        d[k] = d[k] + 1
        if k in d:
            hits += 1
    di = {}
    for i in range(n):
        di[i % 1000] = i
    s = set(range(0, 2000, 3))
    found = 0
    for i in range(n):
        if i % 2000 in s:
            found += 1
    fs = frozenset(keys)
    for i in range(n // 4):
        if keys[i % 500] in fs:
            found += 1
    total = 0
    for _ in range(20):
        for k, v in d.items():
            total += v
        for k in di:
            total += k
    return hits, found, total, len(di)


print(run(N))
