# string literals, indexing, operators
s = "hello"
print(s, len(s), s[0], s[-1], s[1:3], s[::-1], s * 3, s + " world")
print('single', "double", '''triple''', """tri
ple""", 'esc\taped\n', r'raw\n', 'quote\'s', "a\\b")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t nl\n cr\r bs\\ nul\x00 bell\x07"))
print("\u00e9", "\N{GREEK SMALL LETTER ALPHA}", "\x41", "\101", len("\u00e9"), repr("\u00e9\u2603"))
print("abc" == "abc", "abc" < "abd", "a" in "abc", "ab" * 0, "" * 5, 3 * "x")
print(str(42), str(1.5), str([1, "a"]), str(None), str("s"))
t = "αβγ"
print(t, len(t), t[1], t.upper(), repr(t), ascii(t))
print("a" "b" "c", ("multi"
      "line"))
for ch in "xyz":
    print(ch, end=",")
print()
print(ord("a"), chr(97), chr(0x1F600) == "\U0001F600", ord("\u20ac"))
print(s[10:], s[-100:2], s[4:1], "abc"[True])
print(hash("abc") == hash("ab" + "c"))
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "j"
except TypeError as e:
    print(e)
