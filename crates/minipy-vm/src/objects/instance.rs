//! `object` (the root type and plain instances) and `NoneType`.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::inline_values::InstanceData;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{
    self, slot, tpflags, GetSetDef, Layout, MethodDef, SlotId, TypeSpec,
};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// Allocates an instance of `cls` with the layout of its solid base.
pub fn alloc_instance(vm: &Vm, cls: &PyRef) -> PyResult {
    let Some(t) = cls.as_type() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object".to_string()));
    };
    match t.layout {
        Layout::Object | Layout::Other => {
            let nkeys = if t.heap && t.has_dict {
                t.shared_keys.borrow().len()
            } else {
                0
            };
            // A static type's instances have no shared keys to keep values
            // inline: their namespace is a dict from the start.
            let data = if !t.heap && t.has_dict {
                InstanceData::with_dict(vm.new_dict())
            } else {
                InstanceData::new(nkeys)
            };
            Ok(PyRef::new_with_cells(
                Payload::Instance(data),
                cls,
                t.slot_names.len(),
            ))
        }
        Layout::Exception => Ok(vm.new_exception(cls, vec![])),
        _ => Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            t.name()
        ))),
    }
}

/// Whether slot `id` of `cls` is `object`'s own function.
fn is_objects(vm: &Vm, cls: &PyRef, id: SlotId) -> bool {
    cls.as_type()
        .is_some_and(|t| !t.slots.is_generic(id) && t.slots.origin(id) == vm.types.object.addr())
}

/// `object.__new__(cls, *args, **kwargs)` (`object_new`): excess arguments
/// are an error unless the class overrides `__init__` (and not `__new__`);
/// an abstract class cannot be instantiated.
pub fn object_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments".to_string()));
    };
    if pos.len() > 1 || args.has_kwargs() {
        if !is_objects(vm, cls, SlotId::New) {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)".to_string(),
            ));
        }
        if is_objects(vm, cls, SlotId::Init) {
            return Err(vm.type_error(format!(
                "{}() takes no arguments",
                crate::objects::descr::type_name(cls)
            )));
        }
    }
    crate::protocol::call::check_abstract(vm, cls)?;
    alloc_instance(vm, cls)
}

/// `object.__init__` (`object_init`).
fn object_init(vm: &Vm, obj: &PyRef, args: Args) -> PyResult<()> {
    if args.args.is_empty() {
        return Ok(());
    }
    let cls = obj.class();
    if !is_objects(vm, cls, SlotId::Init) {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)".to_string(),
        ));
    }
    if is_objects(vm, cls, SlotId::New) {
        return Err(vm.type_error(format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            crate::objects::descr::type_name(cls)
        )));
    }
    Ok(())
}

/// `object.__repr__`.
fn object_repr(vm: &Vm, obj: &PyRef) -> PyResult {
    Ok(vm.new_string(vm.default_repr(obj)))
}

/// `object.__str__`: the repr.
fn object_str(vm: &Vm, obj: &PyRef) -> PyResult {
    vm.repr(obj)
}

/// `object_richcompare`: `==` is identity (NotImplemented otherwise, so
/// the other operand gets its turn), `!=` inverts the type's `==`.
fn object_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            vm.true_.clone()
        } else {
            vm.not_implemented.clone()
        }),
        CompareOp::Ne => {
            let Some(f) = a.class().as_type().and_then(|t| t.slots.richcompare()) else {
                return Ok(vm.not_implemented.clone());
            };
            let r = f(vm, a, b, CompareOp::Eq)?;
            if r.is(&vm.not_implemented) {
                return Ok(r);
            }
            Ok(vm.new_bool(!vm.truthy(&r)?))
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// `object.__hash__`: the identity hash.
fn object_hash(_vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    Ok(crate::protocol::ops::pointer_hash(obj))
}

fn object_format(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__format__", 2, 2)?;
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            a[1].type_name()
        )));
    }
    if a[1].as_str().is_some_and(|s| !s.is_empty()) {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].type_name()
        )));
    }
    vm.str(&a[0])
}

fn object_init_subclass(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

/// `object.__subclasshook__(subclass)`: NotImplemented (defer to the
/// normal subclass check).
fn object_subclasshook(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn object_dir(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__dir__", 1, 1)?;
    let mut names: Vec<String> = Vec::new();
    if let Some(d) = vm.instance_dict(&a[0]) {
        for k in crate::objects::dict::keys(&d) {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    }
    let cls = if a[0].as_type().is_some() {
        a[0].clone()
    } else {
        a[0].class().clone()
    };
    if let Some(t) = cls.as_type() {
        for base in t.mro.borrow().iter() {
            if let Some(bt) = base.as_type() {
                for k in crate::objects::dict::keys(&bt.dict) {
                    if let Some(s) = k.as_str() {
                        names.push(s.to_string());
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(vm.new_list(names.iter().map(|n| vm.new_str(n)).collect()))
}

fn object_reduce_ex(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.unsupported("pickling"))
}

fn object_reduce(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.unsupported("pickling"))
}

/// `object.__getstate__()`: the instance dict (None when empty or
/// absent), paired with the `__slots__` values when there are any.
fn object_getstate(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__getstate__", 1, 1)?;
    let obj = &a[0];
    let state = match vm.exposed_dict(obj) {
        Some(d) if crate::objects::dict::len(&d) > 0 => d,
        _ => vm.none.clone(),
    };
    let names = obj
        .class()
        .as_type()
        .map(|t| t.slot_names.clone())
        .unwrap_or_default();
    if names.is_empty() {
        return Ok(state);
    }
    let slots = vm.new_dict();
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = obj.cells().get(i).and_then(crate::heap::cell_get) {
            crate::objects::dict::set_str(vm, &slots, vm.intern(n), v);
        }
    }
    Ok(vm.new_tuple(vec![state, slots]))
}

fn object_sizeof(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(&a[0]) as i64))
}

/// `obj.__class__`.
fn object_get_class(_vm: &Vm, obj: &PyRef) -> PyResult {
    Ok(obj.class().clone())
}

/// `obj.__class__ = C` (`object_set_class`): only between classes whose
/// instances have the same layout (CPython's `compatible_for_assignment`).
fn object_set_class(vm: &Vm, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.type_error("can't delete __class__ attribute".to_string()));
    };
    if v.as_type().is_none() {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.type_name()
        )));
    }
    let mutable = |t: &PyRef| !typeobj::has_flag(t, tpflags::IMMUTABLETYPE);
    if !matches!(obj.payload, Payload::Instance(_)) || !mutable(&v) || !mutable(obj.class()) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses"
                .to_string(),
        ));
    }
    if !same_layout(obj.class(), &v) {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            crate::objects::descr::type_name(&v),
            crate::objects::descr::type_name(obj.class())
        )));
    }
    crate::objects::inline_values::before_class_change(vm, obj);
    obj.set_class(&v);
    Ok(())
}

