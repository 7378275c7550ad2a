//! `BaseException` and its subclasses: construction, `args`, `str`/`repr`,
//! and the attributes of particular classes (`StopIteration.value`,
//! `SystemExit.code`, `KeyError`'s str, `OSError.errno`...).

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::typeobj;
use crate::vm::Vm;

/// `BaseException.__new__(cls, *args)`.
pub fn exception_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some((cls, rest)) = pos.split_first() else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments".to_string()));
    };
    let e = vm.new_exception(cls, rest.to_vec());
    Ok(e)
}

fn exception_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some((slf, rest)) = pos.split_first() else {
        return Ok(vm.none.clone());
    };
    if let Some(e) = slf.as_exception() {
        let old = e.args.replace(vm.new_tuple(rest.to_vec()));
        drop(old);
    }
    // Keyword arguments are accepted only by subclasses that define __init__.
    if args.has_kwargs() {
        let name = slf.type_name();
        let base_init = slf.class().as_type().map(|t| !t.heap).unwrap_or(true);
        if base_init {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
        }
    }
    Ok(vm.none.clone())
}

fn args_of(e: &PyRef) -> Vec<PyRef> {
    e.as_exception()
        .map(|d| d.args.borrow().as_tuple().unwrap_or(&[]).to_vec())
        .unwrap_or_default()
}

fn is_sub(vm: &Vm, e: &PyRef, t: &PyRef) -> bool {
    let _ = vm;
    typeobj::is_subtype(e.class(), t)
}

/// `str(exc)`.
pub fn exc_str(vm: &Vm, e: &PyRef) -> PyResult<String> {
    let args = args_of(e);
    if is_sub(vm, e, &vm.exc.key_error) && args.len() == 1 {
        return vm.repr_string(&args[0]);
    }
    if is_sub(vm, e, &vm.exc.os_error)
        && (2..=3).contains(&args.len())
        && args[0].as_small_int().is_some()
    {
        let base = format!(
            "[Errno {}] {}",
            vm.str_string(&args[0])?,
            vm.str_string(&args[1])?
        );
        return match args.get(2) {
            Some(f) => Ok(format!("{}: {}", base, vm.repr_string(f)?)),
            None => Ok(base),
        };
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str_string(&args[0]),
        _ => vm.repr_string(&vm.new_tuple(args)),
    }
}

/// `repr(exc)`: `ValueError('msg')`.
pub fn exc_repr(vm: &Vm, e: &PyRef) -> PyResult<String> {
    let args = args_of(e);
    let name = e.type_name();
    Ok(match args.len() {
        0 => format!("{}()", name),
        1 => format!("{}({})", name, vm.repr_string(&args[0])?),
        _ => format!("{}{}", name, vm.repr_string(&vm.new_tuple(args))?),
    })
}

/// Class-specific attributes computed from `args`.
pub fn exc_attr(vm: &Vm, e: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    let args = args_of(e);
    let first = || args.first().cloned().unwrap_or_else(|| vm.none.clone());
    let v = match name {
        "value" if is_sub(vm, e, &vm.exc.stop_iteration) => first(),
        "code" if is_sub(vm, e, &vm.exc.system_exit) => match args.len() {
            0 => vm.none.clone(),
            1 => first(),
            _ => vm.new_tuple(args.clone()),
        },
        "errno" | "strerror" | "filename" if is_sub(vm, e, &vm.exc.os_error) => {
            let i = match name {
                "errno" => 0,
                "strerror" => 1,
                _ => 2,
            };
            if args.len() >= 2 {
                args.get(i).cloned().unwrap_or_else(|| vm.none.clone())
            } else {
                vm.none.clone()
            }
        }
        "msg" if is_sub(vm, e, &vm.exc.syntax_error) || is_sub(vm, e, &vm.exc.import_error) => {
            first()
        }
        "name" | "path" if is_sub(vm, e, &vm.exc.import_error) => vm.none.clone(),
        "name" if is_sub(vm, e, &vm.exc.name_error) || is_sub(vm, e, &vm.exc.attribute_error) => {
            vm.none.clone()
        }
        "obj" if is_sub(vm, e, &vm.exc.attribute_error) => vm.none.clone(),
        "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
            if is_sub(vm, e, &vm.exc.syntax_error) =>
        {
            match args.get(1).and_then(|d| d.as_tuple().map(|t| t.to_vec())) {
                Some(d) => {
                    let i = match name {
                        "filename" => 0,
                        "lineno" => 1,
                        "offset" => 2,
                        "text" => 3,
                        "end_lineno" => 4,
                        _ => 5,
                    };
                    d.get(i).cloned().unwrap_or_else(|| vm.none.clone())
                }
                None => vm.none.clone(),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

fn exception_str(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__str__", 1, 1)?;
    Ok(vm.new_string(exc_str(vm, &a[0])?))
}

fn exception_repr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__repr__", 1, 1)?;
    Ok(vm.new_string(exc_repr(vm, &a[0])?))
}

fn with_traceback(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "with_traceback", 2, 2)?;
    set_traceback(vm, &a[0], Some(a[1].clone()))?;
    Ok(a[0].clone())
}

/// `exc.__traceback__ = tb` (None or a traceback).
pub fn set_traceback(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(d) = e.as_exception() else {
        return Err(vm.new_error(
            &vm.exc.system_error,
            "exception slot called on another object".to_string(),
        ));
    };
    let new = match v {
        None => return Err(vm.type_error("__traceback__ may not be deleted".to_string())),
        Some(v) if v.is_none() => None,
        Some(v) if matches!(v.payload, Payload::Traceback(_)) => Some(v),
        Some(_) => {
            return Err(vm.type_error("__traceback__ must be a traceback or None".to_string()))
        }
    };
    let old = d.traceback.replace(new);
    drop(old);
    Ok(())
}

fn add_note(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "add_note", 2, 2)?;
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", a[1].type_name())));
    }
    let notes = match vm.getattr_opt(&a[0], &vm.intern("__notes__"))? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.setattr(&a[0], &vm.intern("__notes__"), l.clone())?;
            l
        }
    };
    if let Payload::List(l) = &notes.payload {
        l.borrow_mut().push(a[1].clone());
    }
    Ok(vm.none.clone())
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", exception_init),
    ("__str__", exception_str),
    ("__repr__", exception_repr),
    ("with_traceback", with_traceback),
    ("add_note", add_note),
];
