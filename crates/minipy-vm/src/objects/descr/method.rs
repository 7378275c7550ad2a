//! `method_descriptor` (`list.__dict__['append']`), `classmethod_descriptor`
//! (`dict.__dict__['fromkeys']`), and the `__new__` of a built-in type
//! (CPython's `tp_new_wrapper`, a built-in method bound to the type).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::descr::{
    check_instance, doc_object, text_signature_object, type_name, type_qualname,
};
use crate::objects::function::{Args, BuiltinFunction, BuiltinKind};
use crate::objects::layout::Payload;
use crate::objects::typeobj::spec::{GetSetDef, MethodDef, MethodKind, TypeSpec};
use crate::objects::typeobj::{self, slot, tpflags, Layout};
use crate::vm::Vm;

/// A method descriptor's data (CPython's `PyMethodDescrObject`).
pub struct MethodDescr {
    /// The type that defines the method (`__objclass__`).
    pub objclass: PyRef,
    pub def: &'static MethodDef,
}

impl MethodDescr {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        visit(&self.objclass);
    }
}

/// The descriptor for `def`, a method of `ty`: a `method_descriptor`, a
/// `classmethod_descriptor`, or for a static method a `staticmethod`
/// around a built-in function.
pub fn new_method_descr(vm: &Vm, ty: &PyRef, def: &'static MethodDef) -> PyRef {
    let data = || {
        Payload::MethodDescr(Box::new(MethodDescr {
            objclass: ty.clone(),
            def,
        }))
    };
    match def.kind {
        MethodKind::Method => PyRef::new(data(), &vm.types.method_descriptor),
        MethodKind::Class => PyRef::new(data(), &vm.types.classmethod_descriptor),
        MethodKind::Static => {
            let f = PyRef::new(
                Payload::Builtin(Box::new(BuiltinFunction {
                    name: def.name,
                    func: def.func,
                    kind: BuiltinKind::StaticMethod,
                    self_: Some(ty.clone()),
                    owner: Some(ty.as_type().map(|t| t.name()).unwrap_or_else(|| "".into())),
                    doc: def.doc,
                })),
                &vm.types.builtin_function,
            );
            PyRef::new(Payload::StaticMethod(f), &vm.types.staticmethod)
        }
    }
}

fn this(d: &PyRef) -> Option<&MethodDescr> {
    match &d.payload {
        Payload::MethodDescr(m) => Some(m),
        _ => None,
    }
}

fn bad_self(vm: &Vm) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        "method descriptor slot called on another object".to_string(),
    )
}

/// A built-in method bound to `self_` (`[].append`, `dict.fromkeys`).
pub fn bind(vm: &Vm, m: &MethodDescr, self_: PyRef) -> PyRef {
    PyRef::new(
        Payload::Builtin(Box::new(BuiltinFunction {
            name: m.def.name,
            func: m.def.func,
            kind: BuiltinKind::Function,
            self_: Some(self_),
            owner: m.objclass.as_type().map(|t| t.qualname.borrow().clone()),
            doc: m.def.doc,
        })),
        &vm.types.builtin_function,
    )
}

fn md_repr(vm: &Vm, d: &PyRef) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!(
        "<method '{}' of '{}' objects>",
        m.def.name,
        type_name(&m.objclass)
    )))
}

fn md_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    check_instance(vm, m.def.name, &m.objclass, obj)?;
    Ok(bind(vm, m, obj.clone()))
}

/// `list.append(lst, x)`: the first argument is the instance.
fn md_call(vm: &Vm, d: &PyRef, args: Args) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    let Some(first) = args.pos().first() else {
        return Err(vm.type_error(format!(
            "unbound method {}.{}() needs an argument",
            type_qualname(&m.objclass),
            m.def.name
        )));
    };
    check_instance(vm, m.def.name, &m.objclass, first)?;
    (m.def.func)(vm, args)
}

fn cmd_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    let ty = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.class().clone(),
        (None, None) => {
            return Err(vm.type_error(format!(
                "descriptor '{}' for type '{}' needs either an object or a type",
                m.def.name,
                type_name(&m.objclass)
            )))
        }
    };
    if ty.as_type().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
            m.def.name,
            type_name(&m.objclass),
            ty.type_name()
        )));
    }
    if !typeobj::is_subtype(&ty, &m.objclass) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            m.def.name,
            type_name(&m.objclass),
            type_name(&ty)
        )));
    }
    Ok(bind(vm, m, ty))
}

/// `dict.__dict__['fromkeys'](dict, keys)`: the first argument is a class.
fn cmd_call(vm: &Vm, d: &PyRef, args: Args) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    let Some(first) = args.pos().first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            m.def.name,
            type_name(&m.objclass)
        )));
    };
    if first.as_type().is_none() {
        return Err(vm.type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
            m.def.name,
            type_name(&m.objclass),
            first.type_name()
        )));
    }
    if !typeobj::is_subtype(first, &m.objclass) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            m.def.name,
            type_name(&m.objclass),
            type_name(first)
        )));
    }
    (m.def.func)(vm, args)
}

