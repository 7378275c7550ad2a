# argument-binding error messages
def f0():
    pass
def f1(a):
    pass
def f2(a, b):
    pass
def f3(a, b=1, c=2):
    pass
def fk(a, *, k):
    pass
def fk2(*, k1, k2):
    pass
def fm(a, b, c):
    pass
class C:
    def m(self, x):
        pass
calls = [
    lambda: f0(1),
    lambda: f1(),
    lambda: f1(1, 2),
    lambda: f2(),
    lambda: f2(1, 2, 3, 4),
    lambda: f3(),
    lambda: f3(1, 2, 3, 4),
    lambda: f1(1, a=2),
    lambda: f1(b=2),
    lambda: f1(1, **{"a": 1}),
    lambda: fk(1),
    lambda: fk(1, 2),
    lambda: fk2(),
    lambda: fm(),
    lambda: fm(1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len(1, 2),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
