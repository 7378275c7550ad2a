# itertools: every iterator's values, laziness and reprs (CPython 3.11).
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)

print([n for n in dir(itertools) if not n.startswith("_")])
for t in (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
          groupby, islice, pairwise, starmap, takewhile, zip_longest, product,
          permutations, combinations, combinations_with_replacement):
    print(t, t.__name__, t.__module__, isinstance(t, type))

# count
c = count()
print(repr(c), next(c), next(c), repr(c))
print(list(islice(count(5), 3)), repr(count(5)))
print(list(islice(count(1.5, 0.5), 4)))
c = count(1.5, 0.5)
print(repr(c)); next(c); print(repr(c))
print(repr(count(0, 1.0)), repr(count(True)), repr(count(0, True)), repr(count(-3, -2)))
print(list(islice(count(True), 3)), list(islice(count(True, 2), 3)))
print(repr(count(2 ** 70)), list(islice(count(2 ** 63 - 2), 3)))
print(repr(count(1j)), list(islice(count(1j, 1), 2)))
print(repr(count(start=3, step=2)), repr(count(step=2)))
c = count(10, -3)
print([next(c) for _ in range(4)], repr(c))
print(type(count()), iter(c) is c)

# cycle
print(list(islice(cycle("abc"), 8)))
print(list(cycle([])))
src = iter([1, 2])
cy = cycle(src)
print(next(cy), next(cy), next(cy), list(src))

# repeat
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -5)))
r = repeat(7, 2)
print(repr(r), r.__length_hint__(), next(r), repr(r), next(r), repr(r), list(r))
print(repr(repeat(1)), repr(repeat("a", 3)), repr(repeat(object=[1], times=2)))
print(list(islice(repeat(4), 3)))
print(list(map(pow, range(5), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=100)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])), list(accumulate([1, 2], None)))
print(list(accumulate(iterable=[1, 2], func=None, initial=None)))

# chain
print(list(chain("ab", [1, 2], (), range(2))), list(chain()))
print(list(chain.from_iterable(["ab", "cd"])), list(chain.from_iterable([])))
def gen():
    print("gen started")
    yield "xy"
    yield "z"
ch = chain.from_iterable(gen())
print("made")
print(next(ch), list(ch))
print(type(chain.from_iterable([])), chain.from_iterable.__name__)

# compress
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])), list(compress("ABCDEF", [0, 1])))
print(list(compress(data=range(10), selectors=cycle([True, False]))))

# dropwhile / takewhile / filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
it = iter([1, 2, 10, 3])
tw = takewhile(lambda x: x < 5, it)
print(list(tw), list(it), list(tw))

# groupby
print([k for k, g in groupby("AAAABBBCCDAABBB")])
print([list(g) for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby("aaabbc")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g2), list(g1))
print(list(groupby([])), type(next(groupby([1]))[1]).__name__)
nan = float("nan")
print([(k, len(list(v))) for k, v in groupby([nan, nan, 1])])

# islice
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice("ABCDEFG", None)), list(islice("ABCDEFG", None, None, None)))
print(list(islice(range(10), 1, 8, 3)), list(islice(range(3), 5, 10)))
print(list(islice(range(10), True, 3)), list(islice("abc", 0)))
it = iter(range(10))
print(list(islice(it, 0, 6, 2)), next(it))
it = iter(range(10))
print(list(islice(it, 0, 5, 2)), next(it))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
it = iter(range(10))
print(list(islice(it, 4, 4)), next(it))

# pairwise
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(max, ["ab", [1, 3, 2]])), list(starmap(lambda: 0, [(), ()])))

# tee
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
print(type(a), type(a).__name__, tee([1]).__class__, len(tee("ab", 5)), tee("ab", 0))
x, y, z = tee(range(4), 3)
print(list(x), list(zip(y, z)))
a, b = tee("abc")
c, d = tee(a)
print(next(a), c is not a, list(c), list(b), list(d))
cp = b.__copy__()
print(list(cp))
src = iter([1, 2, 3])
a, = tee(src, 1)
print(list(a))

# zip_longest
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", [1, 2, 3], [True])), list(zip_longest()), list(zip_longest("")))
print(list(zip_longest([1], fillvalue=0)))

# product
print(list(product("ab", range(2))), list(product()), list(product([])))
print(list(product(range(2), repeat=3)))
print(list(product("ab", "", "cd")), list(product("ab", repeat=0)))
print(len(list(product(range(3), range(4), repeat=2))))

# permutations
print(list(permutations(range(3))))
print(list(permutations("abcd", 2)))
print(list(permutations([], 0)), list(permutations("ab", 3)), list(permutations("ab", 0)))
print(list(permutations("abc", None)) == list(permutations("abc")))
print(len(list(permutations(range(5), 3))))

# combinations
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)))
print(list(combinations("ab", 0)), list(combinations("ab", 5)), list(combinations([], 0)))
print(len(list(combinations(range(10), 4))))

# combinations_with_replacement
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)))
print(list(combinations_with_replacement("ab", 0)), list(combinations_with_replacement("a", 3)))
print(len(list(combinations_with_replacement(range(5), 3))))

# subclasses
class Counter(count):
    pass
c = Counter(3)
print(repr(c), next(c), type(c).__name__, isinstance(c, count))
class Rep(repeat):
    pass
print(repr(Rep("z", 2)), list(Rep("z", 2)))
class MyChain(chain):
    pass
print(type(MyChain.from_iterable(["a"])).__name__, list(MyChain("ab", "c")))

# used by the stdlib
print(dict(zip_longest("abc", range(2))))
print(sorted(chain(*[[3, 1], [2]])))
