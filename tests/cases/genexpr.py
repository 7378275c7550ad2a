# generator expressions
g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [4, 5]), tuple(c for c in "ab"))
print(sorted((-x for x in range(3))), "-".join(str(i) for i in range(5)))
evens = (n for n in range(10) if n % 2 == 0)
squares = (e * e for e in evens)
print(list(squares))
nested = ((i, j) for i in range(2) for j in "ab")
print(list(nested))
def lazy():
    out = []
    g = (out.append(i) or i for i in range(3))
    out.append("start")
    for _ in g:
        pass
    return out
print(lazy())
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("raised during iteration:", e)
print(dict((i, str(i)) for i in range(3)), set(i for i in [1, 1, 2]))
