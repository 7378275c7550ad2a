# the format-spec mini-language for int and str
for spec in ["", "d", "5", "<5", ">5", "^5", "*^7", "0=8", "+", "-", " ", "05", "+06", ",", "_", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010b", "c", "n", "_b", ",d", "e", "f", "%", ".2f", "g"]:
    for v in (42, -1234567):
        if spec == "c" and v < 0:
            continue
        print(repr(spec), repr(format(v, spec)))
for spec in ["", "s", "10", "<10", ">10", "^10", "-^10", ".2", "10.3", "^5.1"]:
    print(repr(spec), repr(format("hello", spec)))
print(format(True, ""), format(True, "d"), format(None, ""), format([1], ""))
for bad in [("s", 1), ("d", "x"), ("=5", "s"), (",s", "x"), ("+s", "x"), ("c", -1), ("xx", 1)]:
    try:
        format(bad[1], bad[0])
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
