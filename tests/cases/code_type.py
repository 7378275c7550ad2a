# code objects: members, co_lines/co_positions, repr, eq/hash, descriptor kinds
import types
def f(a, b, *c, d=1, **e):
    x = a + b
    def g():
        return x
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_nlocals, co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print(co.co_flags, co.co_firstlineno, type(co.co_code).__name__, type(co.co_linetable).__name__)
print(co.co_code == co._co_code_adaptive, type(co.co_exceptiontable).__name__, co.co_stacksize > 0)
print(f(1, 2).__code__.co_freevars, f(1,2).__code__.co_qualname)
print(list(co.co_lines())[:3])
print(list(co.co_positions())[:3], len(list(co.co_positions())) == len(co.co_code) // 2)
print(repr(co).startswith("<code object f at 0x"), repr(co).endswith(", line 3>"))
print(co == f.__code__, hash(co) == hash(f.__code__), co != f.__code__, co == 1)
print(co.replace() == co, co._varname_from_oparg(0))
print(type(co) is types.CodeType, types.CodeType.__name__)
print(type(types.CodeType.co_name).__name__, type(types.CodeType.co_varnames).__name__, type(types.CodeType.co_lines).__name__)
print(types.CodeType.replace.__text_signature__, types.CodeType.__doc__)
try:
    co.co_name = "x"
except AttributeError as e:
    print("AttributeError", e)
print(co.co_consts[0], compile("1+2", "<s>", "eval").co_consts)
