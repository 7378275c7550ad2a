# floor division and modulo with signs
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 5):
        print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(-0.0 % 5, 5 % -3.0, -5 // 3.0)
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
