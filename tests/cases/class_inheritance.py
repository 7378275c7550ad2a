# single inheritance, overriding, super()
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (age %d)" % self.age
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.speak(), "|", a.kind())
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__base__, issubclass(Puppy, Animal), issubclass(Animal, Puppy))
p = Puppy("x", 2)
print(isinstance(p, Dog), isinstance(p, (int, Animal)), type(p).__name__)
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
class Explicit(Dog):
    def kind(self):
        return super(Dog, self).kind() + "!"
print(Explicit("e").kind())
class WithClassMethod(Animal):
    @classmethod
    def create(cls):
        return cls("made by " + cls.__name__)
class Sub(WithClassMethod):
    pass
print(Sub.create().name, type(Sub.create()).__name__)
print(object.__subclasses__ is not None, Animal.__subclasses__())
