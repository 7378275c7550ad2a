# AttributeError messages (caught)
class P:
    slot = 1
    def __init__(self):
        self.a = 1
p = P()
for thunk in [
    lambda: (5).foo,
    lambda: "s".nope,
    lambda: [].missing,
    lambda: None.attr,
    lambda: p.b,
    lambda: P.c,
    lambda: {}.x,
    lambda: (1, 2).append,
]:
    try:
        thunk()
    except AttributeError as e:
        print(e)
try:
    (5).real = 3
except AttributeError as e:
    print(e)
try:
    del p.zzz
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
