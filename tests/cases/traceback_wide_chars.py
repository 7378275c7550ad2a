# Traceback position markers count East Asian wide and fullwidth characters
# as two columns (traceback._display_width in CPython 3.11), so the carets
# stay under the expression on a terminal (the anchors of a subscript, too).
# (tests/cases/identifiers_nfkc.py covers fullwidth identifiers.)
table = {"😀": 1, "é": 2}


def lookup():
    return table["😀"] + table["é"] + {"键": 2}["キー"]


lookup()
