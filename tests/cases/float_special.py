# inf, nan and negative zero
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan, repr(inf), str(nan))
print(inf + 1, inf * -1, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 300, -inf < -(10 ** 300))
print(-0.0, 0.0 == -0.0, repr(-0.0), str(-0.0), -0.0 + 0.0, 0.0 * -1)
print(abs(-0.0), -(0.0), round(-0.4), round(-0.4, 1))
print(1e308 * 10, -1e308 * 10)
print(float("Infinity"), float("-INF"), float("NaN"))
print(inf == float("inf"), hash(inf), hash(-inf), hash(0.0) == hash(-0.0))
print(max(1.0, inf), min(-inf, 0), sorted([3.0, -inf, inf, 0.0]))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print((0.0).is_integer(), (1.5).is_integer(), (-0.0).hex() if False else "skip")
