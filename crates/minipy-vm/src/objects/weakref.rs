//! `weakref.ReferenceType`, `weakref.ProxyType` and
//! `weakref.CallableProxyType`: the objects of the `_weakref` module
//! (CPython's `Objects/weakrefobject.c`). The per-referent lists and the
//! clearing on death live in `heap::weakref`.

use std::cell::{Cell, RefCell};

use crate::heap::weakref::{self as wl, Position};
use crate::heap::{PyObject, PyRef, TYPE_WEAKREFABLE};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{Payload, WeakKind, WeakRefData};
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// Whether `obj` can be weakly referenced (CPython: `tp_weaklistoffset`).
pub fn supports_weakrefs(obj: &PyObject) -> bool {
    obj.class().has_flag(TYPE_WEAKREFABLE)
}

/// The static types whose instances are weakly referenceable.
pub fn mark_weakrefable_types(vm: &Vm) {
    let t = &vm.types;
    for ty in [
        &t.type_,
        &t.function,
        &t.builtin_function,
        &t.method,
        &t.set,
        &t.frozenset,
        &t.generator,
        &t.code,
        &t.module,
        &t.property,
    ] {
        ty.set_flag(TYPE_WEAKREFABLE, true);
    }
}

fn weak_data(obj: &PyObject) -> Option<&WeakRefData> {
    match &obj.payload {
        Payload::WeakRef(w) => Some(w),
        _ => None,
    }
}

pub fn reference_error(vm: &Vm) -> PyRef {
    let ty = vm
        .exc
        .all
        .iter()
        .find(|t| {
            t.as_type()
                .map(|d| &*d.name() == "ReferenceError")
                .unwrap_or(false)
        })
        .cloned()
        .unwrap_or_else(|| vm.exc.runtime_error.clone());
    vm.new_error(&ty, "weakly-referenced object no longer exists".to_string())
}

fn cannot_weakref(vm: &Vm, obj: &PyObject) -> PyRef {
    vm.type_error(format!(
        "cannot create weak reference to '{}' object",
        obj.type_name()
    ))
}

fn alloc(vm: &Vm, cls: &PyRef, kind: WeakKind, callback: Option<PyRef>) -> PyRef {
    let _ = vm;
    PyRef::new(
        Payload::WeakRef(Box::new(WeakRefData {
            callback: RefCell::new(callback),
            hash: Cell::new(-1),
            kind,
        })),
        cls,
    )
}

/// The existing callback-less weakref of exactly type `cls` and `kind` to
/// `referent` (shared, as CPython shares them), if any.
fn existing_basic(referent: &PyObject, cls: &PyRef, kind: WeakKind) -> Option<PyRef> {
    wl::refs_to(referent).into_iter().find(|w| {
        w.class().is(cls)
            && weak_data(w).is_some_and(|d| d.kind == kind && wl::callback_of(w).is_none())
    })
}

/// Position of a new weakref in the referent's list (CPython's
/// `insert_head`/`insert_after`): the shared basic ref first, then the
/// shared basic proxy, then weakrefs with callbacks, newest first.
fn position(referent: &PyObject, basic: bool, kind: WeakKind) -> Position {
    let refs = wl::refs_to(referent);
    let is_basic = |w: &PyRef, k: WeakKind| {
        wl::callback_of(w).is_none() && weak_data(w).is_some_and(|d| d.kind == k)
    };
    let has_ref = refs.first().is_some_and(|w| is_basic(w, WeakKind::Ref));
    if basic && kind == WeakKind::Ref {
        return Position::Head;
    }
    if basic {
        return Position::AfterBasic(usize::from(has_ref));
    }
    let after = usize::from(has_ref);
    let has_proxy = refs
        .get(after)
        .is_some_and(|w| is_basic(w, WeakKind::Proxy) || is_basic(w, WeakKind::CallableProxy));
    Position::AfterBasic(after + usize::from(has_proxy))
}

