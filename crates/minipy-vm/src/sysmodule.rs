//! The `sys` module.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinFunction, BuiltinKind, NativeFn};
use crate::objects::layout::Payload;
use crate::text::int_format;
use crate::vm::Vm;

pub fn module_dict(vm: &Vm) -> PyRef {
    match &vm.sys.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => vm.new_dict(),
    }
}

pub fn set(vm: &Vm, name: &str, v: PyRef) {
    dict::set_str(vm, &module_dict(vm), vm.intern(name), v);
}

pub fn get(vm: &Vm, name: &str) -> Option<PyRef> {
    dict::get_str(vm, &module_dict(vm), &vm.intern(name))
}

/// Adds native functions to a module dict.
pub fn add_functions(vm: &Vm, d: &PyRef, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        let func = PyRef::new(
            Payload::Builtin(Box::new(BuiltinFunction {
                name,
                func: *f,
                kind: BuiltinKind::Function,
                self_: None,
                owner: None,
                doc: None,
            })),
            &vm.types.builtin_function,
        );
        dict::set_str(vm, d, vm.intern(name), func);
    }
}

pub fn init(vm: &Vm) {
    let d = module_dict(vm);
    dict::set_str(vm, &d, vm.intern("__name__"), vm.new_str("sys"));
    dict::set_str(vm, &d, vm.intern("__doc__"), vm.none.clone());
    dict::set_str(vm, &d, vm.intern("__package__"), vm.new_str(""));
    set(vm, "modules", vm.modules.clone());
    set(vm, "argv", vm.new_list(vec![vm.new_str("")]));
    set(vm, "path", vm.new_list(vec![]));
    set(vm, "meta_path", vm.new_list(vec![]));
    set(vm, "path_hooks", vm.new_list(vec![]));
    set(vm, "path_importer_cache", vm.new_dict());
    set(vm, "platform", vm.new_str("linux"));
    set(
        vm,
        "byteorder",
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    set(vm, "maxsize", vm.new_int(i64::MAX));
    set(vm, "maxunicode", vm.new_int(0x10ffff));
    set(vm, "version", vm.new_str("3.11.7 (minipy 0.1.0)"));
    set(vm, "hexversion", vm.new_int(0x030b07f0));
    set(vm, "version_info", version_info(vm));
    set(
        vm,
        "executable",
        vm.new_string(
            std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    set(vm, "prefix", vm.new_str(""));
    set(vm, "dont_write_bytecode", vm.true_.clone());
    set(
        vm,
        "builtin_module_names",
        vm.new_tuple(
            crate::modules::names()
                .into_iter()
                .map(|n| vm.new_str(n))
                .collect(),
        ),
    );
    add_functions(
        vm,
        &d,
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("getrefcount", getrefcount),
            ("getsizeof", getsizeof),
            ("unraisablehook", unraisablehook),
            ("excepthook", crate::traceback::excepthook),
            ("getallocatedblocks", getallocatedblocks),
            ("intern", intern),
            ("exc_info", exc_info),
            ("exception", exception),
            ("_getframe", getframe),
            ("getdefaultencoding", getdefaultencoding),
            ("getfilesystemencoding", getdefaultencoding),
            ("_debugmallocstats", debugmallocstats),
        ],
    );
    if let Some(h) = get(vm, "unraisablehook") {
        set(vm, "__unraisablehook__", h);
    }
    if let Some(h) = get(vm, "excepthook") {
        set(vm, "__excepthook__", h);
    }
    dict::set_str(vm, &vm.modules, vm.intern("sys"), vm.sys.clone());
    dict::set_str(vm, &vm.modules, vm.intern("builtins"), vm.builtins.clone());
    crate::objects::textio::install(vm);
}

fn sys_exit(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "exit", 0, 1)?;
    // Like PyErr_SetObject: a tuple argument becomes the exception's args.
    let items = match a.first().and_then(|x| x.as_tuple()) {
        Some(t) => t.to_vec(),
        None => a.to_vec(),
    };
    Err(vm.new_exception(&vm.exc.system_exit, items))
}

fn getrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "setrecursionlimit", 1, 1)?;
    if a[0].as_small_int().is_none() {
        return Err(vm.type_error("an integer is required".to_string()));
    }
    let n = vm.index_i64(&a[0])?;
    if i32::try_from(n).is_err() {
        return Err(vm.new_error(
            &vm.exc.overflow_error,
            "Python int too large to convert to C int".to_string(),
        ));
    }
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1".to_string()));
    }
    let depth = vm.thread.depth.get();
    if (n as usize) <= depth {
        return Err(vm.new_error(
            &vm.exc.recursion_error,
            format!(
                "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
                n, depth
            ),
        ));
    }
    // Any C int, as CPython: the stack grows on demand (crate::stack).
    vm.recursion_limit.set(n as usize);
    Ok(vm.none.clone())
}

