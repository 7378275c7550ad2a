# Dictionary and string workload: building keys, counting, joining.
N = 60000


def run(n):
    counts = {}
    for i in range(n):
        key = "k" + str(i % 1000)
        counts[key] = counts.get(key, 0) + 1
    words = []
    for k, v in counts.items():
        if v % 2 == 0:
            words.append(k.upper() + ":" + str(v))
    text = ",".join(words)
    parts = text.split(",")
    index = {}
    for p in parts:
        name, _, num = p.partition(":")
        index[name.lower()] = int(num)
    total = 0
    for i in range(n):
        total += index.get("k" + str(i % 1000), 0)
    return len(text), len(index), total


print(run(N))
