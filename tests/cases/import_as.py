# import a.b as c and attribute binding of submodules
import mypkg.sub.sibling as sib
print(sib.SIB, sib.__name__)
print("mypkg" in dir(), "sib" in dir())
import mypkg.sub.sibling
print(mypkg.sub.sibling is sib)
from mypkg import sub as s2
print(s2.__name__, s2.sibling is sib)
