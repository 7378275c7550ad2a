def risky(x):
    try:
        return 10 / x
    except ZeroDivisionError as e:
        print("zero", e)
        return None
    except (TypeError, ValueError):
        raise
    else:
        print("no error")
    finally:
        print("cleanup")


def reraise():
    try:
        risky("a")
    except Exception as exc:
        raise RuntimeError("wrapped") from exc


try:
    reraise()
except RuntimeError:
    pass
assert risky(2) == 5.0, "bad"
