# any / all with short-circuit
print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]), any("ab"), all(""))
seen = []
def gen():
    for v in [0, 0, 3, 4]:
        seen.append(v)
        yield v
print(any(gen()), seen)
seen.clear()
print(all(gen()), seen)
print(any(x > 2 for x in range(5)), all(isinstance(x, int) for x in [1, True]))
try:
    any(5)
except TypeError as e:
    print(e)
