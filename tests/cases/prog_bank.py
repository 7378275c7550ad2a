# classes + exceptions working together
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"
class Savings(Account):
    rate = 0.05
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        return self.deposit(interest)
accts = [Account("ann", 100), Savings("bob", 1000)]
accts[0].deposit(50).withdraw(30)
accts[1].add_interest()
print(accts)
for a, amt in [(accts[0], 500), (accts[1], -5)]:
    try:
        if amt < 0:
            a.deposit(amt)
        else:
            a.withdraw(amt)
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, e.needed)
    except ValueError as e:
        print("ValueError:", e)
print(accts[0].history, accts[1].history)
print(sum(a.balance for a in accts), sorted(accts, key=lambda a: -a.balance)[0].owner)
accts[0].withdraw(10 ** 6)
