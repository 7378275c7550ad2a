def numbers():
    yield 1
    yield 2
    raise IndexError("generator failed at step 3")
for n in numbers():
    print("got", n)
