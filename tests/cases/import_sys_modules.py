# sys.modules and the module cache
import sys
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
main = sys.modules["__main__"]
print(main.__name__, type(main).__name__)
marker = "main marker"
print(main.marker)
import helpers.mymod
print(sys.modules["helpers.mymod"] is helpers.mymod, "helpers" in sys.modules)
fake = type(sys)("fakemod")
fake.attr = "from fake"
sys.modules["fakemod"] = fake
import fakemod
print(fakemod.attr, fakemod.__name__)
del sys.modules["helpers.mymod"]
import helpers.mymod as again
print("re-imported", again.VALUE)
import builtins
print(builtins.len is len, builtins.__name__)
