# str_ascii_iterator and str_iterator (CPython 3.11 picks by the string).
print(type(iter('a')), type(iter('é')), type(iter('')), type(iter('a' + 'é')))
for T in (type(iter('a')), type(iter('é'))):
    print(T.__name__, list(T.__dict__), T.__doc__)
    print(T.__next__, T.__length_hint__, T.__reduce__.__doc__, T.__setstate__.__doc__)
it = iter('aéb')
print(next(it), it.__length_hint__(), it.__reduce__()[1:])
it.__setstate__(0)
print(list(it), it.__reduce__()[1:], it.__length_hint__(), next(it, 'done'))
it = iter('abc')
it.__setstate__(-3)
print(list(it))
it = iter('abc')
it.__setstate__(99)
print(list(it), iter(it) is it)
print(list('héllo wörld'), ''.join(reversed('abc')), [c for c in '日本'])
try:
    type(iter('a'))()
except TypeError as e:
    print(e)
