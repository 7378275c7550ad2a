# close() and finally in generators
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
x = g()
print(next(x))
x.close()
print("closed")
x.close()
try:
    next(x)
except StopIteration:
    print("exhausted after close")
def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
y = ignores()
next(y)
try:
    y.close()
except RuntimeError as e:
    print(e)
def catches():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
z = catches()
next(z)
z.close()
unstarted = g()
unstarted.close()
print("unstarted close prints nothing")
def returns_in_finally():
    try:
        yield 1
    finally:
        return "r"
w = returns_in_finally()
next(w)
print(w.close())
def state():
    yield 1
s = state()
print(s.gi_running, s.gi_frame is not None)
list(s)
print(s.gi_frame)
