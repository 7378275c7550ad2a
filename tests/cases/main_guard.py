# __name__ == "__main__" and module attributes
import helpers.mymod
print(__name__, helpers.mymod.__name__)
def main():
    print("main() ran")
if __name__ == "__main__":
    main()
else:
    print("imported")
print(__file__.endswith("main_guard.py"), __doc__, __builtins__ is not None)
print(type(__builtins__).__name__ in ("module", "dict"))
