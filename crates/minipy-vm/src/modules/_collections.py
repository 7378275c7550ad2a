"""minipy's `_collections`: `deque` and `defaultdict` in Python (CPython
implements them in C); `collections` imports them from here."""

import _collections_abc


class deque:
    """deque([iterable[, maxlen]]) --> deque object

A list-like sequence optimized for data accesses near its endpoints."""

    # The items are self._items[self._head:]; the slots before _head are
    # None. popleft/appendleft move _head (O(1) amortized, as CPython's
    # block list): popleft compacts once the dead prefix is over half the
    # list, appendleft opens a free prefix as long as the deque when none
    # is left. Operations that are O(n) anyway first take _live(), which
    # replaces (never mutates) the list so a running iterator is unaffected.
    __slots__ = ("_items", "_head", "_maxlen", "_state")
    __hash__ = None

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = maxlen.__index__()
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self._head = 0
        self._state = 0
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def _live(self):
        if self._head:
            self._items = self._items[self._head:]
            self._head = 0
        return self._items

    def _drop_left(self, n):
        items = self._items
        head = self._head
        for i in range(head, head + n):
            items[i] = None
        head += n
        if head > 16 and 2 * head > len(items):
            del items[:head]
            head = 0
        self._head = head

    def _trim_left(self):
        m = self._maxlen
        if m is not None and len(self._items) - self._head > m:
            self._drop_left(len(self._items) - self._head - m)

    def _trim_right(self):
        m = self._maxlen
        if m is not None and len(self._items) - self._head > m:
            del self._items[self._head + m:]

    def append(self, x):
        self._state += 1
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._state += 1
        if not self._head:
            pad = len(self._items) + 8
            self._items[0:0] = [None] * pad
            self._head = pad
        self._head -= 1
        self._items[self._head] = x
        self._trim_right()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop()

    def popleft(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._items[self._head]
        self._drop_left(1)
        return x

    def clear(self):
        self._state += 1
        self._items.clear()
        self._head = 0

    def copy(self):
        return type(self)(self._live(), self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._live().count(x)

    def index(self, x, start=0, stop=None):
        items = self._live()
        n = len(items)
        if stop is None:
            stop = n
        for i in range(*slice(start, stop).indices(n)):
            if items[i] is x or items[i] == x:
                return i
        raise ValueError(f"{x!r} is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self._live()) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._state += 1
        self._live().insert(i, x)

    def remove(self, value):
        self._state += 1
        for i, v in enumerate(self._live()):
            if v is value or v == value:
                del self._live()[i]
                return
        raise ValueError("deque.remove(x): x not in deque")

    def reverse(self):
        self._state += 1
        self._live().reverse()

    def rotate(self, n=1):
        items = self._live()
        if items:
            self._state += 1
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __contains__(self, x):
        return x in self._live()

    def __iter__(self):
        state = self._state
        for x in self._live():
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
            yield x
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        state = self._state
        for x in self._live()[::-1]:
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
            yield x

    def _index(self, i):
        """The position in self._items of item i."""
        i = i.__index__()
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("deque index out of range")
        return self._head + i

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        i = self._index(i)
        self._state += 1
        del self._items[i]

    def __repr__(self):
        if self._maxlen is None:
            return f"{type(self).__name__}({self._live()!r})"
        return f"{type(self).__name__}({self._live()!r}, maxlen={self._maxlen})"

    def _cmp_items(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return other._live()

    def __eq__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() == o

    def __ne__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() != o

    def __lt__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() < o

    def __le__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() <= o

    def __gt__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() > o

    def __ge__(self, other):
        o = self._cmp_items(other)
        return o if o is NotImplemented else self._live() >= o

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return type(self)(self._live() + other._live(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return type(self)(self._live() * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._state += 1
        items = self._live()
        items *= n
        self._trim_left()
        return self

    def __reduce__(self):
        return type(self), (list(self._live()), self._maxlen)

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    __slots__ = ("default_factory",)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        return f"{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


deque.__module__ = "collections"
defaultdict.__module__ = "collections"
_collections_abc.MutableSequence.register(deque)
