//! Object built-ins: `len`, `repr`, `ascii`, `format`, the attribute
//! functions, `isinstance`/`issubclass`, `callable`, `vars`, `dir`,
//! `globals`/`locals`, `exit`/`quit`, `__import__`.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, is_subtype};
use crate::vm::Vm;

use super::{ascii_escape, attr_name, one_arg, parse_args};

pub fn builtin_len(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "len")?;
    let n = vm.len(x)?;
    Ok(vm.new_int(n as i64))
}

pub fn builtin_repr(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "repr")?;
    vm.repr(x)
}

pub fn builtin_ascii(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "ascii")?;
    let r = vm.repr(x)?;
    match r.as_str() {
        Some(s) if s.is_ascii() => Ok(r.clone()),
        Some(s) => Ok(vm.new_string(ascii_escape(s))),
        None => Ok(r.clone()),
    }
}

/// `format(value, format_spec='', /)`.
pub fn builtin_format(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "format")?;
    let pos = args.check(vm, "format", 1, 2)?;
    let spec = match pos.get(1) {
        Some(s) => {
            if s.as_str().is_none() {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    s.type_name()
                )));
            }
            s.clone()
        }
        None => vm.empty_str.clone(),
    };
    crate::eval::slow::format(vm, &pos[0], &spec)
}

pub fn builtin_getattr(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "getattr")?;
    let pos = args.check(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, &pos[1])?;
    match pos.get(2) {
        Some(default) => Ok(vm
            .getattr_opt(&pos[0], name)?
            .unwrap_or_else(|| default.clone())),
        None => vm.getattr(&pos[0], name),
    }
}

pub fn builtin_setattr(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "setattr")?;
    let pos = args.check(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, &pos[1])?;
    vm.setattr(&pos[0], name, pos[2].clone())?;
    Ok(vm.none.clone())
}

pub fn builtin_hasattr(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "hasattr")?;
    let pos = args.check(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, &pos[1])?;
    Ok(vm.new_bool(vm.getattr_opt(&pos[0], name)?.is_some()))
}

pub fn builtin_delattr(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "delattr")?;
    let pos = args.check(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, &pos[1])?;
    vm.delattr(&pos[0], name)?;
    Ok(vm.none.clone())
}

fn is_heap_type(t: &PyRef) -> bool {
    t.as_type().map(|t| t.heap).unwrap_or(false)
}

/// A metaclass hook (`__instancecheck__`/`__subclasscheck__`) defined in
/// Python on the metaclass of `cls`.
fn meta_hook(vm: &Vm, cls: &PyRef, name: &str) -> Option<PyRef> {
    let meta = cls.class();
    if !is_heap_type(meta) {
        return None;
    }
    typeobj::lookup_str(vm, meta, name).filter(|h| {
        !matches!(
            h.payload,
            Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
        )
    })
}

fn isinstance_rec(vm: &Vm, obj: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if obj.class().is(cls) {
        return Ok(true);
    }
    if cls.as_type().is_some() {
        if let Some(h) = meta_hook(vm, cls, "__instancecheck__") {
            let r = vm.call_args(&h, &[cls.clone(), obj.clone()])?;
            return vm.truthy(&r);
        }
        if is_subtype(obj.class(), cls) {
            return Ok(true);
        }
        // An instance whose `__class__` is overridden.
        if matches!(obj.payload, Payload::Instance(_)) && is_heap_type(obj.class()) {
            if let Some(c) = vm.getattr_opt(obj, &vm.intern("__class__"))? {
                if !c.is(obj.class()) && c.as_type().is_some() {
                    return Ok(is_subtype(&c, cls));
                }
            }
        }
        return Ok(false);
    }
    if let Some(items) = cls.as_tuple() {
        vm.enter()?;
        let mut r = Ok(false);
        for c in items {
            match isinstance_rec(vm, obj, c) {
                Ok(false) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        vm.leave();
        return r;
    }
    // Other checkers (types.UnionType) define __instancecheck__ on their type.
    if let Some(r) = vm.call_special(cls, "__instancecheck__", std::slice::from_ref(obj))? {
        return vm.truthy(&r);
    }
    Err(vm
        .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union".to_string()))
}

pub fn builtin_isinstance(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "isinstance")?;
    let pos = args.check(vm, "isinstance", 2, 2)?;
    Ok(vm.new_bool(isinstance_rec(vm, &pos[0], &pos[1])?))
}

fn issubclass_rec(vm: &Vm, c: &PyRef, b: &PyRef) -> PyResult<bool> {
    if b.as_type().is_some() {
        if let Some(h) = meta_hook(vm, b, "__subclasscheck__") {
            let r = vm.call_args(&h, &[b.clone(), c.clone()])?;
            return vm.truthy(&r);
        }
        if c.as_type().is_none() {
            return Err(vm.type_error("issubclass() arg 1 must be a class".to_string()));
        }
        return Ok(is_subtype(c, b));
    }
    if let Some(items) = b.as_tuple() {
        vm.enter()?;
        let mut r = Ok(false);
        for t in items {
            match issubclass_rec(vm, c, t) {
                Ok(false) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        vm.leave();
        return r;
    }
    if c.as_type().is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class".to_string()));
    }
    if let Some(r) = vm.call_special(b, "__subclasscheck__", std::slice::from_ref(c))? {
        return vm.truthy(&r);
    }
    Err(vm.type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union".to_string(),
    ))
}

pub fn builtin_issubclass(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "issubclass")?;
    let pos = args.check(vm, "issubclass", 2, 2)?;
    Ok(vm.new_bool(issubclass_rec(vm, &pos[0], &pos[1])?))
}

/// `callable(obj)`.
pub fn is_callable(vm: &Vm, obj: &PyRef) -> bool {
    match &obj.payload {
        Payload::Function(_)
        | Payload::Builtin(_)
        | Payload::BoundMethod { .. }
        | Payload::Type(_) => true,
        _ => vm
            .lookup_special(obj, "__call__")
            .map(|c| !c.is_none())
            .unwrap_or(false),
    }
}

pub fn builtin_callable(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "callable")?;
    Ok(vm.new_bool(is_callable(vm, x)))
}

