print("start")
def use():
    return x + 1
use()
