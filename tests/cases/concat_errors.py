# concatenation errors, including += on a list with a non-iterable
class H: pass
for a, b in [("a", 1), ([1], (2,)), ((1,), [2]), (b"x", 1), ("a", H()), ([1], H()), (b"x", "y"), (1, "a"), (None, 1)]:
    try:
        a + b
    except TypeError as e:
        print(e)
    try:
        x = a; x += b
    except TypeError as e:
        print("+=", e)
