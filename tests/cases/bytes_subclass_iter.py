# Classes deriving from bytes/bytearray, and the bytes iterators.
class B(bytes):
    pass


class BA(bytearray):
    def __init__(self, x, y=1):
        super().__init__(x * y)


bb = B(b'xy')
ba = BA(b'ab', 2)
print(type(bb), bb, repr(bb), type(bb + b'a'), type(bb[:]), type(bb * 1), type(bb.upper()),
      type(bytes(bb)), type(bb.__bytes__()), hash(bb) == hash(b'xy'), B.fromhex('41'),
      type(B.fromhex('41')))
print(type(ba), ba, repr(ba), type(ba + b'a'), type(ba[:]), type(ba.upper()), len(ba),
      list(ba), ba == b'abab')


class R(bytes):
    def __repr__(self):
        return 'R!'

    def __add__(self, o):
        return 'added'

    def __getitem__(self, i):
        return 'item'

    def __len__(self):
        return 9


print(repr(R(b'a')), R(b'a') + b'b', R(b'a')[0], len(R(b'a')), str(R(b'a')),
      super(R, R(b'q')).__repr__(), super(R, R(b'q')).__getitem__(0))


class FH(bytearray):
    pass


print(type(FH.fromhex('00')), FH.fromhex('0102'))
for T in (type(iter(b'')), type(iter(bytearray()))):
    print(T.__name__, list(T.__dict__), T.__doc__)
it = iter(b'abc')
next(it)
print(it.__length_hint__(), it.__reduce__()[1:])
it.__setstate__(0)
print(list(it), it.__reduce__()[1:])
it = iter(bytearray(b'abc'))
next(it)
print(it.__length_hint__(), it.__reduce__()[1:])
it.__setstate__(10)
print(it.__length_hint__(), list(it), it.__reduce__()[1:])
arr = bytearray(b'ab')
it = iter(arr)
print(next(it))
arr.extend(b'cd')
print(list(it))
del bb, ba  # before teardown: instances of builtin subclasses whose class defines __init__ outlive it (a known leak)
