# itertools: argument checking and errors (CPython 3.11 messages).
import itertools as it

calls = [
    lambda: it.count("a"), lambda: it.count(1, "a"), lambda: it.count(1, 2, 3),
    lambda: it.count(x=1), lambda: it.count(1, start=2),
    lambda: it.cycle(), lambda: it.cycle(1), lambda: it.cycle([], []), lambda: it.cycle(x=[]),
    lambda: it.repeat(), lambda: it.repeat(1, 2, 3), lambda: it.repeat(1, 2.0),
    lambda: it.repeat(1, x=2), lambda: it.repeat(1, "2"), lambda: it.repeat(times=2),
    lambda: it.repeat(1, 2 ** 64), lambda: it.repeat(1).__length_hint__(),
    lambda: it.accumulate(), lambda: it.accumulate(1), lambda: it.accumulate([], None, None),
    lambda: it.accumulate([], x=1), lambda: list(it.accumulate([1, "a"])),
    lambda: it.chain(a=1), lambda: it.chain.from_iterable(), lambda: it.chain.from_iterable(1, 2),
    lambda: list(it.chain([1], 2)), lambda: it.chain.from_iterable(3),
    lambda: it.compress(), lambda: it.compress([1]), lambda: it.compress(1, []), lambda: it.compress([], 1),
    lambda: it.dropwhile(), lambda: it.dropwhile(None), lambda: it.dropwhile(None, 1),
    lambda: it.dropwhile(None, [], x=1), lambda: list(it.dropwhile(None, [1])),
    lambda: it.filterfalse(), lambda: it.filterfalse(None, 1),
    lambda: it.takewhile(1), lambda: it.takewhile(None, [], []),
    lambda: it.groupby(), lambda: it.groupby(1), lambda: it.groupby([], None, None), lambda: it.groupby([], x=1),
    lambda: it.groupby([], iterable=[]), lambda: list(it.groupby([1], 5)),
    lambda: it.islice(), lambda: it.islice([]), lambda: it.islice([], 1, 2, 3, 4), lambda: it.islice([], x=1),
    lambda: it.islice(1, 2), lambda: it.islice("abc", -1), lambda: it.islice("abc", -5),
    lambda: it.islice("abc", 1.0), lambda: it.islice("abc", 2 ** 70), lambda: it.islice("abc", -1, 2),
    lambda: it.islice("abc", 1.5, 2), lambda: it.islice("abc", 0, -1), lambda: it.islice("abc", 0, 2, 0),
    lambda: it.islice("abc", 0, 2, 1.5), lambda: it.islice("abc", 0, 2, -1), lambda: it.islice(1, -1),
    lambda: it.islice("a", "b", "c"), lambda: it.islice(1, None, None, 0),
    lambda: it.pairwise(), lambda: it.pairwise(1), lambda: it.pairwise([], []), lambda: it.pairwise(iterable=[]),
    lambda: it.starmap(), lambda: it.starmap(None, 1), lambda: list(it.starmap(pow, [1])),
    lambda: list(it.starmap(pow, [(1,)])),
    lambda: it.tee(), lambda: it.tee(1), lambda: it.tee([], -1), lambda: it.tee([], 1.0),
    lambda: it.tee([], 2, 3), lambda: it.tee([], n=2), lambda: it.tee(1, 0),
    lambda: it.zip_longest(x=1), lambda: it.zip_longest(1), lambda: it.zip_longest([], fillvalue=1, x=2),
    lambda: it.product(1), lambda: it.product([], repeat=-1), lambda: it.product([], repeat=1.0),
    lambda: it.product([], x=1), lambda: it.product([], repeat=1, x=1),
    lambda: it.permutations(), lambda: it.permutations(1), lambda: it.permutations([], -1),
    lambda: it.permutations([], 1.0), lambda: it.permutations([], 1, 2), lambda: it.permutations([], x=1),
    lambda: it.permutations([], True),
    lambda: it.combinations([]), lambda: it.combinations([], -1), lambda: it.combinations([], 1.0),
    lambda: it.combinations(1, 1), lambda: it.combinations([], 1, 2), lambda: it.combinations([], 1, r=2),
    lambda: it.combinations_with_replacement([]), lambda: it.combinations_with_replacement([], -1),
    lambda: it.combinations_with_replacement([], "1"),
]
for i, call in enumerate(calls):
    try:
        r = call()
        print(i, "ok", r if isinstance(r, (tuple, list)) else type(r).__name__)
    except Exception as e:
        print(i, type(e).__name__, e)


# Errors raised by the underlying iterators propagate unchanged.
class Boom(Exception):
    pass


def bad(n):
    yield from range(n)
    raise Boom("boom after %d" % n)


for make in (lambda: it.chain(bad(1)), lambda: it.islice(bad(2), 5), lambda: it.pairwise(bad(2)),
             lambda: it.zip_longest(bad(1), "abc"), lambda: it.cycle(bad(1)),
             lambda: it.accumulate(bad(2)), lambda: it.tee(bad(1))[0], lambda: it.product(bad(1))):
    try:
        print(list(make()))
    except Boom as e:
        print("Boom:", e)

# StopIteration from next() on exhausted iterators.
for make in (lambda: it.islice("", 1), lambda: it.chain(), lambda: it.repeat(1, 0),
             lambda: it.combinations("a", 2), lambda: it.permutations("a", 2)):
    i2 = make()
    try:
        next(i2)
    except StopIteration as e:
        print("StopIteration", e.args)

