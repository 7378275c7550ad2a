# type() and object basics
print(type(1), type(type(1)), type(object), object.__name__, type.__name__)
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), str(o).startswith("<object object at 0x"))
try:
    o.x = 1
except AttributeError as e:
    print(e)
Dyn = type("Dyn", (), {"greet": lambda self: "hi", "n": 3})
d = Dyn()
print(d.greet(), Dyn.n, Dyn.__name__, type(d) is Dyn, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {})
print(Sub().greet(), Sub.__mro__)
print(type(None)(), type(0)(), type("")(), type([])(), type(())(), type(1.0)("2"))
print(int.__class__, object.__class__, type.__class__, type.__mro__, bool.__mro__)
try:
    type(None)(1)
except TypeError as e:
    print(e)
try:
    type("A", 1, {})
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
