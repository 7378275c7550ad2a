# string interning: identifier-like constants are interned; sys.intern
# returns the first object stored for a value
import sys
a = "hello_world"
b = "".join(["hello", "_world"])
print("runtime string is constant:", a is b)
c = sys.intern(b)
print("intern gives the constant:", c is a, c is b)
d = "".join(["xy", "zzy"])
e = sys.intern(d)
print("first stored wins:", e is d)
f = "".join(["xy", "zzy"])
print("later interns get it:", sys.intern(f) is d, sys.intern(f) is f)
g = "not an identifier!"
h = "".join(["not an ", "identifier!"])
print("non-identifier constant not interned:", sys.intern(h) is g, sys.intern(h) is h)
class K:
    attr_name_x = 1
k = "".join(["attr_", "name_x"])
print("class attribute names are interned:", sys.intern(k) is list(K.__dict__)[1])
empty, n256, nm5, et = "", 256, -5, ()
print("empty string shared:", "".join([]) is empty, str() is empty)
print("small ints shared:", int("256") is n256, int("-5") is nm5, int("257") is int("257"))
print("empty tuple shared:", tuple() is et, tuple([]) is et)
try:
    sys.intern(1)
except TypeError as e:
    print(e)
class S(str): pass
try:
    sys.intern(S("x"))
except TypeError as e:
    print(e)
