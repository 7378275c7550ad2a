# Closures: counters, memoisation, and a tiny event system.


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c = make_counter()
c()
c()
print("counter:", c(10))


def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def paths(rows, cols):
    if rows == 0 or cols == 0:
        return 1
    return paths(rows - 1, cols) + paths(rows, cols - 1)


print("lattice paths 16x16:", paths(16, 16), "cached:", len(paths.cache))


def event_bus():
    handlers = {}

    def on(event):
        def register(fn):
            handlers.setdefault(event, []).append(fn)
            return fn
        return register

    def emit(event, *args):
        return [h(*args) for h in handlers.get(event, [])]

    return on, emit


on, emit = event_bus()


@on("greet")
def hello(who):
    return f"hello {who}"


@on("greet")
def shout(who):
    return f"HEY {who.upper()}!"


print(emit("greet", "ada"), emit("unknown"))

adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
