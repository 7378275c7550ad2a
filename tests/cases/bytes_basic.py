# basic bytes
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b + b" world", b * 2, b"ll" in b, 104 in b, list(b"ab"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), "é".encode(), b"\xc3\xa9".decode(), b"abc".decode("ascii"))
print(b.upper(), b.split(b"l"), b.startswith(b"he"), b.find(b"l"), b.replace(b"l", b"L"), b"-".join([b"a", b"b"]), b.hex())
print(repr(b"\x00\x01\x7f\x80\xff"), repr(b"'"), repr(b'"'), repr(b"'\""), b"a\tb\n", bytes.fromhex("41 42"))
print(b == b"hello", b < b"help", b"" == bytes(), hash(b"x") == hash(b"x"), type(b).__name__, type(b[0]).__name__)
print(b.count(b"l"), b.index(b"o"), b.strip(b"ho"), b[::-1], bytes(reversed(b)))
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print(bytes(b for b in range(65, 70)), b"%d-%s" % (5, b"x"))
