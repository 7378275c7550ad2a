# f-strings
name, n, pi = "world", 42, 3.14159
print(f"hello {name}!", f"{n}", f"{n + 1}", f"{pi:.2f}", f"{n:5d}|", f"{n:<5}|", f"{n:^7}|", f"{n:>+5}|")
print(f"{name!r}", f"{name!s}", f"{'é'!a}", f"{[1, 'a']!r}")
print(f"{{literal braces}}", f"{n}{n}", f"{'quoted'}", f"{name.upper()}", f"{len(name)}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:*^{width}}]", f"[{n:0{width}}]")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:08.3f} {n:e}")
print(f"{1234567:,} {1234567:_} {0.25:%} {0.25:.0%}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {dict(a=1)['a']}")
print(f"{n=}", f"{name = }", f"{pi=:.1f}", f"{n*2=}")
print(f"""multi
{name}""", f'{"nested " + f"{n}"}')
print(f"{3 if n > 10 else 4}", f"{(lambda x: x * 2)(5)}")
print(f"{None}", f"{True}", f"{1.0}", f"{1e20}", f"{-0.0}")
x = 7
print(f"{x:>{x}}", f"{'a':{'<'}{3}}|")
print(rf"\n{n}", f"tab\t{n}")
