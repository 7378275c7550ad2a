# global declarations
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
x = "module"
def read():
    return x
def shadow():
    x = "local"
    return x
print(read(), shadow(), x)
def g():
    def h():
        global x
        x = "changed by h"
    h()
g()
print(x)
print("counter" in globals(), globals()["counter"])
def loc():
    a = 1
    b = 2
    return sorted(locals().items())
print(loc())
