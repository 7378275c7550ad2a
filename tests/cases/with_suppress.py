# __exit__ returning true suppresses exceptions
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            return True
        return None
with Suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("after first")
try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)
def in_loop():
    out = []
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                raise ValueError(i)
            out.append(i)
    return out
print(in_loop())
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
class Records:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = (et, ev, tb is not None)
        return True
r = Records()
with r:
    raise KeyError("k")
print(r.seen[0].__name__, repr(r.seen[1]), r.seen[2])
with r:
    pass
print(r.seen)
