# backtracking: n-queens and permutations
def queens(n):
    sols = []
    cols = []
    def place(row):
        if row == n:
            sols.append(tuple(cols))
            return
        for c in range(n):
            if all(c != cc and abs(c - cc) != row - r for r, cc in enumerate(cols)):
                cols.append(c)
                place(row + 1)
                cols.pop()
    place(0)
    return sols
for n in range(1, 8):
    print(n, len(queens(n)))
print(queens(6))
def perms(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i in range(len(seq)):
        for rest in perms(seq[:i] + seq[i + 1:]):
            yield [seq[i]] + rest
print(list(perms("abc")), sum(1 for _ in perms(list(range(6)))))
