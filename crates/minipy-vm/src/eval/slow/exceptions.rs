//! Slow paths about exceptions: `RAISE_VARARGS`, `RERAISE`'s `lasti`,
//! `CHECK_EXC_MATCH`, `WITH_EXCEPT_START`, `__context__` chaining, and the
//! NameError/UnboundLocalError texts.

use minipy_bytecode::exctable::ExceptionTableEntry;
use minipy_bytecode::opcode::Opcode;

use crate::eval::stack::{self, bad_bytecode, wrong_kind};
use crate::eval::Raised;
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// Sets `__context__` of a freshly raised exception to the exception being
/// handled, as CPython's `_PyErr_SetObject` does (breaking cycles).
pub fn on_new_exception(vm: &Vm, exc: &PyRef) {
    let Some(e) = exc.as_exception() else { return };
    if e.traceback.borrow().is_some() {
        return;
    }
    set_context(vm, exc);
}

pub fn set_context(vm: &Vm, exc: &PyRef) {
    let Some(e) = exc.as_exception() else { return };
    let Some(handled) = vm.handled_exception() else {
        return;
    };
    if handled.is(exc) {
        return;
    }
    // Break a cycle exc -> ... -> handled -> ... -> exc.
    let mut o = handled.clone();
    loop {
        let next = match o.as_exception() {
            Some(oe) => oe.context.borrow().clone(),
            None => None,
        };
        match next {
            Some(n) if n.is(exc) => {
                if let Some(oe) = o.as_exception() {
                    let old = oe.context.replace(None);
                    drop(old);
                }
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    let old = e.context.replace(Some(handled));
    drop(old);
}

pub fn unbound_local(vm: &Vm, f: &Frame, idx: u32) -> PyRef {
    let name = f
        .code
        .localsplusnames
        .get(idx as usize)
        .and_then(|n| n.as_str())
        .unwrap_or("?");
    vm.new_error(
        &vm.exc.unbound_local_error,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name
        ),
    )
}

pub fn name_error(vm: &Vm, name: &PyRef) -> PyRef {
    let e = vm.name_error(format!(
        "name '{}' is not defined",
        name.as_str().unwrap_or("?")
    ));
    // The `name` member (it cannot fail on a NameError).
    let r = vm.setattr(&e, &vm.intern("name"), name.clone());
    drop(r);
    e
}

/// Turns `raise X` operands into an exception instance.
pub fn make_exception(vm: &Vm, v: &PyRef) -> PyResult {
    if v.as_type().is_some() {
        if crate::objects::typeobj::is_subtype(v, &vm.exc.base_exception) {
            let e = vm.call_args(v, &[])?;
            if e.as_exception().is_none() {
                return Err(vm.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr_string(v)?,
                    e.type_name()
                )));
            }
            return Ok(e);
        }
    } else if v.as_exception().is_some() {
        return Ok(v.clone());
    }
    Err(vm.type_error("exceptions must derive from BaseException".to_string()))
}

/// `RAISE_VARARGS argc`: `(args[argc] -- )`, argc 0 to 2.
pub fn raise_varargs(vm: &Vm, f: &mut Frame, argc: u32) -> Raised {
    let (exc, cause) = match raise_operands(vm, &mut f.bufs.stack, argc) {
        Ok(operands) => operands,
        Err(e) => return Raised::from(e),
    };
    let Some(exc) = exc else {
        return match vm.handled_exception() {
            Some(e) => Raised {
                exc: e,
                reraise: true,
                lasti: None,
            },
            None => Raised::from(vm.runtime_error("No active exception to reraise".to_string())),
        };
    };
    let exc = match make_exception(vm, &exc) {
        Ok(e) => e,
        Err(e) => return Raised::from(e),
    };
    if let Some(cause) = cause {
        let c = if cause.is_none() {
            None
        } else if cause.as_type().is_some()
            && crate::objects::typeobj::is_subtype(&cause, &vm.exc.base_exception)
        {
            match vm.call_args(&cause, &[]) {
                Ok(c) => Some(c),
                Err(e) => return Raised::from(e),
            }
        } else if cause.as_exception().is_some() {
            Some(cause)
        } else {
            return Raised::from(
                vm.type_error("exception causes must derive from BaseException".to_string()),
            );
        };
        if let Some(e) = exc.as_exception() {
            e.suppress_context.set(true);
            let old = e.cause.replace(c);
            drop(old);
        }
    }
    set_context(vm, &exc);
    Raised::from(exc)
}

