# text processing: word frequencies and formatting
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, count in top:
    print(f"{word:<10}{count:>3} {'#' * count}")
print(len(words), len(freq), max(words, key=len))
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for k in sorted(lengths):
    print(k, sorted(lengths[k]))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() and c.islower() else c for c in "hello, world")
print(caesar)
print(" ".join(w[::-1] for w in "the quick brown fox".split()).title())
