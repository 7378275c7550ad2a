name = "world"
width = 10
value = 3.14159
print(f"hello {name}")
print(f"{name!r} {name!s} {name!a}")
print(f"{value:.2f} {value:{width}.3} {name:>{width}}")
print(f"{{literal}} {1 + 2} {'nested'}")
print(f"")
