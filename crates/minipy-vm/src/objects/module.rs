//! `module` objects.

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::Args;
use crate::vm::Vm;

/// `types.ModuleType(name, doc=None)`.
pub fn module_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let name = pos.get(1).or(args.kwarg("name"));
    let Some(name) = name.and_then(|n| n.as_str().map(|s| s.to_string())) else {
        return Err(
            vm.type_error("module.__init__() missing required argument 'name' (pos 1)".to_string())
        );
    };
    let m = vm.new_module(&name);
    if let Some(doc) = pos.get(2).or(args.kwarg("doc")) {
        if let Some(d) = vm.instance_dict(&m) {
            dict::set_str(vm, &d, vm.intern("__doc__"), doc.clone());
        }
    }
    Ok(m)
}

/// `module.__getattribute__` (`module_getattro`): the generic lookup,
/// then the module's own `__getattr__` (PEP 562), then CPython's message.
pub fn module_getattro(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    if let Some(v) = vm.generic_getattr(m, name)? {
        return Ok(Some(v));
    }
    let Payload::Module { dict: d } = &m.payload else {
        return Ok(None);
    };
    if let Some(ga) = dict::get_str(vm, d, &vm.intern("__getattr__")) {
        return vm.call_args(&ga, std::slice::from_ref(name)).map(Some);
    }
    Err(vm.no_attribute(m, name.as_str().unwrap_or("?")))
}
