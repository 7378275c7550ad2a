import functools
from functools import partial, reduce, lru_cache, wraps, total_ordering, cmp_to_key, cached_property, singledispatch

def add(a, b, c=0):
    return a + b + c
p = partial(add, 1, c=10)
print(p(2), p.func is add, p.args, p.keywords, repr(partial(add, 1))[:22])
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    return x * x
for i in [1, 2, 1, 3, 1]:
    sq(i)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner

@deco
def hello(name):
    "Greets."
    return "hi " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

class C:
    @cached_property
    def val(self):
        print("computing")
        return 42
c = C(); print(c.val, c.val)

print(functools.partialmethod, functools.WRAPPER_ASSIGNMENTS)
import _thread
l = _thread.allocate_lock()
print(l.acquire(), l.locked(), l.acquire(False))
l.release()
with _thread.RLock() as r:
    pass
print(l.locked(), _thread.get_ident() == _thread.get_ident())
import types
class K:
    def f(self): return self
k = K()
bm = types.MethodType(K.f, k)
print(bm() is k, len.__call__([1, 2]), callable(bm), property(None).__isabstractmethod__)
