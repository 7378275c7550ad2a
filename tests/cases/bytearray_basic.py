b = bytearray(b'hello')
print(b, len(b), b[0], b[1:3], b[-1])
b[0] = 72
b.append(33)
b.extend([1, 2])
b.extend(b'xy')
print(b, b.pop(), b.pop(0), b)
b[1:3] = b'ZZZ'
print(b)
del b[0]
del b[::2]
print(b)
print(bytearray(), bytearray(3), bytearray([1, 2, 3]), bytearray('héllo', 'utf-8'))
print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < bytearray(b'b'))
print(b'b' in bytearray(b'abc'), 98 in bytearray(b'abc'), bytearray(b'bc') in bytearray(b'abc'))
print(bytearray(b'abc') + b'de', bytearray(b'ab') * 2, bytearray(b'\x00\xff').hex())
print(bytes(bytearray(b'xyz')), bytearray(b'abc').decode(), list(bytearray(b'ab')))
print(type(iter(bytearray())).__name__, type(iter(b'')).__name__)
c = bytearray(b'abc'); d = c.copy(); d[0] = 0; print(c, d)
c.clear(); print(c, len(c))
print(bytearray(b'  a b  ').strip(), bytearray(b'a,b').split(b','), bytearray(b'abc').upper())
print(bytearray(b'abc').find(b'c'), bytearray.fromhex('01 ff'))
try:
    hash(bytearray())
except TypeError as e:
    print(e)
try:
    bytearray(b'a')[0] = 256
except ValueError as e:
    print(e)
try:
    bytearray().pop()
except IndexError as e:
    print(e)
try:
    bytearray(b'a')[5]
except IndexError as e:
    print(e)
x = bytearray(b'ab'); x += b'cd'; print(x)
class B(bytearray): pass
print(B(b'q'), repr(B(b'q')), str(bytearray(b'x')))
print(bytearray(b'%d') % 5)
print(isinstance(bytearray(), bytearray), bytearray.__hash__)
