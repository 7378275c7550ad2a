counter = 0


def bump():
    global counter
    counter += 1
    return counter


def make():
    x = 0

    def change():
        nonlocal x
        x = x + 1
        del_me = x
        del del_me
        return x

    return change


class K:
    attr = counter

    def method(self):
        return __class__


bump()
print(counter, make()(), K().method())
del counter
