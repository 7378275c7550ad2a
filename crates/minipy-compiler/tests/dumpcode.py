"""Dump a code object tree in a canonical text form (compared with minipy's dump)."""
import sys, types

def const_repr(c):
    if isinstance(c, types.CodeType):
        return "<code %s>" % c.co_qualname
    if isinstance(c, tuple):
        return "(" + ", ".join(const_repr(x) for x in c) + ("," if len(c) == 1 else "") + ")"
    if isinstance(c, frozenset):
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})"
    if isinstance(c, float) or isinstance(c, complex):
        return type(c).__name__ + ":" + repr(c)
    return repr(c)

def dump(co, out, with_lines=True):
    out.append("code %s" % co.co_qualname)
    out.append("  name=%s firstlineno=%d" % (co.co_name, co.co_firstlineno))
    out.append("  argcount=%d posonly=%d kwonly=%d stacksize=%d flags=0x%x" % (
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_stacksize, co.co_flags))
    out.append("  names=%s" % (list(co.co_names),))
    out.append("  varnames=%s cellvars=%s freevars=%s" % (list(co.co_varnames), list(co.co_cellvars), list(co.co_freevars)))
    out.append("  consts=[%s]" % ", ".join(const_repr(c) for c in co.co_consts))
    code = co.co_code
    import opcode
    ins = []
    i = 0
    while i < len(code):
        op = code[i]; arg = code[i+1]
        if op != 0:
            ins.append("%d:%s %d" % (i // 2, opcode.opname[op], arg))
        i += 2
    out.append("  code=" + " | ".join(ins))
    if with_lines:
        out.append("  positions=" + " ".join("%s" % (p,) for p in co.co_positions()))
    out.append("  exctable=" + co.co_exceptiontable.hex())
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out, with_lines)

if __name__ == "__main__":
    path = sys.argv[1]
    src = open(path).read()
    co = compile(src, path, "exec")
    out = []
    dump(co, out, "--nolines" not in sys.argv)
    print("\n".join(out))
