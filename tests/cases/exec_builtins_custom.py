# exec/eval honour a custom __builtins__ and dict-subclass globals, as CPython 3.11
g = {"__builtins__": {"len": lambda x: 42}}
exec("r = len([1, 2])", g)
print(g["r"])
try:
    exec("print(1)", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
import builtins
g = {"__builtins__": builtins}
exec("r = len([1, 2])", g)
print(g["r"])
class M(dict):
    def __missing__(self, k):
        return "missing:" + k
g = M()
exec("def f():\n    return undefined_name\nr = f()", g)
print(g["r"])
try:
    exec("r = undefined_module_level", M())
except NameError as e:
    print("NameError", e)
class L(dict):
    def __missing__(self, k):
        return "L:" + k
exec("r = some_name", {}, L())
ns = L()
exec("x = some_name", {}, ns)
print(ns["x"])
class G(dict):
    def __getitem__(self, k):
        if k == "special":
            return "from getitem"
        return dict.__getitem__(self, k)
g = G()
exec("def f():\n    return special\nr = f()", g)
print(g["r"])
print(eval("x + 1", {"x": 1}))
print(eval("y", None, {"y": 7}))
y = 3
print(eval("y"), eval("y", None, None))
def f():
    z = 9
    return eval("z"), eval("z + y")
print(f())
def h():
    w = 1
    exec("w2 = w + 1")
    return sorted(locals())
print(h())
try:
    eval("1", [])
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", {}, 1)
except TypeError as e:
    print("TypeError", e)
try:
    exec("1", {}, 1)
except TypeError as e:
    print("TypeError", e)
try:
    exec("1", 1)
except TypeError as e:
    print("TypeError", e)
g = {}
exec("pass", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)
