# Allocation-heavy: binary trees whose nodes point back to their parent, so
# every dropped tree is a cycle only the collector can free.
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.left = None
        self.right = None

def build(depth, parent):
    n = Node(parent)
    if depth:
        n.left = build(depth - 1, n)
        n.right = build(depth - 1, n)
    return n

def count(n):
    return 0 if n is None else 1 + count(n.left) + count(n.right)

N = 60
total = 0
for i in range(N):
    t = build(14, None)  # 32767 nodes
    if i % 20 == 0:
        total += count(t)
    t = None
print(total)
