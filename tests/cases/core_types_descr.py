# The core built-in types as CPython declares them: their dicts, the
# descriptor objects in them, reprs, docstrings and constructors.
import types, weakref


def names(t):
    return sorted(t.__dict__)


for t in [object, type, types.FunctionType, types.MethodType, types.ModuleType,
          types.CellType, property, staticmethod, classmethod, super,
          type(None), type(NotImplemented), type(...), weakref.ref,
          weakref.ProxyType, weakref.CallableProxyType,
          type(int.__add__), type((1).__add__),
          type(int.real), type(types.FunctionType.__globals__),
          type(object.__dict__['__subclasshook__'])]:
    print(t.__name__, t.__module__, names(t))

# Descriptor objects and their attributes.
for d in [object.__dict__['__class__'], type.__dict__['__name__'],
          type.__dict__['__mro__'], object.__dict__['__init__'],
          object.__dict__['__reduce_ex__'], object.__dict__['__subclasshook__'],
          types.FunctionType.__dict__['__globals__'], int.__dict__['__add__']]:
    print(type(d).__name__, repr(d), d.__name__, d.__qualname__, d.__objclass__,
          repr(d.__doc__))
print(object.__init__.__text_signature__, object.__reduce_ex__.__text_signature__)
print(repr(object.__doc__), object.__text_signature__, type.__text_signature__)
print(repr(type.__doc__), repr(property.__doc__[:40]), repr(types.FunctionType.__doc__[:30]))
print(type((1).__add__).__name__, (1).__add__.__self__, (1).__add__(2))
print((1).__add__ == (1).__add__, int.__add__(3, 4), int.__dict__['__add__'].__get__(5)(6))
for bad in [lambda: int.__add__(), lambda: int.__add__('a', 1), lambda: (1).__add__(),
            lambda: (1).__add__(x=1), lambda: int.__dict__['__add__'].__get__(None, None),
            lambda: object.__dict__['__class__'].__get__(None, None),
            lambda: type.__dict__['__name__'].__get__(1),
            lambda: type.__dict__['__name__'].__set__(int, 'x'),
            lambda: object.__dict__['__subclasshook__'](1), lambda: list.append(),
            lambda: list.append(1, 2), lambda: object.__new__(int),
            lambda: int.__new__(str), lambda: int.__new__(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# None, NotImplemented, Ellipsis: types, reprs, constructors.
print(None.__doc__, type(None)(), type(NotImplemented)(), type(...)(), repr(...))
print(NotImplemented.__reduce__(), Ellipsis.__reduce__(), bool(None))
for t in [type(None), type(NotImplemented), type(...)]:
    try:
        t(1)
    except TypeError as e:
        print(e)

# cell
c, d = types.CellType(), types.CellType(5)
print(repr(c).split(':')[1], d.cell_contents, c < d, d == types.CellType(5))
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
try:
    hash(c)
except TypeError as e:
    print(e)


# function: attributes and the constructor
def f(a, b=2):
    "doc of f"
    return a + b


g = types.FunctionType(f.__code__, {'x': 1}, 'g', (5,))
print(g(1), g.__name__, g.__qualname__, g.__module__, g.__doc__, g.__defaults__)
for bad in [lambda: types.FunctionType(1, {}), lambda: types.FunctionType(f.__code__, 1),
            lambda: types.FunctionType(f.__code__, {}, 1),
            lambda: types.FunctionType(f.__code__, {}, None, 1),
            lambda: setattr(f, '__defaults__', 1), lambda: setattr(f, '__name__', 1),
            lambda: delattr(f, '__dict__'), lambda: setattr(f, '__dict__', 1),
            lambda: delattr(f, '__globals__')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
f.__defaults__ = None
print(f.__defaults__, f.__annotations__, f.__kwdefaults__)


# method
class A:
    def m(self):
        "doc of m"
        return 1


a = A()
print(repr(a.m).split(' of ')[0], a.m.__doc__, a.m.__name__, a.m.__func__ is A.m,
      a.m == a.m, a.m == A().m, hash(a.m) == hash(a.m), types.MethodType(lambda s: s, 1)())
try:
    a.m.x = 1
except AttributeError as e:
    print(e)

# module
m = types.ModuleType('mod', 'the doc')
print(m, m.__dict__, m.__annotations__)
for bad in [lambda: types.ModuleType(), lambda: types.ModuleType(1),
            lambda: setattr(m, '__dict__', {}), lambda: m.nothing]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class M(types.ModuleType):
    def __init__(self, name):
        super().__init__(name)
        self.extra = 1


mm = M('sub')
print(type(mm).__name__, mm.__name__, mm.extra)


# staticmethod / classmethod / property
class B:
    @staticmethod
    def s(x):
        "static doc"
        return x

    @classmethod
    def c(cls):
        return cls.__name__

    @property
    def p(self):
        "prop doc"
        return 42


sm = B.__dict__['s']
print(sm.__name__, sm.__doc__, sm.__wrapped__ is sm.__func__, sm(3), B.s(4), B().c(),
      B.c(), B().p, B.p.__doc__, repr(sm)[:25], repr(B.__dict__['c'])[:26])
print(sorted(sm.__dict__), B.__dict__['p'].fget.__name__, B.p.fset)
for bad in [lambda: setattr(B(), 'p', 1), lambda: delattr(B(), 'p'), lambda: staticmethod(),
            lambda: classmethod(1, 2), lambda: property(1, 2, 3, 4, 5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


# super
class C(B):
    def who(self):
        return super().c()


print(C().who(), repr(super(C, C())).split(',')[0], super(C).__thisclass__,
      super(C, C()).__self_class__)

# weak references
r = weakref.ref(A)
print(r() is A, r.__callback__, type(r).__name__, weakref.ref.__module__)
p = weakref.proxy(a)
print(p.m(), type(p).__name__)

# the descriptor types of built-in methods
print(type(list.append), type(dict.__dict__['fromkeys']), type([].append), type(int.__add__), type((1).__add__))
print(type(len), hasattr(len, '__get__'), type(str.join))
print(list.append, dict.__dict__['fromkeys'])
print(type(type.__dict__['__name__']), type(BaseException.__dict__['args']))
