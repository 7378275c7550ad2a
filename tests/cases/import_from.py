# from-imports
from helpers.mymod import VALUE, greet as hello, Thing
print(VALUE, hello("x"), Thing())
from helpers import mymod
print(mymod.VALUE)
from helpers.mymod import counter, bump
bump()
print(counter, mymod.counter)
try:
    from helpers.mymod import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
from mypkg import *
print(PKG_CONST, core_fn())
print("sub" in dir(), "_private" in dir())
