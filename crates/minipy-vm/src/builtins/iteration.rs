//! Iteration built-ins: `sorted` (list.sort's timsort, in
//! `objects/list/sort.rs`), `any`, `all`, `iter`, `next`.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::vm::Vm;

use super::attrs::is_callable;
use super::one_arg;

/// Sorts `values` in place like `list.sort(key=key, reverse=reverse)`
/// (the interpreter's own sorts, e.g. `dir()`'s).
pub fn sort_values(
    vm: &Vm,
    values: &mut Vec<PyRef>,
    key: Option<&PyRef>,
    reverse: bool,
) -> PyResult<()> {
    crate::objects::list::sort::sort_items(vm, values, key, reverse)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn builtin_sorted(vm: &Vm, args: Args) -> PyResult {
    crate::objects::list::sort::sorted(vm, args)
}

fn any_all(vm: &Vm, args: Args, name: &str, want: bool) -> PyResult {
    let x = one_arg(vm, &args, name)?;
    let it = vm.iter(x)?;
    while let Some(item) = vm.next(&it)? {
        if vm.truthy(&item)? == want {
            return Ok(vm.new_bool(want));
        }
    }
    Ok(vm.new_bool(!want))
}

pub fn builtin_any(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, "any", true)
}

pub fn builtin_all(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, "all", false)
}

/// `iter(object)` / `iter(callable, sentinel)`.
pub fn builtin_iter(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "iter")?;
    let pos = args.check(vm, "iter", 1, 2)?;
    if pos.len() == 1 {
        return vm.iter(&pos[0]);
    }
    if !is_callable(vm, &pos[0]) {
        return Err(vm.type_error("iter(v, w): v must be callable".to_string()));
    }
    Ok(crate::objects::iter::callable_iter(vm, &pos[0], &pos[1]))
}

/// `next(iterator[, default])`.
pub fn builtin_next(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "next")?;
    let pos = args.check(vm, "next", 1, 2)?;
    let it = &pos[0];
    if !vm.is_iterator(it) {
        return Err(vm.type_error(format!("'{}' object is not an iterator", it.type_name())));
    }
    match vm.next_raising(it) {
        Ok(v) => Ok(v),
        Err(e) if pos.len() == 2 && vm.exc_matches(&e, &vm.exc.stop_iteration) => {
            Ok(pos[1].clone())
        }
        Err(e) => Err(e),
    }
}
