# SystemExit is an exception that can be caught
import sys
for arg in (None, 0, 5, "text", (1, 2)):
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    raise SystemExit(7)
except Exception:
    print("not caught by Exception")
except BaseException as b:
    print("caught by BaseException", b.code)
try:
    exit(2)
except SystemExit as e:
    print("builtin exit", e.code)
sys.exit(0)
