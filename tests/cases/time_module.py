# The native time module: clocks and sleep (its argument errors).
import time

t0 = time.monotonic()
time.sleep(0.02)
time.sleep(0)
time.sleep(-0.0)
time.sleep(True)
dt = time.monotonic() - t0
print(dt >= 1.0, dt < 30)
for f in (time.time, time.monotonic, time.perf_counter, time.process_time):
    print(f.__name__, type(f()).__name__, f() >= 0)
for f in (time.time_ns, time.monotonic_ns, time.perf_counter_ns, time.process_time_ns):
    print(f.__name__, type(f()).__name__, f() >= 0)
a = time.monotonic_ns()
b = time.monotonic_ns()
print(b >= a, abs(time.time() - time.time_ns() / 1e9) < 5)
print(time.time() > 1.6e9)


class I:
    def __index__(self):
        return 0


class F:
    def __float__(self):
        return 0.0


for a in ["a", float("nan"), -1, -0.5, 1e300, -1e300, float("inf"), 10**30, 10**10,
          None, 1j, I(), F(), [1]]:
    try:
        time.sleep(a)
        print("ok", type(a).__name__)
    except Exception as e:
        print(type(e).__name__ + ":", e)
for args in [(), (1, 2)]:
    try:
        time.sleep(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    time.sleep(seconds=1)
except TypeError as e:
    print("TypeError:", e)
