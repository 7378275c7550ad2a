//! The types of the singletons `None`, `NotImplemented` and `Ellipsis`
//! (CPython's `Objects/object.c` and `sliceobject.c`), and minipy's
//! `<NULL>` marker pushed by `PUSH_NULL` (never visible to Python).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

/// `T()` of a singleton's type: no arguments, the singleton itself.
fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(vm.type_error(format!("{} takes no arguments", name)));
    }
    Ok(())
}

pub fn none_new(vm: &Vm, args: Args) -> PyResult {
    no_args(vm, &args, "NoneType")?;
    Ok(vm.none.clone())
}

fn none_repr(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.intern("None"))
}

fn none_bool(_vm: &Vm, _o: &PyRef) -> PyResult<bool> {
    Ok(false)
}

pub static NONE_TYPE: TypeSpec = TypeSpec {
    name: "NoneType",
    doc: None,
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::repr(none_repr),
        slot::nb_bool(none_bool),
        slot::tp_new(none_new),
    ],
    methods: &[],
    getsets: &[],
};

fn notimpl_new(vm: &Vm, args: Args) -> PyResult {
    no_args(vm, &args, "NotImplementedType")?;
    Ok(vm.not_implemented.clone())
}

fn notimpl_repr(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.intern("NotImplemented"))
}

/// `bool(NotImplemented)`: true (CPython 3.11 also warns with a
/// DeprecationWarning; minipy has no warnings machinery yet).
fn notimpl_bool(_vm: &Vm, _o: &PyRef) -> PyResult<bool> {
    Ok(true)
}

fn notimpl_reduce(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.intern("NotImplemented"))
}

pub static NOT_IMPLEMENTED_TYPE: TypeSpec = TypeSpec {
    name: "NotImplementedType",
    doc: None,
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::repr(notimpl_repr),
        slot::nb_bool(notimpl_bool),
        slot::tp_new(notimpl_new),
    ],
    methods: &[MethodDef::method("__reduce__", notimpl_reduce)],
    getsets: &[],
};

fn ellipsis_new(vm: &Vm, args: Args) -> PyResult {
    no_args(vm, &args, "EllipsisType")?;
    Ok(vm.ellipsis.clone())
}

fn ellipsis_repr(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.intern("Ellipsis"))
}

fn ellipsis_reduce(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.intern("Ellipsis"))
}

pub static ELLIPSIS_TYPE: TypeSpec = TypeSpec {
    name: "ellipsis",
    doc: None,
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::repr(ellipsis_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::tp_new(ellipsis_new),
    ],
    methods: &[MethodDef::method("__reduce__", ellipsis_reduce)],
    getsets: &[],
};

/// The marker type of `PUSH_NULL`: no behaviour; reaching it from Python
/// would be an interpreter bug.
pub static NULL_TYPE: TypeSpec = TypeSpec {
    name: "<NULL>",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::DISALLOW_INSTANTIATION,
    slots: &[],
    methods: &[],
    getsets: &[],
};
