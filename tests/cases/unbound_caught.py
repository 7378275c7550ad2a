# UnboundLocalError and NameError messages (caught)
def f():
    y = x
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    del_me = 1
    del del_me
    return del_me
try:
    g()
except UnboundLocalError as e:
    print(e)
def h():
    return undefined_name
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
def outer():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
outer()
print(issubclass(UnboundLocalError, NameError))
try:
    del not_there
except NameError as e:
    print(e)
