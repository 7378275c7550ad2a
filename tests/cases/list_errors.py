# list error messages (caught)
a = [1, 2, 3]
tests = [
    lambda: a[3],
    lambda: a[-4],
    lambda: a.remove(9),
    lambda: a.index(9),
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a["x"],
    lambda: a.__setitem__(5, 0),
    lambda: [3, "a"].sort(),
    lambda: a + (4,),
    lambda: a * "2",
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    del a[7]
except IndexError as e:
    print("del:", e)