fn get_int_max_str_digits(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "sys.get_int_max_str_digits", 0, 0)?;
    Ok(vm.new_int(int_format::max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: the limit of `str(int)` and
/// `int(str)` (0: none), as CPython's `sys_set_int_max_str_digits_impl`.
fn set_int_max_str_digits(vm: &Vm, args: Args) -> PyResult {
    const NAME: &str = "set_int_max_str_digits";
    // Argument Clinic's order: the count first, then the one parameter (an
    // unknown keyword leaves it missing).
    let pos = args.pos();
    let given = pos.len() + args.kwargs().count();
    if given > 1 {
        return Err(vm.type_error(format!(
            "{}() takes at most 1 argument ({} given)",
            NAME, given
        )));
    }
    let Some(value) = pos.first().or(args.kwarg("maxdigits")) else {
        return Err(vm.type_error(format!(
            "{}() missing required argument 'maxdigits' (pos 1)",
            NAME
        )));
    };
    let too_large = || vm.overflow_error("Python int too large to convert to C int".to_string());
    let n = match vm.index_i64(value) {
        Ok(n) => n,
        Err(e) if vm.exc_matches(&e, &vm.exc.overflow_error) => return Err(too_large()),
        Err(e) => return Err(e),
    };
    if i32::try_from(n).is_err() {
        return Err(too_large());
    }
    if n != 0 && n < int_format::INT_STR_DIGITS_CHECK_THRESHOLD as i64 {
        return Err(vm.value_error(format!(
            "maxdigits must be 0 or larger than {}",
            int_format::INT_STR_DIGITS_CHECK_THRESHOLD
        )));
    }
    int_format::set_max_str_digits(n as usize);
    Ok(vm.none.clone())
}

fn getrefcount(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "sys.getrefcount", 1, 1)?;
    Ok(vm.new_int(a[0].refcnt() as i64))
}

/// `sys.getsizeof(obj[, default])`: minipy's real size of `obj` (see
/// `objects::sizeof`), or what a user-defined `__sizeof__` returns.
fn getsizeof(vm: &Vm, args: Args) -> PyResult {
    args.only_kwargs(vm, "getsizeof", &["default"])?;
    let a = args.pos();
    if a.is_empty() {
        return Err(
            vm.type_error("getsizeof() missing required argument 'object' (pos 1)".to_string())
        );
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "getsizeof() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let obj = &a[0];
    let user = match &obj.class().payload {
        Payload::Type(t) if t.heap => {
            crate::objects::typeobj::lookup_str(vm, obj.class(), "__sizeof__").filter(|m| {
                !matches!(
                    m.payload,
                    Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
                )
            })
        }
        _ => None,
    };
    let size = match user {
        Some(m) => match vm.call_args(&m, std::slice::from_ref(obj)) {
            Ok(v) => {
                let n = vm.index_i64(&v)?;
                if n < 0 {
                    return Err(vm.value_error("__sizeof__() should return >= 0".to_string()));
                }
                n as usize + obj.block_size() - std::mem::size_of::<crate::heap::PyObject>()
            }
            Err(e) => match a.get(1).or_else(|| args.kwarg("default")) {
                Some(d) => return Ok(d.clone()),
                None => return Err(e),
            },
        },
        None => crate::objects::sizeof::getsizeof(obj),
    };
    Ok(vm.new_int(size as i64))
}

fn unraisablehook(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "unraisablehook", 1, 1)?;
    crate::traceback::default_unraisablehook(vm, &a[0])?;
    Ok(vm.none.clone())
}

/// `sys.getallocatedblocks()`: blocks currently allocated by minipy's
/// allocator (every object's block; payload buffers use the system one).
fn getallocatedblocks(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "sys.getallocatedblocks", 0, 0)?;
    let s = minipy_alloc::stats();
    Ok(vm.new_int((s.small_blocks_in_use() + s.large_blocks_in_use) as i64))
}

