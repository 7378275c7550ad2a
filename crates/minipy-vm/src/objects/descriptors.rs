//! `property`, `staticmethod`, `classmethod` and `super`.

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::typeobj;
use crate::vm::Vm;

fn none_to_opt(v: Option<&PyRef>) -> Option<PyRef> {
    v.filter(|x| !x.is_none()).cloned()
}

pub fn property_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    args.only_kwargs(vm, "property", &["fget", "fset", "fdel", "doc"])?;
    let cls = &pos[0];
    let get = |i: usize, name: &str| none_to_opt(pos.get(i).or(args.kwarg(name)));
    let fget = get(1, "fget");
    let mut doc = get(4, "doc");
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = vm
                .getattr_opt(g, &vm.intern("__doc__"))?
                .filter(|d| !d.is_none());
        }
    }
    Ok(PyRef::new(
        Payload::Property {
            fget,
            fset: get(2, "fset"),
            fdel: get(3, "fdel"),
            doc,
        },
        cls,
    ))
}

fn property_copy(vm: &Vm, args: Args, which: usize) -> PyResult {
    let a = args.check(vm, "property", 2, 2)?;
    let Payload::Property {
        fget,
        fset,
        fdel,
        doc,
    } = &a[0].payload
    else {
        return Err(vm.type_error("descriptor requires a 'property' object".to_string()));
    };
    let f = Some(a[1].clone()).filter(|x| !x.is_none());
    let (g, s, d) = match which {
        0 => (f, fset.clone(), fdel.clone()),
        1 => (fget.clone(), f, fdel.clone()),
        _ => (fget.clone(), fset.clone(), f),
    };
    Ok(PyRef::new(
        Payload::Property {
            fget: g,
            fset: s,
            fdel: d,
            doc: doc.clone(),
        },
        a[0].class(),
    ))
}

fn property_getter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 2)
}

fn property_get(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    vm.descr_get(&a[0], Some(&a[1]), a[1].class())
}

fn property_set(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__set__", 3, 3)?;
    if let Payload::Property { fset: Some(f), .. } = &a[0].payload {
        vm.call_args(f, &[a[1].clone(), a[2].clone()])?;
        return Ok(vm.none.clone());
    }
    Err(vm.attribute_error("can't set attribute".to_string()))
}

pub fn staticmethod_new(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "staticmethod", 2, 2)?;
    Ok(PyRef::new(Payload::StaticMethod(a[1].clone()), &a[0]))
}

pub fn classmethod_new(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "classmethod", 2, 2)?;
    Ok(PyRef::new(Payload::ClassMethod(a[1].clone()), &a[0]))
}

/// `super()` / `super(type, obj)`. The zero-argument form reads `__class__`
/// and the first argument from the calling frame (the VM's frame chain).
pub fn super_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let (ty, obj) = match pos.len() {
        1 => return Err(vm.runtime_error("super(): no arguments".to_string())),
        2 => (pos[1].clone(), None),
        3 => (pos[1].clone(), Some(pos[2].clone())),
        _ => return Err(vm.type_error("super() takes at most 2 arguments".to_string())),
    };
    if ty.as_type().is_none() {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            ty.type_name()
        )));
    }
    let obj_type = match &obj {
        None => None,
        Some(o) => {
            if o.as_type().is_some() && typeobj::is_subtype(o, &ty) {
                Some(o.clone())
            } else if typeobj::is_subtype(o.class(), &ty) {
                Some(o.class().clone())
            } else {
                return Err(vm.type_error(
                    "super(type, obj): obj must be an instance or subtype of type".to_string(),
                ));
            }
        }
    };
    Ok(PyRef::new(
        Payload::Super { ty, obj, obj_type },
        &vm.types.super_,
    ))
}

/// `super().name`: search the MRO of the object's type after `ty`.
pub fn super_getattr(vm: &Vm, sup: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let Payload::Super { ty, obj, obj_type } = &sup.payload else {
        return Ok(None);
    };
    let Some(start) = obj_type else {
        return Ok(None);
    };
    if name.as_str() == Some("__class__") {
        return Ok(None);
    }
    let mro = start
        .as_type()
        .map(|t| t.mro.borrow().clone())
        .unwrap_or_default();
    let mut after = false;
    for cls in &mro {
        if after {
            if let Some(t) = cls.as_type() {
                if let Some(v) = crate::objects::dict::get_str(vm, &t.dict, name) {
                    let inst = obj.as_ref().filter(|o| !o.is(start));
                    return vm.descr_get(&v, inst, start).map(Some);
                }
            }
        } else if cls.is(ty) {
            after = true;
        }
    }
    Ok(None)
}

