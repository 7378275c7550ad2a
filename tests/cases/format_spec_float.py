# format specs for floats
vals = [3.14159, -2.5, 1234567.891, 0.000123, 1e20, 0.0, float("inf"), float("nan"), 100.0, 2.5]
for spec in ["", "f", "F", ".3F", ".2f", "10.3f", "<10.1f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "+.1f", " .2f", "010.2f", ",.2f", "_.1f", "#.0f", ".0f", "n", "#g", ".10g"]:
    print(repr(spec), [format(v, spec) for v in vals])
print(format(1e-7, ""), format(1e16, ""), format(123456789.0, "g"), format(0.1, ".20f"), format(2.675, ".2f"))
print(round(0.125, 2), round(0.375, 2), format(0.125, ".2f"), format(1.5, ".0f"), format(-0.0, "f"), format(-0.0001, ".2f"))
print("{:.3}".format(3.14159), "{:10.4}|".format(2.0), "{:g}".format(1e-5), "{:.2g}".format(0.000015))
print("%F %.1F %F" % (1.5, float("inf"), float("nan")), "{:F}".format(-float("inf")), format(12, "F"), format(3, "%"))
