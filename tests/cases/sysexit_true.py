import sys
print("exit(True) is status 1")
sys.exit(True)
