print("mypkg.sub/__init__:", __name__, __package__)
