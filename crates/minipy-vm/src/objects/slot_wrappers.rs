//! Transitional: `__hash__ = None` in the dicts of the unhashable
//! containers not yet declared through a `TypeSpec` (a spec's
//! `UNHASHABLE` flag does this for converted types).

use crate::objects::dict;
use crate::vm::Vm;

/// Installs the entries (after the method tables).
pub fn install(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray] {
        if let Some(td) = ty.as_type() {
            if td.legacy.get() {
                dict::set_str(vm, &td.dict, vm.intern("__hash__"), vm.none.clone());
            }
        }
    }
}
