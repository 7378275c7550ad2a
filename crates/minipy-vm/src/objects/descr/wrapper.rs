//! `wrapper_descriptor` (a *slot wrapper*: `int.__dict__['__add__']`, the
//! Python face of a type's `nb_add` slot) and `method-wrapper` (one bound
//! to an object: `(1).__add__`). Both call the slot through the wrapper
//! kind of its `slotdefs` entry.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::descr::{
    check_instance, doc_object, text_signature_object, type_name, type_qualname,
};
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::slotdefs::{call_wrapper, SLOTDEFS};
use crate::objects::typeobj::slots::SlotFn;
use crate::objects::typeobj::spec::{GetSetDef, MethodDef, TypeSpec};
use crate::objects::typeobj::{slot, tpflags, Layout};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A slot wrapper's data (CPython's `PyWrapperDescrObject`).
pub struct WrapperDescr {
    /// The type whose slot this wraps (`__objclass__`).
    pub objclass: PyRef,
    /// Index of its entry in `SLOTDEFS` (`d_base`).
    pub def: usize,
    /// The slot function (`d_wrapped`).
    pub wrapped: SlotFn,
    /// The slot's origin in `objclass` (see `Slots::origin`).
    pub origin: usize,
}

/// The slot wrapper for `SLOTDEFS[def]` of `ty`'s slot function `f`.
pub fn new_wrapper_descr(vm: &Vm, ty: &PyRef, def: usize, f: SlotFn, origin: usize) -> PyRef {
    PyRef::new(
        Payload::WrapperDescr(Box::new(WrapperDescr {
            objclass: ty.clone(),
            def,
            wrapped: f,
            origin,
        })),
        &vm.types.wrapper_descriptor,
    )
}

fn this(d: &PyRef) -> Option<&WrapperDescr> {
    match &d.payload {
        Payload::WrapperDescr(w) => Some(w),
        _ => None,
    }
}

fn bad_self(vm: &Vm) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        "slot wrapper called on another object".to_string(),
    )
}

/// Whether `f` is `object.__getattribute__` (the generic lookup).
pub fn is_object_getattribute(vm: &Vm, f: &PyRef) -> bool {
    this(f).is_some_and(|w| {
        w.objclass.is(&vm.types.object) && SLOTDEFS[w.def].name == "__getattribute__"
    })
}

fn name_of(w: &WrapperDescr) -> &'static str {
    SLOTDEFS[w.def].name
}

fn wd_repr(vm: &Vm, d: &PyRef) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!(
        "<slot wrapper '{}' of '{}' objects>",
        name_of(w),
        type_name(&w.objclass)
    )))
}

fn wd_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    let Some(obj) = obj else {
        return Ok(d.clone());
    };
    check_instance(vm, name_of(w), &w.objclass, obj)?;
    Ok(PyRef::new(
        Payload::MethodWrapper {
            descr: d.clone(),
            self_: obj.clone(),
        },
        &vm.types.method_wrapper,
    ))
}

/// `int.__add__(1, 2)`.
fn wd_call(vm: &Vm, d: &PyRef, args: Args) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    let pos = args.pos();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            name_of(w),
            type_name(&w.objclass)
        )));
    };
    if !crate::objects::typeobj::is_subtype(first.class(), &w.objclass) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            name_of(w),
            type_name(&w.objclass),
            first.type_name()
        )));
    }
    call_wrapper(
        vm,
        w.def,
        w.wrapped,
        first,
        Args::with_kw(&args.args[1..], args.kwnames),
    )
}

fn wd_objclass(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(this(d).ok_or_else(|| bad_self(vm))?.objclass.clone())
}

fn wd_name(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(vm.new_str(name_of(this(d).ok_or_else(|| bad_self(vm))?)))
}

fn wd_qualname(vm: &Vm, d: &PyRef) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!("{}.{}", type_qualname(&w.objclass), name_of(w))))
}

fn wd_doc(vm: &Vm, d: &PyRef) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(doc_object(vm, name_of(w), Some(SLOTDEFS[w.def].doc)))
}

fn wd_text_signature(vm: &Vm, d: &PyRef) -> PyResult {
    let w = this(d).ok_or_else(|| bad_self(vm))?;
    Ok(text_signature_object(
        vm,
        name_of(w),
        Some(SLOTDEFS[w.def].doc),
    ))
}

fn wd_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let w = this(&a[0]).ok_or_else(|| bad_self(vm))?;
    let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
    let inner = vm.new_tuple(vec![w.objclass.clone(), vm.new_str(name_of(w))]);
    Ok(vm.new_tuple(vec![getattr, inner]))
}

/// `tp_traverse`: `__objclass__`.
fn wd_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::WrapperDescr(w) => visit.visit(&w.objclass),
        _ => crate::object::wrong_layout(obj, "wrapper_descriptor"),
    }
}

