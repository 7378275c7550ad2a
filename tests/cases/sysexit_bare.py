print("raise SystemExit")
try:
    raise SystemExit
finally:
    print("finally still runs")
