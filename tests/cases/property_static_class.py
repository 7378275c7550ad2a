# property, staticmethod, classmethod
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale
t = Temp(100)
print(t.celsius, t.fahrenheit, Temp.convert(0), t.convert(100), Temp.freezing().celsius, t.describe(), Temp.describe())
t.celsius = 37
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temp.__dict__["celsius"]).__name__, type(Temp.__dict__["convert"]).__name__, type(Temp.__dict__["freezing"]).__name__)
class Sub(Temp):
    scale = "K"
print(Sub.describe(), type(Sub.freezing()).__name__)
def get_x(self):
    return "x via property()"
class Old:
    x = property(get_x, doc="the x")
print(Old().x, Old.x.__doc__)
class Lazy:
    @property
    def broken(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "fallback " + name
print(Lazy().broken)
