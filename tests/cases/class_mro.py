# multiple inheritance and C3 linearisation
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D.__mro__)
print(D().who())
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(e)
class Mixin:
    def greet(self):
        return "hello from " + self.name()
class Named:
    def name(self):
        return "Named"
class Both(Mixin, Named):
    pass
print(Both().greet(), Both.__bases__)
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Combined(Init1, Init2):
    def __init__(self):
        print("Combined")
        super().__init__()
Combined()
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(e)
