# Raising and catching through frames (traceback and frame objects), and
# generator resumption (frame linking).
N = 60000


def f(i):
    if i >= 0:
        raise ValueError(i)


def g(i):
    f(i)


def gen(k):
    for j in range(k):
        yield j


def main():
    n = 0
    for i in range(N):
        try:
            g(i)
        except ValueError:
            n += 1
    s = 0
    for _ in range(N // 100):
        for v in gen(300):
            s += v
    print(n, s)


main()
