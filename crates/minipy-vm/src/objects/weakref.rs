//! `weakref.ReferenceType`, `weakref.ProxyType` and
//! `weakref.CallableProxyType`: the objects of the `_weakref` module
//! (CPython's `Objects/weakrefobject.c`). The per-referent lists and the
//! clearing on death live in `heap::weakref`.

use std::cell::{Cell, RefCell};

use crate::heap::weakref::{self as wl, Position};
use crate::heap::{PyObject, PyRef, TYPE_WEAKREFABLE};
use crate::object::{Payload, PyResult, WeakKind, WeakRefData};
use crate::objects::function::{Args, NativeFn};
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

fn this<'a>(vm: &Vm, a: &'a [PyRef], what: &str) -> PyResult<&'a PyRef> {
    match a.first() {
        Some(w) if weak_data(w).is_some() => Ok(w),
        _ => Err(vm.type_error(format!("descriptor '{}' requires a weakref object", what))),
    }
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

fn ref_init(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

fn ref_call(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__call__", 1, 1)?;
    let w = this(vm, a, "__call__")?;
    Ok(wl::upgrade(w).unwrap_or_else(|| vm.none.clone()))
}

fn ref_hash(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__hash__", 1, 1)?;
    let w = this(vm, a, "__hash__")?;
    let Some(d) = weak_data(w) else {
        return Err(vm.type_error("bad weakref".to_string()));
    };
    if d.hash.get() != -1 {
        return Ok(vm.new_int(d.hash.get()));
    }
    match wl::upgrade(w) {
        Some(o) => {
            let h = vm.hash(&o)?;
            d.hash.set(h);
            Ok(vm.new_int(h))
        }
        None => Err(vm.type_error("weak object has gone away".to_string())),
    }
}

fn ref_richcompare(vm: &Vm, args: Args, eq: bool) -> PyResult {
    let a = args.check(vm, if eq { "__eq__" } else { "__ne__" }, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    if weak_data(y).is_none_or(|d| d.kind != WeakKind::Ref) {
        return Ok(vm.not_implemented.clone());
    }
    match (wl::upgrade(x), wl::upgrade(y)) {
        (Some(ox), Some(oy)) => {
            let r = vm.eq(&ox, &oy)?;
            Ok(vm.new_bool(r == eq))
        }
        _ => Ok(vm.new_bool(x.is(y) == eq)),
    }
}

fn ref_eq(vm: &Vm, args: Args) -> PyResult {
    ref_richcompare(vm, args, true)
}

fn ref_ne(vm: &Vm, args: Args) -> PyResult {
    ref_richcompare(vm, args, false)
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

fn ref_repr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let w = this(vm, a, "__repr__")?;
    Ok(vm.new_string(repr_string(vm, w)))
}

/// `__callback__` (also read by `weakref.finalize`).
pub fn weakref_attr(vm: &Vm, w: &PyObject, name: &str) -> Option<PyRef> {
    let d = weak_data(w)?;
    if d.kind != WeakKind::Ref {
        return None;
    }
    match name {
        "__callback__" => Some(wl::callback_of(w).unwrap_or_else(|| vm.none.clone())),
        _ => None,
    }
}

pub const REF_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", ref_init),
    ("__call__", ref_call),
    ("__hash__", ref_hash),
    ("__eq__", ref_eq),
    ("__ne__", ref_ne),
    ("__repr__", ref_repr),
];

// ----- proxies -------------------------------------------------------------------

/// The live referent of a proxy, or ReferenceError.
pub fn proxy_target(vm: &Vm, p: &PyObject) -> PyResult {
    wl::upgrade(p).ok_or_else(|| reference_error(vm))
}

pub fn is_proxy(obj: &PyObject) -> bool {
    weak_data(obj).is_some_and(|d| d.kind != WeakKind::Ref)
}

/// Proxy operands are replaced by their referents (`UNWRAP` in CPython).
fn unwrap(vm: &Vm, o: &PyRef) -> PyResult {
    if is_proxy(o) {
        proxy_target(vm, o)
    } else {
        Ok(o.clone())
    }
}

fn proxy_unary(vm: &Vm, args: Args, f: fn(&Vm, &PyRef) -> PyResult) -> PyResult {
    let a = args.pos();
    let Some(p) = a.first() else {
        return Err(vm.type_error("proxy method needs an argument".to_string()));
    };
    let t = proxy_target(vm, p)?;
    f(vm, &t)
}

fn proxy_repr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__repr__", 1, 1)?;
    Ok(vm.new_string(repr_string(vm, &a[0])))
}

