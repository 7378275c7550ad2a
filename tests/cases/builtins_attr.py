# getattr/setattr/hasattr/delattr/vars/dir/callable
class C:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
o = C()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "missing", "default"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b, vars(o))
delattr(o, "a")
print(vars(o), hasattr(o, "a"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print(e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print(e)
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
print(callable(len), callable(C), callable(o), callable(o.__init__), callable(None), callable(lambda: 0))
print("a" in dir(C()), "cls_attr" in dir(C), "append" in dir([]), dir(C()) == sorted(dir(C())))
try:
    vars(5)
except TypeError as e:
    print(e)
print(getattr([1, 2], "__len__")(), getattr("s", "upper")())
def f():
    pass
f.attr = 1
print(vars(f))