/// `weakref.ref(obj, callback=None)` with type `cls` (a subclass may be given).
pub fn new_ref(vm: &Vm, cls: &PyRef, referent: &PyRef, callback: Option<PyRef>) -> PyResult {
    if !supports_weakrefs(referent) {
        return Err(cannot_weakref(vm, referent));
    }
    let callback = callback.filter(|c| !c.is_none());
    let exact = cls.is(&vm.types.weakref);
    if callback.is_none() && exact {
        if let Some(w) = existing_basic(referent, cls, WeakKind::Ref) {
            return Ok(w);
        }
    }
    let basic = callback.is_none() && exact;
    let pos = position(referent, basic, WeakKind::Ref);
    let w = alloc(vm, cls, WeakKind::Ref, callback);
    wl::attach(referent, &w, pos);
    Ok(w)
}

/// A callback-less `weakref.ref` (used by `type.__subclasses__`).
pub fn new_plain_ref(vm: &Vm, referent: &PyRef) -> PyRef {
    match new_ref(vm, &vm.types.weakref, referent, None) {
        Ok(w) => w,
        Err(_) => alloc(vm, &vm.types.weakref, WeakKind::Ref, None),
    }
}

/// `weakref.proxy(obj, callback=None)`.
pub fn new_proxy(vm: &Vm, referent: &PyRef, callback: Option<PyRef>) -> PyResult {
    if !supports_weakrefs(referent) {
        return Err(cannot_weakref(vm, referent));
    }
    let callable = crate::builtins::attrs::is_callable(vm, referent);
    let (kind, cls) = if callable {
        (WeakKind::CallableProxy, &vm.types.weakcallableproxy)
    } else {
        (WeakKind::Proxy, &vm.types.weakproxy)
    };
    let callback = callback.filter(|c| !c.is_none());
    if callback.is_none() {
        if let Some(w) = existing_basic(referent, cls, kind) {
            return Ok(w);
        }
    }
    let pos = position(referent, callback.is_none(), kind);
    let w = alloc(vm, cls, kind, callback);
    wl::attach(referent, &w, pos);
    Ok(w)
}

/// Runs a weakref callback `cb(wr)`; an exception goes to
/// `sys.unraisablehook` ("Exception ignored in: <callback>").
pub fn invoke_callback(cb: &PyRef, wr: &PyRef) {
    crate::with_vm(|vm| {
        let saved = vm.handled_exception();
        if let Err(e) = vm.call_args(cb, std::slice::from_ref(wr)) {
            crate::traceback::write_unraisable(vm, &e, cb);
        }
        vm.set_handled_exception(saved);
    });
}

// ----- weakref.ref ------------------------------------------------------------

pub fn ref_new(vm: &Vm, args: Args) -> PyResult {
    let a = args.pos();
    let cls = a
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.weakref.clone());
    let rest = &a[a.len().min(1)..];
    // Like CPython, keywords are checked by __init__, after __new__ has
    // already refused a referent that cannot be weakly referenced.
    if !args.kwnames.is_empty() {
        if let Some(r) = rest.first() {
            if !supports_weakrefs(r) {
                return Err(cannot_weakref(vm, r));
            }
        }
        return Err(vm.type_error("ref() takes no keyword arguments".to_string()));
    }
    match rest.len() {
        0 => Err(vm.type_error("__new__ expected at least 1 argument, got 0".to_string())),
        1 | 2 => new_ref(vm, &cls, &rest[0], rest.get(1).cloned()),
        n => Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {}", n))),
    }
}

fn ref_init(_vm: &Vm, _w: &PyRef, _args: Args) -> PyResult<()> {
    Ok(())
}

fn data<'a>(vm: &Vm, w: &'a PyObject) -> PyResult<&'a WeakRefData> {
    weak_data(w).ok_or_else(|| {
        vm.new_error(
            &vm.exc.system_error,
            "weakref slot called on another object".to_string(),
        )
    })
}

/// `r()`: the referent, or None when it died.
fn ref_call(vm: &Vm, w: &PyRef, args: Args) -> PyResult {
    if !args.args.is_empty() {
        return Err(vm.type_error(format!(
            "weakref() takes no arguments ({} given)",
            args.args.len()
        )));
    }
    data(vm, w)?;
    Ok(wl::upgrade(w).unwrap_or_else(|| vm.none.clone()))
}

