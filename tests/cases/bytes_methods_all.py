# Every method bytes and bytearray share, on both types.
b = b'Hello World  tab\there\r\nline2\nx'
for m in ['capitalize', 'lower', 'upper', 'swapcase', 'title', 'isalnum', 'isalpha', 'isascii',
          'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'splitlines', 'split', 'rsplit',
          'strip', 'lstrip', 'rstrip', 'expandtabs', 'hex', 'decode']:
    print(m, getattr(b, m)(), getattr(bytearray(b), m)())
for t in (bytes, bytearray):
    b = t(b'Hello World  tab\there\r\nline2\nx')
    print(b.splitlines(True), b.split(b'l'), b.rsplit(b'l', 1), b.split(None, 1),
          b.rsplit(None, 1), b.split(maxsplit=2), b.rsplit(sep=b' ', maxsplit=1))
    print(b.center(40, b'*'), t(b'abc').center(6), t(b'abc').center(8, b'-'), t(b'ab').ljust(5),
          t(b'ab').rjust(5, b'0'), t(b'-12').zfill(6), t(b'+1').zfill(1), t(b'ab').zfill(4))
    print(b.find(b'o'), b.rfind(b'o'), b.find(b'o', 5), b.find(111), b.count(b'l'), b.count(b''),
          t(b'abc').find(b'', 4), t(b'abc').find(b'', 3), t(b'abc').count(b'', 4), b.index(b'W'),
          b.rindex(b'l'), b.find(b'l', -5, -1), b.count(bytearray(b'l')))
    print(b.startswith(b'He'), b.startswith((b'x', b'H')), b.endswith(b'x'), b.startswith(b'l', 2),
          b.endswith(b'lo', 0, 5), b.endswith(b''), b.startswith(b'', 99))
    print(b.replace(b'l', b'L'), b.replace(b'l', b'L', 2), t(b'abc').replace(b'', b'-'),
          b.partition(b' '), b.rpartition(b' '), b.partition(b'#'), b.rpartition(b'#'))
    print(t(b'abc').removeprefix(b'a'), t(b'abc').removesuffix(b'c'),
          t(b'abc').removeprefix(b'x'), t(b'a\tb').expandtabs(4), t(b'\tx').expandtabs(tabsize=2))
    tab = t.maketrans(b'abc', b'xyz')
    print(len(tab), type(tab), t(b'aabbcc').translate(tab), t(b'abc').translate(None, b'b'),
          t(b'abc').translate(tab, delete=b'a'))
    print(t.fromhex('de ad be ef'), t.fromhex(''), t(b'\xde\xad').hex(':'),
          t(b'\xde\xad\xbe').hex('-', 2), t(b'\xde\xad\xbe').hex(b'-', -2))
    print(t(b'-').join([b'a', bytearray(b'b'), b'c']), t(b', ').join([b'x', b'y']),
          t(b'').join([]))
    print(t(b'aBc').isupper(), t(b'ABC').isupper(), t(b'Ab Cd').istitle(), t(b'').isascii(),
          t(b'\x80').isascii(), t(b'  ').isspace(), t(b'').isalpha(), t(b'hello world').title(),
          t(b"they're bill's").title(), t(b'\xe9t\xe9').decode('latin-1'))
print(b'abc'.strip() is not None, b'  ab  '.strip(b' a'), b'xxabxx'.lstrip(b'x'),
      b'xxabxx'.rstrip(bytearray(b'x')))
