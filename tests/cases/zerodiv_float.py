print(1.0 / 2)
print(1.0 / 0.0)