fn md_objclass(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(this(d).ok_or_else(|| bad_self(vm))?.objclass.clone())
}

fn md_name(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(vm.new_str(this(d).ok_or_else(|| bad_self(vm))?.def.name))
}

fn md_qualname(vm: &Vm, d: &PyRef) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!("{}.{}", type_qualname(&m.objclass), m.def.name)))
}

fn md_doc(vm: &Vm, d: &PyRef) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(doc_object(vm, m.def.name, m.def.doc))
}

fn md_text_signature(vm: &Vm, d: &PyRef) -> PyResult {
    let m = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(text_signature_object(vm, m.def.name, m.def.doc))
}

/// `__reduce__`: `(getattr, (objclass, name))`.
fn md_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let m = this(&a[0]).ok_or_else(|| bad_self(vm))?;
    let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
    let inner = vm.new_tuple(vec![m.objclass.clone(), vm.new_str(m.def.name)]);
    Ok(vm.new_tuple(vec![getattr, inner]))
}

const DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__objclass__", md_objclass).member(),
    GetSetDef::new("__name__", md_name).member(),
    GetSetDef::new("__doc__", md_doc),
    GetSetDef::new("__qualname__", md_qualname),
    GetSetDef::new("__text_signature__", md_text_signature),
];

/// `tp_traverse`: `__objclass__`.
fn method_descr_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::MethodDescr(m) => m.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "method_descriptor"),
    }
}

pub static METHOD_DESCRIPTOR_TYPE: TypeSpec = TypeSpec {
    name: "method_descriptor",
    layout: Layout::Other,
    flags: tpflags::METHOD_DESCRIPTOR,
    slots: &[
        slot::traverse(method_descr_traverse),
        slot::repr(md_repr),
        slot::call(md_call),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(md_get),
    ],
    methods: &[MethodDef::method("__reduce__", md_reduce)],
    getsets: DESCR_GETSETS,
    ..TypeSpec::DEFAULT
};

pub static CLASSMETHOD_DESCRIPTOR_TYPE: TypeSpec = TypeSpec {
    name: "classmethod_descriptor",
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::traverse(method_descr_traverse),
        slot::repr(md_repr),
        slot::call(cmd_call),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(cmd_get),
    ],
    getsets: DESCR_GETSETS,
    ..TypeSpec::DEFAULT
};

/// `T.__dict__['__new__']`: a built-in method bound to `T` that checks its
/// first argument and calls `T`'s native constructor (`tp_new_wrapper`).
pub fn new_new_wrapper(vm: &Vm, ty: &PyRef) -> PyRef {
    PyRef::new(
        Payload::Builtin(Box::new(BuiltinFunction {
            name: "__new__",
            func: tp_new_wrapper,
            kind: BuiltinKind::New,
            self_: Some(ty.clone()),
            owner: ty.as_type().map(|t| t.qualname.borrow().clone()),
            doc: Some(
                "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.",
            ),
        })),
        &vm.types.builtin_function,
    )
}

/// Whether `f` is a built-in type's `__new__` (a `tp_new_wrapper`).
pub fn is_new_wrapper(f: &PyRef) -> bool {
    matches!(&f.payload, Payload::Builtin(b) if b.kind == BuiltinKind::New)
}

/// `tp_new_wrapper(T, S, *args, **kwargs)`.
fn tp_new_wrapper(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let t = &pos[0];
    let tname = type_name(t);
    let Some(sub) = pos.get(1) else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", tname)));
    };
    if sub.as_type().is_none() {
        return Err(vm.type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            tname,
            sub.type_name()
        )));
    }
    let sname = type_name(sub);
    if !typeobj::is_subtype(sub, t) {
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            tname, sname, sname, tname
        )));
    }
    // The most derived base of `sub` whose `__new__` is native must use
    // this one: `object.__new__(int)` would skip int's.
    let mut staticbase = Some(sub.clone());
    while let Some(b) = staticbase.clone() {
        let generic = b
            .as_type()
            .is_some_and(|bt| bt.slots.is_generic(typeobj::SlotId::New));
        if !generic {
            break;
        }
        staticbase = b
            .as_type()
            .and_then(|bt| bt.bases.borrow().first().cloned());
    }
    let (Some(tt), Some(sb)) = (t.as_type(), staticbase.as_ref()) else {
        return Err(vm.type_error(format!("{}.__new__(): bad type", tname)));
    };
    let sbt = sb.as_type();
    let same = sbt.is_some_and(|s| s.slots.same(&tt.slots, typeobj::SlotId::New));
    if !same {
        return Err(vm.type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            tname,
            sname,
            type_name(sb)
        )));
    }
    let Some(new) = tt.slots.tp_new() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", tname)));
    };
    new(vm, Args::with_kw(&args.args[1..], args.kwnames))
}
