//! Integer arithmetic: i64 fast paths with overflow checks, BigInt
//! fallbacks, Python's floor semantics, correctly rounded true division.

use minipy_bytecode::opcode::nb;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::convert::{big_to_f64, ratio_to_f64};
use super::float_arith::float_pow;
use super::{too_large_for_float, IntVal};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// Results larger than this many bits are refused with MemoryError
/// (CPython would try, and fail the same way, much later).
const MAX_RESULT_BITS: u64 = 1 << 32;

fn div_by_zero(vm: &Vm) -> PyRef {
    vm.zero_division_error("integer division or modulo by zero")
}

fn mod_by_zero(vm: &Vm) -> PyRef {
    vm.zero_division_error("integer modulo by zero")
}

fn negative_shift(vm: &Vm) -> PyRef {
    vm.value_error("negative shift count".to_string())
}

/// Floor division of machine ints (`None` on overflow: `MIN // -1`).
fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python modulo of machine ints (`b != 0`).
fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a.checked_rem(b).unwrap_or(0);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `a / b` for ints: a correctly rounded float.
fn int_truediv(vm: &Vm, a: IntVal, b: IntVal) -> PyResult<f64> {
    if b.is_zero() {
        return Err(vm.zero_division_error("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
            return Ok(x as f64 / y as f64);
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    let negate = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let q = ratio_to_f64(x.magnitude(), y.magnitude()).ok_or_else(|| {
        vm.overflow_error("integer division result too large for a float".to_string())
    })?;
    Ok(if negate { -q } else { q })
}

/// Converts an int for float arithmetic.
fn to_f64(vm: &Vm, a: IntVal) -> PyResult<f64> {
    match a {
        IntVal::Small(i) => Ok(i as f64),
        IntVal::Big(b) => big_to_f64(b).ok_or_else(|| too_large_for_float(vm)),
    }
}

/// `a ** b` for ints with `b >= 0` as a BigInt.
fn big_pow(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if a.is_zero() {
        return Ok(if b.is_zero() {
            BigInt::one()
        } else {
            BigInt::zero()
        });
    }
    if a.is_one() {
        return Ok(BigInt::one());
    }
    if *a == BigInt::from(-1) {
        return Ok(if b.is_odd() { a.clone() } else { BigInt::one() });
    }
    let Some(e) = b.to_u64() else {
        return Err(vm.memory_error());
    };
    if a.bits().saturating_sub(1).saturating_mul(e) > MAX_RESULT_BITS || e > MAX_RESULT_BITS {
        return Err(vm.memory_error());
    }
    Ok(num_traits::Pow::pow(a, e))
}

/// `a << b` as a BigInt (`b >= 0`).
fn big_lshift(vm: &Vm, a: &BigInt, b: IntVal) -> PyResult<BigInt> {
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    let s = match b {
        IntVal::Small(s) => s as u64,
        IntVal::Big(big) => {
            // CPython (`divmod_shift` + `_PyLong_New`): the shift in 30-bit digits,
            // clipped; a result longer than MAX_LONG_DIGITS is OverflowError,
            // a shorter one that cannot be allocated MemoryError.
            const MAX_LONG_DIGITS: u128 = (isize::MAX as u128 - 24) / 4;
            let (word, rem) = match big.to_u128() {
                Some(n) if n / 30 < isize::MAX as u128 / 4 => (n / 30, n % 30),
                _ => (isize::MAX as u128 / 4, 0),
            };
            let size = u128::from(a.bits().div_ceil(30)) + word + u128::from(rem != 0);
            if size > MAX_LONG_DIGITS {
                return Err(vm.overflow_error("too many digits in integer".to_string()));
            }
            return Err(vm.memory_error());
        }
    };
    if s.saturating_add(a.bits()) > MAX_RESULT_BITS {
        return Err(vm.memory_error());
    }
    Ok(a << (s as usize))
}

/// `a >> b` as a BigInt (`b >= 0`), flooring.
fn big_rshift(a: &BigInt, b: IntVal) -> BigInt {
    let s = match b {
        IntVal::Small(s) => s as u64,
        IntVal::Big(_) => u64::MAX,
    };
    if s >= a.bits() {
        return if a.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        };
    }
    a >> (s as usize)
}

/// `a <op> b` for two ints. `Ok(None)` for `@`.
pub fn int_binary(vm: &Vm, a: IntVal, b: IntVal, op: u32) -> PyResult<Option<PyRef>> {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        let r = match op {
            nb::ADD => x.checked_add(y),
            nb::SUBTRACT => x.checked_sub(y),
            nb::MULTIPLY => x.checked_mul(y),
            nb::FLOOR_DIVIDE => {
                if y == 0 {
                    return Err(div_by_zero(vm));
                }
                floordiv_i64(x, y)
            }
            nb::REMAINDER => {
                if y == 0 {
                    return Err(mod_by_zero(vm));
                }
                Some(mod_i64(x, y))
            }
            nb::AND => Some(x & y),
            nb::OR => Some(x | y),
            nb::XOR => Some(x ^ y),
            nb::LSHIFT => {
                if y < 0 {
                    return Err(negative_shift(vm));
                }
                if x == 0 {
                    Some(0)
                } else if y < 63 && (x << y) >> y == x {
                    Some(x << y)
                } else {
                    None
                }
            }
            nb::RSHIFT => {
                if y < 0 {
                    return Err(negative_shift(vm));
                }
                Some(if y >= 64 { x >> 63 } else { x >> y })
            }
            nb::POWER if y >= 0 => match u32::try_from(y) {
                Ok(e) => x.checked_pow(e),
                Err(_) => None,
            },
            _ => None,
        };
        if let Some(v) = r {
            return Ok(Some(vm.new_int(v)));
        }
    }
    let r = match op {
        nb::TRUE_DIVIDE => return Ok(Some(vm.new_float(int_truediv(vm, a, b)?))),
        nb::POWER if b.is_negative() => {
            let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
            return float_pow(vm, x, y).map(Some);
        }
        nb::MATRIX_MULTIPLY => return Ok(None),
        nb::LSHIFT | nb::RSHIFT if b.is_negative() => return Err(negative_shift(vm)),
        nb::LSHIFT => big_lshift(vm, &a.to_big(), b)?,
        nb::RSHIFT => big_rshift(&a.to_big(), b),
        _ => {
            let (x, y) = (a.to_big(), b.to_big());
            match op {
                nb::ADD => x + y,
                nb::SUBTRACT => x - y,
                nb::MULTIPLY => {
                    if x.bits() + y.bits() > MAX_RESULT_BITS {
                        return Err(vm.memory_error());
                    }
                    x * y
                }
                nb::FLOOR_DIVIDE => {
                    if y.is_zero() {
                        return Err(div_by_zero(vm));
                    }
                    x.div_floor(&y)
                }
                nb::REMAINDER => {
                    if y.is_zero() {
                        return Err(mod_by_zero(vm));
                    }
                    x.mod_floor(&y)
                }
                nb::AND => x & y,
                nb::OR => x | y,
                nb::XOR => x ^ y,
                nb::POWER => big_pow(vm, &x, &y)?,
                _ => return Ok(None),
            }
        }
    };
    Ok(Some(vm.new_bigint(r)))
}

/// `divmod(a, b)` for ints, as a tuple.
pub fn int_divmod(vm: &Vm, a: IntVal, b: IntVal) -> PyResult {
    if b.is_zero() {
        return Err(div_by_zero(vm));
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        if let Some(q) = floordiv_i64(x, y) {
            return Ok(vm.new_tuple(vec![vm.new_int(q), vm.new_int(mod_i64(x, y))]));
        }
    }
    let (q, r) = a.to_big().div_mod_floor(&b.to_big());
    Ok(vm.new_tuple(vec![vm.new_bigint(q), vm.new_bigint(r)]))
}

/// `pow(b, e, m)` for machine ints (`m != 0`): square and multiply in
/// 128 bits; the result has the sign of `m`, as Python's `%`.
fn pow_mod_i64(b: i64, mut e: u64, m: i64) -> i64 {
    let mabs = u128::from(m.unsigned_abs());
    let mut base = (i128::from(b).rem_euclid(mabs as i128)) as u128;
    let mut r: u128 = 1 % mabs;
    while e > 0 {
        if e & 1 == 1 {
            r = r * base % mabs;
        }
        base = base * base % mabs;
        e >>= 1;
    }
    // r < |m| <= 2**63, so it and |m| - r fit an i64 (r == 0 stays 0).
    if m < 0 && r != 0 {
        (r as i128 - mabs as i128) as i64
    } else {
        r as i64
    }
}

/// Three-argument `pow(base, exp, mod)` for ints.
pub fn int_pow_mod(vm: &Vm, base: IntVal, exp: IntVal, modulus: IntVal) -> PyResult {
    if modulus.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0".to_string()));
    }
    if let (IntVal::Small(b), IntVal::Small(e), IntVal::Small(m)) = (base, exp, modulus) {
        if e >= 0 {
            return Ok(vm.new_int(pow_mod_i64(b, e as u64, m)));
        }
    }
    let m = modulus.to_big();
    let neg_mod = m.is_negative();
    let mabs = m.abs();
    let mut b = base.to_big().mod_floor(&mabs);
    let mut e = exp.to_big();
    if e.is_negative() {
        b = match b.modinv(&mabs) {
            Some(inv) => inv,
            None if mabs.is_one() => BigInt::zero(),
            None => {
                return Err(
                    vm.value_error("base is not invertible for the given modulus".to_string())
                )
            }
        };
        e = -e;
    }
    let mut r = if mabs.is_one() {
        BigInt::zero()
    } else {
        b.modpow(&e, &mabs)
    };
    if neg_mod && !r.is_zero() {
        r -= &mabs;
    }
    Ok(vm.new_bigint(r))
}
