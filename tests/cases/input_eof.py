print("asking")
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
name = input()
print("unreachable", name)
