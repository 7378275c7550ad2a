# str declared through a TypeSpec: its dict, slot wrappers, docstrings,
# the operator slots and their CPython error messages.
print(list(str.__dict__))
print(type(str.__add__), str.__add__, str.__mod__, str.__rmod__, str.__mul__, str.__rmul__)
print(str.__len__, str.__getitem__, str.__contains__, str.__iter__, str.__hash__, str.__str__)
print(type(str.join), str.join, type(str.__dict__['maketrans']), str.__sizeof__, str.__format__)
print(str.__doc__)
print(str.__text_signature__, str.join.__text_signature__, str.split.__text_signature__)
print(str.join.__doc__)
print(str.__add__.__doc__, str.__add__.__text_signature__)
print(str.__flags__ & (1 << 28) != 0, str.__flags__ & (1 << 10) != 0, str.__flags__ & (1 << 22) != 0)
print(str.__add__('a', 'b'), str.__mul__('ab', 3), str.__rmul__('ab', 2), str.__mod__('%d', 3),
      str.__rmod__('%d', 3), str.__len__('héllo'), str.__getitem__('abc', -1),
      str.__contains__('abc', 'bc'), str.__eq__('a', 'a'), str.__lt__('a', 'b'),
      str.__eq__('a', 1), str.__hash__(''), str.__str__('x'))
print('abc' * 2, 2 * 'abc', 'abc' * -1, 'x' in 'xyz', '' in 'x', 'abc'[::-1], 'abc'[1:],
      'héllo'[1:3], 'héllo'[-1], 'héllo'[::2], 'a' + 'b', '%d %s %r' % (1, 'a', 'b'),
      '%(x)s' % {'x': 5}, 'a' < 'b', 'b' >= 'a', 'é' > 'z')
k = 'x'
for e in ["'a' + 1", "'a' + b'x'", "1 + 'a'", "'%d' % 'x'", "'abc' * 'x'",
          "'abc' * 2.0", "1 in 'abc'", "'abc'[k]", "'abc'[5]", "'abc'[2**80]",
          "str.__add__(1, 'a')", "str.__add__('a', 1)", "'a' < 1", "str.__getitem__('abc')",
          "'%s %s' % ('a',)", "'x' % 5", "'abc'.foo", "str.join(1, [])", "'a' * (2**62)",
          "str.__mul__('a', 'b')"]:
    try:
        print(repr(eval(e)))
    except Exception as ex:
        print(e, '->', type(ex).__name__, ex)
print(str(), str('x'), str(5), str(b'ab', 'ascii'), str(b'ab', encoding='utf-8'), str.__new__(str, 'q'))
print('é'.__sizeof__() > 0, 'ab'.__getnewargs__(), format('ab', '>4'), 'ab'.__format__(''))
words = {}
for w in 'the quick the lazy the end'.split():
    words[w] = words.get(w, 0) + 1
print(words, sorted({'b', 'a', 'c'}), hash('abc'), hash('é'))
