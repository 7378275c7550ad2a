seq = list(range(10))
print(seq[1], seq[-1], seq[2:5], seq[::2], seq[1:8:3], seq[:])
seq[0] = 100
seq[1:3] = [7, 8]
del seq[0]
del seq[1:2]
m = {"k": 1}
m["j"] = 2
del m["k"]
print(seq, m, seq[len(seq) - 1])
