# with statement and custom context managers
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with CM("a") as v:
    print("body", v)
with CM("x"), CM("y") as y:
    print("nested body", y)
with CM("outer") as o:
    with CM("inner") as i:
        print(o, i)
try:
    with CM("err"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated:", e)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
with CM("tuple-target") as (first, *rest):
    print(first, rest)
