# generator attributes: gi_frame/gi_running/gi_suspended/gi_yieldfrom/gi_code/__name__/__qualname__, send/throw/close
import sys, types
def gen():
    x = yield sys._getframe().f_back.f_code.co_name
    yield x
    yield 3
g = gen()
print(g.gi_frame.f_lasti, g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code.co_name)
print(g.gi_frame.f_lineno, g.gi_frame.f_back)
print(next(g), g.gi_suspended, g.gi_frame.f_lineno, g.gi_frame.f_back)
print(g.send(10), g.gi_frame.f_locals)
print(list(g), g.gi_frame, g.gi_suspended, g.gi_running)
def running():
    yield gr.gi_running, gr.gi_suspended, gr.gi_frame is sys._getframe()
gr = running()
print(next(gr))
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Q.renamed at 0x"))
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 1)
    except TypeError as e:
        print("TypeError", e)
def inner():
    yield 1
    yield 2
def outer():
    r = yield from inner()
    return r
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.gi_frame.f_back)
def catcher():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
c = catcher()
next(c)
print(c.throw(ValueError("a")))
c = catcher(); next(c)
print(c.throw(ValueError, "b"))
c = catcher(); next(c)
print(c.throw(ValueError, ValueError("c")))
c = catcher(); next(c)
try:
    c.throw(ValueError("a"), "extra")
except TypeError as e:
    print("TypeError", e)
c = catcher(); next(c)
try:
    c.throw(ValueError, None, 5)
except TypeError as e:
    print("TypeError", e)
c = catcher(); next(c)
try:
    c.throw(3)
except TypeError as e:
    print("TypeError", e)
def raiser():
    yield 1
    raise KeyError("kk")
r = raiser(); next(r)
try:
    next(r)
except KeyError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_back)
def thrower():
    yield 1
t = thrower(); next(t)
try:
    t.throw(KeyError("z"))
except KeyError as e:
    print(e.__traceback__.tb_next.tb_frame.f_code.co_name)
c = catcher()
print(c.close(), c.gi_frame)
print(type(types.GeneratorType.gi_code).__name__, type(types.GeneratorType.gi_frame).__name__)
print(types.GeneratorType.__name__.__doc__ is not None, types.GeneratorType.gi_yieldfrom.__doc__)
print(types.GeneratorType.send.__doc__)
try:
    g.gi_running = True
except AttributeError as e:
    print("AttributeError", e)
