class C:
    x = 1
    def f(self): pass
d = C.__dict__
print(type(d).__name__, type(d), d['x'], d.get('x'), d.get('zz', 5), 'x' in d, 'q' in d)
print(sorted(k for k in d if not k.startswith('__')), len(d) > 2)
print(sorted(k for k in d.keys() if k in ('x', 'f')), type(d.copy()).__name__)
try:
    d['y'] = 2
except TypeError as e:
    print(e)
try:
    d['nope']
except KeyError as e:
    print(repr(e))
MP = type(type.__dict__)
m = MP({'a': 1, 'b': 2})
print(m, str(m), repr(m), m == {'a': 1, 'b': 2}, list(m), list(m.items()), list(m.values()))
print(m | {'c': 3}, {'z': 0} | m)
try:
    MP([1])
except TypeError as e:
    print(e)
try:
    m |= {}
except TypeError as e:
    print(e)
try:
    del m['a']
except TypeError as e:
    print(e)
print(list(reversed(m)), vars(C) is not None, type(vars(C)).__name__)
it = iter(range(1 << 1000))
print(type(it).__name__, next(it), next(it))
print(list(range(1 << 100, (1 << 100) + 3)))
print(list(range((1 << 100) + 3, 1 << 100, -1)))
print(type(iter(range(3))).__name__)
