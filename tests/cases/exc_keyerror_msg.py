# KeyError str/repr with different keys
for key in ["k", 1, (1, 2), "", None, 2.5]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), repr(e), e.args)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(str(e), repr(e))
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)), repr(e))
d = {(1, 2): 3}
d[(3, 4)]
