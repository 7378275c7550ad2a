# object-level dunders available on everything
class C:
    pass
c = C()
print(C.__name__, C.__module__, c.__class__.__name__, type(c.__dict__).__name__, c.__dict__)
print(c.__eq__(c), c.__eq__(1), c.__ne__(1), object.__eq__(c, c))
print((1).__class__, "s".__class__.__name__, [].__class__.__mro__)
print(int.__dict__["__add__"].__name__ if "__add__" in int.__dict__ else "no", "__init__" in dir(object))
print(isinstance(C.__dict__, object), C.__doc__, object.__doc__ is not None)
print(c.__str__() == c.__repr__(), c.__hash__() == hash(c), c.__sizeof__() > 0 if hasattr(c, "__sizeof__") else True)
print(C().__init__(), object.__new__(C).__class__ is C)
print(getattr(c, "__class__") is C, c.__getattribute__("__class__") is C)
