//! The evaluation loop's slow paths, one named function per instruction
//! that needs more than a few lines (Lua's `luaV_finishget` style), by
//! theme: [`call`], [`build`], [`names`], [`exceptions`].

use crate::eval::stack;
use crate::frame::Frame;
use crate::heap::{PyRef, SlotCell};
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::protocol::CompareOp;
use crate::vm::Vm;
use minipy_bytecode::opcode::{nb, Opcode, CMP_OP, NB_OPS};

mod build;
mod call;
mod exceptions;
mod names;

pub use build::*;
pub use call::*;
pub use exceptions::*;
pub use names::*;

/// Machine-int fast path of `BINARY_OP`; None when it must go the long way.
#[inline(always)]
pub fn int_fast(vm: &Vm, x: i64, y: i64, op: u32) -> Option<PyRef> {
    let op = if op >= nb::INPLACE_OFFSET {
        op - nb::INPLACE_OFFSET
    } else {
        op
    };
    let r = match op {
        nb::ADD => x.checked_add(y)?,
        nb::SUBTRACT => x.checked_sub(y)?,
        nb::MULTIPLY => x.checked_mul(y)?,
        nb::AND => x & y,
        nb::OR => x | y,
        nb::XOR => x ^ y,
        nb::FLOOR_DIVIDE if y != 0 => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        nb::REMAINDER if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        _ => return None,
    };
    Some(vm.new_int(r))
}

/// `BINARY_OP` on two exact floats (or an exact int and an exact float,
/// converted as `PyLong_AsDouble` rounds): the arithmetic that cannot
/// raise; None sends everything else (division by zero included) down the
/// generic path.
pub fn float_fast(vm: &Vm, x: f64, y: f64, op: u32) -> Option<PyRef> {
    let op = if op >= nb::INPLACE_OFFSET {
        op - nb::INPLACE_OFFSET
    } else {
        op
    };
    let r = match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE if y != 0.0 => x / y,
        _ => return None,
    };
    Some(vm.new_float(r))
}

/// `BINARY_OP`'s generic path (the operator protocol), for an oparg that
/// names one of `_nb_ops`.
pub fn binary_op(vm: &Vm, a: &PyRef, b: &PyRef, op: u32) -> PyResult {
    if op as usize >= NB_OPS.len() {
        return Err(stack::bad_oparg(vm, Opcode::BINARY_OP, op));
    }
    vm.binary_op(a, b, op)
}

/// `BINARY_OP`'s path for what its int and float arms leave, with 3.11's
/// `BINARY_OP_INPLACE_ADD_UNICODE` first: for `s = s + t` / `s += t` on
/// exact strs whose next instruction (`next`, after the inline cache) is
/// `STORE_FAST` to the local holding `s`, the local lets go of `s` (it is
/// unbound until that STORE_FAST stores the result back, as in CPython)
/// so that the append can resize `s` in place when nothing else holds
/// it. Only fast locals, as in 3.11: a global, a cell or an attribute
/// keeps its reference and gets a new string.
pub fn binary_op_or_append(
    vm: &Vm,
    a: PyRef,
    b: &PyRef,
    op: u32,
    next: Option<&u16>,
    fast: &[SlotCell],
) -> PyResult {
    if (op == nb::ADD || op == nb::INPLACE_OFFSET + nb::ADD)
        && a.class().is(&vm.types.str)
        && b.class().is(&vm.types.str)
    {
        if let Some(&w) = next.filter(|&&w| w & 0xff == Opcode::STORE_FAST as u16) {
            if let Some(slot) = fast.get((w >> 8) as usize) {
                match slot.take() {
                    Some(held) if held.is(&a) => {
                        drop(held);
                        return crate::objects::str::append(vm, a, b);
                    }
                    other => slot.set(other),
                }
            }
        }
    }
    binary_op(vm, &a, b, op)
}

/// `COMPARE_OP`'s operator, `cmp_op[oparg]`.
#[inline(always)]
pub fn compare_op(vm: &Vm, arg: u32) -> PyResult<CompareOp> {
    if (arg as usize) < CMP_OP.len() {
        Ok(CompareOp::from_arg(arg))
    } else {
        Err(stack::bad_oparg(vm, Opcode::COMPARE_OP, arg))
    }
}

/// `IS_OP`/`CONTAINS_OP`'s oparg: 1 inverts the test, 0 does not.
#[inline(always)]
pub fn invert_flag(vm: &Vm, op: Opcode, arg: u32) -> PyResult<bool> {
    match arg {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(stack::bad_oparg(vm, op, arg)),
    }
}

/// `BEFORE_WITH`: `(mgr -- exit, mgr.__enter__())`.
pub fn before_with(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let mgr = stack::pop(vm, &mut f.bufs.stack, Opcode::BEFORE_WITH)?;
    let enter = vm.lookup_special(&mgr, "__enter__");
    let exit = vm.lookup_special(&mgr, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            mgr.type_name()
        )));
    };
    let exit = vm.descr_get(&exit, Some(&mgr), mgr.class())?;
    let enter = vm.descr_get(&enter, Some(&mgr), mgr.class())?;
    f.bufs.stack.push(exit);
    let r = vm.call_args(&enter, &[])?;
    f.bufs.stack.push(r);
    Ok(())
}

pub fn print_expr(vm: &Vm, v: &PyRef) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let r = vm.repr_string(v)?;
    crate::builtins::write_stdout(vm, &format!("{}\n", r))?;
    if let Payload::Module { dict: d } = &vm.builtins.payload {
        dict::set_str(vm, d, vm.intern("_"), v.clone());
    }
    Ok(())
}
