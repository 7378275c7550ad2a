"""Functional tools for creating and using iterators.

minipy's frozen implementation of CPython 3.11's `itertools` (a C module
there): every iterator is a class with `__iter__`/`__next__` keeping the
same state machine as the C code, so laziness, what is consumed from the
underlying iterators, reprs and error messages match CPython.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
"""

_MAXSIZE = 9223372036854775807  # sys.maxsize (Py_ssize_t)

# Marks an optional parameter that was not passed.
_MISSING = object()


# -- argument parsing (CPython's getargs.c / Argument Clinic messages) -------


def _parse_args(fname, args, kwargs, names, nrequired, maxpos=None):
    """Binds `args`/`kwargs` to the parameter `names` like
    PyArg_ParseTupleAndKeywords; the first `nrequired` are required and only
    the first `maxpos` may be positional (the rest are keyword-only).
    Returns the values in parameter order, `_MISSING` for omitted ones."""
    nparams = len(names)
    if maxpos is None:
        maxpos = nparams
    nargs = len(args)
    if maxpos < nparams and nargs > maxpos:
        raise TypeError(
            "%s() takes at most %d positional argument%s (%d given)"
            % (fname, maxpos, "" if maxpos == 1 else "s", nargs)
        )
    if nargs + len(kwargs) > nparams:
        raise TypeError(
            "%s() takes at most %d %sargument%s (%d given)"
            % (
                fname,
                nparams,
                "keyword " if nargs == 0 else "",
                "" if nparams == 1 else "s",
                nargs + len(kwargs),
            )
        )
    values = []
    for i, name in enumerate(names):
        if i < nargs:
            if name in kwargs:
                raise TypeError(
                    "argument for %s() given by name ('%s') and position (%d)"
                    % (fname, name, i + 1)
                )
            values.append(args[i])
        elif name in kwargs:
            values.append(kwargs[name])
        elif i < nrequired:
            raise TypeError(
                "%s() missing required argument '%s' (pos %d)" % (fname, name, i + 1)
            )
        else:
            values.append(_MISSING)
    for key in kwargs:
        if key not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, fname))
    return values


def _unpack_args(fname, args, kwargs, nmin, nmax):
    """PyArg_UnpackTuple plus _PyArg_NoKeywords: positional-only arguments,
    between `nmin` and `nmax` of them."""
    if kwargs:
        raise TypeError("%s() takes no keyword arguments" % fname)
    n = len(args)
    if n < nmin or n > nmax:
        if nmin == nmax:
            how, count = "", nmin
        elif n < nmin:
            how, count = "at least ", nmin
        else:
            how, count = "at most ", nmax
        raise TypeError(
            "%s expected %s%d argument%s, got %d"
            % (fname, how, count, "" if count == 1 else "s", n)
        )
    return args


def _index(obj):
    """operator.index(obj)."""
    if isinstance(obj, int):
        return int(obj)
    try:
        method = type(obj).__index__
    except AttributeError:
        raise TypeError(
            "'%s' object cannot be interpreted as an integer" % type(obj).__name__
        ) from None
    return method(obj)


def _ssize(obj):
    """obj as a C Py_ssize_t (the "n" argument format)."""
    value = _index(obj)
    if value > _MAXSIZE or value < -_MAXSIZE - 1:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return value


def _islice_index(obj):
    """PyNumber_AsSsize_t for islice: -1 for anything unusable."""
    try:
        return _ssize(obj)
    except Exception:
        return -1


def _is_number(obj):
    """PyNumber_Check."""
    if isinstance(obj, (int, float, complex)):
        return True
    cls = type(obj)
    return hasattr(cls, "__index__") or hasattr(cls, "__int__") or hasattr(cls, "__float__")


def _same(a, b):
    """PyObject_RichCompareBool(a, b, Py_EQ): identity implies equality."""
    return a is b or bool(a == b)


# -- infinite iterators ------------------------------------------------------


