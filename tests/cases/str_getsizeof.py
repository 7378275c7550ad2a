# sys.getsizeof and __sizeof__ of a str are CPython 3.11's (PEP 393): a
# compact ASCII object, a compact object of kind 1, 2 or 4 bytes per code
# point chosen by the widest character, and for subclasses the non-compact
# object plus the collector's pre-header (and the dict's, without __slots__).
import sys


class S(str):
    pass


class Slotted(str):
    __slots__ = ()


samples = ["", "abc", "a" * 100, "\x7f", "é", "\xff", "é" * 10, "\u0100", "€",
           "\uffff", "😀", "\U00010000", "aé€😀", "ascii then é"]
for s in samples:
    print(ascii(s)[:24], len(s), sys.getsizeof(s), s.__sizeof__(),
          sys.getsizeof(S(s)), S(s).__sizeof__(), sys.getsizeof(Slotted(s)))
# Sizes follow the widest character, whatever operation made the string.
t = "abc" + "€"
print(sys.getsizeof(t), sys.getsizeof(t[:3]), sys.getsizeof(t[3:]), sys.getsizeof(t.upper()))
print(sys.getsizeof("x" * 1000) - sys.getsizeof("x" * 999))
print(sys.getsizeof("€" * 1000) - sys.getsizeof("€" * 999))
