# CPython's enum module (needs None.__doc__, real descriptors and the
# metaclass that type() picks for its bases).
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"])
print(list(Color), len(Color), Color.RED in Color)
print(Color.RED.name, Color.RED.value, Color.RED is Color(1))
print(list(Color.__members__), type(Color).__name__)
print(Color.RED == Color.RED, Color.RED == 1, hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, int(Num.TWO), str(Num.ONE))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)))


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, repr(Bits.A | 4), Bits.A & 3)


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.WRITE), Mode.READ.upper(), Mode("w"))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)

CONTINUOUS, NAMED_FLAGS, UNIQUE = enum.EnumCheck
print(CONTINUOUS, UNIQUE.value)


# type(name, bases, ns) uses the most derived metaclass of the bases.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)


class Base(metaclass=Meta):
    pass


D = type("D", (Base,), {})
print(type(D).__name__, D.made_by)
try:
    class M2(type):
        pass

    type("X", (Base, M2("Y", (), {})), {})
except TypeError as e:
    print("TypeError:", e)
