# globals/locals/vars/dir and zero-argument super read the frame chain, however they are called
def f():
    x = 1
    l = locals
    g = globals
    return l(), g() is globals(), vars(), dir()
print(f())
print(globals(*()) is globals(), list(map(locals, [])), sorted(list(map(lambda _: locals(), [1]))[0]))
def m():
    y = 5
    return list(map(locals, []))
print(m())
v = vars
print(v() is globals())
d = dir
print("d" in d())
class A:
    def f(self):
        s = super
        return s().__repr__ is not None
    def g(self):
        return super().__class__
print(A().f(), A().g())
class B(A):
    def h(self):
        return (lambda: super())()
try:
    B().h()
except RuntimeError as e:
    print("RuntimeError", e)
def nosuper():
    return super()
try:
    nosuper()
except RuntimeError as e:
    print("RuntimeError", e)
def noargs_super(*a):
    return super()
try:
    noargs_super(1)
except RuntimeError as e:
    print("RuntimeError", e)
class D:
    def f(self):
        del self
        return super()
    def g(self):
        __class__ = 1
        return super()
    def h(self):
        return super().__init__ is not None
try:
    D().f()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    D().g()
except RuntimeError as e:
    print("RuntimeError", e)
print(D().h())
class E:
    def f(self):
        return __class__
    def g(x):
        return super().__self__ is x
print(E().f() is E, E().g())
try:
    super()
except RuntimeError as e:
    print("RuntimeError", e)
class F:
    def f(self):
        return [super() for _ in [1]]
try:
    F().f()
except Exception as e:
    print(type(e).__name__, e)
def loc():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    return l1 is l2, sorted(l1)
print(loc())
print(type(__builtins__).__name__)
T = type("T", (), {})
print(T.__module__)
def mk():
    return type("U", (), {})
print(mk().__module__)
