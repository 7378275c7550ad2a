# exception classes declared as CPython's: members, str/repr, __init__ keywords, OSError errno mapping, descriptors
import types
print(type(BaseException.args).__name__, type(BaseException.__suppress_context__).__name__, type(StopIteration.value).__name__)
print(BaseException.__doc__, ValueError.__doc__, KeyError.__doc__)
print(sorted(k for k in ValueError.__dict__), sorted(k for k in KeyError.__dict__))
print(sorted(k for k in StopIteration.__dict__), sorted(k for k in OSError.__dict__))
print(BaseException.with_traceback.__doc__)
print(StopIteration.value.__doc__, OSError.errno.__doc__, SyntaxError.lineno.__doc__)
e = StopIteration(5, 6)
print(e.value, e.args, repr(e), str(e))
e.value = 9
print(e.value, StopIteration().value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
i = ImportError("m", name="n", path="p")
print(i.msg, i.name, i.path, str(i), repr(i), i.__reduce__())
try:
    ImportError("m", bad=1)
except TypeError as x:
    print("TypeError", x)
print(ImportError().msg, str(ImportError(1, 2)))
print(str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)), repr(KeyError("k")))
n = NameError("x", name="nm")
print(n.name, NameError().name)
a = AttributeError("a", name="nm", obj=5)
print(a.name, a.obj)
try:
    ValueError(x=1)
except TypeError as x:
    print("TypeError", x)
class MyErr(Exception):
    def __init__(self, *args, **kw):
        super().__init__(*args)
        self.kw = kw
m = MyErr(1, z=2)
print(m.args, m.kw)
class Plain(Exception):
    pass
try:
    Plain(z=1)
except TypeError as x:
    print("TypeError", x)
o = OSError(2, "No such file")
print(type(o).__name__, o.errno, o.strerror, o.filename, str(o), o.args)
o = OSError(2, "No such file", "f.txt")
print(type(o).__name__, str(o), o.args, o.filename)
o = OSError(2, "No such file", "f.txt", None, "g.txt")
print(str(o), o.filename2, o.__reduce__())
print(type(OSError(13, "denied")).__name__, type(OSError(11, "again")).__name__, type(OSError(999, "x")).__name__)
print(type(FileNotFoundError(13, "x")).__name__, str(OSError("just text")), OSError().errno)
b = BlockingIOError(11, "again", 5)
print(b.characters_written)
try:
    OSError(1, "x").characters_written
except AttributeError as x:
    print("AttributeError", x)
s = SyntaxError("bad", ("f.py", 3, 4, "x y\n", 3, 5))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, s.print_file_and_line)
print(str(s), str(SyntaxError("m")), str(SyntaxError("m", ("/a/b.py", None, 1, None))))
try:
    SyntaxError("m", (1, 2))
except TypeError as x:
    print("TypeError", x)
try:
    compile("1 +", "<s>", "exec")
except SyntaxError as x:
    print(x.msg, x.lineno, x.offset, x.filename, str(x))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
print(str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")))
print(str(UnicodeEncodeError("ascii", "a\xe9b", 1, 2, "ordinal not in range(128)")))
print(str(UnicodeEncodeError("ascii", "\u1234", 0, 1, "r")), str(UnicodeTranslateError("\U00012345", 0, 1, "r")))
try:
    UnicodeDecodeError("utf-8", "str", 0, 1, "r")
except TypeError as x:
    print("TypeError", x)
try:
    UnicodeDecodeError("utf-8")
except TypeError as x:
    print("TypeError", x)
try:
    b"\xff".decode()
except UnicodeDecodeError as x:
    print(str(x))
e = ValueError(1)
e.args = [3, 4]
print(e.args, repr(e))
try:
    del e.args
except TypeError as x:
    print("TypeError", x)
try:
    e.__context__ = 1
except TypeError as x:
    print("TypeError", x)
try:
    e.__cause__ = 1
except TypeError as x:
    print("TypeError", x)
e.__cause__ = KeyError()
print(e.__suppress_context__, type(e.__cause__).__name__)
try:
    e.__suppress_context__ = 1
except TypeError as x:
    print("TypeError", x)
e.extra = 5
print(e.__dict__, e.__reduce__())
e2 = ValueError()
e2.__setstate__({"q": 1})
print(e2.q)
try:
    e2.__setstate__(5)
except TypeError as x:
    print("TypeError", x)
e2.add_note("n1")
print(e2.__notes__)
try:
    e2.add_note(3)
except TypeError as x:
    print("TypeError", x)
print(ValueError.__init__ is not BaseException.__init__, ValueError.__new__ is BaseException.__new__)
