//! `type`'s methods: `type(name, bases, dict)`, `__build_class__`,
//! `mro()`, `__subclasses__`, `__instancecheck__`.

use crate::frame::Frame;
use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, new_type, slot, tpflags, MethodDef, TypeSpec};
use crate::vm::Vm;

/// `type.__new__(meta, name, bases, ns)` and `type(obj)`.
pub fn type_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() == 2 && pos[0].is(&vm.types.type_) {
        return Ok(pos[1].class().clone());
    }
    if pos.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments".to_string()));
    }
    let meta = &pos[0];
    let Some(name) = pos[1].as_str() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            pos[1].type_name()
        )));
    };
    let Some(bases) = pos[2].as_tuple() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            pos[2].type_name()
        )));
    };
    if !matches!(pos[3].payload, Payload::Dict(_)) {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            pos[3].type_name()
        )));
    }
    // The most derived metaclass of the bases takes over when it has a
    // `__new__` of its own (CPython's `type_new`).
    let winner = calculate_metaclass(vm, meta, bases)?;
    if !winner.is(meta) {
        let own_new = winner.as_type().is_some_and(|w| {
            w.slots.is_generic(super::SlotId::New)
                || w.slots.origin(super::SlotId::New) != vm.types.type_.addr()
        });
        if own_new {
            if let Some(new) = winner.as_type().and_then(|w| w.slots.tp_new()) {
                let mut v = vec![winner.clone()];
                v.extend_from_slice(&args.args[1..]);
                return new(vm, Args::with_kw(&v, args.kwnames));
            }
        }
    }
    let meta = &winner;
    let bases: Vec<PyRef> = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases.to_vec()
    };
    let ns = vm.new_dict();
    dict::merge(vm, &ns, &pos[3])?;
    if dict::get_str(vm, &ns, &vm.intern("__module__")).is_none() {
        let g = vm.thread.current_frame().map(|f| f.globals.clone());
        if let Some(m) = g.and_then(|g| dict::get_str(vm, &g, &vm.intern("__name__"))) {
            dict::set_str(vm, &ns, vm.intern("__module__"), m);
        }
    }
    // Implicit static/class methods.
    for (name, wrap_static) in [
        ("__new__", true),
        ("__init_subclass__", false),
        ("__class_getitem__", false),
    ] {
        let key = vm.intern(name);
        if let Some(f) = dict::get_str(vm, &ns, &key) {
            if matches!(f.payload, Payload::Function(_)) {
                let w = if wrap_static {
                    PyRef::new(Payload::StaticMethod(f), &vm.types.staticmethod)
                } else {
                    PyRef::new(Payload::ClassMethod(f), &vm.types.classmethod)
                };
                dict::set_str(vm, &ns, key, w);
            }
        }
    }
    // __eq__ without __hash__ makes instances unhashable.
    if dict::get_str(vm, &ns, &vm.intern("__eq__")).is_some()
        && dict::get_str(vm, &ns, &vm.intern("__hash__")).is_none()
    {
        dict::set_str(vm, &ns, vm.intern("__hash__"), vm.none.clone());
    }
    let ty = new_type(vm, meta, name, bases.clone(), ns.clone())?;
    // __set_name__ on descriptors.
    for (k, v) in dict::items(&ns) {
        if let Some(sn) = vm.lookup_special(&v, "__set_name__") {
            if !matches!(v.payload, Payload::Function(_)) {
                vm.call_args(&sn, &[v.clone(), ty.clone(), k.clone()])?;
            }
        }
    }
    // __init_subclass__ of the parent.
    let sup = PyRef::new(
        Payload::Super {
            ty: ty.clone(),
            obj: Some(ty.clone()),
            obj_type: Some(ty.clone()),
        },
        &vm.types.super_,
    );
    if let Some(init_sub) = vm.getattr_opt(&sup, &vm.intern("__init_subclass__"))? {
        let kwvals: Vec<PyRef> = args.kwargs().map(|(_, v)| v.clone()).collect();
        let kwnames: Vec<PyRef> = args.kwargs().map(|(n, _)| vm.new_str(n)).collect();
        vm.call(&init_sub, Args::with_kw(&kwvals, &kwnames))?;
    }
    Ok(ty)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments".to_string()));
    }
    let func = &pos[0];
    let Payload::Function(fd) = &func.payload else {
        return Err(vm.type_error("__build_class__: func must be a function".to_string()));
    };
    let name = pos[1].clone();
    let bases: Vec<PyRef> = pos[2..].to_vec();
    let mut meta: Option<PyRef> = None;
    let mut kwnames = Vec::new();
    let mut kwvals = Vec::new();
    for (k, v) in args.kwargs() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwnames.push(vm.new_str(k));
            kwvals.push(v.clone());
        }
    }
    let meta = match meta {
        Some(m) if m.as_type().is_some() => calculate_metaclass(vm, &m, &bases)?,
        Some(m) => m,
        None => calculate_metaclass(vm, &vm.types.type_, &bases)?,
    };
    for b in &bases {
        if b.as_type().is_none() {
            return Err(vm.type_error("bases must be types".to_string()));
        }
    }
    let ns = match vm.getattr_opt(&meta, &vm.intern("__prepare__"))? {
        Some(p)
            if !matches!(
                p.payload,
                Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
            ) =>
        {
            let mut a = vec![name.clone(), vm.new_tuple(bases.clone())];
            a.extend(kwvals.iter().cloned());
            vm.call(&p, Args::with_kw(&a, &kwnames))?
        }
        _ => vm.new_dict(),
    };
    // Run the class body with `ns` as its locals.
    let frame = Frame::new(
        vm,
        fd.code.clone(),
        Some(func.clone()),
        fd.globals.clone(),
        fd.builtins.clone(),
        Some(ns.clone()),
    );
    vm.run_frame(frame)?;
    let mut margs = vec![name, vm.new_tuple(bases), ns.clone()];
    margs.extend(kwvals);
    let cls = vm.call(&meta, Args::with_kw(&margs, &kwnames))?;
    if let Some(cell) = dict::get_item(vm, &ns, &vm.intern("__classcell__"))? {
        if let Payload::Cell(c) = &cell.payload {
            let old = c.replace(Some(cls.clone()));
            drop(old);
        }
    }
    Ok(cls)
}

