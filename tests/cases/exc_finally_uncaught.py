def work():
    try:
        print("working")
        raise KeyError("missing-key")
    finally:
        print("cleanup in finally")
try:
    work()
finally:
    print("outer finally")
