# Classes deriving from str: inherited slots, overridden dunders, super().
class S(str):
    pass

s = S('hi')
print(type(s + 'x'), type(str(s)), str(s), repr(s), type(s * 2), type(s[:]), s == 'hi',
      hash(s) == hash('hi'), type(s % ()), type(s % {}), len(s), list(s), s[0], 'h' in s)
print(type(iter(S('é'))).__name__, type(iter(s)).__name__, type(format(s)), type(f'{s}'))


class R(str):
    def __repr__(self):
        return 'R!'

    def __str__(self):
        return 'Rs'

    def __add__(self, o):
        return 'added'

    def __radd__(self, o):
        return 'radded'

    def __len__(self):
        return 42

    def __getitem__(self, i):
        return 'item%r' % (i,)

    def __contains__(self, x):
        return True

    def __mod__(self, o):
        return 'mod'

    def __rmod__(self, o):
        return 'rmod'

    def __iter__(self):
        return iter([1, 2])

    def __eq__(self, o):
        return 'eq'

    def __hash__(self):
        return 7

    def __mul__(self, n):
        return 'mul'

    def __rmul__(self, n):
        return 'rmul'


r = R('abc')
print(repr(r), str(r), r + 'x', 'x' + r, len(r), r[0], 5 in r, r % 1, '%s' % r, 'a%s' % (r,),
      list(r), r == 'z', hash(r), '{}'.format(r), f'{r}', r * 2, 2 * r)
print(super(R, r).__repr__(), super(R, r).__len__(), super(R, r).__getitem__(1),
      super(R, r).__add__('!'), super(R, r).__mod__(()), str.__str__(r), type(str.__str__(r)))


class Up(str):
    def upper(self):
        return 'custom ' + super().upper()


print(Up('x').upper(), Up('x').lower(), type(Up('x').lower()))