fn type_mro(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "mro", 1, 1)?;
    match a[0].as_type() {
        Some(t) => Ok(vm.new_list(t.mro.borrow().clone())),
        None => Err(vm.type_error("descriptor 'mro' requires a 'type' object".to_string())),
    }
}

fn type_instancecheck(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__instancecheck__", 2, 2)?;
    Ok(vm.new_bool(typeobj::is_subtype(a[1].class(), &a[0])))
}

fn type_subclasscheck(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__subclasscheck__", 2, 2)?;
    Ok(vm.new_bool(typeobj::is_subtype(&a[1], &a[0])))
}

/// `type.__repr__`: `<class 'module.Qualname'>` (no module for
/// built-ins).
fn type_repr(vm: &Vm, ty: &PyRef) -> PyResult {
    let Some(t) = ty.as_type() else {
        return Ok(vm.new_string(vm.default_repr(ty)));
    };
    let module = vm
        .getattr_opt(ty, &vm.intern("__module__"))?
        .filter(|m| m.as_str().is_some_and(|s| s != "builtins"));
    Ok(vm.new_string(match module {
        Some(m) => format!(
            "<class '{}.{}'>",
            m.as_str().unwrap_or_default(),
            t.qualname.borrow()
        ),
        None => format!("<class '{}'>", t.qualname.borrow()),
    }))
}

fn type_subclasses(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__subclasses__", 1, 1)?;
    match a[0].as_type() {
        Some(t) => Ok(vm.new_list(
            t.subclasses
                .borrow()
                .iter()
                .filter_map(|w| crate::heap::weakref::upgrade(w))
                .collect(),
        )),
        None => {
            Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object".to_string()))
        }
    }
}

