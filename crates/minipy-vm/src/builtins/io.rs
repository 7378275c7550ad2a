//! `print`, `input`, `open`.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::textio;
use crate::vm::Vm;

use super::{kw_only, sys_attr};

/// Checks `sep`/`end`: None or a str.
fn str_or_none<'a>(vm: &Vm, v: Option<&'a PyRef>, what: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s)),
            None => Err(vm.type_error(format!(
                "{} must be None or a string, not {}",
                what,
                v.type_name()
            ))),
        },
    }
}

/// `print(*args, sep=' ', end='\n', file=None, flush=False)`.
pub fn builtin_print(vm: &Vm, args: Args) -> PyResult {
    let kw = kw_only(vm, &args, "print", &["sep", "end", "file", "flush"])?;
    let file = match kw[2] {
        Some(f) if !f.is_none() => f.clone(),
        _ => match sys_attr(vm, "stdout") {
            Some(f) => f,
            None => return Ok(vm.none.clone()),
        },
    };
    let sep = str_or_none(vm, kw[0], "sep")?.unwrap_or(" ");
    let end = str_or_none(vm, kw[1], "end")?.unwrap_or("\n");
    let pos = args.pos();
    if let Some(fd) = textio::native_writer(vm, &file) {
        let mut out = String::new();
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            match a.as_str() {
                Some(s) if a.class().is(&vm.types.str) => out.push_str(s),
                _ => match vm.str_string(a) {
                    Ok(s) => out.push_str(&s),
                    Err(e) => {
                        textio::write_native(vm, fd, &out)?;
                        return Err(e);
                    }
                },
            }
        }
        out.push_str(end);
        textio::write_native(vm, fd, &out)?;
    } else {
        let sep_obj = match kw[0] {
            Some(s) if !s.is_none() => s.clone(),
            _ => vm.new_str(" "),
        };
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                vm.call_method(&file, "write", std::slice::from_ref(&sep_obj))?;
            }
            let s = vm.str(a)?;
            vm.call_method(&file, "write", &[s])?;
        }
        let end_obj = match kw[1] {
            Some(e) if !e.is_none() => e.clone(),
            _ => vm.new_str("\n"),
        };
        vm.call_method(&file, "write", &[end_obj])?;
    }
    if let Some(f) = kw[3] {
        if vm.truthy(f)? {
            vm.call_method(&file, "flush", &[])?;
        }
    }
    Ok(vm.none.clone())
}

/// `input(prompt='')`.
pub fn builtin_input(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "input")?;
    let pos = args.check(vm, "input", 0, 1)?;
    let Some(stdin) = sys_attr(vm, "stdin") else {
        return Err(vm.runtime_error("input(): lost sys.stdin".to_string()));
    };
    let Some(stdout) = sys_attr(vm, "stdout") else {
        return Err(vm.runtime_error("input(): lost sys.stdout".to_string()));
    };
    if let Some(err) = sys_attr(vm, "stderr") {
        if textio::native_writer(vm, &err).is_none() {
            let _ = vm.call_method(&err, "flush", &[]);
        }
    }
    if let Some(p) = pos.first() {
        let s = vm.str(p)?;
        match textio::native_writer(vm, &stdout) {
            Some(fd) => textio::write_native(vm, fd, s.as_str().unwrap_or(""))?,
            None => {
                vm.call_method(&stdout, "write", &[s])?;
            }
        }
    }
    vm.call_method(&stdout, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(s) = line.as_str() else {
        return Err(vm.type_error("object.readline() returned non-string".to_string()));
    };
    if s.is_empty() {
        return Err(vm.new_error(&vm.exc.eof_error, "EOF when reading a line".to_string()));
    }
    Ok(vm.new_str(s.strip_suffix('\n').unwrap_or(s)))
}

/// `open(file, mode='r', ...)`: text and binary files, read/write/append
/// (see `objects::textio::file`).
pub fn builtin_open(vm: &Vm, args: Args) -> PyResult {
    textio::open_file(vm, args)
}
