# list operations
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1:], a + [4], a * 2, [0] * 3, [] == [])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 98)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(3)
print(a, a.index(4), a.count(2), 4 in a, 3 in a)
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a.copy()
b.clear()
print(a, b)
a[0] = "x"
a[1:3] = [7, 8, 9]
print(a)
del a[0]
print(a)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
m = [[0] * 2 for _ in range(2)]
m[0][0] = 1
print(m)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
print(list(range(5)), list("abc"), list((1, 2)), list({1: 2, 3: 4}))
c = [3, 1, 2]
c += [0]
print(c, sorted(c), c)
c *= 2
print(c)
l = [1, 2]
l.append(l)
print(l)
print([1, [2, [3]]] == [1, [2, [3]]], [1, 2] != [2, 1])
