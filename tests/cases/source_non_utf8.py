print("before")
x = 1
s = "aÿ"