fn proxy_str(vm: &Vm, args: Args) -> PyResult {
    proxy_unary(vm, args, |vm, t| vm.str(t))
}

fn proxy_bool(vm: &Vm, args: Args) -> PyResult {
    proxy_unary(vm, args, |vm, t| Ok(vm.new_bool(vm.truthy(t)?)))
}

fn proxy_len(vm: &Vm, args: Args) -> PyResult {
    proxy_unary(vm, args, |vm, t| Ok(vm.new_int(vm.len(t)? as i64)))
}

fn proxy_iter(vm: &Vm, args: Args) -> PyResult {
    proxy_unary(vm, args, |vm, t| vm.iter(t))
}

fn proxy_next(vm: &Vm, args: Args) -> PyResult {
    proxy_unary(vm, args, |vm, t| match vm.next(t)? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(&vm.exc.stop_iteration, String::new())),
    })
}

fn proxy_hash(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__hash__", 1, 1)?;
    Err(vm.type_error(format!("unhashable type: 'weakref.{}'", a[0].type_name())))
}

fn proxy_binary(vm: &Vm, args: Args, name: &str) -> PyResult {
    let a = args.check(vm, name, 2, 2)?;
    let x = unwrap(vm, &a[0])?;
    let y = unwrap(vm, &a[1])?;
    vm.call_method(&x, name, &[y])
}

fn proxy_getitem(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__getitem__", 2, 2)?;
    let t = proxy_target(vm, &a[0])?;
    vm.getitem(&t, &a[1])
}

fn proxy_setitem(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__setitem__", 3, 3)?;
    let t = proxy_target(vm, &a[0])?;
    vm.setitem(&t, &a[1], a[2].clone())?;
    Ok(vm.none.clone())
}

fn proxy_delitem(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__delitem__", 2, 2)?;
    let t = proxy_target(vm, &a[0])?;
    vm.delitem(&t, &a[1])?;
    Ok(vm.none.clone())
}

fn proxy_contains(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__contains__", 2, 2)?;
    let t = proxy_target(vm, &a[0])?;
    vm.call_method(&t, "__contains__", &a[1..])
}

fn proxy_call(vm: &Vm, args: Args) -> PyResult {
    let a = args.pos();
    let Some(p) = a.first() else {
        return Err(vm.type_error("proxy call needs the proxy".to_string()));
    };
    let t = proxy_target(vm, p)?;
    vm.call(&t, Args::with_kw(&args.args[1..], args.kwnames))
}

macro_rules! proxy_binops {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &Vm, args: Args) -> PyResult { proxy_binary(vm, args, $name) })*
        const PROXY_BINOPS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

proxy_binops! {
    p_eq => "__eq__", p_ne => "__ne__", p_lt => "__lt__", p_le => "__le__",
    p_gt => "__gt__", p_ge => "__ge__", p_add => "__add__", p_radd => "__radd__",
    p_sub => "__sub__", p_rsub => "__rsub__", p_mul => "__mul__", p_rmul => "__rmul__",
    p_truediv => "__truediv__", p_floordiv => "__floordiv__", p_mod => "__mod__",
    p_pow => "__pow__", p_and => "__and__", p_or => "__or__", p_xor => "__xor__",
    p_lshift => "__lshift__", p_rshift => "__rshift__",
    p_iadd => "__iadd__", p_isub => "__isub__", p_imul => "__imul__",
}

/// Proxy methods (the binary operators come from one table).
pub fn proxy_methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__bool__", proxy_bool),
        ("__len__", proxy_len),
        ("__iter__", proxy_iter),
        ("__next__", proxy_next),
        ("__hash__", proxy_hash),
        ("__getitem__", proxy_getitem),
        ("__setitem__", proxy_setitem),
        ("__delitem__", proxy_delitem),
        ("__contains__", proxy_contains),
    ];
    v.extend_from_slice(PROXY_BINOPS);
    v
}

pub const CALLABLE_PROXY_METHODS: &[(&str, NativeFn)] = &[("__call__", proxy_call)];
