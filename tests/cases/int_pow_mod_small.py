# Three-argument pow of machine-size ints (the 128-bit square-and-multiply
# path) against CPython, signs of base and modulus included.
state = 12345
def rnd(lo, hi):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return lo + state % (hi - lo + 1)
vals = [0, 1, -1, 2, -2, 3, 7, -7, 10**9+7, -(10**9+7), 2**62, -2**62, 2**63-1, -2**63, 12345678901234]
out = []
for b in vals:
    for e in [0, 1, 2, 3, 10, 1000, 2**62, 2**63-1]:
        for m in vals:
            if m == 0: continue
            out.append(pow(b, e, m))
print(sum(out), len(out), out[:50])
for b, e, m in [(3, 200, -7), (-3, 5, 7), (2, 0, 1), (2, 0, -1), (0, 0, 5), (5, 0, -3)]:
    print(pow(b, e, m))
for _ in range(2000):
    b = rnd(-2**63, 2**63-1); e = rnd(0, 2**63-1); m = rnd(-2**63, 2**63-1) or 1
    out.append(pow(b, e, m))
print(sum(out))
