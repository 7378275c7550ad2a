//! The slots of `float` (CPython's `float_as_number`, `float_richcompare`,
//! `float_hash`, `float_repr`).
//!
//! A binary slot receives `(a, b)` where either may be the float; the
//! other may be a float or an int, converted exactly (`CONVERT_TO_DOUBLE`:
//! OverflowError when too large); anything else gives NotImplemented.

use std::cmp::Ordering;

use minipy_bytecode::opcode::nb;

use super::{plain_float, this_float};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::Payload;
use crate::objects::number::{self, to_double, IntVal};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// `float_repr`: the shortest repr that round-trips.
pub(super) fn float_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let f = this_float(vm, o)?;
    Ok(vm.new_string(minipy_bytecode::repr::float_repr(f)))
}

/// `float_hash` (a NaN hashes by identity).
pub(super) fn float_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Ok(number::float_hash(this_float(vm, o)?, o.addr()))
}

/// `float_richcompare`: with a float, or exactly with an int.
pub(super) fn float_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let x = this_float(vm, a)?;
    let ord: Option<Ordering> = match &b.payload {
        Payload::Float(y) => x.partial_cmp(y),
        Payload::Int(i) => number::cmp_int_float(IntVal::Small(*i), x).map(Ordering::reverse),
        Payload::BigInt(i) => number::cmp_int_float(IntVal::Big(i), x).map(Ordering::reverse),
        _ => return Ok(vm.not_implemented.clone()),
    };
    Ok(vm.new_bool(match ord {
        Some(o) => op.eval_ord(o),
        None => op == CompareOp::Ne,
    }))
}

/// Both operands as f64, or `None` when either is not a float or an int.
#[inline]
fn operands(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<Option<(f64, f64)>> {
    let Some(x) = to_double(vm, a)? else {
        return Ok(None);
    };
    Ok(to_double(vm, b)?.map(|y| (x, y)))
}

/// A binary operator (`OP` is a `BINARY_OP` argument).
pub(super) fn float_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = operands(vm, a, b)? else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(number::float_binary(vm, x, y, OP)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

/// `float_divmod`.
pub(super) fn float_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = operands(vm, a, b)? else {
        return Ok(vm.not_implemented.clone());
    };
    let (d, m) = number::float_divmod(vm, x, y)?;
    Ok(vm.new_tuple(vec![vm.new_float(d), vm.new_float(m)]))
}

/// `float_pow`: a modulus is refused before the operands are looked at.
pub(super) fn float_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    if !m.is_none() {
        return Err(vm.type_error(
            "pow() 3rd argument not allowed unless all arguments are integers".to_string(),
        ));
    }
    float_binop::<{ nb::POWER }>(vm, a, b)
}

pub(super) fn float_neg(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(-this_float(vm, o)?))
}

/// `float_float`: `+x`, `float(x)`: the value as an exact float.
pub(super) fn float_float(vm: &Vm, o: &PyRef) -> PyResult {
    this_float(vm, o)?;
    Ok(plain_float(vm, o))
}

pub(super) fn float_abs(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(this_float(vm, o)?.abs()))
}

pub(super) fn float_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    Ok(this_float(vm, o)? != 0.0)
}

/// `float___trunc___impl`: `int(x)`, toward zero.
pub(super) fn float_int(vm: &Vm, o: &PyRef) -> PyResult {
    number::float_to_int(vm, this_float(vm, o)?)
}
