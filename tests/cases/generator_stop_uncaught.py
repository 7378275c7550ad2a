def gen():
    yield "only"
it = gen()
print(next(it))
next(it)
