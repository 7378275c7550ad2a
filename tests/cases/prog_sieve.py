# a small program: primes, perfect numbers, gcd
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(200)
print(len(ps), ps[:10], ps[-3:])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), [gcd(12, k) for k in range(1, 13)])
def divisors(n):
    return [d for d in range(1, n) if n % d == 0]
print([n for n in range(2, 10000) if sum(divisors(n)) == n] if False else [6, 28, 496, 8128] == [n for n in (6, 28, 496, 8128) if sum(divisors(n)) == n])
def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print(factorize(360), factorize(9999991), factorize(2 ** 10 * 3 ** 5))
