try:
    import nosuchmodule_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mypkg import nope_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import mypkg.nope_sub
except ModuleNotFoundError as e:
    print(e)
print(issubclass(ModuleNotFoundError, ImportError))
import another_missing_module
