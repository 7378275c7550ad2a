# pass, empty bodies, docstrings only, ellipsis
def nothing():
    pass
class Nothing:
    pass
def doc_only():
    """docstring only"""
def ellipsis_body():
    ...
print(nothing(), Nothing.__name__, doc_only(), ellipsis_body(), ..., Ellipsis, type(...).__name__)
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
finally:
    pass
print("done")
