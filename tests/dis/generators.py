def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def chain(*its):
    for it in its:
        yield from it


def echo():
    received = yield "ready"
    while received is not None:
        received = yield received


print(list(chain(count(3), count(2))))
g = echo()
print(next(g), g.send(1))
