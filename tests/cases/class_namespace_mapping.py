# A class body whose namespace (from __prepare__) is a mapping but not a
# dict: every name access goes through its __getitem__/__setitem__/
# __delitem__, as CPython's LOAD_NAME, STORE_NAME, DELETE_NAME,
# LOAD_CLASSDEREF and SETUP_ANNOTATIONS do for a non-dict namespace.
class Namespace:
    def __init__(self):
        self.d = {}
        self.log = []

    def __getitem__(self, k):
        self.log.append(("get", k))
        return self.d[k]

    def __setitem__(self, k, v):
        self.log.append(("set", k))
        self.d[k] = v

    def __delitem__(self, k):
        self.log.append(("del", k))
        del self.d[k]


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Namespace()

    def __new__(mcls, name, bases, ns):
        for entry in ns.log:
            print(name, *entry)
        return super().__new__(mcls, name, bases, dict(ns.d))


def make():
    free = "from the cell"

    class C(metaclass=Meta):
        a: int = 1
        b = 2
        del b
        try:
            del missing
        except NameError as e:
            print("NameError:", e)
        seen = free

    return C


C = make()
print(C.a, C.seen, C.__annotations__, hasattr(C, "b"))
