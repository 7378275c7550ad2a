# min/max with key and default
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min([], default="empty"), max([], default=None), max([3], default=0), min(5, 2, key=lambda v: -v))
print(max([1, 3, 3.0]), max([3.0, 3]), min([2, 1, 1.0]))
print(max({"a": 3, "b": 1}), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max(range(10), key=lambda v: v % 4), min("bca"), max((1, 2), (1, 2, 0)))
for thunk in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"])):
    try:
        thunk()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
