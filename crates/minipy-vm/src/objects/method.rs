//! `method` (`types.MethodType`): a callable bound to an instance
//! (CPython's `Objects/classobject.c`).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn parts<'a>(vm: &Vm, m: &'a PyRef) -> PyResult<(&'a PyRef, &'a PyRef)> {
    match &m.payload {
        Payload::BoundMethod { func, self_ } => Ok((func, self_)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "method slot called on another object".to_string(),
        )),
    }
}

/// `types.MethodType(func, instance)`.
pub fn method_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "method")?;
    let pos = args.pos();
    if pos.len() != 3 {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    if !crate::builtins::attrs::is_callable(vm, &pos[1]) {
        return Err(vm.type_error("first argument must be callable".to_string()));
    }
    if pos[2].is_none() {
        return Err(vm.type_error("instance must not be None".to_string()));
    }
    Ok(vm.new_bound_method(pos[1].clone(), pos[2].clone()))
}

/// `<bound method C.f of <C object at 0x...>>`.
fn method_repr(vm: &Vm, m: &PyRef) -> PyResult {
    let (func, self_) = parts(vm, m)?;
    let mut name = vm.getattr_opt(func, &vm.intern("__qualname__"))?;
    if name.is_none() {
        name = vm.getattr_opt(func, &vm.intern("__name__"))?;
    }
    let name = match name.as_ref().and_then(|n| n.as_str()) {
        Some(s) => s.to_string(),
        None => "?".to_string(),
    };
    Ok(vm.new_string(format!(
        "<bound method {} of {}>",
        name,
        vm.repr_string(self_)?
    )))
}

/// Equal when bound to the same object with equal functions.
fn method_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || !matches!(b.payload, Payload::BoundMethod { .. })
    {
        return Ok(vm.not_implemented.clone());
    }
    let (fa, sa) = parts(vm, a)?;
    let (fb, sb) = parts(vm, b)?;
    let eq = sa.is(sb) && vm.eq(fa, fb)?;
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(vm: &Vm, m: &PyRef) -> PyResult<i64> {
    let (func, self_) = parts(vm, m)?;
    let h = crate::protocol::ops::pointer_hash(self_) ^ vm.hash(func)?;
    Ok(if h == -1 { -2 } else { h })
}

/// `method_getattro`: the method type's own attributes, then the
/// function's (`m.__name__` is the function's).
fn method_getattro(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let ty = m.class();
    if let Some(d) = typeobj::lookup(vm, ty, name) {
        return match d.class().as_type().and_then(|t| t.slots.descr_get()) {
            Some(f) => f(vm, &d, Some(m), Some(ty)).map(Some),
            None => Ok(Some(d)),
        };
    }
    let (func, _) = parts(vm, m)?;
    vm.getattr(func, name).map(Some)
}

fn method_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let (func, self_) = parts(vm, &a[0])?;
    let name = vm.getattr(func, &vm.intern("__name__"))?;
    let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
    Ok(vm.new_tuple(vec![getattr, vm.new_tuple(vec![self_.clone(), name])]))
}

fn get_func(vm: &Vm, m: &PyRef) -> PyResult {
    Ok(parts(vm, m)?.0.clone())
}

fn get_self(vm: &Vm, m: &PyRef) -> PyResult {
    Ok(parts(vm, m)?.1.clone())
}

fn get_doc(vm: &Vm, m: &PyRef) -> PyResult {
    let (func, _) = parts(vm, m)?;
    vm.getattr(func, &vm.intern("__doc__"))
}

/// `tp_traverse`: the function and `__self__`.
fn method_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::BoundMethod { func, self_ } => {
            visit.visit(func);
            visit.visit(self_);
        }
        _ => crate::object::wrong_layout(obj, "method"),
    }
}

pub static METHOD_TYPE: TypeSpec = TypeSpec {
    name: "method",
    doc: Some("method(function, instance, /)\n--\n\nCreate a bound instance method object."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(method_traverse),
        slot::repr(method_repr),
        slot::hash(method_hash),
        slot::call(crate::protocol::call::method_call),
        slot::getattro(method_getattro),
        slot::setattro(crate::protocol::attr::generic_setattr_slot),
        slot::richcompare(method_richcompare),
        slot::tp_new(method_new),
    ],
    methods: &[MethodDef::method("__reduce__", method_reduce)],
    getsets: &[
        GetSetDef::new("__func__", get_func)
            .member()
            .doc("the function (or other callable) implementing a method"),
        GetSetDef::new("__self__", get_self)
            .member()
            .doc("the instance to which a method is bound"),
        GetSetDef::new("__doc__", get_doc),
    ],
};
