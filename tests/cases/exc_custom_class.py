# user-defined exception classes
class AppError(Exception):
    pass
class DetailError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return "[%d] %s" % (self.code, self.args[0])
try:
    raise DetailError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
class Empty(Exception):
    pass
print(repr(Empty()), str(Empty()), repr(Empty(1, 2)), str(Empty(1, 2)), str(Empty("one")))
print(DetailError.__mro__)
print(issubclass(DetailError, Exception), issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
e = AppError("a", 1)
print(e.args, len(e.args))
try:
    raise AppError
except AppError as x:
    print("class raised:", repr(x))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("m")), str(WithRepr("m")))
try:
    raise 42
except TypeError as t:
    print(t)
try:
    raise object
except TypeError as t:
    print(t)
