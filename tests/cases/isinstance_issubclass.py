# isinstance / issubclass / type
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (str, list)), issubclass(int, int), issubclass(object, int))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(B, (int, A)), issubclass(A, object))
print(type(5), type("s"), type([]), type({}), type(()), type(None), type(type), type(A), type(A()), type(len), type(1.5), type(range(1)))
print(type(5) is int, type(True) is bool, type(B()) is A)
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(StopIteration, Exception))
T = type("T", (A,), {"x": 5})
print(T.x, T.__name__, isinstance(T(), A), T.__mro__)
print(int.__name__, str.__qualname__, list.__module__ if False else "skip", object.__bases__, int.__bases__, bool.__base__)
