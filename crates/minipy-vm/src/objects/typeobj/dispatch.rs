//! The dispatchers a class statement puts in the slots of a class that
//! defines special methods in Python (CPython's `slot_*` functions in
//! `typeobject.c`): each looks the dunder up on the object's type and
//! calls it, checking the result as CPython does.
//!
//! `slotdefs::update_one_slot` installs them; `Slots::is_generic` tells
//! that a slot holds one (the binary dispatchers need to know whether the
//! *other* operand's type dispatches to Python too, as `SLOT1BINFULL`).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::slots::SlotId;
use crate::objects::typeobj::{self, tpflags};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// CPython's `lookup_maybe_method`: the special method `name` of `obj`'s
/// type, ready to call. `(f, true)`: call `f` with `obj` prepended (a plain
/// function or method descriptor, not bound, as CPython avoids the bound
/// method); `(f, false)`: call `f` as it is.
pub fn lookup_maybe_method(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult<Option<(PyRef, bool)>> {
    let ty = obj.class();
    let Some(f) = typeobj::lookup(vm, ty, name) else {
        return Ok(None);
    };
    let ft = f.class();
    if typeobj::has_flag(ft, tpflags::METHOD_DESCRIPTOR) {
        return Ok(Some((f, true)));
    }
    match ft.as_type().and_then(|t| t.slots.descr_get()) {
        Some(get) => Ok(Some((get(vm, &f, Some(obj), Some(ty))?, false))),
        None => Ok(Some((f, false))),
    }
}

/// Calls what `lookup_maybe_method` found.
pub fn call_unbound(vm: &Vm, f: &PyRef, unbound: bool, obj: &PyRef, args: &[PyRef]) -> PyResult {
    if unbound {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(obj.clone());
        v.extend_from_slice(args);
        vm.call_args(f, &v)
    } else {
        vm.call_args(f, args)
    }
}

/// CPython's `vectorcall_method`: `type(obj).name(obj, *args)`; the
/// method must exist (AttributeError carrying the name otherwise).
pub fn call_method(vm: &Vm, obj: &PyRef, name: &'static str, args: &[PyRef]) -> PyResult {
    let key = vm.intern_static(name);
    match lookup_maybe_method(vm, obj, &key)? {
        Some((f, unbound)) => call_unbound(vm, &f, unbound, obj, args),
        None => Err(vm.new_exception(&vm.exc.attribute_error, vec![key])),
    }
}

/// CPython's `vectorcall_maybe`: NotImplemented when the type lacks `name`.
fn call_maybe(vm: &Vm, obj: &PyRef, name: &'static str, args: &[PyRef]) -> PyResult {
    let key = vm.intern_static(name);
    match lookup_maybe_method(vm, obj, &key)? {
        Some((f, unbound)) => call_unbound(vm, &f, unbound, obj, args),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn slots_of(obj: &PyRef) -> Option<&typeobj::slots::Slots> {
    obj.class().as_type().map(|t| &t.slots)
}

/// CPython's `method_is_overloaded`: whether `type(right).name` is not
/// `type(left).name`.
fn method_is_overloaded(vm: &Vm, left: &PyRef, right: &PyRef, name: &'static str) -> bool {
    let key = vm.intern_static(name);
    match typeobj::lookup(vm, right.class(), &key) {
        None => false,
        Some(b) => match typeobj::lookup(vm, left.class(), &key) {
            None => true,
            Some(a) => !a.is(&b),
        },
    }
}

/// CPython's `SLOT1BINFULL`: the dispatcher of a binary number slot.
/// `a` or `b` (or both) has this dispatcher in slot `id`.
fn binary(
    vm: &Vm,
    a: &PyRef,
    b: &PyRef,
    id: SlotId,
    name: &'static str,
    rname: &'static str,
) -> PyResult {
    let same_type = a.class().is(b.class());
    let mut do_other = !same_type && slots_of(b).is_some_and(|s| s.is_generic(id));
    if slots_of(a).is_some_and(|s| s.is_generic(id)) {
        if do_other
            && typeobj::is_subtype(b.class(), a.class())
            && method_is_overloaded(vm, a, b, rname)
        {
            let r = call_maybe(vm, b, rname, std::slice::from_ref(a))?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(vm, a, name, std::slice::from_ref(b))?;
        if !r.is(&vm.not_implemented) || same_type {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(vm, b, rname, std::slice::from_ref(a));
    }
    Ok(vm.not_implemented.clone())
}

pub fn slot_nb_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbAdd, "__add__", "__radd__")
}
pub fn slot_nb_subtract(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbSubtract, "__sub__", "__rsub__")
}
pub fn slot_nb_multiply(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbMultiply, "__mul__", "__rmul__")
}
pub fn slot_nb_remainder(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbRemainder, "__mod__", "__rmod__")
}
pub fn slot_nb_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbDivmod, "__divmod__", "__rdivmod__")
}
pub fn slot_nb_lshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbLshift, "__lshift__", "__rlshift__")
}
pub fn slot_nb_rshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbRshift, "__rshift__", "__rrshift__")
}
pub fn slot_nb_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbAnd, "__and__", "__rand__")
}
pub fn slot_nb_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbXor, "__xor__", "__rxor__")
}
pub fn slot_nb_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(vm, a, b, SlotId::NbOr, "__or__", "__ror__")
}
pub fn slot_nb_floor_divide(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(
        vm,
        a,
        b,
        SlotId::NbFloorDivide,
        "__floordiv__",
        "__rfloordiv__",
    )
}
pub fn slot_nb_true_divide(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(
        vm,
        a,
        b,
        SlotId::NbTrueDivide,
        "__truediv__",
        "__rtruediv__",
    )
}
pub fn slot_nb_matrix_multiply(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binary(
        vm,
        a,
        b,
        SlotId::NbMatrixMultiply,
        "__matmul__",
        "__rmatmul__",
    )
}

