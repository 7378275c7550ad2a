# operators and equality on subclasses of built-in types respect overrides
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
print(L([1, 2]))
class D(dict):
    def __init__(self, *a):
        super().__init__(*a)
print(D({"a": 1}), isinstance(D(), dict))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
print(MyInt(1) + 2, type(MyInt(3)).__name__)
class S(str):
    pass
s = S("abc")
print(s.upper(), len(s), s == "abc", hash(s) == hash("abc"))
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(5)
except E as e:
    print(e, e.code, repr(e))
class K(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
print(K("x") == "y", {K("a"): 1}.get("a"), True & False, True + True, -True)
class N(int):
    def __lt__(self, o): return "custom"
print(N(1) < 2)
