# A failing sys.excepthook: "Error in sys.excepthook:" then both reports.
import sys


def hook(tp, value, tb):
    print("hook called with", tp.__name__)
    raise RuntimeError("hook broke")


sys.excepthook = hook
raise ValueError("original")
