def greet(name, greeting="hi"):
    return greeting + " " + name
print(greet("bob"))
greet("bob", salutation="yo")
