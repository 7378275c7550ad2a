# argument errors of the memory-introspection functions
import sys, gc, atexit, weakref
for expr in ["sys.getrefcount()", "sys.getrefcount(1, 2)", "sys.getsizeof()", "sys.getsizeof(1, 2, 3)",
             "sys.getsizeof(1, default=5) > 0", "sys.intern()", "sys.intern('a', 'b')",
             "sys.getallocatedblocks(1)", "atexit.unregister()", "atexit._ncallbacks(1)",
             "gc.get_referents(x=1)", "gc.get_referrers(x=1)", "gc.is_finalized()",
             "weakref.getweakrefcount()", "weakref.getweakrefs(1, 2)", "weakref.proxy()",
             "weakref.proxy(1, 2, 3)", "weakref.ref(1, x=2)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
class W:
    pass
for expr in ["weakref.ref(W(), x=2)", "weakref.ref(W(), None, None)"]:
    try:
        print(expr, "->", eval(expr) is not None)
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
