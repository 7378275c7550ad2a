raise ValueError("broken module fails at import time")
