//! Exact conversions between ints and floats (correctly rounded, ties to
//! even, as CPython's `PyLong_AsDouble` and `long_true_divide`), exact
//! int/float comparison, and the numeric hash (`_Py_HashDouble`).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use super::IntVal;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// `2**e` as an f64 for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `num / den` (both > 0) correctly rounded to an f64, ties to even;
/// `None` when the result overflows.
pub fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    if num.is_zero() {
        return Some(0.0);
    }
    if den.is_zero() {
        return None;
    }
    let nb = num.bits() as i64;
    let db = den.bits() as i64;
    // q = floor(num * 2**k / den) has 55 or 56 bits.
    let k = 55 - (nb - db);
    let (q, r) = if k >= 0 {
        (num << (k as usize)).div_rem(den)
    } else {
        num.div_rem(&(den << ((-k) as usize)))
    };
    let q = q.to_u64()?;
    let sticky = !r.is_zero();
    let qbits = 64 - i64::from(q.leading_zeros());
    let e = qbits - k; // value in [2**(e-1), 2**e)
    if e > 1024 {
        return None;
    }
    let lsb = (e - 53).max(-1074);
    let drop = lsb + k;
    let m = if drop >= 64 {
        0
    } else if drop <= 0 {
        q << (-drop)
    } else {
        let m = q >> drop;
        let rem = q & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || m & 1 == 1));
        m + u64::from(up)
    };
    let v = m as f64 * pow2(lsb);
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

/// A BigInt as the nearest f64 (ties to even); `None` on overflow.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(i) = b.to_i64() {
        return Some(i as f64);
    }
    let (sign, mag) = (b.sign(), b.magnitude());
    let v = ratio_to_f64(mag, &BigUint::from(1u32))?;
    Some(if sign == Sign::Minus { -v } else { v })
}

/// The integer part of a float as a BigInt; errors for nan/inf with
/// CPython's messages.
pub fn float_to_bigint(vm: &Vm, f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer".to_string()));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer".to_string()));
    }
    Ok(BigInt::from_f64(f.trunc()).unwrap_or_default())
}

/// `int(f)` for a float: truncation toward zero.
pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<PyRef> {
    if f.is_finite() && f.abs() < 9.2e18 {
        return Ok(vm.new_int(f.trunc() as i64));
    }
    Ok(vm.new_bigint(float_to_bigint(vm, f)?))
}

/// Exact comparison of an int with a float; `None` when `f` is NaN.
pub fn cmp_int_float(i: IntVal, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntVal::Small(v) = i {
        if v.unsigned_abs() <= 1u64 << 53 {
            return (v as f64).partial_cmp(&f);
        }
    }
    let t = f.trunc();
    let tb = BigInt::from_f64(t)?;
    let ord = match i {
        IntVal::Small(v) => BigInt::from(v).cmp(&tb),
        IntVal::Big(b) => b.cmp(&tb),
    };
    Some(match ord {
        Ordering::Equal => {
            let frac = f - t;
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    })
}

/// The modulus of the numeric hash (a Mersenne prime).
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
const HASH_BITS: u32 = 61;
const HASH_INF: i64 = 314_159;

/// `hash()` of an int.
pub fn int_hash(i: IntVal) -> i64 {
    let (neg, h) = match i {
        IntVal::Small(v) => (v < 0, v.unsigned_abs() % HASH_MODULUS),
        IntVal::Big(b) => {
            let m = b.magnitude() % BigUint::from(HASH_MODULUS);
            (b.sign() == Sign::Minus, m.to_u64().unwrap_or(0))
        }
    };
    let h = h as i64;
    let h = if neg { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `_Py_HashPointer`: the hash of an object's identity.
pub fn pointer_hash(addr: usize) -> i64 {
    let y = addr.rotate_right(4) as i64;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` for finite non-zero `x`.
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * pow2(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `hash()` of a float (`_Py_HashDouble`); NaN hashes by identity (`addr`).
pub fn float_hash(v: f64, addr: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return pointer_hash(addr);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = i64::from(HASH_BITS);
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounding() {
        let one = BigUint::from(1u32);
        let b = |s: &str| s.parse::<BigUint>().unwrap();
        assert_eq!(ratio_to_f64(&b("1"), &b("3")), Some(1.0 / 3.0));
        assert_eq!(
            ratio_to_f64(&b("9007199254740993"), &one),
            Some(9007199254740992.0)
        );
        assert_eq!(
            ratio_to_f64(&b("9007199254740995"), &one),
            Some(9007199254740996.0)
        );
        let big = BigUint::from(10u32).pow(400);
        assert_eq!(ratio_to_f64(&big, &one), None);
        assert_eq!(ratio_to_f64(&one, &big), Some(0.0));
        assert_eq!(
            ratio_to_f64(&b("1"), &(BigUint::from(1u32) << 1074usize)),
            Some(5e-324)
        );
        assert_eq!(
            ratio_to_f64(&b("1"), &(BigUint::from(1u32) << 1075usize)),
            Some(0.0)
        );
        assert_eq!(
            ratio_to_f64(&b("3"), &(BigUint::from(1u32) << 1076usize)),
            Some(5e-324)
        );
        assert_eq!(
            ratio_to_f64(&b("10"), &(BigUint::from(10u32).pow(30))),
            Some(1e-29)
        );
    }

    #[test]
    fn hashes() {
        assert_eq!(float_hash(1.5, 0), 1152921504606846977);
        assert_eq!(float_hash(1e100, 0), 1822893315824342674);
        assert_eq!(float_hash(-0.5, 0), -1152921504606846976);
        assert_eq!(float_hash(2.0, 0), 2);
        assert_eq!(float_hash(-1.0, 0), -2);
        assert_eq!(int_hash(IntVal::Small(-1)), -2);
        let big = BigInt::from(1) << 61usize;
        assert_eq!(int_hash(IntVal::Big(&big)), 1);
        assert_eq!(int_hash(IntVal::Big(&-big)), -2);
    }
}
