# what a class statement puts in the class namespace: __dict__/__weakref__ getsets, slot members, __doc__
class A: pass
print(list(A.__dict__))
class B(A):
    def f(self): pass
print(list(B.__dict__))
class S:
    __slots__ = ('a', '__weakref__')
print(list(S.__dict__))
class E(Exception): pass
print(list(E.__dict__))
class L(list): pass
print(list(L.__dict__))
class D(S): pass
print(list(D.__dict__))
class Doc:
    "doc"
    x = 1
print(list(Doc.__dict__))
print(A.__dict__['__dict__'], A.__dict__['__weakref__'], S.__dict__['a'])
a = A(); a.x = 1
print(A.__dict__['__dict__'].__get__(a), a.__weakref__)
print(S.a)
s = S()
try:
    s.a
except AttributeError as e:
    print(e)
s.a = 5
print(s.a, S.__dict__["a"].__get__(s))
del s.a
try:
    s.a
except AttributeError as e:
    print(e)
class T(S):
    pass
t = T(); t.a = 1; t.b = 2
print(t.a, t.b, t.__dict__, T.__dict__["__dict__"].__get__(t))
print(sorted(k for k in vars(T)))
