# The smallest minipy program:  cargo run -- examples/hello.py
import sys

name = sys.argv[1] if len(sys.argv) > 1 else "world"
print(f"Hello, {name}!")
