# argument-count errors of container and str methods (CPython wording per method)
for call in ["{}.get()", "{}.get(1,2,3)", "{}.pop()", "{}.setdefault()", "dict.fromkeys()", "[].index()", "(1,).index(1,2,3,4)", "'a'.startswith()", "'a'.endswith('a',1,2,3)", "'a'.center()", "'a'.ljust(1,'x','y')", "{}.get(1)", "[1].index(1)"]:
    try:
        print(call, "->", eval(call))
    except TypeError as e:
        print(call, "->", e)
