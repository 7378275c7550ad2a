//! The value stack, the fast slots and the code object's tables as the
//! evaluation loop reads them (CPython's `POP`, `TOP`, `PEEK`, `GETLOCAL`,
//! `GETITEM(consts, i)`). Every access is checked: an impossible one raises
//! `SystemError` ("bad bytecode: ..."), never yields a NULL or a default.
//!
//! Code the compiler produced never trips these checks: it emits each
//! instruction with the operands it takes already pushed, its stack-depth
//! computation (`minipy_compiler`'s `flowgraph::assemble::stackdepth`,
//! driven by the opcode table's effects) follows every path and asserts in
//! debug builds that none runs the stack below empty, and every index it
//! emits is into a table it built itself. But a code object can come from
//! elsewhere (a Rust caller, and later `types.CodeType` or `code.replace`),
//! and the checks cost next to nothing: `Vec::pop` and slice access test
//! the bound anyway, and an `Err` instead of a NULL or a panic is a
//! never-taken branch to a cold function.

use minipy_bytecode::opcode::Opcode;

use crate::heap::{cell_get, PyRef, SlotCell};
use crate::object::PyResult;
use crate::objects::code::CodeInfo;
use crate::vm::Vm;

/// `POP()`.
#[inline(always)]
pub fn pop(vm: &Vm, s: &mut Vec<PyRef>, op: Opcode) -> PyResult {
    match s.pop() {
        Some(v) => Ok(v),
        None => Err(underflow(vm, op)),
    }
}

/// `TOP()`, as a new reference.
#[inline(always)]
pub fn top(vm: &Vm, s: &[PyRef], op: Opcode) -> PyResult {
    match s.last() {
        Some(v) => Ok(v.clone()),
        None => Err(underflow(vm, op)),
    }
}

/// `PEEK(i)`: item `i` from the top (1 = top; 0 names no item).
#[inline(always)]
pub fn peek<'a>(vm: &Vm, s: &'a [PyRef], i: usize, op: Opcode) -> PyResult<&'a PyRef> {
    // i == 0 asks for s[len], i > len wraps past it: both are None.
    match s.get(s.len().wrapping_sub(i)) {
        Some(v) => Ok(v),
        None => Err(beyond(vm, op, i, s.len())),
    }
}

/// The index of `PEEK(i)` in `s`.
#[inline(always)]
pub fn peek_index(vm: &Vm, s: &[PyRef], i: usize, op: Opcode) -> PyResult<usize> {
    match s.len().checked_sub(i) {
        Some(at) if i > 0 => Ok(at),
        _ => Err(beyond(vm, op, i, s.len())),
    }
}

/// Where the top `n` items start (`&s[start..]` are they, in push order).
#[inline(always)]
pub fn tail(vm: &Vm, s: &[PyRef], n: usize, op: Opcode) -> PyResult<usize> {
    match s.len().checked_sub(n) {
        Some(start) => Ok(start),
        None => Err(underflow(vm, op)),
    }
}

/// `GETLOCAL(i)`: fast slot `i`'s cell (None while unbound).
#[inline(always)]
pub fn local<'a>(vm: &Vm, fast: &'a [SlotCell], i: u32, op: Opcode) -> PyResult<&'a SlotCell> {
    match fast.get(i as usize) {
        Some(slot) => Ok(slot),
        None => Err(bad_index(vm, op, i, "co_localsplusnames", fast.len())),
    }
}

/// `GETLOCAL(i)` as a new reference (None while unbound).
#[inline(always)]
pub fn local_get(vm: &Vm, fast: &[SlotCell], i: u32, op: Opcode) -> PyResult<Option<PyRef>> {
    Ok(cell_get(local(vm, fast, i, op)?))
}

/// `co_consts[i]`.
#[inline(always)]
pub fn constant<'a>(vm: &Vm, code: &'a CodeInfo, i: u32, op: Opcode) -> PyResult<&'a PyRef> {
    match code.consts.get(i as usize) {
        Some(c) => Ok(c),
        None => Err(bad_index(vm, op, i, "co_consts", code.consts.len())),
    }
}

/// `co_names[i]`.
#[inline(always)]
pub fn name<'a>(vm: &Vm, code: &'a CodeInfo, i: u32, op: Opcode) -> PyResult<&'a PyRef> {
    match code.names.get(i as usize) {
        Some(n) => Ok(n),
        None => Err(bad_index(vm, op, i, "co_names", code.names.len())),
    }
}

/// `SystemError("bad bytecode: ...")`.
#[cold]
#[inline(never)]
pub fn bad_bytecode(vm: &Vm, what: String) -> PyRef {
    vm.new_error(&vm.exc.system_error, format!("bad bytecode: {}", what))
}

#[cold]
#[inline(never)]
pub fn underflow(vm: &Vm, op: Opcode) -> PyRef {
    bad_bytecode(vm, format!("stack underflow in {}", op.name()))
}

#[cold]
#[inline(never)]
fn beyond(vm: &Vm, op: Opcode, i: usize, depth: usize) -> PyRef {
    bad_bytecode(
        vm,
        format!("{} reaches stack item {} of {}", op.name(), i, depth),
    )
}

#[cold]
#[inline(never)]
fn bad_index(vm: &Vm, op: Opcode, i: u32, table: &str, len: usize) -> PyRef {
    bad_bytecode(
        vm,
        format!(
            "{} {} is out of range ({} has {})",
            op.name(),
            i,
            table,
            len
        ),
    )
}

/// An oparg outside the values the opcode defines.
#[cold]
#[inline(never)]
pub fn bad_oparg(vm: &Vm, op: Opcode, arg: u32) -> PyRef {
    bad_bytecode(vm, format!("{} with oparg {}", op.name(), arg))
}

/// An operand of the wrong kind where the compiler guarantees one (the
/// list of `LIST_APPEND`, the cell of `STORE_DEREF`, ...).
#[cold]
#[inline(never)]
pub fn wrong_kind(vm: &Vm, op: Opcode, what: &str, got: &PyRef, want: &str) -> PyRef {
    bad_bytecode(
        vm,
        format!(
            "{} {} is {}, not {}",
            op.name(),
            what,
            got.type_name(),
            want
        ),
    )
}
