//! minipy's virtual machine: the object heap ([`heap`]), the built-in types
//! ([`objects`]), the abstract protocols ([`protocol`]), the evaluation loop
//! ([`eval`]), the import system ([`import`]) and the built-in modules.
//!
//! The heap itself is the `minipy-heap` crate ([`heap`] names its types
//! for the VM, `object.rs` implements its safe `Trace` trait); this crate
//! has no `unsafe` code at all (enforced: `forbid(unsafe_code)`).
#![forbid(unsafe_code)]

pub mod bootstrap;
pub mod builtins;
pub mod eval;
pub mod finalize;
pub mod frame;
pub mod heap;
pub mod import;
pub mod modules;
pub mod object;
pub mod objects;
pub mod protocol;
pub mod stack;
pub mod sysmodule;
/// CPython's text algorithms (the `minipy-text` crate).
pub use minipy_text as text;
pub mod traceback;
pub mod types;
pub mod vm;

use std::cell::RefCell;
use std::rc::Rc;

pub use heap::PyRef;
pub use object::PyResult;
pub use objects::layout::Payload;
pub use vm::Vm;

use crate::frame::Frame;
use crate::objects::code::CodeInfo;
use crate::objects::dict;

/// Stack size of the interpreter thread: deeper recursion grows the stack
/// in segments (see [`stack`]).
pub const INTERPRETER_STACK_SIZE: usize = 1 << 30;

thread_local! {
    static CURRENT_VM: RefCell<Option<Rc<Vm>>> = const { RefCell::new(None) };
}

/// Runs `f` with the thread's VM (used by hooks that the heap calls, such as
/// `__del__`). Does nothing if no VM is installed.
pub fn with_vm(f: impl FnOnce(&Vm)) {
    let vm = CURRENT_VM.with(|c| c.borrow().clone());
    if let Some(vm) = vm {
        f(&vm);
    }
}

/// Forgets the thread's current VM (at shutdown).
pub fn clear_current_vm() {
    let old = CURRENT_VM.with(|c| c.borrow_mut().take());
    drop(old);
}

/// Creates a VM and makes it the thread's current one.
pub fn new_vm() -> Rc<Vm> {
    minipy_alloc::set_oom_hook(objects::textio::flush_on_alloc_failure);
    let vm: Rc<Vm> = Rc::from(bootstrap::create());
    CURRENT_VM.with(|c| *c.borrow_mut() = Some(vm.clone()));
    vm
}

/// A `ModuleSpec`-like object for `__spec__` (name, origin, parent).
pub fn make_spec(vm: &Vm, name: &str, origin: &str, is_package: bool) -> PyRef {
    let spec =
        objects::instance::alloc_instance(vm, &spec_type(vm)).unwrap_or_else(|_| vm.none.clone());
    if let Some(d) = vm.instance_dict(&spec) {
        dict::set_str(vm, &d, vm.intern("name"), vm.new_str(name));
        dict::set_str(vm, &d, vm.intern("origin"), vm.new_str(origin));
        let parent = if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default()
        };
        dict::set_str(vm, &d, vm.intern("parent"), vm.new_string(parent));
        dict::set_str(vm, &d, vm.intern("has_location"), vm.true_.clone());
        dict::set_str(
            vm,
            &d,
            vm.intern("submodule_search_locations"),
            vm.none.clone(),
        );
    }
    spec
}

fn spec_type(vm: &Vm) -> PyRef {
    let d = sysmodule::module_dict(vm);
    if let Some(t) = dict::get_str(vm, &d, &vm.intern("_minipy_ModuleSpec")) {
        return t;
    }
    let ns = vm.new_dict();
    dict::set_str(
        vm,
        &ns,
        vm.intern("__module__"),
        vm.new_str("importlib._bootstrap"),
    );
    let t = objects::typeobj::new_type(
        vm,
        &vm.types.type_,
        "ModuleSpec",
        vec![vm.types.object.clone()],
        ns,
    )
    .unwrap_or_else(|_| vm.types.object.clone());
    dict::set_str(vm, &d, vm.intern("_minipy_ModuleSpec"), t.clone());
    t
}

