"""minipy's `_thread`: the single-threaded subset (locks, thread ids) that
`reprlib`, `functools` and friends import."""

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


def get_ident():
    return 1


def get_native_id():
    return 1


def _count():
    return 0


def stack_size(size=0):
    if size:
        raise error("setting stack size not supported")
    return 0


def start_new_thread(function, args, kwargs=None):
    raise error("can't start new thread")


start_new = start_new_thread


class lock:
    """A lock that can be held by one thread (there is only one)."""

    __slots__ = ("_locked",)

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if blocking and timeout == -1:
            raise error("deadlock: lock already held by the only thread")
        return False

    def release(self):
        if not self._locked:
            raise error("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


LockType = lock


def allocate_lock():
    return lock()


allocate = allocate_lock


class RLock:
    """A reentrant lock."""

    __slots__ = ("_count",)

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _at_fork_reinit(self):
        self._count = 0

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return (f"<{state} _thread.RLock object owner={get_ident() if self._count else 0} "
                f"count={self._count} at {id(self):#x}>")


class _local:
    """Thread-local data: with one thread, a plain namespace."""


lock.__module__ = "_thread"
RLock.__module__ = "_thread"
_local.__module__ = "_thread"
