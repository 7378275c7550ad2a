print("before")
n = int("x")
print("not reached")
