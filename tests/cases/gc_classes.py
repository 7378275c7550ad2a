# dropped classes are cycles (the class, its namespace, MRO, descriptors):
# gc.collect() counts them as CPython does
import gc
gc.disable()
gc.collect()
class B:
    pass
del B
print("empty class", gc.collect())
def f():
    class C:
        def m(self):
            return 1
    return C().m()
f()
print("class with method", gc.collect())
class Base:
    pass
class Derived(Base):
    x = 1
del Derived
print("subclass", gc.collect())
class S:
    __slots__ = ("a", "b")
del S
print("slots class", gc.collect())
class WithInstance:
    pass
w = WithInstance()
w.me = w
del WithInstance, w
print("class and instance cycle", gc.collect())
print(Base.__subclasses__())
class M(type):
    pass
class WithMeta(metaclass=M):
    def method(self):
        return super().method
del WithMeta
print("class with metaclass and __class__ cell", gc.collect())
del M
print("metaclass", gc.collect())
print(Base.__mro__ is Base.__mro__, Base.__bases__)
