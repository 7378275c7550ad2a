# the uncaught-exception printer reads traceback objects: re-raised, with_traceback, through generators
import sys
def inner():
    return 1 / 0
def middle():
    try:
        inner()
    except ZeroDivisionError as e:
        saved = e
    raise saved
def gen():
    yield 1
    middle()
def outer():
    g = gen()
    next(g)
    try:
        next(g)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        raise ValueError("wrapped").with_traceback(tb.tb_next) from e
outer()
