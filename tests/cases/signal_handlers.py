# The signal module over _signal: handlers round-trip, Python handlers run
# between instructions, KeyboardInterrupt from default_int_handler.
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.SIG_DFL, signal.SIG_IGN, repr(signal.SIG_DFL), repr(signal.SIGINT))
print(signal.NSIG, int(signal.SIGUSR1), signal.Signals(15).name)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))

seen = []


def handler(signum, frame):
    seen.append((signum, type(frame).__name__, frame.f_code.co_name))


old = signal.signal(signal.SIGUSR1, handler)
print("old", old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("seen", seen)


def inner():
    signal.raise_signal(signal.SIGUSR1)
    return "returned"


print(inner(), seen[-1])

# SIG_IGN / SIG_DFL restore the OS disposition; the old handler comes back.
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print("ignored", len(seen))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.getsignal(signal.SIGUSR1))

# SIGINT raises KeyboardInterrupt; finally blocks run.
try:
    try:
        signal.raise_signal(signal.SIGINT)
        print("not reached")
    finally:
        print("finally ran")
except KeyboardInterrupt as e:
    print("caught", repr(e), e.args)

try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("default_int_handler", repr(e))


# A handler's exception propagates from where the program was.
class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop(signum)


signal.signal(signal.SIGUSR2, raising)
try:
    signal.raise_signal(signal.SIGUSR2)
except Stop as e:
    print("Stop", e.args)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# alarm + a busy loop: the handler runs at a backward jump.
hits = []
signal.signal(signal.SIGALRM, lambda n, f: hits.append(n))
print("alarm", signal.alarm(1))
n = 0
while not hits:
    n += 1
print("alarm hit", hits, n > 0)

# setitimer: a one-shot real timer.
hits.clear()
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
while not hits:
    pass
print("itimer hit", hits, signal.getitimer(signal.ITIMER_REAL))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
print(signal.alarm(0))

# Handlers may replace themselves.
def once(signum, frame):
    print("once", signum)
    signal.signal(signum, signal.SIG_IGN)


signal.signal(signal.SIGUSR1, once)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
