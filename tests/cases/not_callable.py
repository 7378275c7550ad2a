handlers = {"a": print}
handler = handlers.get("b")
print("calling", handler)
handler("x")
