//! The `atexit` module (CPython's `Modules/atexitmodule.c`): handlers are
//! kept in the module's state and run by `finalize::run_atexit`, last
//! registered first.

use std::cell::RefCell;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::vm::Vm;

/// A registered handler: `(func, args tuple, kwargs dict)`.
pub type Handler = (PyRef, PyRef, PyRef);

/// The module's state: the registered handlers, oldest first.
#[derive(Default)]
pub struct AtexitState {
    handlers: RefCell<Vec<Handler>>,
}

fn handlers(vm: &Vm) -> std::rc::Rc<AtexitState> {
    vm.module_state::<AtexitState>()
}

/// Takes the newest handler (shutdown runs them last first).
pub fn pop_handler(vm: &Vm) -> Option<Handler> {
    let s = handlers(vm);
    let h = s.handlers.borrow_mut().pop();
    h
}

pub fn init(vm: &Vm, d: &PyRef) -> PyResult<()> {
    crate::sysmodule::add_functions(vm, d, FUNCTIONS);
    Ok(())
}

/// Calls one handler with its saved arguments.
pub fn call_handler(vm: &Vm, func: &PyRef, args: &PyRef, kwargs: &PyRef) -> PyResult {
    let mut argv: Vec<PyRef> = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut names: Vec<PyRef> = Vec::new();
    for (k, v) in dict::items(kwargs) {
        names.push(k);
        argv.push(v);
    }
    vm.call(func, Args::with_kw(&argv, &names))
}

fn register(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)".to_string()));
    };
    if !crate::builtins::attrs::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable".to_string()));
    }
    let kwargs = vm.new_dict();
    for (k, v) in args.kwargs() {
        dict::set_str(vm, &kwargs, vm.intern(k), v.clone());
    }
    let rest = vm.new_tuple(pos[1..].to_vec());
    handlers(vm)
        .handlers
        .borrow_mut()
        .push((func.clone(), rest, kwargs));
    Ok(func.clone())
}

fn unregister(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "atexit.unregister", 1, 1)?;
    let state = handlers(vm);
    let funcs: Vec<PyRef> = state
        .handlers
        .borrow()
        .iter()
        .map(|h| h.0.clone())
        .collect();
    let mut keep = Vec::with_capacity(funcs.len());
    for h in &funcs {
        keep.push(!vm.eq(h, &a[0])?);
    }
    let removed: Vec<_> = {
        let mut list = state.handlers.borrow_mut();
        let mut i = 0;
        let mut removed = Vec::new();
        list.retain_mut(|h| {
            let k = keep.get(i).copied().unwrap_or(true);
            i += 1;
            if !k {
                removed.push((h.0.clone(), h.1.clone(), h.2.clone()));
            }
            k
        });
        removed
    };
    drop(removed);
    Ok(vm.none.clone())
}

fn run_exitfuncs(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "atexit._run_exitfuncs", 0, 0)?;
    crate::finalize::run_atexit(vm);
    Ok(vm.none.clone())
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "atexit._clear", 0, 0)?;
    let old = std::mem::take(&mut *handlers(vm).handlers.borrow_mut());
    drop(old);
    Ok(vm.none.clone())
}

fn ncallbacks(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "atexit._ncallbacks", 0, 0)?;
    Ok(vm.new_int(handlers(vm).handlers.borrow().len() as i64))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", register),
    ("unregister", unregister),
    ("_run_exitfuncs", run_exitfuncs),
    ("_clear", clear),
    ("_ncallbacks", ncallbacks),
];
