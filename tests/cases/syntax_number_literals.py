# Malformed number literals get CPython 3.11's tokenizer messages and
# columns (rustpython-parser reports a generic token error), and a bare
# yield as an assignment target its own grammar rule's message.
sources = [
    "x = 0777\n", "x = 0777 + 1\n", "x = 0_7\n", "x = 00\n", "x = 007.5\n", "x = 0e5\n",
    "x = 1__0\n", "x = 1_\n", "x = 1abc\n", "x = 1.5abc\n", "x = 1e\n", "x = 1e+\n",
    "x = 5j1\n", "x = 0x\n", "x = 0xg\n", "x = 0x_1f\n", "x = 0b2\n", "x = 0b1_\n",
    "x = 0o8\n", "x = 0o7_7\n",
    "x = 1_000_000.5e-3j\n", "x = .5\n", "s = '0777'  # 0777\nx = 0777\n",
    "x = b'1__0' + f'{1}' + 1__0\n", "y = z1__0 + 1\n",
    "x = yield = 1\n", "(yield) = 1\n", "x = (yield) = 1\n",
]
for s in sources:
    try:
        compile(s, "f", "exec")
        print("OK", repr(s))
    except SyntaxError as e:
        print(repr(s), repr(e.msg), e.lineno, e.offset, e.end_offset)
