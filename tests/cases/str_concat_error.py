name = "count: "
n = 5
print(name + str(n))
print(name + n)
