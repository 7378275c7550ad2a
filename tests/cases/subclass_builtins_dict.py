# instances of user subclasses of built-in types have a __dict__ (3.11 managed dict)
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1
d = D(a=1)
print(d, d.extra, d.__dict__, vars(d))
class L(list):
    pass
l = L([1, 2])
l.tag = "t"
print(l, l.tag, l.__dict__)
class I(int):
    pass
i = I(5)
i.note = "n"
print(i + 1, i.note)
class S(str):
    __slots__ = ()
s = S("x")
try:
    s.y = 1
except AttributeError as e:
    print("AttributeError", e)
del l.tag
print(hasattr(l, "tag"))
for _ in range(3):
    x = L(range(1000)); x.a = x  # cycle through the managed dict
print("done")
