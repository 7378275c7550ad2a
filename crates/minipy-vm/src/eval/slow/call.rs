//! Slow paths of calls: `CALL`, `CALL_FUNCTION_EX`, `MAKE_FUNCTION`,
//! `COPY_FREE_VARS`.

use crate::eval::stack::{self, bad_bytecode, wrong_kind};
use crate::eval::Raised;
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, Function};
use crate::objects::layout::Payload;
use crate::vm::Vm;
use minipy_bytecode::opcode::{mkfn, Opcode};
use std::cell::RefCell;

/// `CALL argc`: `[NULL|method, callable|self, args...] -- result`.
pub fn call(vm: &Vm, f: &mut Frame, argc: usize) -> Result<(), Raised> {
    let kwnames = f.kwnames.take();
    let base = stack::tail(vm, &f.bufs.stack, argc + 2, Opcode::CALL)?;
    let is_meth = !f.bufs.stack[base].is_null();
    let (callable, start) = if is_meth {
        (f.bufs.stack[base].clone(), base + 1)
    } else {
        (f.bufs.stack[base + 1].clone(), base + 2)
    };
    let kwn: &[PyRef] = match &kwnames {
        Some(k) => kw_names(vm, k, argc)?,
        None => &[],
    };
    if kwn.is_empty() {
        if let Payload::Function(func) = &callable.payload {
            let r = vm.call_function_stack(&callable, func, &mut f.bufs.stack, start);
            f.bufs.stack.truncate(base);
            f.bufs.stack.push(r?);
            return Ok(());
        }
    }
    let r = {
        let args = Args::with_kw(&f.bufs.stack[start..], kwn);
        match &callable.payload {
            Payload::Function(func) => vm.call_function(&callable, func, args),
            Payload::Builtin(b) if b.self_.is_none() => (b.func)(vm, args),
            _ => vm.call(&callable, args),
        }
    };
    f.bufs.stack.truncate(base);
    f.bufs.stack.push(r?);
    after_native_call(vm)
}

/// CPython's eval-breaker check at the end of `CALL` (for calls that did
/// not run a Python frame, whose `RESUME` checks): a signal that arrived
/// during a native call (a `print`, a sleep that ran to its end) has its
/// handler run now rather than at some later backward jump, or never.
#[inline(always)]
fn after_native_call(vm: &Vm) -> Result<(), Raised> {
    if minipy_sys::signal::any_tripped() {
        crate::modules::_signal::check_signals(vm)?;
    }
    Ok(())
}

/// The keyword names `KW_NAMES` set for a `CALL` of `argc` arguments: a
/// tuple (of str, which argument binding checks) naming the last arguments.
fn kw_names<'a>(vm: &Vm, kwnames: &'a PyRef, argc: usize) -> PyResult<&'a [PyRef]> {
    match kwnames.as_tuple() {
        Some(k) if k.len() <= argc => Ok(k),
        Some(k) => Err(bad_bytecode(
            vm,
            format!("KW_NAMES names {} of CALL {}'s arguments", k.len(), argc),
        )),
        None => Err(wrong_kind(
            vm,
            Opcode::KW_NAMES,
            "constant",
            kwnames,
            "tuple",
        )),
    }
}

/// `CALL_FUNCTION_EX`: `[NULL, func, args_tuple, kwargs?] -- result`.
pub fn call_function_ex(vm: &Vm, f: &mut Frame, arg: u32) -> Result<(), Raised> {
    let op = Opcode::CALL_FUNCTION_EX;
    let s = &mut f.bufs.stack;
    let kwargs = if arg & 1 != 0 {
        Some(stack::pop(vm, s, op)?)
    } else {
        None
    };
    let callargs = stack::pop(vm, s, op)?;
    let func = stack::pop(vm, s, op)?;
    let null = stack::pop(vm, s, op)?;
    if !null.is_null() {
        return Err(wrong_kind(vm, op, "slot below the callable", &null, "NULL").into());
    }
    let mut args: Vec<PyRef> = match &callargs.payload {
        Payload::Tuple(_) => callargs.items().to_vec(),
        _ => {
            if !vm.is_iterable(&callargs) {
                return Err(Raised::from(vm.type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    func_desc(vm, &func),
                    callargs.type_name()
                ))));
            }
            vm.iterate(&callargs)?
        }
    };
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs {
        if !matches!(kw.payload, Payload::Dict(_)) {
            return Err(Raised::from(vm.type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                func_desc(vm, &func),
                kw.type_name()
            ))));
        }
        for (k, v) in dict::items(&kw) {
            if k.as_str().is_none() {
                return Err(Raised::from(
                    vm.type_error("keywords must be strings".to_string()),
                ));
            }
            kwnames.push(k);
            args.push(v);
        }
    }
    let r = vm.call(&func, Args::with_kw(&args, &kwnames))?;
    f.bufs.stack.push(r);
    after_native_call(vm)
}

