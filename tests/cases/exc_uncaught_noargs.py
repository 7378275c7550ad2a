def check():
    raise ValueError
check()
