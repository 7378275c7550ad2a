# collections' dict subclasses (pure Python over dict's slots):
# OrderedDict, Counter, defaultdict, ChainMap, UserDict.
from collections import OrderedDict, Counter, defaultdict, ChainMap, UserDict
od = OrderedDict(a=1, b=2)
od["c"] = 3
od.move_to_end("a")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(od == OrderedDict(b=2), od == {"b": 2}, OrderedDict(x=1) | {"y": 2}, repr(OrderedDict()))
od2 = OrderedDict.fromkeys("xyz", 0)
od2 |= {"w": 1}
print(od2, list(reversed(od2)), list(od2.keys()), list(od2.items()), list(od2.values()))
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["zz"], sorted(c.elements())[:5], sum(c.values()))
c.update(["a", "z"])
c.subtract({"b": 5})
print(sorted(c.items()), +c == Counter({k: v for k, v in c.items() if v > 0}))
print(Counter(a=3, b=1) + Counter(a=1), Counter(a=3) - Counter(a=1), Counter(a=1) | Counter(a=2, b=1), Counter(a=3) & Counter(a=1))
dd = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[w[0]].append(w)
print(sorted(dd.items()), dd["z"], len(dd), dd.default_factory, "q" in dd)
print(repr(defaultdict(int, {1: 2})), defaultdict(int, a=1) | {"b": 2}, type(defaultdict(int) | {}).__name__)
di = defaultdict(lambda: "dflt")
print(di[1], di.get(2), dict(di), di.copy()[1])
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), dict(cm), cm.new_child({"c": 4})["c"])
ud = UserDict(a=1)
ud["b"] = 2
print(ud, len(ud), "a" in ud, dict(ud), ud | {"c": 3})
