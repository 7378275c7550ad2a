# bitwise operators
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 >> 1, -1 >> 100, 1 << 0)
print(~0, ~-1, ~255)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xAA)
x = 5
x &= 3
print(x)
x |= 8
print(x)
x ^= 1
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
print(True & False, True | False, True ^ True, type(True & True))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print((255).bit_length(), (0).bit_length(), (-256).bit_length())
