class Base:
    kind = "base"

    def __init__(self, x):
        self.x = x

    def describe(self):
        return f"{self.kind}:{self.x}"

    @staticmethod
    def helper():
        return 1

    @property
    def double(self):
        return self.x * 2


class Derived(Base):
    kind = "derived"

    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def describe(self):
        return super().describe() + str(self.y)


print(Derived(1, 2).describe(), Base.helper(), Base(3).double)
