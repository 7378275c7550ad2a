# chr / ord / hex / oct / bin / ascii / repr
print(chr(65), chr(0x263A), ord("A"), ord("€"), ord("\n"), chr(10) == "\n", [ord(c) for c in "az09"])
print(hex(0), hex(255), hex(-1), hex(2 ** 64), oct(0), oct(64), bin(10), bin(-10), bin(2 ** 20))
print(ascii("abc"), ascii("é"), ascii("\u20ac"), ascii("\U0001f600"), ascii([1, "ü"]), ascii("\n"))
print(repr("a'b"), repr('a"b'), repr("\x7f"), repr("\u200b"), repr(b"\x00\xff"), repr("\\"))
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    ord("")
except TypeError as e:
    print(e)
try:
    hex(1.5)
except TypeError as e:
    print(e)
