# Allocation-heavy: millions of small objects built and dropped by
# reference counting (tuples, lists, floats, small dicts).
N = 1_500_000
def work(n):
    keep = []
    acc = 0.0
    for i in range(n):
        t = (i, i + 1)
        l = [i, t]
        f = i * 0.5
        d = {"k": f}
        acc += d["k"] + l[1][0]
        if i % 1000 == 0:
            keep.append(l)
    return acc, len(keep)

print(work(N))
