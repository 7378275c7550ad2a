import abc
import collections.abc as cabc
from abc import ABC, ABCMeta, abstractmethod

print(isinstance([], cabc.Sequence), isinstance([], cabc.MutableSequence), isinstance((), cabc.MutableSequence))
print(isinstance({}, cabc.Mapping), isinstance({}, cabc.MutableMapping), isinstance(type.__dict__, cabc.Mapping))
print(isinstance(set(), cabc.Set), isinstance(frozenset(), cabc.MutableSet), isinstance("", cabc.Sequence))
print(isinstance(b"", cabc.ByteString), isinstance(bytearray(), cabc.MutableSequence))
print(isinstance(iter([]), cabc.Iterator), isinstance([], cabc.Iterable), isinstance([], cabc.Iterator))
print(isinstance(1, cabc.Hashable), isinstance([], cabc.Hashable), isinstance(len, cabc.Callable))
print(isinstance({}.keys(), cabc.KeysView), isinstance({}.items(), cabc.ItemsView), isinstance({}.values(), cabc.ValuesView))
print(isinstance(range(3), cabc.Sequence), isinstance((x for x in []), cabc.Generator), isinstance(iter(range(1 << 80)), cabc.Iterator))
print(issubclass(dict, cabc.Sized), issubclass(int, cabc.Sized), issubclass(list, cabc.Reversible))

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...

try:
    Shape()
except TypeError as e:
    print(e)

class Sq(Shape):
    def area(self): return 4

try:
    Sq()
except TypeError as e:
    print(e)

class Sq2(Sq):
    def name(self): return "sq"

print(Sq2().area(), Sq2().name(), sorted(Shape.__abstractmethods__), Sq2.__abstractmethods__)

class MyABC(metaclass=ABCMeta):
    pass

MyABC.register(int)
print(isinstance(1, MyABC), issubclass(bool, MyABC), isinstance("", MyABC))

@MyABC.register
class Other:
    pass
print(issubclass(Other, MyABC), Other.__name__)

class Seq(cabc.Sequence):
    def __init__(self, *items): self.items = list(items)
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)

s = Seq(1, 2, 3, 2)
print(list(s), 2 in s, s.index(3), s.count(2), list(reversed(s)), len(s))

class M(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)

m = M()
m['a'] = 1
m.update(b=2, c=3)
print(sorted(m.items()), m.get('z', 0), m.pop('a'), 'a' in m, m.setdefault('q', 9), len(m))
print(sorted(m.keys()), sorted(m.values()), m == {'b': 2, 'c': 3, 'q': 9})

class S(cabc.Set):
    def __init__(self, it): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)

a = S([1, 2, 3]); b = S([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), a <= S([1, 2, 3, 4]), a.isdisjoint(S([9])))

class Sized2:
    def __len__(self): return 0
print(isinstance(Sized2(), cabc.Sized), isinstance(Sized2(), cabc.Container))

class P(ABC):
    @property
    @abstractmethod
    def x(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
print(sorted(P.__abstractmethods__))
print(abc.get_cache_token() is not None, type(ABC).__name__)
print(cabc.Sequence.__name__, cabc.Sequence.__module__, cabc.MutableSequence.__mro__[1:3])
