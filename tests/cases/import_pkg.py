# packages, __init__, subpackages, relative imports
import mypkg
print(mypkg.PKG_CONST, mypkg.core_fn(), mypkg.__name__, mypkg.__package__)
print(mypkg.__file__.endswith("__init__.py"), hasattr(mypkg, "__path__"))
import mypkg.sub.leaf
print(mypkg.sub.leaf.leaf_fn())
import mypkg.sub.leaf as leaf
print(leaf is mypkg.sub.leaf, leaf.__name__, leaf.__package__)
from mypkg.sub import sibling
print(sibling.SIB, sibling.__name__)
from mypkg import circ_a
print(circ_a.A, circ_a.circ_b.later())
import sys
print([k for k in sorted(sys.modules) if k.startswith("mypkg")])
try:
    import mypkg.broken
except ValueError as e:
    print("ValueError:", e)
print("mypkg.broken" in sys.modules, hasattr(mypkg, "broken"))
