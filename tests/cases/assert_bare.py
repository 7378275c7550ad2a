x = []
assert not x
assert x