pub fn builtin_vars(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "vars")?;
    let pos = args.check(vm, "vars", 0, 1)?;
    let Some(obj) = pos.first() else {
        return caller_locals(vm);
    };
    match vm.getattr_opt(obj, &vm.intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute".to_string())),
    }
}

/// Attribute names every object inherits from `object` (CPython 3.11).
const OBJECT_ATTRS: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

fn add_dict_keys(names: &mut Vec<String>, d: &PyRef) {
    for k in dict::keys(d) {
        if let Some(s) = k.as_str() {
            names.push(s.to_string());
        }
    }
}

fn add_type_names(names: &mut Vec<String>, ty: &PyRef) {
    if let Some(t) = ty.as_type() {
        for base in t.mro.borrow().iter() {
            if let Some(bt) = base.as_type() {
                add_dict_keys(names, &bt.dict);
                if bt.heap {
                    names.push("__module__".to_string());
                    names.push("__doc__".to_string());
                    if bt.has_dict {
                        names.push("__dict__".to_string());
                        names.push("__weakref__".to_string());
                    }
                }
            }
        }
    }
}

/// `object.__dict__[name]`.
fn object_attr(vm: &Vm, name: &str) -> Option<PyRef> {
    let t = vm.types.object.as_type()?;
    dict::get_str(vm, &t.dict, &vm.intern(name))
}

/// `dir(obj)`: the sorted attribute names.
pub fn builtin_dir(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "dir")?;
    let pos = args.check(vm, "dir", 0, 1)?;
    let Some(obj) = pos.first() else {
        let l = caller_locals(vm)?;
        let mut keys = vm.iterate(&l)?;
        super::iteration::sort_values(vm, &mut keys, None, false)?;
        return Ok(vm.new_list(keys));
    };
    // A `__dir__` written in Python, or a built-in type's own.
    let own_dir = |h: &PyRef| {
        let object_dir = object_attr(vm, "__dir__");
        !matches!(h.payload, Payload::Builtin(_) | Payload::WrapperDescr(_))
            && !object_dir.is_some_and(|o| o.is(h))
            && (is_heap_type(obj.class()) || matches!(h.payload, Payload::MethodDescr(_)))
    };
    {
        if let Some(h) = typeobj::lookup_str(vm, obj.class(), "__dir__") {
            if own_dir(&h) {
                let r = vm.call_args(&h, std::slice::from_ref(obj))?;
                let mut items = vm.iterate(&r)?;
                super::iteration::sort_values(vm, &mut items, None, false)?;
                return Ok(vm.new_list(items));
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    match &obj.payload {
        Payload::Module { dict: d } => add_dict_keys(&mut names, d),
        Payload::Type(_) => {
            add_type_names(&mut names, obj);
            names.extend(OBJECT_ATTRS.iter().map(|s| s.to_string()));
        }
        _ => {
            if let Some(d) = vm.instance_dict(obj) {
                if matches!(d.payload, Payload::Dict(_)) {
                    add_dict_keys(&mut names, &d);
                }
            }
            add_type_names(&mut names, obj.class());
            names.extend(OBJECT_ATTRS.iter().map(|s| s.to_string()));
        }
    }
    names.sort();
    names.dedup();
    Ok(vm.new_list(names.iter().map(|n| vm.new_str(n)).collect()))
}

/// `globals()`: the calling frame's globals (`PyEval_GetGlobals`).
pub fn builtin_globals(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "globals")?;
    args.check(vm, "globals", 0, 0)?;
    match vm.thread.current_frame() {
        Some(f) => Ok(f.globals.clone()),
        None => Ok(vm.none.clone()),
    }
}

/// `locals()`: the calling frame's `f_locals` (`PyEval_GetLocals`).
pub fn builtin_locals(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "locals")?;
    args.check(vm, "locals", 0, 0)?;
    caller_locals(vm)
}

