# Sequence hot paths: for over range/list/tuple, list and tuple indexing,
# append, slicing, enumerate/zip, sort.
N = 300000


def run(n):
    total = 0
    for i in range(n):
        total += i
    lst = []
    for i in range(n):
        lst.append(i & 255)
    for x in lst:
        total += x
    tup = tuple(lst[:1000])
    for k in range(n // 1000):
        for j in range(1000):
            total += lst[j] + tup[j]
    for i, x in enumerate(lst):
        total ^= i + x
    for a, b in zip(lst, lst[1:]):
        total += a - b
    for k in range(50):
        s = sorted(lst[k * 1000:(k + 1) * 1000], reverse=k & 1)
        total += s[0] + len(lst[::7])
    return total


print(run(N))