/// Converts a compile error into a `SyntaxError` (or subclass) instance.
pub fn syntax_error(vm: &Vm, e: &minipy_compiler::CompileError) -> PyRef {
    let ty = match e.kind {
        "IndentationError" => vm.exc.indentation_error.clone(),
        "TabError" => vm.exc.tab_error.clone(),
        "RecursionError" => return vm.new_error(&vm.exc.recursion_error, e.msg.clone()),
        _ => vm.exc.syntax_error.clone(),
    };
    let details = vm.new_tuple(vec![
        vm.new_str(&e.filename),
        vm.new_int(e.lineno as i64),
        vm.new_int(e.offset as i64),
        match &e.text {
            Some(t) => vm.new_str(t),
            None => vm.none.clone(),
        },
        vm.new_int(e.end_lineno as i64),
        vm.new_int(e.end_offset as i64),
    ]);
    vm.new_exception(&ty, vec![vm.new_str(&e.msg), details])
}

/// Compiles `source` and runs it with `globals` as the module namespace.
pub fn exec_source(vm: &Vm, source: &str, filename: &str, globals: &PyRef) -> PyResult {
    let code = minipy_compiler::compile(source, filename, minipy_compiler::Mode::Exec)
        .map_err(|e| syntax_error(vm, &e))?;
    exec_code(vm, CodeInfo::new(vm, code), globals)
}

pub fn exec_code(vm: &Vm, code: Rc<CodeInfo>, globals: &PyRef) -> PyResult {
    if dict::get_str(vm, globals, &vm.intern("__builtins__")).is_none() {
        dict::set_str(vm, globals, vm.intern("__builtins__"), vm.builtins.clone());
    }
    let builtins = frame::builtins_from_globals(vm, globals)?;
    let frame = Frame::new(
        vm,
        code,
        None,
        globals.clone(),
        builtins,
        Some(globals.clone()),
    );
    vm.run_frame(frame)
}

/// How a program ended.
pub enum Outcome {
    /// Normal end or `SystemExit` with this status.
    Exit(i32),
}

/// The `__main__` module's namespace.
pub fn main_module(vm: &Vm, file: Option<&str>) -> PyRef {
    let m = vm.new_module("__main__");
    let d = vm.instance_dict(&m).unwrap_or_else(|| vm.new_dict());
    dict::set_str(vm, &d, vm.intern("__builtins__"), vm.builtins.clone());
    if let Some(f) = file {
        dict::set_str(vm, &d, vm.intern("__file__"), vm.new_str(f));
    }
    dict::set_str(vm, &vm.modules, vm.intern("__main__"), m);
    d
}

/// Runs a program as `__main__` and reports an uncaught exception the way
/// CPython does; returns the process exit status.
pub fn run_main(vm: &Vm, source: &str, filename: &str, file_attr: Option<&str>) -> i32 {
    let globals = main_module(vm, file_attr);
    let r = exec_source(vm, source, filename, &globals);
    let status = match r {
        Ok(_) => 0,
        Err(e) => traceback::handle_uncaught(vm, &e),
    };
    // As CPython's `_PyRun_SimpleFileObject`: a script's `__file__` and
    // `__cached__` go once it has run (atexit handlers do not see them).
    if file_attr.is_some() {
        for name in ["__file__", "__cached__"] {
            dict::del_str(vm, &globals, &vm.intern(name));
        }
    }
    objects::textio::flush_all();
    status
}

/// Sets `sys.argv` and `sys.path`.
pub fn setup_sys(vm: &Vm, argv: &[String], script_dir: Option<String>) {
    sysmodule::set(
        vm,
        "argv",
        vm.new_list(argv.iter().map(|a| vm.new_str(a)).collect()),
    );
    let mut path = vec![script_dir.unwrap_or_default()];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(
            pp.split(':')
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string()),
        );
    }
    if let Some(std) = stdlib_dir() {
        path.push(std);
    }
    sysmodule::set(
        vm,
        "path",
        vm.new_list(path.iter().map(|p| vm.new_str(p)).collect()),
    );
}

