# print keyword arguments
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -- ", end="!\n")
print("no newline", end="")
print()
print(1, 2.5, None, True, [1], sep=",")
print(end="")
print("x", end="\n\n")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print("sep None", "end None", sep=None, end=None)
print("", "")
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc"))
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
print("last to stderr", 42, file=sys.stderr, sep="|")
