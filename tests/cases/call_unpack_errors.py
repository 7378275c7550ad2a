# errors from * and ** unpacking in calls
def f1(a=0, b=0):
    return a, b
print(f1(*(1,), **{"b": 2}))
for thunk in (lambda: f1(*1), lambda: f1(**1), lambda: f1(**{1: 2}), lambda: print(*None)):
    try:
        thunk()
    except TypeError as e:
        print(e)