fn intern(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "sys.intern", 1, 1)?;
    if a[0].as_str().is_none() {
        return Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            a[0].type_name()
        )));
    }
    if !a[0].class().is(&vm.types.str) {
        return Err(vm.type_error(format!("can't intern {}", a[0].type_name())));
    }
    Ok(vm.intern_obj(&a[0]))
}

fn exc_info(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "exc_info", 0, 0)?;
    Ok(match vm.handled_exception() {
        Some(e) => {
            let tb = e
                .as_exception()
                .and_then(|d| d.traceback.borrow().clone())
                .unwrap_or_else(|| vm.none.clone());
            vm.new_tuple(vec![e.class().clone(), e.clone(), tb])
        }
        None => vm.new_tuple(vec![vm.none.clone(), vm.none.clone(), vm.none.clone()]),
    })
}

/// `sys._getframe(depth=0)`: the frame `depth` calls below the caller.
fn getframe(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "_getframe")?;
    let a = args.check(vm, "_getframe", 0, 1)?;
    let mut depth = match a.first() {
        Some(d) => {
            if crate::objects::typeobj::is_subtype(d.class(), &vm.types.float) {
                return Err(
                    vm.type_error("'float' object cannot be interpreted as an integer".to_string())
                );
            }
            vm.index_i64(d)?
        }
        None => 0,
    };
    let mut f = vm.thread.current_frame();
    while depth > 0 {
        f = f.and_then(|d| crate::frame::previous(&d));
        depth -= 1;
    }
    match f {
        Some(d) => Ok(crate::objects::frameobj::frame_object(vm, &d)),
        None => Err(vm.value_error("call stack is not deep enough".to_string())),
    }
}

fn exception(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "exception", 0, 0)?;
    Ok(vm.handled_exception().unwrap_or_else(|| vm.none.clone()))
}

/// `sys._debugmallocstats()`: the small-object allocator's state on
/// stderr, in CPython 3.11's layout.
fn debugmallocstats(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_debugmallocstats", 0, 0)?;
    let mut s = minipy_alloc::debugmallocstats();
    s.push('\n');
    s.push_str(&crate::heap::freelist::report());
    crate::traceback::write_stderr(&s);
    Ok(vm.none.clone())
}

fn getdefaultencoding(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("utf-8"))
}

fn tuple_item<const I: usize>(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "getter", 1, 1)?;
    Ok(a[0]
        .as_tuple()
        .and_then(|t| t.get(I).cloned())
        .unwrap_or_else(|| vm.none.clone()))
}

/// `sys.version_info`: a tuple subclass with named fields.
fn version_info(vm: &Vm) -> PyRef {
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, vm.intern("__module__"), vm.new_str("sys"));
    let getters: [(&'static str, NativeFn); 5] = [
        ("major", tuple_item::<0>),
        ("minor", tuple_item::<1>),
        ("micro", tuple_item::<2>),
        ("releaselevel", tuple_item::<3>),
        ("serial", tuple_item::<4>),
    ];
    for (name, f) in getters {
        let g = PyRef::new(
            Payload::Builtin(Box::new(BuiltinFunction {
                name,
                func: f,
                kind: BuiltinKind::Function,
                self_: None,
                owner: None,
                doc: None,
            })),
            &vm.types.builtin_function,
        );
        let p = PyRef::new(
            Payload::Property {
                fget: Some(g),
                fset: None,
                fdel: None,
                doc: None,
            },
            &vm.types.property,
        );
        dict::set_str(vm, &ns, vm.intern(name), p);
    }
    let items = vec![
        vm.new_int(3),
        vm.new_int(11),
        vm.new_int(7),
        vm.new_str("final"),
        vm.new_int(0),
    ];
    match crate::objects::typeobj::new_type(
        vm,
        &vm.types.type_,
        "version_info",
        vec![vm.types.tuple.clone()],
        ns,
    ) {
        Ok(t) => PyRef::new_tuple(items, &t),
        Err(_) => vm.new_tuple(items),
    }
}
