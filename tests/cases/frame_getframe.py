# sys._getframe, f_back/f_code/f_globals/f_builtins/f_locals/f_lineno/f_lasti, repr, f_trace
import sys
def f(a, b=2):
    c = a + b
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals), fr.f_back.f_code.co_name)
    print(fr.f_back.f_lineno, fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__)
    print(fr.f_locals is fr.f_locals, fr.f_locals is locals())
    d = fr.f_locals
    del c
    print(sorted(fr.f_locals), d is fr.f_locals)
    return fr
fr = f(1)
print(sorted(fr.f_locals), fr.f_back.f_code.co_name, fr.f_lineno, type(fr.f_lasti))
print(fr.f_back is sys._getframe())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError", e)
try:
    sys._getframe(1.5)
except TypeError as e:
    print("TypeError", e)
print(sys._getframe(0).f_code.co_name, sys._getframe().f_back)
def outer():
    return inner()
def inner():
    return [sys._getframe(i).f_code.co_name for i in range(3)]
print(outer())
r = repr(sys._getframe())
print(r.startswith("<frame at 0x"), r.endswith(", line 31, code <module>>"), "file '" in r)
fr2 = sys._getframe()
print(fr2.f_trace)
fr2.f_trace = print
print(fr2.f_trace is print)
fr2.f_trace = None
print(fr2.f_trace, fr2.f_trace_lines, fr2.f_trace_opcodes)
try:
    fr2.f_trace_lines = 1
except TypeError as e:
    print("TypeError", e)
try:
    fr2.f_lineno2 = 1
except AttributeError as e:
    print("AttributeError", e)
def closure():
    x = 1
    def g():
        return x + sys._getframe().f_locals['x']
    y = 2
    return g(), sorted(sys._getframe().f_locals)
print(closure())
class C:
    z = 3
    ns = sys._getframe().f_locals
    print(sorted(ns))
print(C.ns is C.__dict__, type(C.ns))
import types
print(type(sys._getframe()) is types.FrameType, types.FrameType.__name__)
try:
    types.FrameType()
except TypeError as e:
    print("TypeError", e)
def running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError", e)
running()
def done():
    q = [1, 2]
    return sys._getframe()
fd = done()
print(fd.f_locals)
fd.clear()
print(fd.f_locals)
print([k for k in ("clear", "f_back", "f_locals", "f_trace_lines") if k in type(fd).__dict__])
print(type(types.FrameType.f_back).__name__, type(types.FrameType.f_trace_lines).__name__)
