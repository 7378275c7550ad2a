//! `getset_descriptor` (`type.__dict__['__name__']`, `int.real`) and
//! `member_descriptor` (`function.__globals__`, a class's `__slots__`
//! entries): data descriptors computing an attribute of instances of their
//! class. CPython's members read a C struct field at an offset; here a
//! member is either a `GetSetDef` marked `member` or a `__slots__` cell.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::descr::{check_instance, doc_object, type_name, type_qualname};
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::spec::{GetSetDef, MethodDef, TypeSpec};
use crate::objects::typeobj::{slot, Layout};
use crate::vm::Vm;

/// What a getset or member descriptor reads and writes.
pub enum GetSetKind {
    /// A native getter/setter pair.
    Def(&'static GetSetDef),
    /// A `__slots__` entry: the instance's trailing cell at this index.
    Slot(usize),
}

/// A getset or member descriptor's data (CPython's `PyGetSetDescrObject`,
/// `PyMemberDescrObject`).
pub struct GetSetDescr {
    pub objclass: PyRef,
    /// The attribute name (a `str`).
    pub name: PyRef,
    pub kind: GetSetKind,
}

impl GetSetDescr {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        visit(&self.objclass);
        visit(&self.name);
    }

    fn name(&self) -> &str {
        self.name.as_str().unwrap_or("?")
    }
}

/// The descriptor for `def`, an attribute of instances of `ty`.
pub fn new_getset_descr(vm: &Vm, ty: &PyRef, def: &'static GetSetDef) -> PyRef {
    let t = if def.member {
        &vm.types.member_descriptor
    } else {
        &vm.types.getset_descriptor
    };
    PyRef::new(
        Payload::GetSetDescr(Box::new(GetSetDescr {
            objclass: ty.clone(),
            name: vm.intern(def.name),
            kind: GetSetKind::Def(def),
        })),
        t,
    )
}

/// The member descriptor of `__slots__` entry `name` (cell `index`).
pub fn new_slot_member(vm: &Vm, ty: &PyRef, name: &str, index: usize) -> PyRef {
    PyRef::new(
        Payload::GetSetDescr(Box::new(GetSetDescr {
            objclass: ty.clone(),
            name: vm.intern(name),
            kind: GetSetKind::Slot(index),
        })),
        &vm.types.member_descriptor,
    )
}

fn this(d: &PyRef) -> Option<&GetSetDescr> {
    match &d.payload {
        Payload::GetSetDescr(g) => Some(g),
        _ => None,
    }
}

fn bad_self(vm: &Vm) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        "getset descriptor slot called on another object".to_string(),
    )
}

fn is_member(vm: &Vm, d: &PyRef) -> bool {
    d.class().is(&vm.types.member_descriptor)
}

fn gs_repr(vm: &Vm, d: &PyRef) -> PyResult {
    let g = this(d).ok_or_else(|| bad_self(vm))?;
    let kind = if is_member(vm, d) {
        "member"
    } else {
        "attribute"
    };
    Ok(vm.new_string(format!(
        "<{} '{}' of '{}' objects>",
        kind,
        g.name(),
        type_name(&g.objclass)
    )))
}

fn gs_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    let g = this(d).ok_or_else(|| bad_self(vm))?;
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    check_instance(vm, g.name(), &g.objclass, obj)?;
    match &g.kind {
        GetSetKind::Def(def) => match def.get {
            Some(get) => get(vm, obj),
            None => Err(vm.attribute_error(format!(
                "attribute '{}' of '{}' objects is not readable",
                g.name(),
                type_name(&g.objclass)
            ))),
        },
        GetSetKind::Slot(i) => obj
            .cells()
            .get(*i)
            .and_then(crate::heap::cell_get)
            .ok_or_else(|| vm.no_attribute(obj, g.name())),
    }
}

fn gs_set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let g = this(d).ok_or_else(|| bad_self(vm))?;
    check_instance(vm, g.name(), &g.objclass, obj)?;
    match &g.kind {
        GetSetKind::Def(def) => match def.set {
            Some(set) => set(vm, obj, value),
            None if def.member => Err(vm.attribute_error("readonly attribute".to_string())),
            None => Err(vm.attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                g.name(),
                type_name(&g.objclass)
            ))),
        },
        GetSetKind::Slot(i) => {
            let Some(cell) = obj.cells().get(*i) else {
                return Err(vm.no_attribute(obj, g.name()));
            };
            if value.is_none() && crate::heap::cell_get(cell).is_none() {
                return Err(vm.attribute_error(g.name().to_string()));
            }
            drop(cell.replace(value));
            Ok(())
        }
    }
}

fn gs_objclass(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(this(d).ok_or_else(|| bad_self(vm))?.objclass.clone())
}

fn gs_name(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(this(d).ok_or_else(|| bad_self(vm))?.name.clone())
}

fn gs_qualname(vm: &Vm, d: &PyRef) -> PyResult {
    let g = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!("{}.{}", type_qualname(&g.objclass), g.name())))
}

fn gs_doc(vm: &Vm, d: &PyRef) -> PyResult {
    let g = this(d).ok_or_else(|| bad_self(vm))?;
    match &g.kind {
        GetSetKind::Def(def) => Ok(doc_object(vm, def.name, def.doc)),
        GetSetKind::Slot(_) => Ok(vm.none.clone()),
    }
}

/// `member.__reduce__()`: `(getattr, (objclass, name))`.
fn member_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let g = this(&a[0]).ok_or_else(|| bad_self(vm))?;
    let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
    let inner = vm.new_tuple(vec![g.objclass.clone(), g.name.clone()]);
    Ok(vm.new_tuple(vec![getattr, inner]))
}

const GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__objclass__", gs_objclass).member(),
    GetSetDef::new("__name__", gs_name).member(),
    GetSetDef::new("__doc__", gs_doc),
    GetSetDef::new("__qualname__", gs_qualname),
];

/// `tp_traverse`: `__objclass__`.
fn getset_descr_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::GetSetDescr(g) => g.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "getset_descriptor"),
    }
}

pub static GETSET_DESCRIPTOR_TYPE: TypeSpec = TypeSpec {
    name: "getset_descriptor",
    layout: Layout::Other,
    slots: &[
        slot::traverse(getset_descr_traverse),
        slot::repr(gs_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(gs_get),
        slot::descr_set(gs_set),
    ],
    getsets: GETSETS,
    ..TypeSpec::DEFAULT
};

pub static MEMBER_DESCRIPTOR_TYPE: TypeSpec = TypeSpec {
    name: "member_descriptor",
    layout: Layout::Other,
    slots: &[
        slot::traverse(getset_descr_traverse),
        slot::repr(gs_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(gs_get),
        slot::descr_set(gs_set),
    ],
    methods: &[MethodDef::method("__reduce__", member_reduce)],
    getsets: GETSETS,
    ..TypeSpec::DEFAULT
};
