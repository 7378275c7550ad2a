# pure-Python stdlib modules that need only builtins (C accelerators optional)
import bisect
import heapq
import colorsys
a = [1, 3, 5, 7]
print(bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))
bisect.insort(a, 4)
print(a)
h = []
for v in [5, 1, 8, 3, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nsmallest(2, [9, 4, 7, 1]), heapq.nlargest(2, [9, 4, 7, 1]))
data = [3, 1, 2]
heapq.heapify(data)
print(data[0], sorted(data))
print(colorsys.rgb_to_hsv(1.0, 0.0, 0.0), colorsys.hsv_to_rgb(0.0, 1.0, 1.0))