/// CPython's `compatible_for_assignment`, for instances: the same slots
/// (cells after the object) and both with or both without a namespace.
fn same_layout(a: &PyRef, b: &PyRef) -> bool {
    match (a.as_type(), b.as_type()) {
        (Some(x), Some(y)) => {
            x.slot_names == y.slot_names && (x.heap && x.has_dict) == (y.heap && y.has_dict)
        }
        _ => false,
    }
}

/// Runs `__del__` of an object whose count reached zero (heap hook).
pub fn run_del_hook(obj: &PyRef) {
    crate::with_vm(|vm| {
        if let Payload::Generator(g) = &obj.payload {
            if crate::objects::generator::needs_finalize(g) {
                crate::objects::generator::finalize(vm, obj);
            }
            if vm.lookup_special(obj, "__del__").is_none() {
                return;
            }
        }
        if let Some(del) = vm.lookup_special(obj, "__del__") {
            let saved = vm.handled_exception();
            if let Err(e) = vm.call_args(&del, std::slice::from_ref(obj)) {
                crate::traceback::write_unraisable(vm, &e, &del);
            }
            vm.set_handled_exception(saved);
        }
    });
}

pub static OBJECT_TYPE: TypeSpec = TypeSpec {
    name: "object",
    doc: Some("object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
    layout: Layout::Object,
    flags: tpflags::BASETYPE,
    slots: &[
        slot::repr(object_repr),
        slot::hash(object_hash),
        slot::str(object_str),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::setattro(crate::protocol::attr::generic_setattr_slot),
        slot::richcompare(object_richcompare),
        slot::init(object_init),
        slot::tp_new(object_new),
    ],
    methods: &[
        MethodDef::method("__reduce_ex__", object_reduce_ex)
            .doc("__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."),
        MethodDef::method("__reduce__", object_reduce)
            .doc("__reduce__($self, /)\n--\n\nHelper for pickle."),
        MethodDef::method("__getstate__", object_getstate)
            .doc("__getstate__($self, /)\n--\n\nHelper for pickle."),
        MethodDef::class("__subclasshook__", object_subclasshook).doc(
            "Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n",
        ),
        MethodDef::class("__init_subclass__", object_init_subclass).doc(
            "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n",
        ),
        MethodDef::method("__format__", object_format)
            .doc("__format__($self, format_spec, /)\n--\n\nDefault object formatter."),
        MethodDef::method("__sizeof__", object_sizeof)
            .doc("__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."),
        MethodDef::method("__dir__", object_dir)
            .doc("__dir__($self, /)\n--\n\nDefault dir() implementation."),
    ],
    getsets: &[GetSetDef::rw("__class__", object_get_class, object_set_class)
        .doc("the object's class")],
};

/// `C.__dict__['__dict__']` of a class whose instances have a namespace
/// (`subtype_dict` / `subtype_setdict`).
pub static SUBTYPE_DICT: GetSetDef = GetSetDef::rw("__dict__", subtype_dict, subtype_setdict)
    .doc("dictionary for instance variables");

/// `C.__dict__['__weakref__']` (`subtype_getweakref`).
pub static SUBTYPE_WEAKREF: GetSetDef =
    GetSetDef::new("__weakref__", subtype_getweakref).doc("list of weak references to the object");

fn subtype_dict(vm: &Vm, obj: &PyRef) -> PyResult {
    vm.exposed_dict(obj)
        .ok_or_else(|| vm.no_attribute(obj, "__dict__"))
}

fn subtype_setdict(vm: &Vm, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    if let Payload::Instance(inst) = &obj.payload {
        if let Some(r) = crate::objects::inline_values::set_namespace(vm, obj, inst, value.clone())
        {
            return r;
        }
    }
    let Some(slot) = obj.managed_dict() else {
        return Err(vm.no_attribute(obj, "__dict__"));
    };
    match value {
        Some(v) if matches!(v.payload, Payload::Dict(_)) => {
            drop(slot.replace(Some(v)));
            Ok(())
        }
        Some(v) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.type_name()
        ))),
        None => {
            drop(slot.replace(None));
            Ok(())
        }
    }
}

fn subtype_getweakref(vm: &Vm, obj: &PyRef) -> PyResult {
    Ok(crate::heap::weakref::refs_to(obj)
        .into_iter()
        .next()
        .unwrap_or_else(|| vm.none.clone()))
}
