# send/throw into generators
def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "stopped"
g = echo()
print(g.send(None))
print(g.send(1), g.send("two"))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration value:", e.value)
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
for v in (10, 20, 60):
    print(a.send(v))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
fresh = echo()
try:
    fresh.send(5)
except TypeError as e:
    print(e)
def two():
    x = yield 1
    print("x =", x)
    y = yield 2
    print("y =", y)
t = two()
print(next(t))
print(t.send("a"))
try:
    t.send("b")
except StopIteration:
    print("finished")
