x, y, z = "ab" + "c"
print(x, y, z)
x, y, z = (1, 2)
