# Requests too large to satisfy raise MemoryError/OverflowError instead of crashing.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e, e.args)
    else:
        print(label, "ok", len(r) if hasattr(r, "__len__") else r)


huge = 2**62
attempt("list*", lambda: [0] * huge)
attempt("list2*", lambda: [0, 1] * huge)
attempt("rmul", lambda: huge * [0])
attempt("tuple*", lambda: (0,) * huge)
attempt("tuple2*", lambda: (0, 1) * huge)
attempt("str*", lambda: "x" * huge)
attempt("str2*", lambda: "ab" * huge)
attempt("str-max", lambda: "x" * (2**63 - 1))
attempt("bytes*", lambda: b"x" * huge)
attempt("bytes2*", lambda: b"ab" * huge)
attempt("bytes(n)", lambda: bytes(huge))
attempt("bytes(2**40)", lambda: bytes(2**40))
attempt("bytes(2**64)", lambda: bytes(2**64))
attempt("None*2**40", lambda: [None] * 2**40)
attempt("str*2**40", lambda: "x" * 2**40)
attempt("list*2**64", lambda: [0] * 2**64)
attempt("str*2**64", lambda: "x" * 2**64)
attempt("empty*2**64", lambda: [] * 2**64)
attempt("str*-2**64", lambda: "x" * -(2**64))
attempt("str*-1", lambda: "x" * -1)
attempt("list*-1", lambda: [1] * -1)


def imul_list():
    x = [1, 2]
    x *= huge
    return x


def imul_list40():
    x = [1]
    x *= 2**40
    return x


attempt("list*=", imul_list)
attempt("list*=40", imul_list40)
attempt("ljust", lambda: "x".ljust(huge))
attempt("rjust", lambda: "x".rjust(huge))
attempt("center", lambda: "x".center(huge))
attempt("center-fill", lambda: "x".center(huge, "\u20ac"))
attempt("zfill", lambda: "-1".zfill(huge))
attempt("zfill64", lambda: "x".zfill(2**64))
attempt("format>", lambda: "{:>{}}".format("x", huge))
attempt("format<", lambda: format("x", "<%d" % huge))
attempt("format-int", lambda: format(1, str(huge)))
attempt("format-int0", lambda: format(-1, "0%d" % huge))
attempt("format-float", lambda: format(1.5, str(huge)))
attempt("format-complex", lambda: format(1j, str(huge)))
attempt("fstring", lambda: f"{1:{huge}}")
attempt("fstring-2e12", lambda: "{:2000000000000}".format(1))
attempt("percent*", lambda: "%*d" % (huge, 1))
attempt("percent-s", lambda: "%*s" % (huge, "x"))
attempt("percent-lit", lambda: "%2000000000000d" % 1)
attempt("percent-prec", lambda: "%.*d" % (huge, 1))
attempt("list-range", lambda: list(range(huge)))
attempt("tuple-range", lambda: tuple(range(huge)))
attempt("list-range-step", lambda: list(range(0, 2**63, 2)))
attempt("list-range63", lambda: list(range(2**63)))
attempt("list-reversed-range", lambda: list(reversed(range(huge))))
attempt("list-iter-range", lambda: list(iter(range(huge))))
attempt("unpack-range", lambda: [*range(huge)])
attempt("extend-range", lambda: [].extend(range(huge)))
attempt("sorted-range", lambda: sorted(range(huge)))
attempt("bytes-range", lambda: bytes(range(huge)))
attempt("join", lambda: ("x" * 2**20).join([""] * 2**22))
attempt("bjoin", lambda: (b"x" * 2**20).join([b""] * 2**22))
attempt("replace", lambda: ("a" * 2**21).replace("", "x" * 2**20))
attempt("replace-n", lambda: ("a" * 2**21).replace("", "x" * 2**20, 3))
attempt("replace-ok", lambda: "abcabc".replace("b", "XY"))
attempt("expandtabs", lambda: "\tx".expandtabs(huge))
attempt("expandtabs-neg", lambda: "\tx".expandtabs(-(2**31) - 1))
attempt("to_bytes", lambda: (2**62).to_bytes(huge, "big"))
attempt("to_bytes-little", lambda: (-5).to_bytes(huge, "little", signed=True))
attempt("bytearray(n)", lambda: bytearray(huge))
attempt("bytearray(2**64)", lambda: bytearray(2**64))
attempt("bytearray*", lambda: bytearray(b"ab") * huge)
attempt("bytearray-range", lambda: bytearray(range(huge)))
attempt("bytearray-join", lambda: (bytearray(b"x") * 2**20).join([b""] * 2**22))
attempt("lshift62", lambda: 1 << huge)
attempt("lshift64", lambda: 1 << 2**64)
attempt("lshift66", lambda: 1 << 2**66)
attempt("lshift100", lambda: 1 << 2**100)
attempt("lshift-zero", lambda: 0 << 2**100)
attempt("rshift", lambda: 1 >> 2**100)
try:
    [0] * huge
except MemoryError as e:
    print(repr(e), e.args, str(e) == "")
print("small still work:", [1, 2] * 3, "ab" * 3, b"ab" * 2, "x".center(5, "*"), "%5d|" % 3)
print("done")
[None] * 2**40
