//! The `_weakref` module: the native layer under CPython's pure-Python
//! `weakref` (CPython's `Modules/_weakref.c`).

use crate::heap::weakref as wl;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::weakref as ow;
use crate::vm::Vm;

pub fn init(vm: &Vm, d: &PyRef) -> PyResult<()> {
    crate::sysmodule::add_functions(vm, d, FUNCTIONS);
    let t = &vm.types;
    for (name, v) in [
        ("ref", &t.weakref),
        ("ReferenceType", &t.weakref),
        ("ProxyType", &t.weakproxy),
        ("CallableProxyType", &t.weakcallableproxy),
    ] {
        dict::set_str(vm, d, vm.intern(name), v.clone());
    }
    Ok(())
}

fn getweakrefcount(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "_weakref.getweakrefcount", 1, 1)?;
    Ok(vm.new_int(wl::count(&a[0]) as i64))
}

fn getweakrefs(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "_weakref.getweakrefs", 1, 1)?;
    Ok(vm.new_list(wl::refs_to(&a[0])))
}

fn proxy(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "proxy")?;
    let a = args.check(vm, "proxy", 1, 2)?;
    ow::new_proxy(vm, &a[0], a.get(1).cloned())
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// weakref (used by `WeakValueDictionary`).
fn remove_dead_weakref(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "_remove_dead_weakref", 2, 2)?;
    if !matches!(a[0].payload, crate::objects::layout::Payload::Dict(_)) {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            a[0].type_name()
        )));
    }
    if let Some(v) = dict::get_item(vm, &a[0], &a[1])? {
        if matches!(v.payload, crate::objects::layout::Payload::WeakRef(_))
            && wl::upgrade(&v).is_none()
        {
            dict::del_item(vm, &a[0], &a[1])?;
        }
    }
    Ok(vm.none.clone())
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getweakrefcount", getweakrefcount),
    ("getweakrefs", getweakrefs),
    ("proxy", proxy),
    ("_remove_dead_weakref", remove_dead_weakref),
];