pub const PROPERTY_METHODS: &[(&str, NativeFn)] = &[
    ("getter", property_getter),
    ("setter", property_setter),
    ("deleter", property_deleter),
    ("__get__", property_get),
    ("__set__", property_set),
];

/// `FunctionType.__code__`-style descriptors of payload attributes:
/// `__get__(obj)` reads the attribute by name.
fn slot_descriptor_get(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    let name = vm.getattr_str(&a[0], "__name__")?;
    let obj = &a[1];
    // The descriptors a class statement adds (`__dict__`, `__weakref__`,
    // `__slots__` members) read the instance directly: going through
    // getattr would find the descriptor again.
    let owner = vm.getattr_str(&a[0], "__objclass__")?;
    if owner.as_type().is_some_and(|t| t.heap) {
        let n = name.as_str().unwrap_or("");
        return match n {
            "__dict__" => vm.exposed_dict(obj).ok_or_else(|| vm.no_attribute(obj, n)),
            "__weakref__" => Ok(crate::heap::weakref::refs_to(obj)
                .into_iter()
                .next()
                .unwrap_or_else(|| vm.none.clone())),
            _ => vm.getattr(obj, &name),
        };
    }
    vm.getattr(obj, &name)
}

/// `<attribute '__code__' of 'function' objects>` (getset) or
/// `<member '__globals__' of 'function' objects>` (member).
fn slot_descriptor_repr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let name = vm.getattr_str(&a[0], "__name__")?;
    let owner = vm.getattr_str(&a[0], "__objclass__")?;
    let owner_name = owner
        .as_type()
        .map(|t| t.name().to_string())
        .unwrap_or_default();
    let kind = if a[0].class().is(&vm.types.member_descriptor) {
        "member"
    } else {
        "attribute"
    };
    Ok(vm.new_string(format!(
        "<{} '{}' of '{}' objects>",
        kind,
        name.as_str().unwrap_or("?"),
        owner_name
    )))
}

pub const SLOT_DESCRIPTOR_METHODS: &[(&str, NativeFn)] = &[
    ("__get__", slot_descriptor_get),
    ("__repr__", slot_descriptor_repr),
];

/// A descriptor object for the payload attribute `name` of the built-in
/// type `owner` (what `FunctionType.__code__` evaluates to).
pub fn slot_descriptor(vm: &Vm, owner: &PyRef, name: &str, member: bool) -> PyRef {
    // Its fields live in an inline namespace: one object, as CPython's
    // PyGetSetDescrObject / PyMemberDescrObject.
    let d = crate::objects::dict::new_inline(vm);
    crate::objects::dict::set_str(vm, &d, vm.intern("__name__"), vm.new_str(name));
    crate::objects::dict::set_str(vm, &d, vm.intern("__objclass__"), owner.clone());
    let ty = if member {
        &vm.types.member_descriptor
    } else {
        &vm.types.getset_descriptor
    };
    PyRef::new(
        Payload::Instance(crate::objects::inline_values::InstanceData::with_dict(d)),
        ty,
    )
}

/// Calls a function of the Python prelude (`prelude.py`) by name.
pub fn call_prelude(vm: &Vm, name: &str, args: &[PyRef]) -> PyResult {
    let prelude = vm.prelude.borrow().clone();
    let f = prelude.and_then(|d| crate::objects::dict::get_str(vm, &d, &vm.intern(name)));
    match f {
        Some(f) => vm.call_args(&f, args),
        None => Err(vm.unsupported(name)),
    }
}

fn union_operand(o: &PyRef) -> bool {
    o.as_type().is_some() || o.is_none()
}

/// `type.__or__`: `int | str` builds a `types.UnionType`.
pub fn type_or(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__or__", 2, 2)?;
    if !union_operand(&a[1]) {
        return Ok(vm.not_implemented.clone());
    }
    call_prelude(vm, "_union", &[a[0].clone(), a[1].clone()])
}