/// `slot_nb_power`: the binary form dispatches as the other operators; a
/// three-argument `pow` calls `__pow__` of `a` only.
pub fn slot_nb_power(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    if m.is_none() {
        return binary(vm, a, b, SlotId::NbPower, "__pow__", "__rpow__");
    }
    if slots_of(a).is_some_and(|s| s.is_generic(SlotId::NbPower)) {
        return call_method(vm, a, "__pow__", &[b.clone(), m.clone()]);
    }
    Ok(vm.not_implemented.clone())
}

fn inplace(vm: &Vm, a: &PyRef, b: &PyRef, name: &'static str) -> PyResult {
    call_method(vm, a, name, std::slice::from_ref(b))
}

pub fn slot_nb_inplace_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__iadd__")
}
pub fn slot_nb_inplace_subtract(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__isub__")
}
pub fn slot_nb_inplace_multiply(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__imul__")
}
pub fn slot_nb_inplace_remainder(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__imod__")
}
pub fn slot_nb_inplace_lshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__ilshift__")
}
pub fn slot_nb_inplace_rshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__irshift__")
}
pub fn slot_nb_inplace_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__iand__")
}
pub fn slot_nb_inplace_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__ixor__")
}
pub fn slot_nb_inplace_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__ior__")
}
pub fn slot_nb_inplace_floor_divide(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__ifloordiv__")
}
pub fn slot_nb_inplace_true_divide(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__itruediv__")
}
pub fn slot_nb_inplace_matrix_multiply(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    inplace(vm, a, b, "__imatmul__")
}
/// `slot_nb_inplace_power`: `__ipow__` takes no modulus.
pub fn slot_nb_inplace_power(vm: &Vm, a: &PyRef, b: &PyRef, _m: &PyRef) -> PyResult {
    inplace(vm, a, b, "__ipow__")
}

pub fn slot_nb_negative(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__neg__", &[])
}
pub fn slot_nb_positive(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__pos__", &[])
}
pub fn slot_nb_absolute(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__abs__", &[])
}
pub fn slot_nb_invert(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__invert__", &[])
}
pub fn slot_nb_int(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__int__", &[])
}
pub fn slot_nb_float(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__float__", &[])
}
pub fn slot_nb_index(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__index__", &[])
}
pub fn slot_am_await(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__await__", &[])
}
pub fn slot_am_aiter(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__aiter__", &[])
}
pub fn slot_am_anext(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__anext__", &[])
}

/// `slot_nb_bool`: `__bool__` must return a bool; without one, `__len__`.
pub fn slot_nb_bool(vm: &Vm, a: &PyRef) -> PyResult<bool> {
    let (f, unbound, using_len) = match lookup_maybe_method(vm, a, &vm.intern_static("__bool__"))? {
        Some((f, u)) => (f, u, false),
        None => match lookup_maybe_method(vm, a, &vm.intern_static("__len__"))? {
            Some((f, u)) => (f, u, true),
            None => return Ok(true),
        },
    };
    let v = call_unbound(vm, &f, unbound, a, &[])?;
    if using_len {
        return vm.truthy(&v);
    }
    if v.class().is(&vm.types.bool) {
        return vm.truthy(&v);
    }
    Err(vm.type_error(format!(
        "__bool__ should return bool, returned {}",
        v.type_name()
    )))
}

pub fn slot_tp_repr(vm: &Vm, a: &PyRef) -> PyResult {
    match lookup_maybe_method(vm, a, &vm.intern_static("__repr__"))? {
        Some((f, unbound)) => call_unbound(vm, &f, unbound, a, &[]),
        None => Ok(vm.new_string(vm.default_repr(a))),
    }
}

