# A class's own __getattribute__ runs for every attribute access, with
# __getattr__ as the fallback when it raises AttributeError.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return "method"
l = Logged()
print(l.x)
print(l.method())
try:
    l.missing
except AttributeError as e:
    print("AttributeError:", e)

class Fallback:
    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        raise AttributeError("no " + name)
    def __getattr__(self, name):
        return "fallback " + name
f = Fallback()
print(f.anything, f.__class__.__name__)

class Fixed:
    def __getattribute__(self, name):
        return 42
print(Fixed().whatever, getattr(Fixed(), "x"), hasattr(Fixed(), "y"))

class Base:
    def __getattribute__(self, name):
        return "base " + name
class Derived(Base):
    pass
print(Derived().z)
Derived.__getattribute__ = lambda self, name: "patched " + name
print(Derived().z, Base().z)
del Derived.__getattribute__
print(Derived().z)

class Raises:
    def __getattribute__(self, name):
        raise KeyError(name)
try:
    Raises().a
except KeyError as e:
    print("KeyError:", e)
print(hasattr(Logged(), "x"))
try:
    object.__getattribute__(l, 5)
except TypeError as e:
    print("TypeError:", e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattribute__(self, name):
        target = object.__getattribute__(self, "_target")
        return getattr(target, name)
p = Proxy([3, 1, 2])
print(p.count(1), p.index(2), sorted(p.copy()))
