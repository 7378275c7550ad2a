# slice assignment and deletion
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = [100]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
b = [1, 2, 3, 4, 5]
b[1:4] = []
print(b)
b[:] = "xyz"
print(b)
c = list(range(6))
c[::-2] = ["a", "b", "c"]
print(c)
del c[:]
print(c)
try:
    d = [1, 2, 3, 4]
    d[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
e = [1, 2, 3]
e[5:10] = [9]
print(e)
e[-100:1] = [0, 0]
print(e)
