# Classes deriving from int/float/complex (IntEnum-like ones included) and
# classes implementing the numeric protocol in Python: inherited slots,
# overridden dunders, the subclass-first rule, super() to the slot wrappers,
# and int()/float()/complex()/index conversions through nb_int, nb_float,
# nb_index and __complex__.

def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class I(int): pass
class F(float): pass
class C(complex): pass
class R(int):
    def __repr__(self): return "R(%d)" % int(self)
    def __add__(self, o): return "R.add"
    def __radd__(self, o): return "R.radd"
    def __eq__(self, o): return "R.eq"
    __hash__ = int.__hash__
class IE(int):
    def __new__(cls, v, name):
        o = int.__new__(cls, v); o.name = name; return o
    def __repr__(self): return "<IE.%s: %d>" % (self.name, self)
    def __str__(self): return self.name

t(lambda: I(5) + 1)
t(lambda: 1 + I(5))
t(lambda: I(5) + I(6))
t(lambda: -I(5))
t(lambda: +I(5))
t(lambda: abs(I(-5)))
t(lambda: ~I(5))
t(lambda: repr(I(5)))
t(lambda: str(I(5)))
t(lambda: I(5) == 5)
t(lambda: hash(I(5)))
t(lambda: I("12"))
t(lambda: I("12", 16))
t(lambda: I(12.5))
t(lambda: F(1.5) + 1)
t(lambda: 1 + F(1.5))
t(lambda: F("1.5"))
t(lambda: repr(F(1.5)))
t(lambda: C(1, 2) * 2)
t(lambda: C(1, 2))
t(lambda: +C(1,2))
t(lambda: R(3) + 1)
t(lambda: 1 + R(3))
t(lambda: R(3) + R(4))
t(lambda: I(3) + R(4))
t(lambda: R(3) == 1)
t(lambda: 1 == R(3))
t(lambda: 1.0 + R(3))
t(lambda: R(3) - 1)
t(lambda: repr(R(3)))
t(lambda: str(R(3)))
t(lambda: format(R(3)))
t(lambda: f"{R(3)}")
t(lambda: f"{R(3)!r}")
x = IE(3, "THREE")
t(lambda: x + 1)
t(lambda: repr(x))
t(lambda: str(x))
t(lambda: f"{x}")
t(lambda: "%s %d %r" % (x, x, x))
t(lambda: x.real)
t(lambda: type(x.real))
t(lambda: x.bit_length())
t(lambda: [10, 20, 30, 40][x])
t(lambda: int(x))
t(lambda: type(int(x)))
t(lambda: float(x))
t(lambda: x.to_bytes(2, 'big'))
t(lambda: divmod(I(7), 2))
t(lambda: pow(I(2), 3, 5))
t(lambda: round(F(2.5)))
t(lambda: round(I(25), -1))
class Idx:
    def __index__(self): return 7
class Flt:
    def __float__(self): return 2.5
class Cpx:
    def __complex__(self): return 1+1j
class IntM:
    def __int__(self): return 9
class Tr:
    def __trunc__(self): return 4
class BadInt:
    def __int__(self): return "x"
class BadFloat:
    def __float__(self): return 1
class BadIdx:
    def __index__(self): return 1.0
t(lambda: int(Idx()))
t(lambda: float(Idx()))
t(lambda: complex(Idx()))
t(lambda: float(Flt()))
t(lambda: complex(Flt()))
t(lambda: complex(Cpx()))
t(lambda: complex(1, Cpx()))
t(lambda: int(IntM()))
t(lambda: float(IntM()))
t(lambda: int(BadInt()))
t(lambda: float(BadFloat()))
t(lambda: int(BadIdx()))
t(lambda: [1,2,3,4,5,6,7,8][Idx()])
t(lambda: "ab" * Idx())
t(lambda: 2 ** Idx())
t(lambda: range(Idx()))
class Num:
    def __add__(self, o): return "Num.add"
    def __radd__(self, o): return "Num.radd"
    def __rpow__(self, o, m=None): return ("rpow", o, m)
    def __rdivmod__(self, o): return "rdivmod"
    def __abs__(self): return "abs"
    def __round__(self, n=None): return ("round", n)
    def __neg__(self): return "neg"
    def __lt__(self, o): return "lt"
    def __gt__(self, o): return "gt"
t(lambda: 1 + Num())
t(lambda: 1.0 + Num())
t(lambda: 1j + Num())
t(lambda: True + Num())
t(lambda: 2 ** Num())
t(lambda: pow(2, Num(), 5))
t(lambda: divmod(1, Num()))
t(lambda: abs(Num()))
t(lambda: round(Num()))
t(lambda: round(Num(), 2))
t(lambda: -Num())
t(lambda: 1 < Num())
t(lambda: 1.5 > Num())
class MyBool:
    def __bool__(self): return 1
t(lambda: bool(MyBool()))
t(lambda: not I(0))
t(lambda: bool(F(0.0)))
class I2(int):
    def __index__(self): return 42
t(lambda: I2(1).__index__())
t(lambda: 5 .__class__.__add__(5, 5))
class IntSub(int):
    def __radd__(self, o): return "IntSub.radd"
t(lambda: 1 + IntSub(2))
t(lambda: IntSub(2) + 1)
class FloatSub(float):
    def __rsub__(self, o): return "FloatSub.rsub"
t(lambda: 1.0 - FloatSub(2))
t(lambda: 1 - FloatSub(2))
t(lambda: super(I, I(5)).__add__(1))
class J(int):
    def __add__(self, o): return ("J", super().__add__(o))
t(lambda: J(1) + 2)
t(lambda: J(1) + 2.5)
t(lambda: int.__add__(J(1), 2))
t(lambda: isinstance(True, int))
t(lambda: issubclass(bool, int))
try:
    class B(bool): pass
except TypeError as e: print(e)
class Strange(float):
    def __int__(self): return 7
    def __float__(self): return 2.5
t(lambda: int(Strange(1.5)))
t(lambda: float(Strange(1.5)))
t(lambda: complex(Strange(1.5)))
class CS(complex):
    def __complex__(self): return 9j
t(lambda: complex(CS(1)))
class Ord(int):
    def __lt__(self, o): return "Ord.lt"
t(lambda: 1 > Ord(2))
t(lambda: Ord(2) < 1)
t(lambda: 1.0 > Ord(2))
class HashMe(int):
    def __hash__(self): return 2**100
t(lambda: hash(HashMe(1)))
class NoHash(int):
    __eq__ = int.__eq__
    __hash__ = None
t(lambda: hash(NoHash(1)))
class AddLater(int): pass
AddLater.__add__ = lambda s, o: "added later"
t(lambda: AddLater(1) + 1)
del AddLater.__add__
t(lambda: AddLater(1) + 1)
class Neg(float):
    def __neg__(self): return "neg"
    def __abs__(self): return "abs"
    def __bool__(self): return False
t(lambda: -Neg(1))
t(lambda: abs(Neg(1)))
t(lambda: bool(Neg(1)))
t(lambda: not Neg(1))
class Pw(int):
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o, m=None): return ("rpow", o, m)
t(lambda: Pw(2) ** 3)
t(lambda: 3 ** Pw(2))
t(lambda: pow(Pw(2), 3, 5))
t(lambda: pow(3, Pw(2), 5))
t(lambda: pow(3, 2, Pw(5)))
class DM(float):
    def __divmod__(self, o): return "dm"
    def __rdivmod__(self, o): return "rdm"
t(lambda: divmod(DM(1), 2))
t(lambda: divmod(2, DM(1)))
t(lambda: divmod(2.0, DM(1)))