pub fn type_ror(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__ror__", 2, 2)?;
    if !union_operand(&a[1]) {
        return Ok(vm.not_implemented.clone());
    }
    call_prelude(vm, "_union", &[a[1].clone(), a[0].clone()])
}

/// `property.__get__`.
pub fn property_descr_get(
    vm: &Vm,
    d: &PyRef,
    obj: Option<&PyRef>,
    _ty: Option<&PyRef>,
) -> PyResult {
    let Payload::Property { fget, .. } = &d.payload else {
        return Ok(d.clone());
    };
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    match fget {
        Some(g) => vm.call_args(g, std::slice::from_ref(o)),
        None => Err(vm.attribute_error(format!(
            "property of '{}' object has no getter",
            o.type_name()
        ))),
    }
}

/// `property.__set__` / `__delete__`.
pub fn property_descr_set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let Payload::Property { fset, fdel, .. } = &d.payload else {
        return Err(vm.attribute_error("can't set attribute".to_string()));
    };
    let f = if value.is_some() { fset } else { fdel };
    match f {
        Some(f) => {
            let mut args = vec![obj.clone()];
            args.extend(value.clone());
            vm.call_args(f, &args).map(|_| ())
        }
        None => {
            let name = find_property_name(vm, d, obj);
            Err(vm.attribute_error(format!(
                "property {}of '{}' object has no {}",
                name.map(|n| format!("'{}' ", n)).unwrap_or_default(),
                obj.type_name(),
                if value.is_some() { "setter" } else { "deleter" }
            )))
        }
    }
}

/// The name under which the property `d` is found in `obj`'s class (for
/// the "has no setter" message).
fn find_property_name(vm: &Vm, d: &PyRef, obj: &PyRef) -> Option<String> {
    let t = obj.class().as_type()?;
    for cls in t.mro.borrow().iter() {
        let ct = cls.as_type()?;
        for (k, v) in crate::objects::dict::items(&ct.dict) {
            if v.is(d) {
                return k.as_str().map(|s| s.to_string());
            }
        }
    }
    let _ = vm;
    None
}

/// `staticmethod.__get__`: the function itself.
pub fn staticmethod_descr_get(
    vm: &Vm,
    d: &PyRef,
    _obj: Option<&PyRef>,
    _ty: Option<&PyRef>,
) -> PyResult {
    match &d.payload {
        Payload::StaticMethod(f) => Ok(f.clone()),
        _ => Err(vm.runtime_error("uninitialized staticmethod object".to_string())),
    }
}

/// `classmethod.__get__`: bound to the class (3.11: through the wrapped
/// object's own `__get__` when it has one).
pub fn classmethod_descr_get(
    vm: &Vm,
    d: &PyRef,
    obj: Option<&PyRef>,
    ty: Option<&PyRef>,
) -> PyResult {
    let Payload::ClassMethod(f) = &d.payload else {
        return Err(vm.runtime_error("uninitialized classmethod object".to_string()));
    };
    let ty = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.class().clone(),
        (None, None) => return Err(vm.type_error("__get__(None, None) is invalid".to_string())),
    };
    if !matches!(f.payload, Payload::Function(_) | Payload::Builtin(_)) {
        if let Some(get) = f.class().as_type().and_then(|t| t.slots.descr_get()) {
            return get(vm, f, Some(&ty), Some(&ty));
        }
    }
    Ok(vm.new_bound_method(f.clone(), ty))
}

/// `super.__getattribute__`: the MRO after `__thisclass__`, then the
/// super object's own attributes.
pub fn super_getattro(vm: &Vm, sup: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    if let Some(v) = super_getattr(vm, sup, name)? {
        return Ok(Some(v));
    }
    vm.generic_getattr(sup, name)
}

/// `types.GenericAlias(origin, args)` (`Py_GenericAlias`).
pub fn generic_alias(vm: &Vm, origin: &PyRef, args: &PyRef) -> PyResult {
    call_prelude(vm, "GenericAlias", &[origin.clone(), args.clone()])
}

/// `cls.__class_getitem__(item)` of the built-in generic classes (PEP 585).
pub fn class_getitem(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__class_getitem__", 2, 2)?;
    generic_alias(vm, &a[0], &a[1])
}
