# sys.flags / sys.float_info struct sequences
import sys
print(sys.flags.optimize, sys.float_info.epsilon, sys.float_info.max, sys.warnoptions)
print(sys.float_info)
print(type(sys.flags).__name__, len(sys.float_info), sys.float_info[8])
