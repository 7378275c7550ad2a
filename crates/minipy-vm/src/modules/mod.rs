//! Built-in modules other than `builtins` and `sys`: the registry that
//! `import` consults before `sys.path` (CPython's `PyImport_Inittab` and
//! frozen modules).
//!
//! A module is either *native* (an init function filling the module dict
//! with Rust functions and objects, like a C extension's `PyInit_*`) or
//! *frozen* (Python source compiled into the binary and executed as the
//! module's body, like CPython's frozen `importlib._bootstrap`).

pub mod _signal;
pub mod atexit;
pub mod gc;
pub mod state;
pub mod time;
pub mod weakref;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::vm::Vm;

/// How a built-in module's namespace is made.
pub enum ModuleDef {
    /// Fills the module dict.
    Native(fn(&Vm, &PyRef) -> PyResult<()>),
    /// Python source executed in the module dict.
    Frozen(&'static str),
}

/// The registry: name and definition, in `sys.builtin_module_names` order.
pub const MODULES: &[(&str, ModuleDef)] = &[
    ("_weakref", ModuleDef::Native(weakref::init)),
    ("atexit", ModuleDef::Native(atexit::init)),
    ("gc", ModuleDef::Native(gc::init)),
    ("_signal", ModuleDef::Native(_signal::init)),
    ("time", ModuleDef::Native(time::init)),
    (
        "_collections",
        ModuleDef::Frozen(include_str!("_collections.py")),
    ),
    ("_thread", ModuleDef::Frozen(include_str!("_thread.py"))),
    ("itertools", ModuleDef::Frozen(include_str!("itertools.py"))),
];

/// Every built-in module name (`sys.builtin_module_names`), sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec!["builtins", "sys"];
    v.extend(MODULES.iter().map(|(n, _)| *n));
    v.sort_unstable();
    v
}

/// Creates, registers in `sys.modules` and initialises the built-in module
/// `name`; `None` when there is no such module.
pub fn load(vm: &Vm, name: &str) -> Option<PyResult> {
    let (_, def) = MODULES.iter().find(|(n, _)| *n == name)?;
    let m = vm.new_module(name);
    let d = match &m.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => return None,
    };
    let key = vm.new_str(name);
    dict::set_str(vm, &vm.modules, key.clone(), m.clone());
    let r = match def {
        ModuleDef::Native(init) => init(vm, &d),
        ModuleDef::Frozen(src) => {
            dict::set_str(vm, &d, vm.intern("__builtins__"), vm.builtins.clone());
            crate::exec_source(vm, src, &format!("<frozen {}>", name), &d).map(|_| ())
        }
    };
    Some(match r {
        Ok(()) => Ok(crate::import::lookup_module(vm, name).unwrap_or(m)),
        Err(e) => {
            dict::del_str(vm, &vm.modules, &key);
            Err(e)
        }
    })
}
