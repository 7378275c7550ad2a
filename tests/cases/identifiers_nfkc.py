# Identifiers are NFKC-normalised (PEP 3131), as CPython's tokenizer does:
# fullwidth letters, ligatures and other compatibility forms name the same
# variable as their plain spelling, wherever an identifier appears.
ｆｏｏ = 3
print(foo, ｆｏｏ)


def ｆｕｎｃ(ａｒｇ, *, ｋｗ=1):
    return ａｒｇ + kw


print(func(1, kw=2), ｆｕｎｃ(arg=5))


class Ｐｏｉｎｔ:
    ｘ = 1

    def ｍｅｔｈｏｄ(self):
        return self.x


print(Point.ｘ, Point().method(), sorted(k for k in vars(Point) if not k.startswith("__")))

ﬁle = "ligature"  # U+FB01 LATIN SMALL LIGATURE FI
print(file)
ℌ = "black-letter H"
print(H)
import sys as ｍ
print(m.__name__)
print(eval("ｆｏｏ + 1"), "ｆｏｏ" in globals(), "foo" in globals())
# In a string nothing changes.
print("ｆｏｏ", len("ｆｏｏ"))
# Columns of later tokens are those of the source as written.
try:
    ｆｏｏ + undefined_name
except NameError as e:
    print(e)
ｆｏｏ + undefined_name
