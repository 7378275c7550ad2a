//! Interpreter shutdown, in CPython 3.11's order (`Py_FinalizeEx`):
//!
//! 1. `atexit` handlers, last registered first;
//! 2. stdout is flushed;
//! 3. every `sys.modules` entry is replaced by None, in import order,
//!    keeping a weak reference to each module (`finalize_remove_modules`);
//! 4. a full collection frees the cycles that held modules' namespaces
//!    (functions and classes refer back to their module's globals);
//! 5. the modules still alive are wiped, newest first: their namespace
//!    entries become None, `_`-prefixed names first (`_PyModule_Clear`);
//! 6. `sys` and `builtins` are emptied and a last collection runs.
//!
//! With `-X leakcheck`, [`shutdown`] then releases everything the VM
//! itself holds (the static types' namespaces, interned strings, caches)
//! and reports any object still alive: with every reference count balanced
//! there is none. With `MINIPY_LEAKS` set in the environment, the report
//! lists every tracked survivor with its refcount and the types of its
//! referrers (for finding the reference that is not balanced).

use std::rc::Rc;

use crate::heap::PyRef;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::vm::Vm;

/// Runs the `atexit` handlers (`atexit._run_exitfuncs`), last first; an
/// exception is reported as CPython reports it and the next handler runs.
pub fn run_atexit(vm: &Vm) {
    loop {
        let Some((func, args, kwargs)) = crate::modules::atexit::pop_handler(vm) else {
            break;
        };
        let r = crate::modules::atexit::call_handler(vm, &func, &args, &kwargs);
        if let Err(e) = r {
            if !vm.exc_matches(&e, &vm.exc.system_exit) {
                crate::traceback::write_unraisable_msg(vm, &e, "in atexit callback", &func);
            }
        }
    }
}

fn module_namespace(m: &PyRef) -> Option<PyRef> {
    match &m.payload {
        Payload::Module { dict } => Some(dict.clone()),
        _ => None,
    }
}

/// `_PyModule_ClearDict`: names starting with one underscore become None
/// first, then every other name but `__builtins__`.
fn clear_module_dict(vm: &Vm, d: &PyRef) {
    for pass in 0..2 {
        for (k, _) in dict::items(d) {
            let Some(name) = k.as_str() else { continue };
            let underscore = name.starts_with('_') && !name.starts_with("__");
            let wanted = if pass == 0 {
                underscore
            } else {
                !underscore && name != "__builtins__"
            };
            if wanted {
                dict::set_str(vm, d, k.clone(), vm.none.clone());
            }
        }
    }
}

/// Steps 1–6 (the VM stays usable for `__del__` methods throughout).
/// False when flushing `sys.stdout` failed (CPython's `Py_FinalizeEx`
/// returning -1: exit status 120).
pub fn finalize(vm: &Vm) -> bool {
    run_atexit(vm);
    let ok = flush_std_files(vm);
    // 3. sys.modules entries -> None, keeping weak references.
    let mut weaklist: Vec<PyRef> = Vec::new();
    for (name, m) in dict::items(&vm.modules) {
        if matches!(m.payload, Payload::Module { .. }) {
            weaklist.push(crate::objects::weakref::new_plain_ref(vm, &m));
            drop(m);
            dict::set_str(vm, &vm.modules, name, vm.none.clone());
        }
    }
    // 4.
    vm.gc_collect(2);
    // 5. Wipe the survivors, newest first.
    let sys_dict = module_namespace(&vm.sys);
    let builtins_dict = module_namespace(&vm.builtins);
    for w in weaklist.iter().rev() {
        let Some(m) = crate::heap::weakref::upgrade(w) else {
            continue;
        };
        let Some(d) = module_namespace(&m) else {
            continue;
        };
        let special = [&sys_dict, &builtins_dict]
            .iter()
            .any(|s| s.as_ref().is_some_and(|s| s.is(&d)));
        if !special {
            clear_module_dict(vm, &d);
        }
    }
    drop(weaklist);
    crate::objects::textio::flush_all();
    // 6.
    for d in [&sys_dict, &builtins_dict].into_iter().flatten() {
        clear_dict(d);
    }
    clear_dict(&vm.modules);
    vm.gc_collect(2);
    crate::objects::textio::flush_all();
    ok
}

/// CPython's `flush_std_files`: `sys.stdout.flush()` and
/// `sys.stderr.flush()` unless they are None or closed. A failing stdout
/// flush is reported as "Exception ignored in: <stdout>"; either failure
/// makes the exit status 120. False when one failed.
fn flush_std_files(vm: &Vm) -> bool {
    let mut ok = true;
    for (name, report) in [("stdout", true), ("stderr", false)] {
        let Some(f) = crate::sysmodule::get(vm, name) else {
            continue;
        };
        if f.is_none() || is_closed(vm, &f) {
            continue;
        }
        if let Err(e) = vm.call_method(&f, "flush", &[]) {
            ok = false;
            if report {
                crate::objects::textio::discard_stdout_buffer();
                crate::traceback::write_unraisable(vm, &e, &f);
            }
        }
    }
    ok
}

