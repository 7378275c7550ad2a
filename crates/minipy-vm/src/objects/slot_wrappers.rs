//! Type-dict entries that CPython exposes as slot wrappers and that the
//! `collections.abc` one-trick ponies look for in `C.__dict__`:
//! `__call__` on the callable built-in types, `__hash__ = None` on the
//! unhashable containers, and `object.__subclasshook__`.

use crate::bootstrap::add_methods;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinKind};
use crate::vm::Vm;

/// `callable.__call__(*args, **kwargs)`.
fn slot_call(vm: &Vm, args: Args) -> PyResult {
    let Some(callee) = args.pos().first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument".to_string()));
    };
    vm.call(callee, Args::with_kw(&args.args[1..], args.kwnames))
}

/// `types.MethodType(func, instance)`: a bound method.
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
    Ok(PyRef::new(
        Payload::BoundMethod {
            func: pos[1].clone(),
            self_: pos[2].clone(),
        },
        &vm.types.method,
    ))
}

/// Installs the entries (after the method tables).
pub fn install(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.function, &t.builtin_function, &t.method] {
        add_methods(vm, ty, BuiltinKind::Method, &[("__call__", slot_call)]);
    }
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray] {
        if let Some(td) = ty.as_type() {
            dict::set_str(vm, &td.dict, vm.intern("__hash__"), vm.none.clone());
        }
    }
}
