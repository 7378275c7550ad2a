//! `memoryview`: the type exists (for `isinstance` and ABC registration)
//! but minipy has no buffer protocol to view, so no instance can be made.

use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::typeobj::{slot, TypeSpec};
use crate::vm::Vm;

/// `memoryview(object)`.
fn memoryview_new(vm: &Vm, args: Args) -> PyResult {
    let a = crate::objects::seq::bind_args(vm, &args, "memoryview", &["object"], 1)?;
    match a[0] {
        Some(o) if super::bytes_like(o).is_some() => Err(vm.new_error(
            &vm.exc.not_implemented_error,
            "memoryview objects are not supported by minipy".to_string(),
        )),
        Some(o) => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.type_name()
        ))),
        None => {
            Err(vm
                .type_error("memoryview() missing required argument 'object' (pos 1)".to_string()))
        }
    }
}

pub static MEMORYVIEW_TYPE: TypeSpec = TypeSpec {
    name: "memoryview",
    doc: Some(
        "memoryview(object)\n--\n\nCreate a new memoryview object which references the given object.",
    ),
    slots: &[
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::tp_new(memoryview_new),
    ],
    ..TypeSpec::DEFAULT
};
