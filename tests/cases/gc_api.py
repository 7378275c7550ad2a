# gc module API: callbacks, thresholds, untracking, freeze, referents, errors
import gc
gc.disable()
gc.collect()

print(gc.isenabled(), gc.get_threshold(), gc.get_debug())
gc.enable(); print(gc.isenabled()); gc.disable()
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

print("-- callbacks")
phases = []
def cb(phase, info):
    phases.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.callbacks.append(cb)
l = []; l.append(l); del l
gc.collect()
gc.collect(1)
print(phases)
gc.callbacks.remove(cb)
print(sorted(info_keys for info_keys in ["generation", "collected", "uncollectable"]))

print("-- thresholds")
gc.set_threshold(50, 5, 5)
print(gc.get_threshold())
runs = []
gc.callbacks.append(lambda p, i: runs.append(i["generation"]) if p == "start" else None)
gc.enable()
junk = [[] for _ in range(2000)]
gc.disable()
print("automatic collections happened:", len(runs) > 10, "gen0 ran:", 0 in runs)
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
del junk
gc.collect()

print("-- tracking")
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(lambda: 0))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d = {}
print(gc.is_tracked(d)); d["x"] = [1]; print(gc.is_tracked(d))
def mk(a, b):
    return (a, b)
t = mk(1, 2)
u = mk([], 2)
print(gc.is_tracked(t), gc.is_tracked(u))
gc.collect()
print("after collect:", gc.is_tracked(t), gc.is_tracked(u))
class C: pass
print(gc.is_tracked(C()), gc.is_tracked(C))

print("-- referents / referrers")
x = [1, "a", None]
print(gc.get_referents(x))
holder = [x]
print(gc.get_referrers(x) == [holder] or [r for r in gc.get_referrers(x) if r is holder] == [holder])
print(gc.get_referents(1, "s"))
print(sorted(map(repr, gc.get_referents({"k": "v"}))))

print("-- freeze")
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count())
f = []; f.append(f); del f
print("collect while frozen:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print("collect after unfreeze:", gc.collect())

print("-- stats")
s = gc.get_stats()
print(len(s), sorted(s[0]))

print("-- is_finalized")
class F:
    def __del__(self): pass
o = F()
print(gc.is_finalized(o))

print("-- SAVEALL")
gc.set_debug(gc.DEBUG_SAVEALL)
g = []; g.append(g); del g
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())

print("-- errors")
for expr in ["gc.collect(5)", "gc.collect(-1)", "gc.collect('x')", "gc.collect(2**70)",
             "gc.collect(1, 2)", "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)",
             "gc.set_threshold('a')", "gc.set_threshold(2**40)", "gc.get_objects(3)",
             "gc.get_objects(-2)", "gc.is_tracked()", "gc.set_debug()", "gc.set_debug('x')",
             "gc.freeze(1)", "gc.enable(1)", "gc.get_count(0)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