/// `f()`-style description of a callable for error messages.
pub fn func_desc(vm: &Vm, func: &PyRef) -> String {
    let _ = vm;
    match &func.payload {
        Payload::Function(fd) => {
            let q = fd.qualname.borrow().as_str().unwrap_or("?").to_string();
            match fd
                .module
                .borrow()
                .as_ref()
                .and_then(|m| m.as_str().map(|s| s.to_string()))
            {
                Some(m) if m != "builtins" => format!("{}.{}()", m, q),
                _ => format!("{}()", q),
            }
        }
        Payload::BoundMethod { func: inner, .. } => func_desc(vm, inner),
        Payload::Builtin(b) => format!("{}()", b.name),
        Payload::Type(t) => format!("{}()", t.name()),
        _ => format!("{} object", func.type_name()),
    }
}

/// `MAKE_FUNCTION flags`: `[defaults, kwdefaults, annotations, closure,] code -- function`.
pub fn make_function(vm: &Vm, f: &mut Frame, flags: u32) -> PyResult<()> {
    let op = Opcode::MAKE_FUNCTION;
    let s = &mut f.bufs.stack;
    let codeobj = stack::pop(vm, s, op)?;
    let Payload::Code(code) = &codeobj.payload else {
        return Err(wrong_kind(vm, op, "operand", &codeobj, "code"));
    };
    let mut flagged = |flag: u32| -> PyResult<Option<PyRef>> {
        match flags & flag {
            0 => Ok(None),
            _ => stack::pop(vm, s, op).map(Some),
        }
    };
    let closure = flagged(mkfn::CLOSURE)?;
    let annotations = flagged(mkfn::ANNOTATIONS)?;
    let kwdefaults = flagged(mkfn::KWDEFAULTS)?;
    let defaults = flagged(mkfn::DEFAULTS)?;
    // The compiler passes annotations as a flat (name, value, ...) tuple.
    let annotations = match annotations {
        Some(a) => match a.as_tuple() {
            Some(t) => {
                let d = vm.new_dict();
                let mut it = t.iter().cloned();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict::set_item(vm, &d, k, v)?;
                }
                Some(d)
            }
            None => Some(a),
        },
        None => None,
    };
    // The compiler puts a docstring at co_consts[0] (else None there).
    let doc = code
        .consts
        .first()
        .filter(|c| c.as_str().is_some())
        .cloned();
    let module = dict::get_str(vm, &f.globals, &vm.intern("__name__"));
    let func = Function {
        code: code.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        name: RefCell::new(vm.intern(&code.code.co_name)),
        qualname: RefCell::new(vm.new_str(&code.code.co_qualname)),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        annotations: RefCell::new(annotations),
        closure,
        dict: RefCell::new(None),
        module: RefCell::new(module),
        doc: RefCell::new(doc),
    };
    f.bufs.stack.push(PyRef::new(
        Payload::Function(Box::new(func)),
        &vm.types.function,
    ));
    Ok(())
}

/// `COPY_FREE_VARS n`: copies the closure's cells into the last n slots
/// (the free variables; n is `co_nfreevars`, and `MAKE_FUNCTION` gave the
/// function a closure of that many cells).
pub fn copy_free_vars(vm: &Vm, f: &mut Frame, n: usize) -> PyResult<()> {
    let op = Opcode::COPY_FREE_VARS;
    let closure = match f.func.as_ref().map(|func| &func.payload) {
        Some(Payload::Function(fd)) => fd.closure.as_ref(),
        _ => None,
    };
    let Some(closure) = closure else {
        return Err(bad_bytecode(
            vm,
            "COPY_FREE_VARS in a frame without a closure".into(),
        ));
    };
    let cells = match closure.as_tuple() {
        Some(cells) if cells.len() >= n => &cells[..n],
        _ => {
            return Err(wrong_kind(
                vm,
                op,
                "closure",
                closure,
                "tuple of enough cells",
            ))
        }
    };
    let fast = f.fast();
    let Some(offset) = fast.len().checked_sub(n) else {
        return Err(stack::bad_oparg(vm, op, n as u32));
    };
    for (slot, c) in fast[offset..].iter().zip(cells) {
        slot.set(Some(c.clone()));
    }
    Ok(())
}
