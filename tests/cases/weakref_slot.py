# obj.__weakref__ and C.__weakref__ (the weakref slot of instances)
import weakref
class C: pass
c = C()
print(c.__weakref__)
r = weakref.ref(c)
print(c.__weakref__ is r)
print(C.__weakref__)
class S:
    __slots__ = ("a",)
try:
    S().__weakref__
except AttributeError as e:
    print(e)
print(hasattr(C(), "__weakref__"))
class F(set): pass
try:
    F().__weakref__
except AttributeError as e:
    print(e)
class G(F): pass
import weakref
print(weakref.ref(G()) is not None)
