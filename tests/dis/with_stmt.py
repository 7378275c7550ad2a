class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


with Ctx() as c:
    print(c)

with Ctx() as a, Ctx() as b:
    pass


def use():
    with Ctx():
        return 1
