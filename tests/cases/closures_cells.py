# closures capture variables (cells), not values
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
a10 = make_adder(10)
print(a5(1), a10(1), a5.__closure__[0].cell_contents)
def make_counters():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(make_counters())
def make_counters_bound():
    return [(lambda i=i: i)() for i in range(3)]
print(make_counters_bound())
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
def deep():
    a = "a"
    def l1():
        b = "b"
        def l2():
            return a + b
        return l2
    return l1()()
print(deep())
def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get
add, get = shared()
add(1)
add(2)
print(get())
print(make_adder.__closure__, a5.__code__.co_freevars, make_adder.__code__.co_cellvars)
