# class attributes and methods changed at run time are seen at once
# (exercises the method cache's invalidation)
class Base:
    x = 1
    def m(self):
        return "base"
class Sub(Base):
    pass
s = Sub()
print(s.x, s.m())
Base.x = 2
Base.m = lambda self: "patched"
print(s.x, s.m())
Sub.x = 3
print(s.x, Base().x)
del Sub.x
print(s.x)
def extra(self):
    return "extra"
Sub.extra = extra
print(s.extra())
del Base.m
try:
    s.m()
except AttributeError as e:
    print(e)
s.x = 10
print(s.x, Sub.x)
del s.x
print(s.x)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    y = 5
print(WithMeta.y, type(WithMeta).__name__)
for i in range(3):
    Base.x = i
    print(Sub().x, end=" ")
print()
