# augmented assignment on names, attributes, subscripts
x = 5
x += 3; x -= 1; x *= 4; x /= 7; print(x)
y = 17
y //= 3; y %= 4; y **= 3; y <<= 2; y >>= 1; y &= 0xF; y |= 0x10; y ^= 1; print(y)
s = "a"
s += "b"
s *= 2
print(s)
l = [1]
alias = l
l += [2]
l *= 2
print(l, alias is l)
t = (1,)
talias = t
t += (2,)
print(t, talias, talias is t)
class O:
    v = 1
o = O()
o.v += 10
print(o.v, O.v)
d = {"k": 1}
d["k"] += 5
d.setdefault("n", []).append(1)
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [10]
arr[idx()] += 1
print(arr, calls)
st = {1}
st |= {2}
st &= {2, 3}
print(st)
