import sys
def f(n): return f(n-1) if n else 0
sys.setrecursionlimit(10**6)
print(sys.getrecursionlimit(), f(200000))

def depth(n=1):
    try: return depth(n + 1)
    except RecursionError as e: return n, str(e)
sys.setrecursionlimit(5000)
n, msg = depth()
print(msg, 4900 < n <= 5000)

class C:
    def __eq__(self, o): return self == o
try: C() == C()
except RecursionError as e: print(e)

for bad in (2**31, -2**31 - 1, 0, -5):
    try: sys.setrecursionlimit(bad)
    except (OverflowError, ValueError) as e: print(type(e).__name__, e)
sys.setrecursionlimit(2**31 - 1); print(sys.getrecursionlimit())
sys.setrecursionlimit(10**6)
x = []
for i in range(10000): x = [x]
print(len(repr(x)), x == x)
t = ()
for i in range(10000): t = (t,)
print(hash(t) == hash(t))
