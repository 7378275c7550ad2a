# `s += t` / `s = s + t` on a fast local may append in place (3.11's
# BINARY_OP_INPLACE_ADD_UNICODE); none of that may be visible.

def loop(n):
    s = ''
    for i in range(n):
        s += 'x'
    return s

r = loop(100000)
print(len(r), r[:3], r == 'x' * 100000, hash(r) == hash('x' * 100000))

def plus_form(n):
    s = 'a'
    for i in range(n):
        s = s + 'bc'
    return s

print(plus_form(5))

def alias():
    s = 'ab' * 3
    t = s
    s += 'x'
    return s, t, s is t

print(alias())

def self_add():
    s = 'ab' * 2
    s += s
    s += s
    return s

print(self_add())

def hash_then_add():
    s = 'k' * 5
    h = hash(s)
    d = {s: 1}
    s = 'k' * 5
    h1 = hash(s)
    s += 'z'
    return h == h1, hash(s) == hash('kkkkkz'), s in d, 'kkkkk' in d, d

print(hash_then_add())

def non_ascii():
    s = 'é' * 2
    s += '€'
    s += '😀'
    s += 'a'
    return s, len(s), s[2], s[-2], s[::-1]

print(non_ascii())

class S(str):
    pass

def subclass():
    s = S('ab')
    s += 'c'
    t = 'ab' * 1
    t += S('c')
    return type(s).__name__, s, type(t).__name__, t

print(subclass())

g = ''
def via_global(n):
    global g
    for i in range(n):
        g += 'y'

via_global(5)
print(g)

def via_cell(n):
    s = ''
    def peek():
        return s
    for i in range(n):
        s += 'z'
    return s, peek()

print(via_cell(4))

class Box:
    pass

def via_attr(n):
    b = Box()
    b.s = ''
    for i in range(n):
        b.s += 'w'
    return b.s

print(via_attr(3))

def in_list():
    s = 'q' * 3
    lst = [s]
    s += 'r'
    return s, lst

print(in_list())

def error_left_unbound():
    s = 'a' * 2
    try:
        s += 1
    except TypeError as e:
        print('TypeError:', e)
    return s

print(error_left_unbound())

def keys_stay_valid():
    d = {}
    s = ''
    for c in 'abcde':
        s += c
        d[s] = len(s)
    return d

print(keys_stay_valid())
