"""A helper module imported by the import_* cases."""
print("mymod: executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
def greet(who):
    return "hello " + who
class Thing:
    def __repr__(self):
        return "Thing()"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
