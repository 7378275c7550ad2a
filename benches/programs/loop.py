# Integer arithmetic in while and for loops.
N = 600000


def run(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    for j in range(n):
        if j & 1:
            total -= j // 3
        else:
            total += j >> 1
    return total


print(run(N))