fn caller_locals(vm: &Vm) -> PyResult {
    match vm.thread.current_frame() {
        Some(f) => crate::objects::frameobj::fast_to_locals(vm, &f),
        None => Err(vm.new_error(&vm.exc.system_error, "frame does not exist".to_string())),
    }
}

/// `exit(code=None)` / `quit(code=None)`: raises `SystemExit(code)`.
pub fn builtin_exit(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    for (k, _) in args.kwargs() {
        if k != "code" {
            return Err(vm.type_error(format!(
                "Quitter.__call__() got an unexpected keyword argument '{}'",
                k
            )));
        }
    }
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            pos.len() + 1
        )));
    }
    let code = pos
        .first()
        .or(args.kwarg("code"))
        .cloned()
        .unwrap_or_else(|| vm.none.clone());
    Err(vm.new_exception(&vm.exc.system_exit, vec![code]))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(
        vm,
        &args,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
        0,
    )?;
    let Some(name) = a[0].clone() else {
        return Err(
            vm.type_error("__import__() missing required argument 'name' (pos 1)".to_string())
        );
    };
    if name.as_str().is_none() {
        return Err(vm.type_error("module name must be a string".to_string()));
    }
    let level = match &a[4] {
        Some(l) => vm.index_i64(l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0".to_string()));
    }
    let globals = match &a[1] {
        Some(g) if !g.is_none() => g.clone(),
        _ => vm.new_dict(),
    };
    let fromlist = match &a[3] {
        Some(f) => f.clone(),
        None => vm.empty_tuple.clone(),
    };
    crate::import::import_module_level(
        vm,
        name.as_str().unwrap_or(""),
        &globals,
        &fromlist,
        level as usize,
    )
}

/// The `globals`/`locals` mappings of `exec`/`eval` (CPython 3.11's
/// `builtin_exec_impl`/`builtin_eval_impl`): None means the calling
/// frame's; `__builtins__` is added to globals that lack it.
fn exec_namespaces(vm: &Vm, fname: &str, a: &[Option<PyRef>]) -> PyResult<(PyRef, PyRef)> {
    let given = |i: usize| a.get(i).cloned().flatten().filter(|v| !v.is_none());
    let (globals, locals) = (given(1), given(2));
    // PyMapping_Check: the type can be subscripted.
    let is_mapping = |v: &PyRef| {
        v.class()
            .as_type()
            .is_some_and(|t| t.slots.subscript().is_some())
            || typeobj::lookup_str(vm, v.class(), "__getitem__").is_some()
    };
    if fname == "eval" {
        if let Some(l) = &locals {
            if !is_mapping(l) {
                return Err(vm.type_error("locals must be a mapping".to_string()));
            }
        }
        if let Some(g) = &globals {
            if !matches!(g.payload, Payload::Dict(_)) {
                return Err(vm.type_error(if is_mapping(g) {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }));
            }
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let Some(f) = vm.thread.current_frame() else {
                return Err(vm.new_error(
                    &vm.exc.system_error,
                    "globals and locals cannot be NULL".to_string(),
                ));
            };
            let l = match l {
                Some(l) => l,
                None => crate::objects::frameobj::fast_to_locals(vm, &f)?,
            };
            (f.globals.clone(), l)
        }
    };
    if !matches!(globals.payload, Payload::Dict(_)) {
        return Err(vm.type_error(format!(
            "{}() globals must be a dict, not {}",
            fname,
            globals.type_name()
        )));
    }
    if fname == "exec" && !is_mapping(&locals) {
        return Err(vm.type_error(format!(
            "locals must be a mapping or None, not {}",
            locals.type_name()
        )));
    }
    if dict::get_item(vm, &globals, &vm.intern("__builtins__"))?.is_none() {
        let b = match vm.thread.current_frame() {
            Some(f) => crate::objects::frameobj::builtins_dict(&f),
            None => vm.builtins.clone(),
        };
        dict::set_item(vm, &globals, vm.intern("__builtins__"), b)?;
    }
    Ok((globals, locals))
}

