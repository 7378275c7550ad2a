B = "b"
from . import circ_a
def later():
    return circ_a.A