pub fn slot_tp_str(vm: &Vm, a: &PyRef) -> PyResult {
    call_method(vm, a, "__str__", &[])
}

/// `slot_tp_hash`: `__hash__` must return an int; one outside the hash
/// range is hashed again as an int, and -1 becomes -2.
pub fn slot_tp_hash(vm: &Vm, a: &PyRef) -> PyResult<i64> {
    let found = lookup_maybe_method(vm, a, &vm.intern_static("__hash__"))?;
    let Some((f, unbound)) = found.filter(|(f, _)| !f.is_none()) else {
        return crate::protocol::ops::hash_not_implemented(vm, a);
    };
    let r = call_unbound(vm, &f, unbound, a, &[])?;
    match &r.payload {
        Payload::Int(i) => Ok(if *i == -1 { -2 } else { *i }),
        Payload::BigInt(_) => crate::objects::number::hash(&r)
            .ok_or_else(|| vm.type_error("__hash__ method should return an integer".to_string())),
        _ => Err(vm.type_error("__hash__ method should return an integer".to_string())),
    }
}

pub fn slot_tp_call(vm: &Vm, a: &PyRef, args: Args) -> PyResult {
    let key = vm.intern_static("__call__");
    match lookup_maybe_method(vm, a, &key)? {
        Some((f, true)) => {
            let mut v = Vec::with_capacity(args.args.len() + 1);
            v.push(a.clone());
            v.extend_from_slice(args.args);
            vm.enter()?;
            let r = vm.call(&f, Args::with_kw(&v, args.kwnames));
            vm.leave();
            r
        }
        Some((f, false)) => {
            vm.enter()?;
            let r = vm.call(&f, args);
            vm.leave();
            r
        }
        None => Err(vm.new_exception(&vm.exc.attribute_error, vec![key])),
    }
}

/// `slot_tp_getattr_hook`: `__getattribute__` (the generic lookup when it
/// is `object`'s), then `__getattr__` if that raised AttributeError.
pub fn slot_tp_getattr_hook(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let ty = obj.class();
    let getattr = typeobj::lookup(vm, ty, &vm.names.getattr);
    let getattribute = typeobj::lookup(vm, ty, &vm.names.getattribute);
    let r = match &getattribute {
        Some(ga) if !crate::objects::descr::is_object_getattribute(vm, ga) => {
            call_attribute(vm, obj, ga, name).map(Some)
        }
        _ => vm.generic_getattr(obj, name),
    };
    let Some(getattr) = getattr else {
        return r;
    };
    match r {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => call_attribute(vm, obj, &getattr, name).map(Some),
        Err(e) if vm.exc_matches(&e, &vm.exc.attribute_error) => {
            call_attribute(vm, obj, &getattr, name).map(Some)
        }
        Err(e) => Err(e),
    }
}

/// CPython's `call_attribute`: binds a `__getattr__`-like attribute of the
/// type to `obj` and calls it with the name.
fn call_attribute(vm: &Vm, obj: &PyRef, attr: &PyRef, name: &PyRef) -> PyResult {
    let f = match attr.class().as_type().and_then(|t| t.slots.descr_get()) {
        Some(get) => get(vm, attr, Some(obj), Some(obj.class()))?,
        None => attr.clone(),
    };
    vm.call_args(&f, std::slice::from_ref(name))
}

pub fn slot_tp_setattro(vm: &Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match value {
        Some(v) => call_method(vm, obj, "__setattr__", &[name.clone(), v]),
        None => call_method(vm, obj, "__delattr__", std::slice::from_ref(name)),
    }
    .map(|_| ())
}

pub fn slot_tp_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    call_maybe(vm, a, op.dunder(), std::slice::from_ref(b))
}

/// `slot_tp_iter`: `__iter__`, or a sequence iterator over `__getitem__`;
/// `__iter__ = None` makes the object not iterable.
pub fn slot_tp_iter(vm: &Vm, a: &PyRef) -> PyResult {
    let not_iterable = || vm.type_error(format!("'{}' object is not iterable", a.type_name()));
    match lookup_maybe_method(vm, a, &vm.intern_static("__iter__"))? {
        Some((f, _)) if f.is_none() => Err(not_iterable()),
        Some((f, unbound)) => call_unbound(vm, &f, unbound, a, &[]),
        None => {
            if typeobj::lookup(vm, a.class(), &vm.intern_static("__getitem__")).is_none() {
                return Err(not_iterable());
            }
            Ok(crate::objects::iter::seq_getitem_iter(vm, a))
        }
    }
}

