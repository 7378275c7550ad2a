# str and bytes hot operations: indexing, slicing, iteration, `in`,
# comparison, concatenation, repetition, `%` formatting, methods, hashing.
N = 30000


def run(n):
    s = "the quick brown fox jumps over the lazy dog"
    b = b"the quick brown fox jumps over the lazy dog"
    ba = bytearray(b)
    total = 0
    acc = ""
    for i in range(n):
        c = s[i % 43]
        total += len(s[3:9]) + (c in s) + (s < "zzz") + (s == "x")
        for ch in s[:8]:
            if ch == "q":
                total += 1
        acc = "%s-%d" % (c, i)
        total += len(acc + s) + len(c * 3)
        total += b[i % 43] + len(b[2:7]) + (b"fox" in b) + ba[i % 43]
        for x in b[:4]:
            total += x
        total += hash(s[i % 7:]) != -1
        total += len(s.split()) + s.find("lazy") + len(s.upper())
        total += len(b.replace(b"o", b"0")) + b.count(b"o")
    return total, acc


print(run(N))
