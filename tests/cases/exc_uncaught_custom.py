class MyError(Exception):
    pass
print("about to fail")
raise MyError("boom")