fn run_source(vm: &Vm, fname: &str, args: &Args, mode: minipy_compiler::Mode) -> PyResult {
    let a = parse_args(vm, args, fname, &["source", "globals", "locals"], 1, 1)?;
    let Some(src) = a[0].clone() else {
        return Err(vm.type_error(format!(
            "{}() missing required argument 'source' (pos 1)",
            fname
        )));
    };
    let (globals, locals) = exec_namespaces(vm, fname, &a)?;
    let code = match &src.payload {
        // A frame of code with free variables needs the closure only a
        // function gives (COPY_FREE_VARS): CPython's checks and messages.
        Payload::Code(c) if !c.code.co_freevars().is_empty() => {
            return Err(vm.type_error(if mode == minipy_compiler::Mode::Eval {
                "code object passed to eval() may not contain free variables".to_string()
            } else {
                format!(
                    "code object requires a closure of exactly length {}",
                    c.code.co_freevars().len()
                )
            }))
        }
        Payload::Code(c) => c.clone(),
        Payload::Str(_) | Payload::Bytes(_) => {
            let full = source_text(vm, fname, &src)?;
            let text: &str = if mode == minipy_compiler::Mode::Eval {
                full.trim_start_matches([' ', '\t'])
            } else {
                &full
            };
            let co = minipy_compiler::compile(text, "<string>", mode)
                .map_err(|e| crate::syntax_error(vm, &e))?;
            crate::objects::code::CodeInfo::new(vm, co)
        }
        _ => {
            return Err(vm.type_error(format!(
                "{}() arg 1 must be a string, bytes or code object",
                fname
            )))
        }
    };
    let builtins = crate::frame::builtins_from_globals(vm, &globals)?;
    let frame = crate::frame::Frame::new(vm, code, None, globals, builtins, Some(locals));
    vm.run_frame(frame)
}

/// `eval(source, globals=None, locals=None)` (explicit globals only).
pub fn builtin_eval(vm: &Vm, args: Args) -> PyResult {
    run_source(vm, "eval", &args, minipy_compiler::Mode::Eval)
}

/// `exec(source, globals=None, locals=None)` (explicit globals only).
pub fn builtin_exec(vm: &Vm, args: Args) -> PyResult {
    run_source(vm, "exec", &args, minipy_compiler::Mode::Exec)?;
    Ok(vm.none.clone())
}

/// The text of a `compile`/`exec`/`eval` source argument (str or UTF-8 bytes).
fn source_text(vm: &Vm, fname: &str, src: &PyRef) -> PyResult<String> {
    match &src.payload {
        Payload::Str(s) => Ok(s.s.to_string()),
        Payload::Bytes(b) => match std::str::from_utf8(b) {
            Ok(t) => Ok(t.to_string()),
            Err(_) => Err(vm.new_error(
                &vm.exc.syntax_error,
                "source code is not valid UTF-8".to_string(),
            )),
        },
        _ => Err(vm.type_error(format!(
            "{}() arg 1 must be a string, bytes or AST object",
            fname
        ))),
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(
        vm,
        &args,
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        0,
    )?;
    let (Some(src), Some(filename), Some(mode)) = (a[0].clone(), a[1].clone(), a[2].clone()) else {
        return Err(
            vm.type_error("compile() missing required argument 'source' (pos 1)".to_string())
        );
    };
    let Some(filename) = filename.as_str().map(|s| s.to_string()) else {
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, not {}",
            filename.type_name()
        )));
    };
    let mode = match mode.as_str() {
        Some("exec") => minipy_compiler::Mode::Exec,
        Some("eval") => minipy_compiler::Mode::Eval,
        Some("single") => minipy_compiler::Mode::Single,
        Some(_) => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval' or 'single'".to_string())
            )
        }
        None => {
            return Err(vm.type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode.type_name()
            )))
        }
    };
    if let Some(f) = &a[3] {
        if vm.index_i64(f)? != 0 {
            return Err(vm.unsupported("compile() flags"));
        }
    }
    let text = source_text(vm, "compile", &src)?;
    let co = minipy_compiler::compile(&text, &filename, mode)
        .map_err(|e| crate::syntax_error(vm, &e))?;
    Ok(vm.new_code(crate::objects::code::CodeInfo::new(vm, co)))
}
