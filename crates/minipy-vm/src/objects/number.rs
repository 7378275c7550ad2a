//! The arithmetic kernels and value views shared by the numeric types
//! (`int`, `bool`, `float`, `complex`, each declared in its own file):
//! their slot functions convert the operands (`int_of`, `to_double`,
//! `to_complex_operand`: CPython's `CHECK_BINOP`, `CONVERT_TO_DOUBLE`,
//! `TO_COMPLEX`) and call the kernels here.
//!
//! Submodules: `convert` (exact int/float conversions, numeric hash),
//! `int_arith` (i64 fast paths and BigInt fallbacks), `float_arith`
//! (CPython's float `%`, `//`, `**`), `complex_arith` (complex `/`, `**`).

mod complex_arith;
mod convert;
mod float_arith;
mod int_arith;

use std::cmp::Ordering;

use minipy_bytecode::opcode::nb;
use num_bigint::BigInt;

use crate::heap::{PyObject, PyRef};
use crate::object::{Payload, PyResult};
use crate::protocol::CompareOp;
use crate::vm::Vm;

pub use complex_arith::{complex_binary, complex_pow};
pub use convert::{
    big_to_f64, cmp_int_float, float_hash, float_to_bigint, float_to_int, int_hash, ratio_to_f64,
};
pub use float_arith::{float_binary, float_divmod, float_floordiv, float_mod, float_pow};
pub use int_arith::{int_binary, int_divmod, int_pow_mod};

/// A borrowed view of a numeric object's value.
#[derive(Clone, Copy, Debug)]
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

/// An integer operand: machine-size or big.
#[derive(Clone, Copy, Debug)]
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    pub fn to_big(self) -> BigInt {
        match self {
            IntVal::Small(i) => BigInt::from(i),
            IntVal::Big(b) => b.clone(),
        }
    }
    pub fn is_negative(self) -> bool {
        match self {
            IntVal::Small(i) => i < 0,
            IntVal::Big(b) => b.sign() == num_bigint::Sign::Minus,
        }
    }
    pub fn is_zero(self) -> bool {
        matches!(self, IntVal::Small(0))
    }
}

/// The numeric value of `o`, if it is an int, bool, float or complex (or an
/// instance of a subclass, which carries the same payload).
#[inline]
pub fn num_of(o: &PyObject) -> Option<Num<'_>> {
    match &o.payload {
        Payload::Int(i) => Some(Num::Int(*i)),
        Payload::BigInt(b) => Some(Num::Big(b)),
        Payload::Float(f) => Some(Num::Float(*f)),
        Payload::Complex(r, i) => Some(Num::Complex(*r, *i)),
        _ => None,
    }
}

/// The integer value of `o`, if it is an int (or bool).
#[inline]
pub fn int_of(o: &PyObject) -> Option<IntVal<'_>> {
    match &o.payload {
        Payload::Int(i) => Some(IntVal::Small(*i)),
        Payload::BigInt(b) => Some(IntVal::Big(b)),
        _ => None,
    }
}

/// True for int and bool objects (and subclass instances).
#[inline]
pub fn is_int(o: &PyObject) -> bool {
    matches!(o.payload, Payload::Int(_) | Payload::BigInt(_))
}

/// The value of an int object as a BigInt.
pub fn as_bigint(o: &PyObject) -> Option<BigInt> {
    int_of(o).map(IntVal::to_big)
}

/// `float(x)` of an int (or float) object: correctly rounded; OverflowError
/// "int too large to convert to float"; TypeError for other objects.
pub fn int_to_f64(vm: &Vm, o: &PyRef) -> PyResult<f64> {
    match &o.payload {
        Payload::Int(i) => Ok(*i as f64),
        Payload::BigInt(b) => big_to_f64(b).ok_or_else(|| too_large_for_float(vm)),
        Payload::Float(f) => Ok(*f),
        _ => Err(vm.type_error(format!("must be real number, not {}", o.type_name()))),
    }
}

pub(crate) fn too_large_for_float(vm: &Vm) -> PyRef {
    vm.overflow_error("int too large to convert to float".to_string())
}

/// The float value of an int or float, for mixed arithmetic.
fn real_to_f64(vm: &Vm, n: Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(i as f64),
        Num::Big(b) => big_to_f64(b).ok_or_else(|| too_large_for_float(vm)),
        Num::Float(f) => Ok(f),
        Num::Complex(r, _) => Ok(r),
    }
}

