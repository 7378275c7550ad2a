# After sys.stdout.close(), writing raises ValueError; the report goes to
# stderr, which is still open.
import sys

print("before", sys.stdout.closed)
sys.stdout.close()
sys.stdout.close()
sys.stderr.write("closed: %r\n" % sys.stdout.closed)
for f in (lambda: print("x"), lambda: sys.stdout.write("x"), sys.stdout.flush,
          lambda: print("x", file=sys.stdout, flush=True)):
    try:
        f()
    except ValueError as e:
        sys.stderr.write("ValueError: %s\n" % e)
print("to stderr", file=sys.stderr)
sys.stderr.write("%r %r\n" % (sys.stderr.closed, sys.__stdout__.closed))
print("uncaught")
