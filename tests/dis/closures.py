def counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = counter(10)
inc()
inc(5)
print(get())


def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
