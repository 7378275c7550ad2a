# assert statement
assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print(repr(e), str(e))
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)
calls = []
def msg():
    calls.append("called")
    return "m"
assert True, msg()
print(calls)
print(__debug__)
