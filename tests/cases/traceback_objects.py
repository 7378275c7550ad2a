# traceback objects: the chain, tb_frame/tb_next/tb_lineno/tb_lasti, TracebackType(...), __traceback__ assignment
import sys, types
def h():
    raise KeyError('k')
def k():
    h()
try:
    k()
except KeyError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is sys.exc_info()[2])
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti == tb.tb_frame.f_lasti or tb.tb_next is None)
        tb = tb.tb_next
def g():
    x = 1
    try:
        1/0
    except ZeroDivisionError as e:
        return e
e = g()
tb = e.__traceback__
print(tb.tb_frame.f_locals, tb.tb_frame.f_code.co_name, tb.tb_frame.f_back.f_code.co_name, tb.tb_next)
print(sorted(dir(tb)))
try:
    e.__traceback__ = 1
except TypeError as x:
    print("TypeError", x)
try:
    del e.__traceback__
except TypeError as x:
    print("TypeError", x)
e.__traceback__ = None
print(e.__traceback__)
e2 = ValueError("v").with_traceback(tb)
print(e2.__traceback__ is tb)
try:
    ValueError().with_traceback(5)
except TypeError as x:
    print("TypeError", x)
f = sys._getframe()
t1 = types.TracebackType(None, f, 4, 99)
print(t1.tb_lineno, t1.tb_lasti, t1.tb_frame is f, t1.tb_next)
t2 = types.TracebackType(t1, f, tb_lasti=0, tb_lineno=7)
print(t2.tb_next is t1)
for bad in [(1, f, 0, 0), (None, 1, 0, 0), (None, f, "x", 0), (None, f, 0)]:
    try:
        types.TracebackType(*bad)
    except TypeError as x:
        print("TypeError", x)
try:
    types.TracebackType(None, f, 0, 0, 0)
except TypeError as x:
    print("TypeError", x)
try:
    t1.tb_next = t2
except ValueError as x:
    print("ValueError", x)
try:
    t1.tb_next = 3
except TypeError as x:
    print("TypeError", x)
try:
    del t1.tb_next
except TypeError as x:
    print("TypeError", x)
t2.tb_next = None
print(t2.tb_next)
try:
    t1.tb_lineno = 3
except AttributeError as x:
    print("AttributeError", x)
try:
    raise ValueError("a")
except ValueError as a:
    try:
        raise TypeError("b") from a
    except TypeError as b:
        print(b.__cause__ is a, b.__context__ is a, b.__suppress_context__)
        print(b.__traceback__.tb_next)
def reraiser():
    try:
        h()
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
def reraise_e():
    try:
        h()
    except KeyError as e:
        raise e
try:
    reraise_e()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
try:
    try:
        raise ValueError
    except ValueError:
        print(sys.exc_info()[0].__name__, type(sys.exc_info()[2]).__name__)
        raise TypeError
except TypeError as t:
    print(type(t.__context__).__name__)
print(sys.exc_info())
try:
    raise ValueError
except ValueError as q:
    pass
print('q' in dir())
class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print(t.__name__, type(tb).__name__, tb is v.__traceback__)
        return True
with CM():
    raise OSError("x")
print(type(types.TracebackType.tb_frame).__name__, type(types.TracebackType.tb_next).__name__, types.TracebackType.__doc__)
