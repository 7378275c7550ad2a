# __repr__ and __str__
class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both as str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<%d>" % 7
class StrOnly:
    def __str__(self):
        return "just str"
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], (b,), {"k": b})
print(r, str(r), [r])
print(StrOnly(), "%s %r" % (b, b), f"{b} {b!r}", "{} {!r}".format(r, b))
s = str(StrOnly())
print(s, repr(StrOnly()).startswith("<__main__.StrOnly object at 0x"))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class Sub(Both):
    pass
print(Sub(), repr(Sub()))
class Format:
    def __format__(self, spec):
        return "formatted[" + spec + "]"
print(format(Format(), "abc"), f"{Format():xyz}", "{:q}".format(Format()))
print(repr(Both), str(int), repr(len), repr(None.__class__))
