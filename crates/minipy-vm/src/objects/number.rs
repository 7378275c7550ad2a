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

use num_bigint::BigInt;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::layout::Payload;
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
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
