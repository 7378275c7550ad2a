# bool and None
print(True, False, None, repr(None), str(True))
print(True + 1, True * 3, False - 1, True / 2, -True, ~True)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool({}), bool(None), bool(()))
print(int(True), float(False), str(False), type(True), type(None))
print(True == 1, False == 0, True is True, None is None, None == None, None == 0)
print(isinstance(True, int), issubclass(bool, int), bool.__mro__)
print(not None, not 0, not [], not "x")
print(True and 3, 0 and 3, None or "d", 5 or 6, "" or [] or 0)
print(True > False, sorted([True, False, True]), sum([True, True, False]))
x = None
print(x is None, x is not None)
def f():
    pass
print(f())
print({True: "a", 1: "b"}, {0: "z", False: "y"})
