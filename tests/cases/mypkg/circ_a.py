from . import circ_b
A = "a:" + circ_b.B
