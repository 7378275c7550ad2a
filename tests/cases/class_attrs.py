# class vs instance attributes, lookup order, __dict__
class C:
    shared = []
    value = 1
    def method(self):
        return "method"
a, b = C(), C()
a.shared.append("a")
print(b.shared, C.shared)
a.value = 2
print(a.value, b.value, C.value, a.__dict__, b.__dict__)
del a.value
print(a.value)
C.value = 10
print(a.value, b.value)
a.method = lambda: "instance attr"
print(a.method(), b.method())
print(hasattr(C, "method"), hasattr(a, "nope"), getattr(a, "nope", "dflt"))
setattr(C, "added", 5)
print(b.added, sorted(k for k in C.__dict__ if not k.startswith("__")))
delattr(C, "added")
print(hasattr(b, "added"))
class Slots:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1
s = Slots()
print(s.x)
try:
    s.y = 2
except AttributeError as e:
    print(e)
class Private:
    def __init__(self):
        self.__secret = 42
    def reveal(self):
        return self.__secret
pv = Private()
print(pv.reveal(), pv._Private__secret, hasattr(pv, "__secret"))
class GetAttr:
    def __getattr__(self, name):
        return "computed " + name
g = GetAttr()
g.real = "real"
print(g.real, g.anything)
class SetAttr:
    def __setattr__(self, name, value):
        print("setting", name, value)
        object.__setattr__(self, name, value.upper())
sa = SetAttr()
sa.k = "v"
print(sa.k)
