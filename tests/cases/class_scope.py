# class body scoping rules
x = "global x"
class C:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [x for _ in range(1)]
    except NameError:
        bad = "NameError"
print(C.y, C().method(), C.doubled, C.bad)
def make():
    v = "enclosing"
    class Inner:
        w = v
        def get(self):
            return v
    return Inner
I = make()
print(I.w, I().get())
class Counter:
    n = 0
    def inc(self):
        self.n += 1
        return self.n
c = Counter()
c.inc(); c.inc()
print(c.n, Counter.n)
class WithLocals:
    a = 1
    b = 2
    names = sorted(k for k in locals().keys() if not k.startswith("__"))
print(WithLocals.names)
def fn_in_class():
    class K:
        def m(self):
            return __class__
    return K
K = fn_in_class()
print(K().m() is K)
