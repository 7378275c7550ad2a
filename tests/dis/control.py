n = 10
total = 0
if n > 5:
    total = 1
elif n == 5:
    total = 2
else:
    total = 3
i = 0
while i < n:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    total += i
else:
    total = -1
for x in range(n):
    for y in range(x):
        total += x * y
else:
    pass
print(total if total > 0 else None)