/// `tp_traverse`: the descriptor and `__self__`.
fn mw_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::MethodWrapper { descr, self_ } => {
            visit.visit(descr);
            visit.visit(self_);
        }
        _ => crate::object::wrong_layout(obj, "method-wrapper"),
    }
}

pub static WRAPPER_DESCRIPTOR_TYPE: TypeSpec = TypeSpec {
    name: "wrapper_descriptor",
    layout: Layout::Other,
    flags: tpflags::METHOD_DESCRIPTOR,
    slots: &[
        slot::traverse(wd_traverse),
        slot::repr(wd_repr),
        slot::call(wd_call),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(wd_get),
    ],
    methods: &[MethodDef::method("__reduce__", wd_reduce)],
    getsets: &[
        GetSetDef::new("__objclass__", wd_objclass).member(),
        GetSetDef::new("__name__", wd_name).member(),
        GetSetDef::new("__doc__", wd_doc),
        GetSetDef::new("__qualname__", wd_qualname),
        GetSetDef::new("__text_signature__", wd_text_signature),
    ],
    ..TypeSpec::DEFAULT
};

/// `(descriptor, self)` of a method-wrapper.
fn bound(o: &PyRef) -> Option<(&WrapperDescr, &PyRef)> {
    match &o.payload {
        Payload::MethodWrapper { descr, self_ } => this(descr).map(|w| (w, self_)),
        _ => None,
    }
}

fn mw_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let (w, s) = bound(o).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        name_of(w),
        s.type_name(),
        s.addr()
    )))
}

fn mw_call(vm: &Vm, o: &PyRef, args: Args) -> PyResult {
    let (w, s) = bound(o).ok_or_else(|| bad_self(vm))?;
    call_wrapper(vm, w.def, w.wrapped, s, args)
}

/// Equal when bound to the same object through the same slot wrapper.
fn mw_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some((_, sa)), Some((_, sb))) = (bound(a), bound(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let same_descr = match (&a.payload, &b.payload) {
        (Payload::MethodWrapper { descr: x, .. }, Payload::MethodWrapper { descr: y, .. }) => {
            x.is(y)
        }
        _ => false,
    };
    let eq = same_descr && sa.is(sb);
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn mw_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let Payload::MethodWrapper { descr, self_ } = &o.payload else {
        return Err(bad_self(vm));
    };
    let h = vm.hash(self_)? ^ crate::protocol::ops::pointer_hash(descr);
    Ok(if h == -1 { -2 } else { h })
}

fn mw_self(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(bound(o).ok_or_else(|| bad_self(vm))?.1.clone())
}

fn mw_objclass(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(bound(o).ok_or_else(|| bad_self(vm))?.0.objclass.clone())
}

fn mw_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_str(name_of(bound(o).ok_or_else(|| bad_self(vm))?.0)))
}

fn mw_qualname(vm: &Vm, o: &PyRef) -> PyResult {
    let (w, _) = bound(o).ok_or_else(|| bad_self(vm))?;
    Ok(vm.new_string(format!("{}.{}", type_qualname(&w.objclass), name_of(w))))
}

fn mw_doc(vm: &Vm, o: &PyRef) -> PyResult {
    let (w, _) = bound(o).ok_or_else(|| bad_self(vm))?;
    Ok(doc_object(vm, name_of(w), Some(SLOTDEFS[w.def].doc)))
}

fn mw_text_signature(vm: &Vm, o: &PyRef) -> PyResult {
    let (w, _) = bound(o).ok_or_else(|| bad_self(vm))?;
    Ok(text_signature_object(
        vm,
        name_of(w),
        Some(SLOTDEFS[w.def].doc),
    ))
}

/// `__reduce__`: `(getattr, (self, name))`.
fn mw_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let (w, s) = bound(&a[0]).ok_or_else(|| bad_self(vm))?;
    let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
    let inner = vm.new_tuple(vec![s.clone(), vm.new_str(name_of(w))]);
    Ok(vm.new_tuple(vec![getattr, inner]))
}

pub static METHOD_WRAPPER_TYPE: TypeSpec = TypeSpec {
    name: "method-wrapper",
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::traverse(mw_traverse),
        slot::repr(mw_repr),
        slot::hash(mw_hash),
        slot::call(mw_call),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(mw_richcompare),
    ],
    methods: &[MethodDef::method("__reduce__", mw_reduce)],
    getsets: &[
        GetSetDef::new("__self__", mw_self).member(),
        GetSetDef::new("__objclass__", mw_objclass),
        GetSetDef::new("__name__", mw_name),
        GetSetDef::new("__qualname__", mw_qualname),
        GetSetDef::new("__doc__", mw_doc),
        GetSetDef::new("__text_signature__", mw_text_signature),
    ],
    ..TypeSpec::DEFAULT
};