/// `slot_tp_iternext`: `__next__`; StopIteration means exhausted.
pub fn slot_tp_iternext(vm: &Vm, a: &PyRef) -> PyResult<Option<PyRef>> {
    match call_method(vm, a, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `slot_tp_descr_get`: `type(self).__get__(self, obj or None, type or None)`.
pub fn slot_tp_descr_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult {
    let Some(get) = typeobj::lookup(vm, d.class(), &vm.intern_static("__get__")) else {
        return Ok(d.clone());
    };
    let o = obj.cloned().unwrap_or_else(|| vm.none.clone());
    let t = ty.cloned().unwrap_or_else(|| vm.none.clone());
    vm.call_args(&get, &[d.clone(), o, t])
}

pub fn slot_tp_descr_set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match value {
        Some(v) => call_method(vm, d, "__set__", &[obj.clone(), v]),
        None => call_method(vm, d, "__delete__", std::slice::from_ref(obj)),
    }
    .map(|_| ())
}

/// `slot_tp_init`: `__init__` must return None.
pub fn slot_tp_init(vm: &Vm, obj: &PyRef, args: Args) -> PyResult<()> {
    let key = vm.intern_static("__init__");
    let r = match lookup_maybe_method(vm, obj, &key)? {
        Some((f, true)) => match &f.payload {
            Payload::Function(func) => vm.call_function_self(&f, func, obj, args)?,
            _ => {
                let mut v = Vec::with_capacity(args.args.len() + 1);
                v.push(obj.clone());
                v.extend_from_slice(args.args);
                vm.call(&f, Args::with_kw(&v, args.kwnames))?
            }
        },
        Some((f, false)) => vm.call(&f, args)?,
        None => return Err(vm.new_exception(&vm.exc.attribute_error, vec![key])),
    };
    if !r.is_none() {
        return Err(vm.type_error(format!(
            "__init__() should return None, not '{}'",
            r.type_name()
        )));
    }
    Ok(())
}

/// `slot_tp_new`: `type.__new__` as an attribute of the class (so a
/// staticmethod `__new__` is called with the class first).
pub fn slot_tp_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("__new__(): not enough arguments".to_string()));
    };
    let f = vm.getattr(cls, &vm.names.new)?;
    vm.call(&f, args)
}

/// `slot_tp_finalize`: `__del__`, with the handled exception saved and
/// any error reported as unraisable.
pub fn slot_tp_finalize(vm: &Vm, obj: &PyRef) {
    let Ok(Some((f, unbound))) = lookup_maybe_method(vm, obj, &vm.intern_static("__del__")) else {
        return;
    };
    let saved = vm.handled_exception();
    if let Err(e) = call_unbound(vm, &f, unbound, obj, &[]) {
        crate::traceback::write_unraisable(vm, &e, &f);
    }
    vm.set_handled_exception(saved);
}

/// `slot_mp_length` / `slot_sq_length`: `__len__` must return a
/// non-negative int that fits an index.
pub fn slot_mp_length(vm: &Vm, a: &PyRef) -> PyResult<usize> {
    let r = call_method(vm, a, "__len__", &[])?;
    let n = vm.index_big(&r)?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("__len__() should return >= 0".to_string()));
    }
    num_traits::ToPrimitive::to_i64(&n)
        .map(|n| n as usize)
        .ok_or_else(|| {
            vm.overflow_error("cannot fit 'int' into an index-sized integer".to_string())
        })
}

pub fn slot_mp_subscript(vm: &Vm, a: &PyRef, key: &PyRef) -> PyResult {
    call_method(vm, a, "__getitem__", std::slice::from_ref(key))
}

pub fn slot_mp_ass_subscript(
    vm: &Vm,
    a: &PyRef,
    key: &PyRef,
    value: Option<PyRef>,
) -> PyResult<()> {
    match value {
        Some(v) => call_method(vm, a, "__setitem__", &[key.clone(), v]),
        None => call_method(vm, a, "__delitem__", std::slice::from_ref(key)),
    }
    .map(|_| ())
}

/// `slot_sq_contains`: `__contains__`, or a search by iteration;
/// `__contains__ = None` makes the object not a container.
pub fn slot_sq_contains(vm: &Vm, a: &PyRef, x: &PyRef) -> PyResult<bool> {
    match lookup_maybe_method(vm, a, &vm.intern_static("__contains__"))? {
        Some((f, _)) if f.is_none() => {
            Err(vm.type_error(format!("'{}' object is not a container", a.type_name())))
        }
        Some((f, unbound)) => {
            let r = call_unbound(vm, &f, unbound, a, std::slice::from_ref(x))?;
            vm.truthy(&r)
        }
        None => vm.iter_search_contains(a, x),
    }
}
