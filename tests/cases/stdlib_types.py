# the stdlib types module: built-in type names, GenericAlias, UnionType
import types
print(types.FunctionType, types.GeneratorType, types.MethodType, types.ModuleType)
print(types.GetSetDescriptorType, types.MemberDescriptorType)
print(list[int], dict[str, list[int]], types.GenericAlias, tuple[int, ...])
u = int | str
print(u, int | None, isinstance(3, int | str), isinstance(3.0, int | str), type(u).__name__)
print(types.SimpleNamespace(a=1), types.NoneType, types.EllipsisType)
print(types.FunctionType.__code__.__get__(lambda: 0).co_name)
def f(): pass
print(isinstance(f, types.FunctionType), types.TracebackType, types.FrameType)
print(sorted(n for n in types.__all__)[:6])