/// `RAISE_VARARGS`'s operands: (exc, cause), each present per argc.
fn raise_operands(
    vm: &Vm,
    s: &mut Vec<PyRef>,
    argc: u32,
) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    let op = Opcode::RAISE_VARARGS;
    match argc {
        0 => Ok((None, None)),
        1 => Ok((Some(stack::pop(vm, s, op)?), None)),
        2 => {
            let cause = stack::pop(vm, s, op)?;
            Ok((Some(stack::pop(vm, s, op)?), Some(cause)))
        }
        // CPython's message.
        _ => Err(vm.new_error(&vm.exc.system_error, "bad RAISE_VARARGS oparg".to_string())),
    }
}

/// `RERAISE`'s operand: the exception a handler's entry pushed.
#[inline]
pub fn reraised(vm: &Vm, exc: PyRef) -> PyResult {
    match exc.as_exception() {
        Some(_) => Ok(exc),
        None => Err(wrong_kind(
            vm,
            Opcode::RERAISE,
            "operand",
            &exc,
            "an exception",
        )),
    }
}

/// `RERAISE oparg` (oparg set): the `lasti` the handler's entry pushed,
/// at stack position oparg once exc is popped; it becomes the frame's
/// `lasti` again, so it must be an instruction index.
pub fn reraise_lasti(vm: &Vm, s: &[PyRef], oparg: usize, code_len: usize) -> PyResult<usize> {
    let lasti = stack::peek(vm, s, oparg, Opcode::RERAISE)?;
    match lasti.as_small_int() {
        Some(i) if (0..code_len as i64).contains(&i) => Ok(i as usize),
        Some(i) => Err(bad_bytecode(
            vm,
            format!("RERAISE lasti {} is outside the code", i),
        )),
        // CPython's message.
        None => Err(vm.new_error(&vm.exc.system_error, "lasti is not an int".to_string())),
    }
}

/// `WITH_EXCEPT_START`: `(exit_func, lasti, prev_exc, exc -- ..., res)`,
/// res = exit_func(type(exc), exc, traceback).
pub fn with_except_start(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let op = Opcode::WITH_EXCEPT_START;
    let exc = stack::peek(vm, &f.bufs.stack, 1, op)?.clone();
    let exit = stack::peek(vm, &f.bufs.stack, 4, op)?.clone();
    let Some(e) = exc.as_exception() else {
        return Err(wrong_kind(vm, op, "exception", &exc, "an exception"));
    };
    let tb = e
        .traceback
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone());
    let r = vm.call_args(&exit, &[exc.class().clone(), exc.clone(), tb])?;
    f.bufs.stack.push(r);
    Ok(())
}

/// An exception-table entry whose handler expects more stack than there
/// is: the SystemError that leaves the frame, with the exception in flight
/// as its `__context__`.
#[cold]
pub fn bad_handler_depth(vm: &Vm, h: &ExceptionTableEntry, depth: usize, exc: PyRef) -> PyRef {
    let err = bad_bytecode(
        vm,
        format!(
            "exception handler at {} expects stack depth {}, the stack holds {}",
            h.target, h.depth, depth
        ),
    );
    if let Some(e) = err.as_exception() {
        let old = e.context.replace(Some(exc));
        drop(old);
    }
    err
}

pub fn exception_matches(vm: &Vm, exc: &PyRef, ty: &PyRef) -> PyResult<bool> {
    let check = |t: &PyRef| -> PyResult<bool> {
        if t.as_type().is_none() || !crate::objects::typeobj::is_subtype(t, &vm.exc.base_exception)
        {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed"
                    .to_string(),
            ));
        }
        Ok(crate::objects::typeobj::is_subtype(exc.class(), t))
    };
    if let Some(items) = ty.as_tuple() {
        let mut any = false;
        for t in items {
            if check(t)? {
                any = true;
            }
        }
        return Ok(any);
    }
    check(ty)
}
