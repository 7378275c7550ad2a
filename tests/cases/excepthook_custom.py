# Uncaught exceptions go through sys.excepthook(type, value, tb).
import sys

print(sys.excepthook is sys.__excepthook__, sys.__excepthook__.__name__)


def hook(tp, value, tb):
    print("hook:", tp.__name__, value, type(tb).__name__, tb.tb_frame.f_code.co_name)
    print("last", sys.last_type is tp, sys.last_value is value)


sys.excepthook = hook


def f():
    raise KeyError("k")


f()
