//! `types.GenericAlias` support (`list[int]`, PEP 585): the class is
//! Python code in `prelude.py`; the built-in generic classes' native
//! `__class_getitem__` makes one.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::vm::Vm;

/// Calls a function of the Python prelude (`prelude.py`) by name.
pub fn call_prelude(vm: &Vm, name: &str, args: &[PyRef]) -> PyResult {
    let prelude = vm
        .module_state::<crate::bootstrap::Prelude>()
        .namespace
        .borrow()
        .clone();
    let f = prelude.and_then(|d| crate::objects::dict::get_str(vm, &d, &vm.intern(name)));
    match f {
        Some(f) => vm.call_args(&f, args),
        None => Err(vm.unsupported(name)),
    }
}

/// `types.GenericAlias(origin, args)` (`Py_GenericAlias`).
pub fn generic_alias(vm: &Vm, origin: &PyRef, args: &PyRef) -> PyResult {
    call_prelude(vm, "GenericAlias", &[origin.clone(), args.clone()])
}

/// `cls.__class_getitem__(item)` of the built-in generic classes (PEP 585).
pub fn class_getitem(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__class_getitem__", 2, 2)?;
    generic_alias(vm, &a[0], &a[1])
}
