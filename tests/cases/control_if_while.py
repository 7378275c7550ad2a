# if/elif/else and while with break/continue/else
for n in range(-2, 4):
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n == 1:
        print(n, "one")
    else:
        print(n, "many")
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not printed")
j = 0
while j < 3:
    j += 1
else:
    print("while else", j)
k = 5
while k:
    k -= 1
print("k", k)
x = 3 if k == 0 else 4
print(x, "yes" if [] else "no")
if not k:
    pass
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
