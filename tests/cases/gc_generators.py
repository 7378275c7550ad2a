# suspended generators are closed when they die (PEP 442 tp_finalize): refcount, cycles, exit
import gc
gc.disable()
def g(name):
    try:
        yield 1
    finally:
        print("cleanup", name)
x = g("refcount"); next(x); del x
print("after del")
y = g("cycle"); next(y)
holder = [y]; holder.append(holder)
del y, holder
print("collect", gc.collect())
z = g("exit"); next(z)
print("end")
import sys
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, type(u.object).__name__)
sys.unraisablehook = hook
def stubborn():
    try:
        yield 1
    finally:
        yield 2
s = stubborn(); next(s); del s
def never_started():
    try:
        yield 1
    finally:
        print("not printed")
n = never_started(); del n
def finished():
    try:
        yield 1
    finally:
        print("finally once")
f = finished(); list(f); del f
def selfref():
    me = yield 1
    try:
        yield 2
    finally:
        print("self-referencing generator closed")
gc.collect()  # (CPython: the unraisable RuntimeError's traceback cycle)
sr = selfref(); next(sr); sr.send(sr); del sr
print("collect", gc.collect())
