# sys.excepthook = None: CPython says so and prints the report itself.
import sys

sys.excepthook = None
print("set")
raise LookupError("no hook")
