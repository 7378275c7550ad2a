# unpacking error messages (caught)
def u1():
    a, b = 1, 2, 3
def u2():
    a, b, c = [1]
def u3():
    a, = []
def u4():
    a, *b, c = [1]
def u5():
    a, b = "xyz"
def u6():
    (a, b), c = [1, 2, 3], 4
def u7():
    a, b = {}
def u8():
    [a, b] = iter(range(5))
def u9():
    for x, y in [(1, 2), (3,)]:
        pass
for fn in (u1, u2, u3, u4, u5, u6, u7, u8, u9):
    try:
        fn()
    except ValueError as e:
        print(fn.__name__, "->", e)
