# _signal's other functions and its errors (CPython's messages).
import signal

v = signal.valid_signals()
print(type(v).__name__, len(v), signal.SIGINT in v, signal.SIGKILL in v, 0 in v)
print(sorted(v)[:3], max(v) == signal.SIGRTMAX)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(signal.strsignal(signal.SIGKILL), signal.strsignal(signal.SIGSEGV))
print(signal.SIGRTMIN, signal.SIGRTMAX, signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK)
print(signal.ItimerError.__name__, signal.ItimerError.__module__, signal.ItimerError.__mro__[1])
print(sorted(n for n in dir(signal.Signals) if not n.startswith("_"))[:6])
print(signal.getitimer(signal.ITIMER_VIRTUAL))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))


def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)


for n in [0, -1, 65, signal.NSIG, 2**40, "2", 2.0, None]:
    err(signal.getsignal, n)
    err(signal.strsignal, n)
    err(signal.signal, n, signal.SIG_DFL)
for h in [5, -1, "x", None, 1.0, True]:
    err(signal.signal, signal.SIGUSR1, h)
print(signal.getsignal(signal.SIGUSR1))
err(signal.signal, signal.SIGKILL, signal.SIG_IGN)
err(signal.signal, signal.SIGSTOP, lambda n, f: None)
err(signal.raise_signal, 65)
err(signal.raise_signal, -1)
err(signal.setitimer, 5, 1.0)
err(signal.setitimer, signal.ITIMER_REAL, "x")
err(signal.getitimer, 7)
err(signal.set_wakeup_fd, 99)
err(signal.set_wakeup_fd, 0)
err(signal.set_wakeup_fd, -1)
err(signal.default_int_handler)
err(signal.default_int_handler, 1)
err(signal.signal, signal.SIGUSR1)
err(signal.getsignal)
err(signal.alarm, "x")
err(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
err(signal.pthread_sigmask, 99, [])
err(signal.siginterrupt, 0, True)
try:
    signal.setitimer(5, 1.0)
except signal.ItimerError as e:
    print("ItimerError", e.errno, isinstance(e, OSError))
