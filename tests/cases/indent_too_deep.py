# CPython's tokenizer allows 99 nested indentation levels (MAXINDENT is
# 100); the 100th raises IndentationError "too many levels of indentation"
# at the line that opens it.


def nested(levels):
    return "".join(" " * i + "if 1:\n" for i in range(levels)) + " " * levels + "x = 1\n"


ns = {}
exec(nested(99), ns)
print("99 levels:", ns["x"])
for levels in (100, 130):
    try:
        compile(nested(levels), "deep", "exec")
    except SyntaxError as e:
        print(levels, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        print(repr(e.text[-8:]))
# Tabs count as levels too.
src = "".join("\t" * i + "while 0:\n" for i in range(101)) + "\t" * 101 + "pass\n"
try:
    compile(src, "tabs", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
exec(nested(120))
