# sys.__excepthook__ called by hand writes to sys.stderr; a reassigned
# sys.stderr (any object with write) receives the uncaught report.
import atexit
import sys


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def text(self):
        return "".join(self.parts).replace(FILE, "<FILE>")


FILE = __file__
c = Collect()
sys.stderr = c
try:
    1 / 0
except ZeroDivisionError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
sys.stderr = sys.__stderr__
print(c.text(), end="")

late = Collect()


@atexit.register
def show():
    sys.__stdout__.write("collected at exit:\n" + late.text())


sys.stderr = late


def g():
    raise TypeError("to the reassigned stderr")


g()
