# A key whose __eq__ mutates the container being searched (CPython 3.11's
# dictobject.c/setobject.c: restart only if the table was replaced or the
# entry no longer holds the key compared).
class K:
    def __init__(s, d): s.d = d; s.n = 0
    def __hash__(s): return 1
    def __eq__(s, o):
        s.n += 1
        v = dict(s.d); s.d.clear(); s.d.update(v)
        return False
d = {}
k = K(d)
k0 = K(d)
d[k0] = 1
print(k in d, k.n, k0.n)
print(d.get(k), k0.n)

class Vanish:
    def __init__(s): s.fired = False
    def __hash__(s): return 7
    def __eq__(s, o):
        if not s.fired:
            s.fired = True
            d2.pop(s, None)
        return False
d2 = {}
v = Vanish()
d2[v] = 1
print(Vanish() in d2, len(d2))

class Limited:
    count = 0
    def __hash__(s): return 3
    def __eq__(s, o):
        Limited.count += 1
        if Limited.count < 4:
            d3.clear(); d3[Limited()] = Limited.count
        return False
d3 = {Limited(): 0}
print(Limited() in d3, Limited.count)

st = set()
class S:
    def __hash__(s): return 1
    def __eq__(s, o):
        v = set(st); st.clear(); st.update(v)
        return False
st.add(S())
print(S() in st)

class Eq:
    def __hash__(s): return 5
    def __eq__(s, o):
        d4["x"] = 1
        return True
d4 = {Eq(): "a"}
print(d4[Eq()], len(d4))
