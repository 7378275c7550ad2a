# function attributes
def outer(a, b=2, *args, c, d=4, **kw):
    x = a + b
    return x
print(outer.__name__, outer.__qualname__, outer.__defaults__, outer.__kwdefaults__)
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_nlocals)
def nested():
    def inner(y):
        return y
    return inner
i = nested()
print(i.__name__, i.__qualname__, i.__code__.co_varnames, i.__defaults__, i.__kwdefaults__)
lam = lambda q, r=1: q
print(lam.__name__, lam.__code__.co_argcount, lam.__defaults__)
def doc():
    "a docstring"
print(doc.__doc__, outer.__doc__, outer.__module__)
outer.custom = 42
print(outer.custom, callable(outer), type(outer).__name__)
class K:
    def meth(self):
        pass
print(K.meth.__qualname__, K().meth.__name__, K().meth.__func__ is K.meth, type(K().meth).__name__)
def f(): pass
f.__name__ = "renamed"
print(f.__name__)
