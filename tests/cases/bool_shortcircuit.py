# and/or/not with short-circuit
log = []
def t(name, val):
    log.append(name)
    return val
print(t("a", 0) and t("b", 1), log)
log.clear()
print(t("a", 1) and t("b", 2), log)
log.clear()
print(t("a", 1) or t("b", 2), log)
log.clear()
print(t("a", "") or t("b", None), log)
log.clear()
print(not t("a", []), log)
log.clear()
r = t("a", 1) and t("b", 0) or t("c", 3)
print(r, log)
x = 0
y = x or 10
z = x and 10
print(y, z)
if 1 and not 0 and (0 or 2):
    print("yes")
print([] or {} or 0 or "last", 1 and 2 and 3)
