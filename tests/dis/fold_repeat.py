# Constant folding of sequence repetition (CPython's safe_multiply): within
# the size limits a product is folded, beyond them it is computed at run
# time; an empty sequence folds for any count that fits an index, however
# large or negative, without building anything.
a = (1, 2) * 3
b = "ab" * 2048
c = "ab" * 2049
d = () * 2**62
e = "" * -5
f = b"" * 2**40
g = () * 2**64
h = (1,) * -1
i = (1, 2) * 129
