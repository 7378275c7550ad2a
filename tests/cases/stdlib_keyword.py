import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("None"), len(keyword.kwlist) > 30)
print(keyword.kwlist[:5], keyword.issoftkeyword("match"))
