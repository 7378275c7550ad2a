//! Native operations of the built-in sequences and containers (str, bytes,
//! list, tuple, dict, set, frozenset, range): the fast paths the protocol
//! layer tries before any dunder lookup. Written by the "sequences" helper.
//!
//! Every function here works on the *payload*, so the same code serves the
//! method tables (`list.__add__`, ...) for subclass instances.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::Payload;
use crate::vm::Vm;

/// Normalises a possibly negative index against `len`.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

/// `vm.enter()` with CPython's context-specific RecursionError message.
pub fn enter(vm: &Vm, what: &str) -> PyResult<()> {
    if vm.thread.depth.get() + 1 > vm.recursion_limit.get() || !crate::stack::has_room() {
        return Err(vm.new_error(
            &vm.exc.recursion_error,
            format!("maximum recursion depth exceeded{}", what),
        ));
    }
    vm.enter()
}

/// Runs `f` unless `obj`'s repr is already in progress (then `placeholder`).
pub fn repr_guard(
    vm: &Vm,
    obj: &PyRef,
    placeholder: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let addr = obj.addr();
    if vm.repr_stack.borrow().contains(&addr) {
        return Ok(placeholder.to_string());
    }
    // Like `Py_ReprEnter`, this does not count against the recursion
    // limit: `Vm::repr` (`PyObject_Repr`) already does, once per level.
    vm.repr_stack.borrow_mut().push(addr);
    let r = f();
    {
        let mut st = vm.repr_stack.borrow_mut();
        if let Some(p) = st.iter().rposition(|&a| a == addr) {
            st.remove(p);
        }
    }
    r
}

/// `", "`-joined reprs.
pub fn join_reprs(vm: &Vm, items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(it)?);
    }
    Ok(out)
}

/// The items of a list or tuple (of any class), copied.
/// `MemoryError` when the copy cannot be allocated.
pub fn fast_items(vm: &Vm, obj: &PyRef) -> PyResult<Option<Vec<PyRef>>> {
    Ok(match &obj.payload {
        Payload::List(l) => Some(alloc::clone_items(vm, &l.borrow())?),
        Payload::Tuple(_) => Some(alloc::clone_items(vm, obj.items())?),
        _ => None,
    })
}

/// `PySequence_List(iterable)` as a vector: the items of an exact list or
/// tuple, else the iteration of `iterable`, sized by its length hint
/// (`PyObject_LengthHint(iterable, default_hint)`, which may call
/// `__len__` or `__length_hint__`).
pub fn collect(vm: &Vm, iterable: &PyRef, default_hint: usize) -> PyResult<Vec<PyRef>> {
    let c = iterable.class();
    if c.is(&vm.types.list) || c.is(&vm.types.tuple) {
        if let Some(items) = fast_items(vm, iterable)? {
            return Ok(items);
        }
    }
    let it = vm.iter(iterable)?;
    let hint = vm.length_hint(iterable, default_hint)?;
    let mut v = Vec::new();
    alloc::reserve(vm, &mut v, hint)?;
    while let Some(x) = vm.next(&it)? {
        v.push(x);
    }
    Ok(v)
}

pub mod alloc;
pub mod args;
pub mod bind;
pub use bind::bind_args;
