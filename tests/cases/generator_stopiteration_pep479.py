# StopIteration inside a generator becomes RuntimeError
def bad():
    yield 1
    raise StopIteration("inner")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
def bad2():
    yield next(iter([]))
for x in bad2():
    print(x)
