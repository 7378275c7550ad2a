# traceback -> frame -> locals cycles are collectable; frame objects outlive their frames
import gc, sys
gc.disable()
class Obj:
    def __del__(self):
        print("Obj freed")
def f():
    o = Obj()
    try:
        1/0
    except ZeroDivisionError as e:
        err = e
    return None
f()
print("after f", gc.collect())
def g():
    o = Obj()
    return sys._getframe()
fr = g()
print(fr.f_locals["o"].__class__.__name__)
del fr
print("after del fr")
def h():
    o = Obj()
    fr = sys._getframe()
    return 1
h()
print("after h", gc.collect())
def keep():
    try:
        raise ValueError
    except ValueError as e:
        return e
e = keep()
print(e.__traceback__.tb_frame.f_code.co_name)
del e
print("collected", gc.collect())
def gen():
    o = Obj()
    yield sys._getframe()
    yield 2
it = gen()
fr = next(it)
print(fr.f_back, it.gi_frame is fr)
del it
print("gen dropped", gc.collect())
print(fr.f_locals.keys(), fr.f_back)
del fr
print("end", gc.collect())