/// `(re, im)` of any number (ints converted to float).
fn to_complex(vm: &Vm, n: Num) -> PyResult<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Ok((r, i)),
        other => Ok((real_to_f64(vm, other)?, 0.0)),
    }
}

/// CPython's `CONVERT_TO_DOUBLE`: an operand of a float slot as an f64 —
/// a float, or an int converted exactly (OverflowError when too large);
/// `None` for any other operand (the slot returns NotImplemented).
#[inline]
pub fn to_double(vm: &Vm, o: &PyObject) -> PyResult<Option<f64>> {
    match &o.payload {
        Payload::Float(f) => Ok(Some(*f)),
        Payload::Int(i) => Ok(Some(*i as f64)),
        Payload::BigInt(b) => big_to_f64(b)
            .map(Some)
            .ok_or_else(|| too_large_for_float(vm)),
        _ => Ok(None),
    }
}

/// CPython's `TO_COMPLEX`: an operand of a complex slot as `(re, im)` — a
/// complex, float or int; `None` for any other operand (NotImplemented).
#[inline]
pub fn to_complex_operand(vm: &Vm, o: &PyObject) -> PyResult<Option<(f64, f64)>> {
    match &o.payload {
        Payload::Complex(r, i) => Ok(Some((*r, *i))),
        _ => Ok(to_double(vm, o)?.map(|f| (f, 0.0))),
    }
}

