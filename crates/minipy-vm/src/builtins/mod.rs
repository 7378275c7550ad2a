//! The `builtins` module: the built-in types and exceptions under their
//! names, the constants, and the built-in functions (CPython's
//! `Python/bltinmodule.c`), with CPython 3.11's argument checking and
//! error messages.

pub mod attrs;
mod io;
mod iteration;
mod numeric;

pub use iteration::sort_values;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinFunction, BuiltinKind, NativeFn};
use crate::objects::layout::Payload;
use crate::objects::textio;
use crate::vm::Vm;

/// The built-in functions, by name.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", io::builtin_print),
    ("input", io::builtin_input),
    ("open", io::builtin_open),
    ("len", attrs::builtin_len),
    ("repr", attrs::builtin_repr),
    ("ascii", attrs::builtin_ascii),
    ("format", attrs::builtin_format),
    ("getattr", attrs::builtin_getattr),
    ("setattr", attrs::builtin_setattr),
    ("hasattr", attrs::builtin_hasattr),
    ("delattr", attrs::builtin_delattr),
    ("isinstance", attrs::builtin_isinstance),
    ("issubclass", attrs::builtin_issubclass),
    ("callable", attrs::builtin_callable),
    ("vars", attrs::builtin_vars),
    ("dir", attrs::builtin_dir),
    ("globals", attrs::builtin_globals),
    ("locals", attrs::builtin_locals),
    ("exit", attrs::builtin_exit),
    ("quit", attrs::builtin_exit),
    ("__import__", attrs::builtin_import),
    ("eval", attrs::builtin_eval),
    ("exec", attrs::builtin_exec),
    ("compile", attrs::builtin_compile),
    ("id", numeric::builtin_id),
    ("hash", numeric::builtin_hash),
    ("abs", numeric::builtin_abs),
    ("min", numeric::builtin_min),
    ("max", numeric::builtin_max),
    ("sum", numeric::builtin_sum),
    ("round", numeric::builtin_round),
    ("divmod", numeric::builtin_divmod),
    ("pow", numeric::builtin_pow),
    ("hex", numeric::builtin_hex),
    ("oct", numeric::builtin_oct),
    ("bin", numeric::builtin_bin),
    ("chr", numeric::builtin_chr),
    ("ord", numeric::builtin_ord),
    ("sorted", iteration::builtin_sorted),
    ("any", iteration::builtin_any),
    ("all", iteration::builtin_all),
    ("iter", iteration::builtin_iter),
    ("next", iteration::builtin_next),
];

/// A module-level native function object.
pub fn new_builtin(vm: &Vm, name: &'static str, func: NativeFn) -> PyRef {
    PyRef::new(
        Payload::Builtin(Box::new(BuiltinFunction {
            name,
            func,
            kind: BuiltinKind::Function,
            self_: None,
            owner: None,
            doc: None,
        })),
        &vm.types.builtin_function,
    )
}

/// Fills the `builtins` module.
pub fn init(vm: &Vm) {
    let Payload::Module { dict: d } = &vm.builtins.payload else {
        return;
    };
    let set = |name: &str, v: PyRef| dict::set_str(vm, d, vm.intern(name), v);
    set("__name__", vm.new_str("builtins"));
    set("__doc__", vm.none.clone());
    set("__package__", vm.new_str(""));
    set("__loader__", vm.none.clone());
    set("__spec__", vm.none.clone());
    let t = &vm.types;
    for ty in [
        &t.int,
        &t.bool,
        &t.float,
        &t.complex,
        &t.str,
        &t.bytes,
        &t.bytearray,
        &t.memoryview,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.object,
        &t.type_,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ] {
        if let Some(td) = ty.as_type() {
            set(&td.name(), ty.clone());
        }
    }
    for exc in &vm.exc.all {
        if let Some(td) = exc.as_type() {
            set(&td.name(), exc.clone());
        }
    }
    set("EnvironmentError", vm.exc.os_error.clone());
    set("IOError", vm.exc.os_error.clone());
    set("Ellipsis", vm.ellipsis.clone());
    set("NotImplemented", vm.not_implemented.clone());
    set("__debug__", vm.true_.clone());
    set(
        "__build_class__",
        new_builtin(
            vm,
            "__build_class__",
            crate::objects::typeobj::methods::build_class,
        ),
    );
    for (name, f) in FUNCTIONS {
        set(name, new_builtin(vm, name, *f));
    }
    dict::set_str(vm, &vm.modules, vm.intern("builtins"), vm.builtins.clone());
}

/// `sys.stdout`, or None when it is unset or `None`.
pub fn sys_stdout(vm: &Vm) -> Option<PyRef> {
    sys_attr(vm, "stdout")
}

/// A `sys` attribute (None when unset or `None`).
pub fn sys_attr(vm: &Vm, name: &str) -> Option<PyRef> {
    let Payload::Module { dict: d } = &vm.sys.payload else {
        return None;
    };
    dict::get_str(vm, d, &vm.intern(name)).filter(|v| !v.is_none())
}

/// Writes `s` to `sys.stdout` (through its `write` method unless it is the
/// native stream).
pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    match sys_stdout(vm) {
        None => Ok(()),
        Some(out) => {
            if textio::is_native_stdout(vm, &out) {
                return textio::write_native(vm, 1, s);
            }
            vm.call_method(&out, "write", &[vm.new_str(s)])?;
            Ok(())
        }
    }
}

/// The escaping `ascii()` applies to a repr: every non-ASCII character
/// becomes `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

// ----- argument parsing helpers ------------------------------------------

/// Argument-clinic style parsing (`_PyArg_UnpackKeywords`): `names` are the
/// parameters in order, the first `posonly` positional-only, the first
/// `required` required. Returns one slot per parameter.
pub(crate) fn parse_args(
    vm: &Vm,
    args: &Args,
    fname: &str,
    names: &[&str],
    required: usize,
    posonly: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let pos = args.pos();
    let total = args.args.len();
    if total > names.len() {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            total
        )));
    }
    if pos.len() < posonly.min(required) {
        let n = posonly.min(required);
        return Err(vm.type_error(format!(
            "{}() takes at least {} positional argument{} ({} given)",
            fname,
            n,
            if n == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    let mut out: Vec<Option<PyRef>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    let mut unknown: Option<&str> = None;
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k,
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                if unknown.is_none() {
                    unknown = Some(k);
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    if let Some(k) = unknown {
        return Err(vm.type_error(format!(
            "'{}' is an invalid keyword argument for {}()",
            k, fname
        )));
    }
    Ok(out)
}

/// Keyword arguments limited to `allowed` ("'x' is an invalid keyword
/// argument for f()"); returns one slot per allowed name.
pub(crate) fn kw_only<'a>(
    vm: &Vm,
    args: &Args<'a>,
    fname: &str,
    allowed: &[&str],
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in args.kwargs() {
        match allowed.iter().position(|n| *n == k) {
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, fname
                )))
            }
        }
    }
    Ok(out)
}

/// A one-argument function without keywords (`METH_O`).
pub(crate) fn one_arg<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<&'a PyRef> {
    args.no_kwargs(vm, fname)?;
    let a = args.check(vm, fname, 1, 1)?;
    Ok(&a[0])
}

/// `"attribute name must be string, not 'int'"` check.
pub(crate) fn attr_name<'a>(vm: &Vm, name: &'a PyRef) -> PyResult<&'a PyRef> {
    if name.as_str().is_some() {
        Ok(name)
    } else {
        Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            name.type_name()
        )))
    }
}
