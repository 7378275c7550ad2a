def add(a, b=2):
    return a + b


def kw(a, /, b, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs


def annotated(x: int, y: "str" = "s") -> bool:
    return bool(x)


print(add(1), add(1, b=3))
print(kw(1, 2, 3, c=5, e=6))
print(kw(*[1, 2], **{"c": 3}))