class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step"""

    def __new__(cls, *args, **kwargs):
        start, step = _parse_args("count", args, kwargs, ("start", "step"), 0)
        if start is _MISSING:
            start = 0
        if step is _MISSING:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        # CPython's "fast mode": an int start with an int step of 1 counts
        # with plain ints (so count(True) yields 1, 2, ...).
        if isinstance(start, int) and isinstance(step, int) and step == 1:
            start = int(start)
            step = 1
        self = object.__new__(cls)
        self._cnt = start
        self._step = step
        return self

    def __iter__(self):
        return self

    def __next__(self):
        value = self._cnt
        self._cnt = value + self._step
        return value

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return "%s(%r)" % (name, self._cnt)
        return "%s(%r, %r)" % (name, self._cnt, step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    def __new__(cls, *args, **kwargs):
        (iterable,) = _unpack_args("cycle", args, kwargs, 1, 1)
        it = iter(iterable)
        self = object.__new__(cls)
        self._it = it
        self._saved = []
        self._index = 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is not None:
            for item in self._it:
                self._saved.append(item)
                return item
            self._it = None
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index += 1
        if self._index >= len(saved):
            self._index = 0
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __new__(cls, *args, **kwargs):
        element, times = _parse_args("repeat", args, kwargs, ("object", "times"), 1)
        if times is _MISSING:
            cnt = -1
        else:
            cnt = max(_ssize(times), 0)
        self = object.__new__(cls)
        self._element = element
        self._cnt = cnt
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._cnt == 0:
            raise StopIteration
        if self._cnt > 0:
            self._cnt -= 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return "%s(%r)" % (type(self).__name__, self._element)
        return "%s(%r, %d)" % (type(self).__name__, self._element, self._cnt)


# -- iterators terminating on the shortest input sequence --------------------


class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __new__(cls, *args, **kwargs):
        iterable, func, initial = _parse_args(
            "accumulate", args, kwargs, ("iterable", "func", "initial"), 1, 2
        )
        it = iter(iterable)
        self = object.__new__(cls)
        self._it = it
        self._func = None if func is _MISSING else func
        self._initial = None if initial is _MISSING else initial
        self._total = _MISSING
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        if self._total is _MISSING:
            total = value
        elif self._func is None:
            total = self._total + value
        else:
            total = self._func(self._total, value)
        self._total = total
        return total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("chain() takes no keyword arguments")
        return cls._from_source(iter(args))

    @classmethod
    def _from_source(cls, source):
        self = object.__new__(cls)
        self._source = source
        self._active = None
        return self

    @classmethod
    def from_iterable(cls, *args):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        if len(args) != 1:
            raise TypeError(
                "chain.from_iterable() takes exactly one argument (%d given)" % len(args)
            )
        return cls._from_source(iter(args[0]))

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                for iterable in self._source:
                    break
                else:
                    self._source = None
                    break
                try:
                    self._active = iter(iterable)
                except BaseException:
                    self._source = None
                    raise
            for item in self._active:
                return item
            self._active = None
        raise StopIteration


class compress:
    """Return data elements corresponding to true selector elements.

    Forms a shorter iterator from selected data elements using the selectors to
    choose the data elements."""

    def __new__(cls, *args, **kwargs):
        data, selectors = _parse_args(
            "compress", args, kwargs, ("data", "selectors"), 2
        )
        data = iter(data)
        selectors = iter(selectors)
        self = object.__new__(cls)
        self._data = data
        self._selectors = selectors
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            datum = next(self._data)
            selector = next(self._selectors)
            if selector:
                return datum


class dropwhile:
    """Drop items from the iterable while predicate(item) is true.

    Afterwards, return every element until the iterable is exhausted."""

    def __new__(cls, *args, **kwargs):
        predicate, iterable = _unpack_args("dropwhile", args, kwargs, 2, 2)
        it = iter(iterable)
        self = object.__new__(cls)
        self._func = predicate
        self._it = it
        self._start = False
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if self._start:
                return item
            if not self._func(item):
                self._start = True
                return item


class filterfalse:
    """Return those items of iterable for which function(item) is false.

    If function is None, return the items that are false."""

    def __new__(cls, *args, **kwargs):
        function, iterable = _unpack_args("filterfalse", args, kwargs, 2, 2)
        it = iter(iterable)
        self = object.__new__(cls)
        self._func = function
        self._it = it
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if self._func is None:
                ok = item
            else:
                ok = self._func(item)
            if not ok:
                return item


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping."""

    def __new__(cls, *args, **kwargs):
        iterable, key = _parse_args("groupby", args, kwargs, ("iterable", "key"), 1)
        it = iter(iterable)
        self = object.__new__(cls)
        self._it = it
        self._keyfunc = None if key is _MISSING else key
        self._tgtkey = _MISSING
        self._currkey = _MISSING
        self._currvalue = _MISSING
        self._currgrouper = None
        return self

    def _step(self):
        value = next(self._it)
        if self._keyfunc is None:
            key = value
        else:
            key = self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __iter__(self):
        return self

    def __next__(self):
        self._currgrouper = None
        # Skip to the next group.
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING:
                break
            elif not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    # One group of a groupby: valid while it is its parent's current group.

    def __new__(cls, parent, tgtkey):
        self = object.__new__(cls)
        self._parent = parent
        self._tgtkey = tgtkey
        return self

    def __iter__(self):
        return self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _MISSING:
            gbo._step()
        if not _same(self._tgtkey, gbo._currkey):
            raise StopIteration
        value = gbo._currvalue
        gbo._currvalue = _MISSING
        return value


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""

    def __new__(cls, *args, **kwargs):
        _unpack_args("islice", args, kwargs, 2, 4)
        seq = args[0]
        start, stop, step = 0, -1, 1
        stop_error = ValueError(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
        if len(args) == 2:
            if args[1] is not None:
                stop = _islice_index(args[1])
                if stop == -1:
                    raise stop_error
        else:
            if args[1] is not None:
                start = _islice_index(args[1])
            if args[2] is not None:
                stop = _islice_index(args[2])
                if stop == -1:
                    raise stop_error
        if start < 0 or stop < -1:
            raise ValueError(
                "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            )
        if len(args) == 4 and args[3] is not None:
            step = _islice_index(args[3])
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        it = iter(seq)
        self = object.__new__(cls)
        self._it = it
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except BaseException:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop != -1 and self._next > stop:
            self._next = stop
        return item


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ..."""

    def __new__(cls, *args, **kwargs):
        (iterable,) = _unpack_args("pairwise", args, kwargs, 1, 1)
        it = iter(iterable)
        self = object.__new__(cls)
        self._it = it
        self._old = _MISSING
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        try:
            if self._old is _MISSING:
                self._old = next(it)
            new = next(it)
        except BaseException:
            self._it = None
            self._old = _MISSING
            raise
        result = (self._old, new)
        self._old = new
        return result


class starmap:
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    def __new__(cls, *args, **kwargs):
        function, iterable = _unpack_args("starmap", args, kwargs, 2, 2)
        it = iter(iterable)
        self = object.__new__(cls)
        self._func = function
        self._it = it
        return self

    def __iter__(self):
        return self

    def __next__(self):
        args = tuple(next(self._it))
        return self._func(*args)


class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    def __new__(cls, *args, **kwargs):
        predicate, iterable = _unpack_args("takewhile", args, kwargs, 2, 2)
        it = iter(iterable)
        self = object.__new__(cls)
        self._func = predicate
        self._it = it
        self._stop = False
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._func(item):
            return item
        self._stop = True
        raise StopIteration


class _tee_dataobject:
    # One cell of the buffer shared by tee iterators: the value read from
    # the underlying iterator at this position and the link to the next cell.

    def __new__(cls, it):
        self = object.__new__(cls)
        self._it = it
        self._value = _MISSING
        self._next = None
        self._running = False
        return self

    def _read(self):
        """The value at this cell, reading it from the iterator if needed."""
        if self._value is _MISSING:
            if self._running:
                raise RuntimeError("cannot re-enter the tee iterator")
            self._running = True
            try:
                value = next(self._it)
            finally:
                self._running = False
            self._value = value
            self._next = _tee_dataobject(self._it)
        return self._value


class _tee:
    """Iterator wrapped to make it copyable."""

    def __new__(cls, iterable):
        it = iter(iterable)
        if isinstance(it, _tee):
            return it.__copy__()
        self = object.__new__(cls)
        self._data = _tee_dataobject(it)
        return self

    def __copy__(self):
        """Returns an independent iterator."""
        new = object.__new__(type(self))
        new._data = self._data
        return new

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        value = data._read()
        self._data = data._next
        return value


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    if kwargs:
        raise TypeError("itertools.tee() takes no keyword arguments")
    _unpack_args("tee", args, {}, 1, 2)
    iterable = args[0]
    n = _ssize(args[1]) if len(args) == 2 else 2
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    copyfunc = getattr(it, "__copy__", None)
    if copyfunc is None:
        first = _tee(it)
        copyfunc = first.__copy__
    else:
        first = it
    return (first,) + tuple(copyfunc() for _ in range(n - 1))


class zip_longest:
    """zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object

    Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument.  The .__next__()
    method continues until the longest iterable in the argument sequence
    is exhausted and then it raises StopIteration.  When the shorter iterables
    are exhausted, the fillvalue is substituted in their place.  The fillvalue
    defaults to None or can be specified by a keyword argument."""

    def __new__(cls, *args, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or "fillvalue" not in kwargs:
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kwargs["fillvalue"]
        iterators = [iter(arg) for arg in args]
        self = object.__new__(cls)
        self._iterators = iterators
        self._numactive = len(iterators)
        self._fillvalue = fillvalue
        return self

    def __iter__(self):
        return self

    def __next__(self):
        iterators = self._iterators
        if not iterators or self._numactive == 0:
            raise StopIteration
        result = []
        for i, it in enumerate(iterators):
            if it is None:
                result.append(self._fillvalue)
                continue
            try:
                item = next(it)
            except StopIteration:
                self._numactive -= 1
                if self._numactive == 0:
                    raise
                iterators[i] = None
                item = self._fillvalue
            except BaseException:
                self._numactive = 0
                raise
            result.append(item)
        return tuple(result)


# -- combinatoric iterators --------------------------------------------------


class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

    For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).
    The leftmost iterators are in the outermost for-loop, so the output tuples
    cycle in a manner similar to an odometer (with the rightmost element changing
    on every iteration).

    To compute the product of an iterable with itself, specify the number
    of repetitions with the optional repeat keyword argument. For example,
    product(A, repeat=4) means the same as product(A, A, A, A).

    product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
    product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."""

    def __new__(cls, *args, **kwargs):
        repeat = 1
        if kwargs:
            (times,) = _parse_args("product", (), kwargs, ("repeat",), 0)
            if times is not _MISSING:
                repeat = _ssize(times)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(arg) for arg in args] * repeat
        self = object.__new__(cls)
        self._pools = pools
        self._indices = [0] * len(pools)
        self._result = None
        self._stopped = False
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pools = self._pools
        result = self._result
        if result is None:
            for pool in pools:
                if not pool:
                    self._stopped = True
                    raise StopIteration
            result = self._result = [pool[0] for pool in pools]
        else:
            # Advance the rightmost index that has not reached its end,
            # resetting the ones after it (an odometer).
            indices = self._indices
            i = len(pools) - 1
            while i >= 0:
                pool = pools[i]
                indices[i] += 1
                if indices[i] == len(pool):
                    indices[i] = 0
                    result[i] = pool[0]
                    i -= 1
                else:
                    result[i] = pool[indices[i]]
                    break
            if i < 0:
                self._stopped = True
                raise StopIteration
        return tuple(result)


class permutations:
    """Return successive r-length permutations of elements in the iterable.

    permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"""

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse_args("permutations", args, kwargs, ("iterable", "r"), 1)
        pool = tuple(iterable)
        n = len(pool)
        if r is _MISSING or r is None:
            r = n
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            r = _ssize(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self = object.__new__(cls)
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._stopped = r > n
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        n = len(pool)
        if self._first:
            self._first = False
        else:
            i = r - 1
            while i >= 0:
                cycles[i] -= 1
                if cycles[i] == 0:
                    # Rotate indices[i:] left by one and reset the cycle.
                    indices[i:] = indices[i + 1 :] + indices[i : i + 1]
                    cycles[i] = n - i
                    i -= 1
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    break
            if i < 0:
                self._stopped = True
                raise StopIteration
        return tuple([pool[k] for k in indices[:r]])


class combinations:
    """Return successive r-length combinations of elements in the iterable.

    combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"""

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse_args("combinations", args, kwargs, ("iterable", "r"), 2)
        r = _ssize(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError("r must be non-negative")
        self = object.__new__(cls)
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._stopped = r > len(pool)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
        else:
            # The rightmost index that is not at its maximum.
            i = r - 1
            while i >= 0 and indices[i] == i + n - r:
                i -= 1
            if i < 0:
                self._stopped = True
                raise StopIteration
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
        return tuple([pool[k] for k in indices])


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.

    combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"""

    def __new__(cls, *args, **kwargs):
        iterable, r = _parse_args(
            "combinations_with_replacement", args, kwargs, ("iterable", "r"), 2
        )
        r = _ssize(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError("r must be non-negative")
        self = object.__new__(cls)
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._stopped = not pool and r > 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
        else:
            # The rightmost index that is not at its maximum.
            i = r - 1
            while i >= 0 and indices[i] == n - 1:
                i -= 1
            if i < 0:
                self._stopped = True
                raise StopIteration
            index = indices[i] + 1
            for j in range(i, r):
                indices[j] = index
        return tuple([pool[k] for k in indices])
