print("mypkg.core: executing", __name__)
def core_fn():
    return "core_fn from " + __name__
