# A built-in type's dict holds slot wrappers for its own slots only (not
# for those it inherits): cell has __getattribute__ but no __str__ or
# __init__, the iterators have no __repr__ or comparison wrappers.
import types
for t in [types.CellType, type(None), type(NotImplemented), type(...), types.MethodType,
          types.ModuleType, property, staticmethod, classmethod, super, object, type,
          type(iter([])), type(iter(range(3)))]:
    print(t.__name__, sorted(t.__dict__))
print('__str__' in list.__dict__, '__init__' in tuple.__dict__, '__hash__' in type(iter(())).__dict__)
