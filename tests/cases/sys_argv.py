import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv.py"), type(sys.argv).__name__)
print(sys.version_info[0], sys.version_info >= (3, 11), sys.version_info.major)
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), type(sys.path).__name__)
print(sys.stdout is not None, sys.stderr is not None, sys.stdin is not None)
print(isinstance(sys.getrecursionlimit(), int), sys.platform in ("linux", "darwin", "win32"))