/// The referent's hash, remembered once computed (so it survives the
/// referent).
fn ref_hash(vm: &Vm, w: &PyRef) -> PyResult<i64> {
    let d = data(vm, w)?;
    if d.hash.get() != -1 {
        return Ok(d.hash.get());
    }
    match wl::upgrade(w) {
        Some(o) => {
            let h = vm.hash(&o)?;
            d.hash.set(h);
            Ok(h)
        }
        None => Err(vm.type_error("weak object has gone away".to_string())),
    }
}

/// Live references compare as their referents, dead ones by identity.
fn ref_richcompare(vm: &Vm, x: &PyRef, y: &PyRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || weak_data(y).is_none_or(|d| d.kind != WeakKind::Ref)
    {
        return Ok(vm.not_implemented.clone());
    }
    let eq = op == CompareOp::Eq;
    match (wl::upgrade(x), wl::upgrade(y)) {
        (Some(ox), Some(oy)) => vm.compare(&ox, &oy, op),
        _ => Ok(vm.new_bool(x.is(y) == eq)),
    }
}

/// The repr of a weakref or proxy (`<weakref at 0x..; to 'A' at 0x..>`).
pub fn repr_string(vm: &Vm, w: &PyRef) -> String {
    let proxy = is_proxy(w);
    let what = if proxy { "weakproxy" } else { "weakref" };
    match wl::upgrade(w) {
        None => format!("<{} at {:#x}; dead>", what, w.addr()),
        Some(o) => {
            let name = if proxy {
                None
            } else {
                vm.getattr_opt(&o, &vm.intern("__name__"))
                    .ok()
                    .flatten()
                    .and_then(|n| n.as_str().map(|s| s.to_string()))
            };
            match name {
                Some(n) => format!(
                    "<{} at {:#x}; to '{}' at {:#x} ({})>",
                    what,
                    w.addr(),
                    o.type_name(),
                    o.addr(),
                    n
                ),
                None => format!(
                    "<{} at {:#x}; to '{}' at {:#x}>",
                    what,
                    w.addr(),
                    o.type_name(),
                    o.addr()
                ),
            }
        }
    }
}

fn ref_repr(vm: &Vm, w: &PyRef) -> PyResult {
    Ok(vm.new_string(repr_string(vm, w)))
}

fn get_callback(vm: &Vm, w: &PyRef) -> PyResult {
    data(vm, w)?;
    Ok(wl::callback_of(w).unwrap_or_else(|| vm.none.clone()))
}

/// `ref.__class_getitem__` (PEP 585).
fn ref_class_getitem(vm: &Vm, args: Args) -> PyResult {
    crate::objects::genericalias::class_getitem(vm, args)
}

/// `tp_traverse` of references and proxies: the callback (the referent
/// is not owned).
pub(crate) fn weakref_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::WeakRef(w) => crate::object::visit_opt(&w.callback, visit),
        _ => crate::object::wrong_layout(obj, "weakref"),
    }
}

/// `tp_clear`: drops the callback.
pub(crate) fn weakref_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::WeakRef(w) => crate::object::take_opt(&w.callback, dead),
        _ => crate::object::wrong_layout(obj, "weakref"),
    }
}

pub static REF_TYPE: TypeSpec = TypeSpec {
    name: "weakref.ReferenceType",
    doc: None,
    layout: Layout::WeakRef,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC,
    slots: &[
        slot::traverse(weakref_traverse),
        slot::clear(weakref_clear),
        slot::repr(ref_repr),
        slot::hash(ref_hash),
        slot::call(ref_call),
        slot::richcompare(ref_richcompare),
        slot::init(ref_init),
        slot::tp_new(ref_new),
    ],
    methods: &[MethodDef::class("__class_getitem__", ref_class_getitem).doc("See PEP 585")],
    getsets: &[GetSetDef::new("__callback__", get_callback).member()],
};

// ----- proxies -------------------------------------------------------------------

/// The live referent of a proxy, or ReferenceError.
pub fn proxy_target(vm: &Vm, p: &PyObject) -> PyResult {
    wl::upgrade(p).ok_or_else(|| reference_error(vm))
}

pub fn is_proxy(obj: &PyObject) -> bool {
    weak_data(obj).is_some_and(|d| d.kind != WeakKind::Ref)
}
