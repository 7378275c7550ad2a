def g():
    try: me.throw(KeyError)
    except ValueError as e: print("VE", e)
    except KeyError as e: print("KE", repr(e))
    yield 1
me = g(); print(list(me))
async def c():
    try: co.send(None)
    except ValueError as e: print("VE", e)
    try: co.close()
    except ValueError as e: print("VE", e)
    try: co.throw(KeyError)
    except ValueError as e: print("VE", e)
    return 5
co = c()
try: co.send(None)
except StopIteration as e: print("stop", e.value)
def g2():
    yield from inner
def i2():
    try: outer.close()
    except ValueError as e: print("VE", e)
    try: inner.close()
    except ValueError as e: print("VE", e)
    yield 1
inner = i2(); outer = g2(); print(list(outer))
