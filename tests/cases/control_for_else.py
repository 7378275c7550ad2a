# for loops, nested breaks, loop else
for i in range(2, 20):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        print(i, "is prime")
for x in []:
    print("never")
else:
    print("empty for else")
for i, ch in enumerate("abc"):
    if ch == "b":
        continue
    print(i, ch)
total = 0
for a in range(3):
    for b in range(3):
        if b > a:
            break
        total += a * b
print(total)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for i in range(3):
    pass
print("i after loop", i)
lst = [1, 2, 3]
for item in lst:
    if item == 2:
        lst.append(4)
    if len(lst) > 5:
        break
print(lst)
def find(seq, target):
    for idx, val in enumerate(seq):
        if val == target:
            return idx
    return -1
print(find([5, 6, 7], 7), find([], 1))
for x in range(3):
    try:
        if x == 1:
            continue
        print("body", x)
    finally:
        print("finally", x)
