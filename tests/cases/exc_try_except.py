# try/except/else/finally flow
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("div by zero")
        return "zero"
    except TypeError as e:
        print("type error:", e)
        return "type"
    else:
        print("no error", r)
        return "ok"
    finally:
        print("finally for", repr(x))
print(attempt(2))
print(attempt(0))
print(attempt("s"))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("tuple clause", type(e).__name__)
try:
    {}["x"]
except LookupError as e:
    print("base class clause", type(e).__name__, e)
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong")
except ValueError as e:
    print("outer caught", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
e = "kept?"
try:
    raise KeyError(1)
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def reraise():
    try:
        raise OSError("disk")
    except OSError:
        print("handling, then re-raise")
        raise
try:
    reraise()
except OSError as e:
    print("re-raised", e)
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")
for i in range(3):
    try:
        if i == 1:
            raise RuntimeError(i)
    except RuntimeError as ex:
        print("caught", ex)
        continue
    print("no exception at", i)