/// `file.closed`, false when it cannot be read (CPython's `file_is_closed`).
fn is_closed(vm: &Vm, f: &PyRef) -> bool {
    match vm.getattr_str(f, "closed") {
        Ok(c) => vm.truthy(&c).unwrap_or(false),
        Err(_) => false,
    }
}

/// Empties a dict, dropping its entries after the borrow is released.
fn clear_dict(d: &PyRef) {
    if let Payload::Dict(t) = &d.payload {
        let old = t.borrow_mut().clear();
        drop(old);
    }
}

/// Releases what the VM itself holds beyond the modules: the namespaces of
/// the static (immortal) types, caches, the current exception state.
fn release_vm_state(vm: &Vm) {
    // What the program asked the collector to keep (gc.freeze(),
    // DEBUG_SAVEALL's gc.garbage) is released too: the check is about
    // reference counts, not about what CPython leaves behind at exit.
    crate::heap::gc::unfreeze();
    crate::heap::gc::set_debug(0);
    vm.clear_method_cache();
    for ty in crate::types::static_types().iter().chain(vm.exc.all.iter()) {
        if let Some(td) = ty.as_type() {
            clear_dict(&td.dict);
            let subs = std::mem::take(&mut *td.subclasses.borrow_mut());
            drop(subs);
        }
    }
    let handled = std::mem::take(&mut *vm.thread.exc_info.borrow_mut());
    drop(handled);
    vm.clear_frame_pool();
    crate::modules::gc::release();
    vm.module_states.clear();
    crate::objects::textio::release_streams();
}

/// Finalises the interpreter and, with `leakcheck`, reports the objects
/// still alive once everything is released. Returns the number leaked.
pub fn shutdown(vm: Rc<Vm>, leakcheck: bool) -> isize {
    shutdown_inner(vm, leakcheck).0
}

/// [`shutdown`] for the `minipy` command: the exit status after the
/// program ended with `status` (120 when the final flush failed, as
/// CPython's `Py_RunMain`).
pub fn shutdown_status(vm: Rc<Vm>, leakcheck: bool, status: i32) -> i32 {
    if shutdown_inner(vm, leakcheck).1 {
        status
    } else {
        120
    }
}

fn shutdown_inner(vm: Rc<Vm>, leakcheck: bool) -> (isize, bool) {
    let ok = finalize(&vm);
    if !leakcheck {
        return (0, ok);
    }
    release_vm_state(&vm);
    let n = vm.gc_collect(2);
    if std::env::var("MINIPY_LEAKS").is_ok() {
        eprintln!(
            "release collect: {} (collecting {})",
            n,
            crate::heap::gc::collecting()
        );
    }
    crate::clear_current_vm();
    drop(vm);
    // The collection above made `gc.callbacks`/`gc.garbage` anew (every
    // collection makes sure they exist, as when the VM held them).
    crate::modules::gc::release();
    crate::heap::freelist::clear();
    crate::objects::textio::flush_all();
    let live = crate::heap::live_objects();
    if live != 0 {
        let mut by_type: Vec<(String, usize)> = Vec::new();
        for o in crate::heap::gc::objects(None) {
            if std::env::var("MINIPY_LEAKS").is_ok() {
                let what = match &o.payload {
                    Payload::Builtin(b) => format!("builtin {} owner {:?}", b.name, b.owner),
                    Payload::Module { dict } => format!(
                        "module {:?}",
                        dict::items(dict)
                            .iter()
                            .find(|(k, _)| k.as_str() == Some("__name__"))
                            .and_then(|(_, v)| v.as_str().map(|s| s.to_string()))
                    ),
                    Payload::Dict(_) => format!(
                        "dict with keys {:?}",
                        dict::keys(&o)
                            .iter()
                            .take(6)
                            .map(|k| k.as_str().unwrap_or("?").to_string())
                            .collect::<Vec<_>>()
                    ),
                    _ => o.type_name(),
                };
                let refs: Vec<String> = crate::heap::gc::referrers(std::slice::from_ref(&o))
                    .iter()
                    .map(|r| r.type_name())
                    .collect();
                eprintln!("leak: {} refcnt {} referrers {:?}", what, o.refcnt(), refs);
            }
            let n = o.type_name();
            match by_type.iter_mut().find(|(t, _)| *t == n) {
                Some(e) => e.1 += 1,
                None => by_type.push((n, 1)),
            }
        }
        let mut s = format!(
            "minipy: leakcheck: {} objects still alive after teardown",
            live
        );
        if !by_type.is_empty() {
            let parts: Vec<String> = by_type
                .iter()
                .map(|(t, n)| format!("{} {}", n, t))
                .collect();
            s.push_str(&format!(" (tracked: {})", parts.join(", ")));
        }
        eprintln!("{}", s);
    }
    (live, ok)
}
