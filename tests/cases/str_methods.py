# common str methods
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.lower(), s.upper(), "hello world".title(), "hello".capitalize(), "HeLLo".swapcase(), "ß".casefold())
print("a,b,,c".split(","), "a b  c".split(), " a b ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("abc"))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".rindex("l"))
print("hello".count("l"), "aaaa".count("aa"), "hello".count(""))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(("x", "h")), "hello".endswith("l", 0, 3))
print("abc".isalpha(), "123".isdigit(), "12a".isalnum(), "   ".isspace(), "Abc".istitle(), "abc".islower(), "ABC".isupper(), "".isalpha())
print("12".isdecimal(), "½".isnumeric(), "abc_1".isidentifier(), "1abc".isidentifier())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print("ab".center(6, "*"), "ab".ljust(5, "-"), "ab".rjust(5), "42".zfill(5), "-42".zfill(5))
print("a\tb".expandtabs(4), "abc".encode(), "tEST".lower().upper())
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"))
print(str.upper("x"), "%s" % "y", "ab".__len__(), "abc".__contains__("b"))
try:
    "hello".index("z")
except ValueError as e:
    print(e)
try:
    "a".join([1, 2])
except TypeError as e:
    print(e)
try:
    "abc".split("")
except ValueError as e:
    print(e)