/// CPython 3.11's pure-Python standard library folder: `MINIPY_STDLIB`, or
/// found next to a `python3.11` on PATH, or in the usual install places.
pub fn stdlib_dir() -> Option<String> {
    if let Ok(d) = std::env::var("MINIPY_STDLIB") {
        return Some(d);
    }
    let ok = |p: &std::path::Path| p.join("os.py").is_file();
    let mut cands: Vec<std::path::PathBuf> = Vec::new();
    let pyenv_versions = || -> Vec<std::path::PathBuf> {
        let root = std::env::var("PYENV_ROOT")
            .ok()
            .or_else(|| std::env::var("HOME").ok().map(|h| format!("{}/.pyenv", h)));
        let Some(root) = root else { return Vec::new() };
        let Ok(rd) = std::fs::read_dir(format!("{}/versions", root)) else {
            return Vec::new();
        };
        let mut vs: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().starts_with("3.11"))
                    .unwrap_or(false)
            })
            .collect();
        vs.sort();
        vs.into_iter()
            .rev()
            .map(|v| v.join("lib").join("python3.11"))
            .collect()
    };
    if let Ok(path) = std::env::var("PATH") {
        for dir in path.split(':') {
            // A pyenv shim directory stands for pyenv's installed versions.
            if dir.ends_with("/shims") {
                cands.extend(pyenv_versions());
                continue;
            }
            for exe in ["python3.11", "python3"] {
                let p = std::path::Path::new(dir).join(exe);
                if let Ok(real) = std::fs::canonicalize(&p) {
                    if let Some(bin) = real.parent() {
                        if let Some(prefix) = bin.parent() {
                            cands.push(prefix.join("lib").join("python3.11"));
                        }
                    }
                }
            }
        }
    }
    let home = std::env::var("PYENV_ROOT")
        .ok()
        .or_else(|| std::env::var("HOME").ok().map(|h| format!("{}/.pyenv", h)));
    if let Some(h) = home {
        if let Ok(rd) = std::fs::read_dir(format!("{}/versions", h)) {
            let mut vs: Vec<_> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().starts_with("3.11"))
                        .unwrap_or(false)
                })
                .collect();
            vs.sort();
            for v in vs.into_iter().rev() {
                cands.push(v.join("lib").join("python3.11"));
            }
        }
    }
    for p in ["/usr/lib/python3.11", "/usr/local/lib/python3.11"] {
        cands.push(std::path::PathBuf::from(p));
    }
    cands
        .into_iter()
        .find(|c| ok(c))
        .map(|c| c.display().to_string())
}

/// Runs `source` in a fresh VM (for benchmarks and embedding); an uncaught
/// exception is returned as its formatted last line.
pub fn run_source(source: &str, filename: &str) -> Result<(), String> {
    let vm = new_vm();
    setup_sys(&vm, &[filename.to_string()], None);
    let globals = main_module(&vm, Some(filename));
    let r = exec_source(&vm, source, filename, &globals);
    objects::textio::flush_all();
    r.map(|_| ())
        .map_err(|e| traceback::exception_line(&vm, &e))
}

/// `minipy -m MOD`: finds `MOD` on `sys.path` and runs it as `__main__`.
pub fn run_module_as_main(vm: &Vm, name: &str, _argv: &[String]) -> i32 {
    let path = crate::sysmodule::get(vm, "path")
        .map(|p| vm.iterate(&p).unwrap_or_default())
        .unwrap_or_default();
    let rel = name.replace('.', "/");
    for dir in path
        .iter()
        .filter_map(|p| p.as_str().map(|s| s.to_string()))
    {
        let base = std::path::Path::new(if dir.is_empty() { "." } else { &dir }).to_path_buf();
        for cand in [
            base.join(format!("{}.py", rel)),
            base.join(&rel).join("__main__.py"),
        ] {
            if cand.is_file() {
                let file = cand.display().to_string();
                let src = match std::fs::read(&cand) {
                    Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                    Err(_) => continue,
                };
                if let Some(argv) = crate::sysmodule::get(vm, "argv") {
                    let _ = vm.setitem(&argv, &vm.new_int(0), vm.new_string(file.clone()));
                }
                return run_main(vm, &src, &file, Some(&file));
            }
        }
    }
    traceback::write_stderr(&format!(
        "{}: No module named {}\n",
        std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "minipy".into()),
        name
    ));
    1
}
