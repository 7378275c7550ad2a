# bytes and bytearray declared through TypeSpecs: dicts, slot wrappers,
# docstrings, operators and their CPython error messages.
print(list(bytes.__dict__))
print(list(bytearray.__dict__))
print(bytes.__add__, bytes.__mod__, bytes.__getitem__, bytes.__bytes__, bytes.__dict__['fromhex'])
print(bytearray.__iadd__, bytearray.__imul__, bytearray.__setitem__, bytearray.__init__, bytearray.__hash__)
print(type(bytes.__dict__['maketrans']), type(bytearray.__dict__['fromhex']))
print(bytes.find.__doc__)
print(bytes.split.__text_signature__, bytearray.split.__doc__)
print(bytes.__doc__)
print(bytearray.__doc__)
print(bytearray.__alloc__.__doc__, bytearray.__init__.__text_signature__)
print(memoryview.__text_signature__, memoryview.__doc__)
print(bytes.__flags__ & (1 << 27) != 0, bytearray.__flags__ & (1 << 10) != 0)
k = 'x'
for e in ["b'a' + 'b'", "b'a' + 1", "bytearray(b'a') + 'b'", "'a' + b'b'", "b'%d' % 'x'",
          "b'ab' * 'x'", "1 in b'abc'", "300 in b'abc'", "'a' in b'abc'", "b'abc'[k]",
          "b'abc'[5]", "bytearray(b'abc')[k]", "bytearray(b'abc')[9]", "hash(bytearray())",
          "bytes.__add__(1, b'a')", "b'a' < 1", "b'a'.center(5, 'x')", "b'a'.center(5, b'xy')",
          "b'a'.find('a')", "b'a'.split(b'')", "b'a'.partition(b'')", "b'a'.startswith('a')",
          "b'abc'.translate(b'x')", "bytes.maketrans(b'a', b'bc')", "bytes.fromhex('zz')",
          "bytes.fromhex(b'aa')", "b'x'.join(['a'])", "bytearray(b'x').append(256)",
          "bytearray(b'x').pop(5)", "bytearray().pop()", "bytearray(b'a').remove(9)",
          "b'ab'.index(b'c')", "b'a'.strip('a')", "memoryview(1)", "b'a'.decode('nope')",
          "bytes.find(bytearray(b'a'), b'a')", "bytearray(b'a') < 'b'"]:
    try:
        print(repr(eval(e)))
    except Exception as ex:
        print(e, '->', type(ex).__name__, ex)
print(b'ab' * 3, 3 * b'ab', b'a' + b'b', b'a' + bytearray(b'b'), bytearray(b'a') + b'b',
      b'abc'[1], b'abc'[-1], b'abcdef'[::2], b'abc'[1:], bytearray(b'abc')[1:], bytearray(b'abc')[0])
print(b'a' == b'a', b'a' < b'b', b'a' == bytearray(b'a'), bytearray(b'a') == b'a',
      bytearray(b'a') < b'b', b'a' == 'a', bytearray(b'a') != 'a', hash(b'abc'))
print(b'a%sb%d' % (b'x', 5), bytearray(b'%s') % b'q', b'%(k)s' % {b'k': b'v'})
print(bytes(bytearray(b'q')), bytes([1, 2]), bytes(3), bytes('é', 'utf-8'), bytearray('é', 'utf-8'),
      bytearray(3), bytearray([1]), bytearray(b'z'), bytes(), bytearray(),
      bytearray.__new__(bytearray, b'abc'))
x = bytearray(b'hello')
x[0] = 72
x[1:3] = b'EL'
del x[-1]
x += b'!'
x *= 2
x.append(63)
x.extend([1, 2])
x.insert(0, 0)
print(x, x.pop(), x.pop(0), len(x))
x.remove(63)
x.reverse()
print(x, x.copy())
x.clear()
print(x)
y = bytearray(b'abcdef')
del y[::2]
print(y)
y[::2] = b'XY'
print(y)
try:
    y[::2] = b'XYZ'
except ValueError as e:
    print(e)
print(bytearray(b'abc').__reduce__(), bytearray(b'abc').__reduce_ex__(4), b'ab'.__getnewargs__(),
      b'ab'.__bytes__())
