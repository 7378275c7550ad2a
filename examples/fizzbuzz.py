# FizzBuzz, three ways.


def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


print(" ".join(fizzbuzz(i) for i in range(1, 16)))

# with a lookup table
rules = [(3, "Fizz"), (5, "Buzz")]
for i in range(1, 16):
    word = "".join(text for d, text in rules if i % d == 0)
    print(word or i, end=" ")
print()

# as a generator
def fizzbuzz_gen(limit):
    for i in range(1, limit + 1):
        yield "Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i)


print(list(fizzbuzz_gen(15)))
