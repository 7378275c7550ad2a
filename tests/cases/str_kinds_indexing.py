# Indexing, slicing and iteration on each of PEP 393's kinds (ASCII,
# latin-1, UCS-2, UCS-4) and on mixed strings, with every kind of step.

samples = ['abcdef', 'àbçdéf', 'a€b€c€', '😀a😁b😂c', 'aé€😀', 'é', '€', '😀', '']

for s in samples:
    n = len(s)
    print(repr(s), n, [s[i] for i in range(-n, n)])
    for a in (None, -7, -2, 0, 1, 3, 9):
        for b in (None, -9, -1, 0, 2, 4, 8):
            for c in (None, 1, 2, -1, -2, 3):
                print(s[a:b:c], end='|')
    print()
    print(list(s), list(reversed(s)), [c for c in s[::-1]])
    it = iter(s)
    print(next(it, None), list(it))
    try:
        s[n]
    except IndexError as e:
        print('IndexError:', e)
    print(s[::-1] == ''.join(reversed(s)), hash(s[:]) == hash(s), s[1:] + s[:1])

# A string built by appends (its code-point buffer is rebuilt after each).
def grow():
    s = 'x'
    out = []
    for c in 'é€😀a':
        s += c
        out.append((s[-1], s[1:], len(s)))
    return out

print(grow())

# Equality and hashing across kinds (a slice narrower than its source).
w = '😀abc'
print(w[1:] == 'abc', hash(w[1:]) == hash('abc'), {w[1:]: 1}['abc'])
m = 'é€'
print(m[:1] == 'é', hash(m[:1]) == hash('é'), hash('é') == hash('\xe9'))
print(hash('é'), hash('€'), hash('😀'), hash('aé€😀'))

# Indexing a long non-ASCII string in a loop (linear in minipy now).
big = 'ü' * 50000 + '€'
print(sum(1 for i in range(len(big)) if big[i] == 'ü'), big[-1], big[49999:])
