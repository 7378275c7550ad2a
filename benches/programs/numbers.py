# The numeric types' slots off the eval loop's fast paths: mixed and
# floor/modulo float arithmetic, unary operators, comparisons, hashing,
# abs/divmod/pow/round, and an int subclass.
N = 200000


class I(int):
    pass


def run(n):
    acc = 0.0
    total = 0
    seen = {}
    k = I(3)
    for i in range(n):
        x = i * 0.5
        acc += x // 3 + x % 7 - (-x)
        if x < i and i >= x:
            total += 1
        total += abs(-i) + divmod(i, 7)[1] + pow(i, 2, 11)
        total += k + i
        total -= ~i
        seen[x] = i
        acc += round(x) + (1j * i).real
    return total, acc, len(seen), sorted(seen)[n // 2]


print(run(N))
