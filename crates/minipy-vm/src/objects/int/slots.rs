//! The slots of `int` (CPython's `long_as_number`, `long_richcompare`,
//! `long_hash`, `long_to_decimal_string`).
//!
//! A binary slot receives `(a, b)` where either may be the int: both must
//! be ints (`CHECK_BINOP`), otherwise NotImplemented, so `1 + 2.0` is
//! float's `nb_add` after int's declined.

use minipy_bytecode::opcode::nb;
use num_bigint::BigInt;

use super::{plain_int, text_error, this_int};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::number::{self, int_of, IntVal};
use crate::protocol::CompareOp;
use crate::text::int_format::{int_to_decimal_checked, max_str_digits};
use crate::vm::Vm;

/// `long_to_decimal_string`: `repr(int)` (and `str`, through
/// `object.__str__`), with the integer string conversion length limit.
pub(super) fn long_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let s = match this_int(vm, o)? {
        IntVal::Small(i) => i.to_string(),
        IntVal::Big(b) => {
            int_to_decimal_checked(b, max_str_digits()).map_err(|e| text_error(vm, e))?
        }
    };
    Ok(vm.new_string(s))
}

/// `long_hash`.
pub(super) fn long_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Ok(number::int_hash(this_int(vm, o)?))
}

/// `long_richcompare`: ints only (a float operand is float's to compare).
pub(super) fn long_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = match (x, y) {
        (IntVal::Small(p), IntVal::Small(q)) => p.cmp(&q),
        (IntVal::Small(p), IntVal::Big(q)) => BigInt::from(p).cmp(q),
        (IntVal::Big(p), IntVal::Small(q)) => p.cmp(&BigInt::from(q)),
        (IntVal::Big(p), IntVal::Big(q)) => p.cmp(q),
    };
    Ok(vm.new_bool(op.eval_ord(ord)))
}

/// A binary operator of two ints (`OP` is a `BINARY_OP` argument).
pub(crate) fn long_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(number::int_binary(vm, x, y, OP)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

/// `long_divmod`.
pub(super) fn long_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    number::int_divmod(vm, x, y)
}

/// `long_pow(a, b, mod)`: a modulus must be an int too (or None).
pub(super) fn long_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    if m.is_none() {
        return Ok(
            number::int_binary(vm, x, y, nb::POWER)?.unwrap_or_else(|| vm.not_implemented.clone())
        );
    }
    match int_of(m) {
        Some(z) => number::int_pow_mod(vm, x, y, z),
        None => Ok(vm.not_implemented.clone()),
    }
}

/// `long_neg`.
pub(super) fn long_neg(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(match this_int(vm, o)? {
        IntVal::Small(i) => match i.checked_neg() {
            Some(v) => vm.new_int(v),
            None => vm.new_bigint(-BigInt::from(i)),
        },
        IntVal::Big(b) => vm.new_bigint(-b),
    })
}

/// `long_long`: `+x`, `int(x)`, `operator.index(x)`: the value as an
/// exact int (the object itself when it is one).
pub(super) fn long_long(vm: &Vm, o: &PyRef) -> PyResult {
    this_int(vm, o)?;
    Ok(plain_int(vm, o))
}

/// `long_abs`.
pub(super) fn long_abs(vm: &Vm, o: &PyRef) -> PyResult {
    if this_int(vm, o)?.is_negative() {
        long_neg(vm, o)
    } else {
        long_long(vm, o)
    }
}

/// `long_invert`: `~x == -(x + 1)`.
pub(super) fn long_invert(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(match this_int(vm, o)? {
        IntVal::Small(i) => vm.new_int(!i),
        IntVal::Big(b) => vm.new_bigint(!b),
    })
}

/// `long_bool`.
pub(super) fn long_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    Ok(!this_int(vm, o)?.is_zero())
}

/// `long_float`: correctly rounded, OverflowError when too large.
pub(super) fn long_float(vm: &Vm, o: &PyRef) -> PyResult {
    this_int(vm, o)?;
    Ok(vm.new_float(number::int_to_f64(vm, o)?))
}
