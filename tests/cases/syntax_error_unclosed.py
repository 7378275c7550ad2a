print("never")
values = [1, 2,
total = 3