/// Transitional (`protocol/legacy.rs`): the numeric types are declared
/// through their `TypeSpec`s (`objects/int.rs`, `bool.rs`, `float.rs`,
/// `complex.rs`), so the legacy protocol only reaches this, `unary`,
/// `compare` and `hash` with a legacy operand, for which the numeric arms
/// below are dead (`hash` of an int stays live for `slot_tp_hash`).
///
/// `a <op> b` for numeric operands (`op` is a `BINARY_OP` argument; in-place
/// forms behave as the binary ones). `Ok(None)` means "not numbers / not
/// supported" (NotImplemented).
pub fn binary(vm: &Vm, a: &PyRef, b: &PyRef, op: u32) -> PyResult<Option<PyRef>> {
    let op = if op >= nb::INPLACE_OFFSET {
        op - nb::INPLACE_OFFSET
    } else {
        op
    };
    let (Some(x), Some(y)) = (num_of(a), num_of(b)) else {
        return Ok(None);
    };
    match (x, y) {
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let p = to_complex(vm, x)?;
            let q = to_complex(vm, y)?;
            complex_binary(vm, p, q, op)
        }
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            if !matches!(
                op,
                nb::ADD
                    | nb::SUBTRACT
                    | nb::MULTIPLY
                    | nb::TRUE_DIVIDE
                    | nb::FLOOR_DIVIDE
                    | nb::REMAINDER
                    | nb::POWER
            ) {
                return Ok(None);
            }
            let p = real_to_f64(vm, x)?;
            let q = real_to_f64(vm, y)?;
            float_binary(vm, p, q, op)
        }
        _ => {
            let (Some(p), Some(q)) = (int_of(a), int_of(b)) else {
                return Ok(None);
            };
            if matches!(op, nb::AND | nb::OR | nb::XOR)
                && a.class().is(&vm.types.bool)
                && b.class().is(&vm.types.bool)
            {
                let (p, q) = (matches!(p, IntVal::Small(1)), matches!(q, IntVal::Small(1)));
                let r = match op {
                    nb::AND => p & q,
                    nb::OR => p | q,
                    _ => p ^ q,
                };
                return Ok(Some(vm.new_bool(r)));
            }
            int_binary(vm, p, q, op)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

/// `-a`, `+a`, `~a` for numbers; `Ok(None)` when `a` is not a number.
pub fn unary(vm: &Vm, a: &PyRef, op: UnaryOp) -> PyResult<Option<PyRef>> {
    let Some(x) = num_of(a) else {
        return Ok(None);
    };
    let exact_int = a.class().is(&vm.types.int);
    let r = match (x, op) {
        (Num::Int(i), UnaryOp::Neg) => match i.checked_neg() {
            Some(v) => vm.new_int(v),
            None => vm.new_bigint(-BigInt::from(i)),
        },
        (Num::Big(b), UnaryOp::Neg) => vm.new_bigint(-b),
        (Num::Int(i), UnaryOp::Invert) => vm.new_int(!i),
        (Num::Big(b), UnaryOp::Invert) => vm.new_bigint(!b),
        (Num::Int(_) | Num::Big(_), UnaryOp::Pos) if exact_int => a.clone(),
        (Num::Int(i), UnaryOp::Pos) => vm.new_int(i),
        (Num::Big(b), UnaryOp::Pos) => vm.new_bigint(b.clone()),
        (Num::Float(f), UnaryOp::Neg) => vm.new_float(-f),
        (Num::Float(_), UnaryOp::Pos) if a.class().is(&vm.types.float) => a.clone(),
        (Num::Float(f), UnaryOp::Pos) => vm.new_float(f),
        (Num::Complex(r, i), UnaryOp::Neg) => vm.new_complex(-r, -i),
        (Num::Complex(..), UnaryOp::Pos) if a.class().is(&vm.types.complex) => a.clone(),
        (Num::Complex(r, i), UnaryOp::Pos) => vm.new_complex(r, i),
        (Num::Float(_) | Num::Complex(..), UnaryOp::Invert) => return Ok(None),
    };
    Ok(Some(r))
}

/// Ordering of two real numbers; `Some(None)` when unordered (NaN),
/// `None` when not both real numbers.
pub fn real_cmp(x: Num, y: Num) -> Option<Option<Ordering>> {
    let r = match (x, y) {
        (Num::Int(p), Num::Int(q)) => Some(p.cmp(&q)),
        (Num::Int(p), Num::Big(q)) => Some(BigInt::from(p).cmp(q)),
        (Num::Big(p), Num::Int(q)) => Some(p.cmp(&BigInt::from(q))),
        (Num::Big(p), Num::Big(q)) => Some(p.cmp(q)),
        (Num::Float(p), Num::Float(q)) => p.partial_cmp(&q),
        (Num::Int(p), Num::Float(q)) => cmp_int_float(IntVal::Small(p), q),
        (Num::Big(p), Num::Float(q)) => cmp_int_float(IntVal::Big(p), q),
        (Num::Float(p), Num::Int(q)) => cmp_int_float(IntVal::Small(q), p).map(Ordering::reverse),
        (Num::Float(p), Num::Big(q)) => cmp_int_float(IntVal::Big(q), p).map(Ordering::reverse),
        _ => return None,
    };
    Some(r)
}

/// Comparison of two numbers; `None` when either is not a number (or the
/// operator is an ordering and one of them is complex).
pub fn compare(a: &PyRef, b: &PyRef, op: CompareOp) -> Option<bool> {
    let x = num_of(a)?;
    let y = num_of(b)?;
    if matches!(x, Num::Complex(..)) || matches!(y, Num::Complex(..)) {
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return None;
        }
        let (xr, xi) = split_complex(x);
        let (yr, yi) = split_complex(y);
        let eq = xi == yi && real_cmp(xr, yr)? == Some(Ordering::Equal);
        return Some(eq == (op == CompareOp::Eq));
    }
    match real_cmp(x, y)? {
        Some(o) => Some(op.eval_ord(o)),
        None => Some(op == CompareOp::Ne),
    }
}

/// A number as (real part, imaginary part as f64).
fn split_complex(n: Num) -> (Num, f64) {
    match n {
        Num::Complex(r, i) => (Num::Float(r), i),
        other => (other, 0.0),
    }
}

/// `hash()` of an int or float (CPython's numeric hash, modulus 2**61-1).
pub fn hash(a: &PyRef) -> Option<i64> {
    Some(match num_of(a)? {
        Num::Int(i) => int_hash(IntVal::Small(i)),
        Num::Big(b) => int_hash(IntVal::Big(b)),
        Num::Float(f) => float_hash(f, a.addr()),
        Num::Complex(r, i) => {
            let hr = float_hash(r, a.addr()) as u64;
            let hi = float_hash(i, a.addr()) as u64;
            let h = hr.wrapping_add(hi.wrapping_mul(1_000_003)) as i64;
            if h == -1 {
                -2
            } else {
                h
            }
        }
    })
}
