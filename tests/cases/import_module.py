# import a plain module from a subfolder package
import helpers.mymod
print(helpers.mymod.VALUE, helpers.mymod.greet("you"), helpers.mymod.Thing())
import helpers.mymod
print("second import does not re-execute")
import helpers.mymod as m
print(m is helpers.mymod, m.bump(), m.bump(), helpers.mymod.counter)
print(m.__name__, m.__file__.endswith("mymod.py"), m.__doc__, type(m).__name__)
print(sorted(k for k in dir(m) if not k.startswith("__")))
