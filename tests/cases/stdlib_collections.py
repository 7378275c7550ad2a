import collections
from collections import namedtuple, OrderedDict, Counter, ChainMap, UserDict, UserList, UserString

P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, P._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), repr(P(x=7, y=8)))
Q = namedtuple('Q', ['a', 'b'], defaults=[0])
print(Q(1), Q.__doc__)
try:
    namedtuple('Bad', 'class x')
except ValueError as e:
    print(e)

od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b')
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1) == OrderedDict(a=1), list(reversed(OrderedDict.fromkeys('xyz'))))

c = Counter('abracadabra')
print(c.most_common(2), c['a'], c['zz'], sorted(c.elements())[:4])
c.update('aaa'); c.subtract({'b': 1})
print(c['a'], c['b'], (Counter(a=3) + Counter(a=1, b=2)), Counter(a=3) - Counter(a=1), c.total())

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'z': 0})['z'], cm.parents)

class UD(UserDict):
    pass
u = UD(a=1); u['b'] = 2
print(u, len(u), 'a' in u, u.data)
ul = UserList([3, 1, 2]); ul.sort(); print(ul, ul + [4], ul[0])
us = UserString('abc'); print(us.upper(), us + 'd', len(us))
print(hasattr(collections, 'deque'), hasattr(collections, 'defaultdict'))
from collections import deque, defaultdict
import collections.abc
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.rotate(1); print(d); d.rotate(-2); print(d)
d.extend([7, 8]); d.extendleft([9]); print(d, d.count(7), d.index(7), 3 in d)
b = deque(range(10), maxlen=3); print(b, b.maxlen); b.append(10); print(b); b.appendleft(0); print(b)
print(deque('ab') == deque('ab'), deque([1]) < deque([2]), list(reversed(deque([1, 2, 3]))))
print(isinstance(d, collections.abc.MutableSequence), isinstance(d, collections.abc.Sequence), type(d))
try:
    deque().pop()
except IndexError as e:
    print(e)
try:
    for x in d:
        d.append(1)
except RuntimeError as e:
    print(e)
d2 = d.copy(); d2.clear(); print(len(d2), bool(d2), bool(d), deque([1, 2]) + deque([3]), deque([1]) * 3)
dd = defaultdict(list)
dd['a'].append(1); dd['a'].append(2); dd['b']
print(dd, dd['a'], len(dd), dict(dd), type(dd), isinstance(dd, dict))
ci = defaultdict(int)
for ch in 'hello':
    ci[ch] += 1
print(sorted(ci.items()), ci.default_factory)
n = defaultdict(None, {'x': 1})
try:
    n['y']
except KeyError as e:
    print(repr(e))
print(n, n.copy(), dd | {'z': [0]})
try:
    defaultdict(5)
except TypeError as e:
    print(e)
print(collections.Counter(a=1) == {'a': 1}, collections.OrderedDict(x=1))
