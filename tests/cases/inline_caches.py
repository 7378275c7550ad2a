# The interpreter caches what LOAD_GLOBAL, LOAD_ATTR and STORE_ATTR found
# last time; every change below must be seen by the very next execution.
import builtins

def read_x():
    return x

x = 1
print(read_x())
x = 2                      # value replaced: same key, same position
print(read_x())
del x
try:
    read_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(read_x())

def use_len(s):
    return len(s)

print(use_len("abc"))
len = lambda s: "shadowed"          # a global now hides the builtin
print(use_len("abc"))
del len
print(use_len("abcd"))
saved = builtins.len
builtins.len = lambda s: "patched builtin"
print(use_len("ab"))
builtins.len = saved
print(use_len("ab"))

# Globals of another module-level namespace through exec.
src = "def f():\n    return y\n"
g1 = {"y": "one"}
g2 = {"y": "two"}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"](), g1["f"]())

class P:
    def __init__(self, v):
        self.v = v

def get_v(o):
    return o.v

def set_v(o, val):
    o.v = val

p = P(1)
for i in range(3):
    set_v(p, i)
    print(get_v(p), end=" ")
print()

# A data descriptor added to the class after the sites learned.
P.v = property(lambda self: "property", lambda self, val: print("setter", val))
print(get_v(p))
set_v(p, 42)
del P.v
print(get_v(p))

# A __setattr__ added later.
def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)
P.__setattr__ = logging_setattr
set_v(p, 7)
print(get_v(p))
del P.__setattr__
set_v(p, 8)
print(get_v(p))

# Different types at the same site.
class Q:
    def __init__(self):
        self.w = 0
        self.v = "q"
class R:
    __slots__ = ("v",)
    def __init__(self):
        self.v = "slot"
for o in [P(1), Q(), R(), P(2), Q(), R()]:
    set_v(o, get_v(o))
    print(get_v(o), end=" ")
print()

# Instance value deleted: the class attribute shows through.
class C:
    v = "class attr"
    def __init__(self):
        self.v = "instance"
c = C()
print(get_v(c))
del c.v
print(get_v(c))
c.v = "again"
print(get_v(c))

# The namespace made a dict, then written through the dict.
c2 = C()
print(get_v(c2))
d = vars(c2)
d["v"] = "through dict"
print(get_v(c2))
set_v(c2, "after")
print(d["v"])

# __class__ assignment under a cached site.
class D:
    def __init__(self):
        self.a = 1
        self.v = "d"
class E:
    def __init__(self):
        self.v = "e"
        self.a = 2
e = E()
dd = D()
print(get_v(dd))
dd.__class__ = E
print(get_v(dd), type(dd).__name__)
set_v(dd, "changed")
print(get_v(dd), vars(dd))

# __getattr__ is only consulted for missing attributes.
class G:
    def __getattr__(self, name):
        return "fallback " + name
gg = G()
print(get_v(gg))
gg.v = "real"
print(get_v(gg))
del gg.v
print(get_v(gg))

# LOAD_METHOD: the instance may start or stop shadowing the method, the
# class may replace it, and new shared keys may appear.
class Mth:
    def m(self):
        return "class m"
def call_m(o):
    return o.m()
o1 = Mth()
o2 = Mth()
print(call_m(o1), call_m(o2))
o1.m = lambda: "instance m"          # 'm' becomes a shared key
print(call_m(o1), call_m(o2))
o3 = Mth()
print(call_m(o3))
del o1.m
print(call_m(o1))
o2.other = 1
o2.m = lambda: "o2 instance m"
print(call_m(o2), call_m(o3))
Mth.m = lambda self: "replaced m"
print(call_m(o1), call_m(o3))
vars(o3)["m"] = lambda: "through vars"
print(call_m(o3))
class Sub(Mth):
    def m(self):
        return "sub m"
print(call_m(Sub()), call_m(Mth()))
class GA:
    def __getattribute__(self, name):
        return lambda: "getattribute " + name
    def m(self):
        return "never"
print(call_m(GA()))
