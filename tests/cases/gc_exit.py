# interpreter exit: atexit handlers (last first), then module teardown runs
# the __del__ of objects still alive, cycles included; weakref.finalize
import atexit, weakref, sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def handler(*args, **kwargs):
    print("atexit handler", args, sorted(kwargs.items()))

atexit.register(handler, 1, 2, key="v")
atexit.register(print, "registered print")
def removed():
    print("never printed")
atexit.register(removed)
atexit.unregister(removed)

def failing():
    raise RuntimeError("in atexit")
def hook(u):
    print("unraisable:", u.err_msg, type(u.exc_value).__name__, u.exc_value)
sys.unraisablehook = hook
atexit.register(failing)

first = Noisy("first")
_private = Noisy("_private")
cyc = Noisy("cycle"); cyc.me = cyc
holder = [Noisy("in a list")]
last = Noisy("last")

class Res:
    pass
res = Res()
fin = weakref.finalize(res, print, "finalize callback at exit")
print("finalize alive:", fin.alive, fin.atexit)
fin2 = weakref.finalize(Res(), print, "finalize on death")
print("fin2 alive:", fin2.alive)
try:
    atexit.register(1)
except TypeError as e:
    print("TypeError", e)
print("end of script")