fn type_prepare(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_dict())
}

/// `type.__init__`: 1 or 3 arguments; keywords only with 3.
fn type_init(vm: &Vm, _obj: &PyRef, args: Args) -> PyResult<()> {
    let n = args.pos().len();
    if n == 1 && args.has_kwargs() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments".to_string()));
    }
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments".to_string()));
    }
    Ok(())
}

/// `type.__or__` (`_Py_union_type_or`): `int | str` builds a
/// `types.UnionType`.
fn type_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let unionable = |o: &PyRef| o.as_type().is_some() || o.is_none();
    if !unionable(a) || !unionable(b) {
        return Ok(vm.not_implemented.clone());
    }
    crate::objects::genericalias::call_prelude(vm, "_union", &[a.clone(), b.clone()])
}

/// `type.__dir__`: the names of the class and of its bases.
fn type_dir(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__dir__", 1, 1)?;
    let mut names: Vec<PyRef> = Vec::new();
    if let Some(t) = a[0].as_type() {
        for base in t.mro.borrow().iter() {
            if let Some(bt) = base.as_type() {
                for k in dict::keys(&bt.dict) {
                    if !names.iter().any(|n| n.as_str() == k.as_str()) {
                        names.push(k);
                    }
                }
            }
        }
    }
    Ok(vm.new_list(names))
}

fn type_sizeof(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(&a[0]) as i64))
}

fn type_getattro_slot(vm: &Vm, ty: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    vm.type_getattro(ty, name)
}

fn type_setattro_slot(vm: &Vm, ty: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    vm.type_setattro(ty, name, v)
}

/// `tp_traverse` (`type_traverse`).
fn type_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Type(t) => t.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "type"),
    }
}

/// `tp_clear` (`type_clear`).
fn type_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Type(t) => t.clear(dead),
        _ => crate::object::wrong_layout(obj, "type"),
    }
}

pub static TYPE_TYPE: TypeSpec = TypeSpec {
    name: "type",
    doc: Some("type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"),
    layout: typeobj::Layout::Type,
    flags: tpflags::BASETYPE | tpflags::TYPE_SUBCLASS,
    slots: &[
        slot::traverse(type_traverse),
        slot::clear(type_clear),
        slot::repr(type_repr),
        slot::call(crate::protocol::call::type_call_slot),
        slot::getattro(type_getattro_slot),
        slot::setattro(type_setattro_slot),
        slot::init(type_init),
        slot::tp_new(type_new),
        slot::nb_or(type_or),
    ],
    methods: &[
        MethodDef::method("mro", type_mro)
            .doc("mro($self, /)\n--\n\nReturn a type's method resolution order."),
        MethodDef::method("__subclasses__", type_subclasses)
            .doc("__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."),
        MethodDef::class("__prepare__", type_prepare)
            .doc("__prepare__() -> dict\nused to create the namespace for the class statement"),
        MethodDef::method("__instancecheck__", type_instancecheck)
            .doc("__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."),
        MethodDef::method("__subclasscheck__", type_subclasscheck)
            .doc("__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."),
        MethodDef::method("__dir__", type_dir)
            .doc("__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."),
        MethodDef::method("__sizeof__", type_sizeof)
            .doc("__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."),
    ],
    getsets: super::getsets::TYPE_GETSETS,
};

/// CPython's `_PyType_CalculateMetaclass`: the most derived of `meta` and
/// the metaclasses of `bases`.
pub fn calculate_metaclass(vm: &Vm, meta: &PyRef, bases: &[PyRef]) -> PyResult<PyRef> {
    let mut winner = meta.clone();
    for b in bases {
        let bm = b.class();
        if typeobj::is_subtype(&winner, bm) {
            continue;
        }
        if typeobj::is_subtype(bm, &winner) {
            winner = bm.clone();
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases".to_string(),
        ));
    }
    Ok(winner)
}
