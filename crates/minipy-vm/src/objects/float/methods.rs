//! The methods of `float` (those CPython lists in `float_methods`).

use num_bigint::BigInt;

use super::{method_args, plain_float, this_float};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::int::text_error;
use crate::objects::number::{self, float_to_int};
use crate::vm::Vm;

pub(super) fn float_trunc(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__trunc__", 0)?;
    let f = this_float(vm, &pos[0])?;
    float_to_int(vm, f)
}

pub(super) fn float_floor(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__floor__", 0)?;
    let f = this_float(vm, &pos[0])?;
    float_to_int(vm, f.floor())
}

pub(super) fn float_ceil(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__ceil__", 0)?;
    let f = this_float(vm, &pos[0])?;
    float_to_int(vm, f.ceil())
}

/// `conjugate`: the value as an exact float.
pub(super) fn float_conjugate(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "conjugate", 0)?;
    this_float(vm, &pos[0])?;
    Ok(plain_float(vm, &pos[0]))
}

pub(super) fn float_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__getnewargs__", 0)?;
    this_float(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![plain_float(vm, &pos[0])]))
}

/// `round(x)` (an int, ties to even) and `round(x, n)` (a float).
pub(super) fn float_round(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "__round__")?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let Some(slf) = pos.first() else {
        return Err(vm.type_error("__round__() missing self".to_string()));
    };
    let f = this_float(vm, slf)?;
    match pos.get(1).filter(|n| !n.is_none()) {
        None => float_to_int(vm, f.round_ties_even()),
        Some(n) => {
            let nd = match vm.index_big(n)? {
                b if b > BigInt::from(i64::MAX / 2) => i64::MAX / 2,
                b if b < BigInt::from(i64::MIN / 2) => i64::MIN / 2,
                b => i64::try_from(b).unwrap_or(0),
            };
            crate::text::float_format::round_half_even(f, nd)
                .map(|r| vm.new_float(r))
                .map_err(|e| text_error(vm, e))
        }
    }
}

pub(super) fn float_format(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__format__", 1)?;
    let f = this_float(vm, &pos[0])?;
    let Some(spec) = pos[1].as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            pos[1].type_name()
        )));
    };
    if spec.is_empty() {
        return vm.str(&pos[0]);
    }
    let type_name = pos[0].type_name();
    crate::text::format_spec::format_float_spec(f, spec, &type_name)
        .map(|s| vm.new_string(s))
        .map_err(|e| text_error(vm, e))
}

pub(super) fn float_is_integer(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "is_integer", 0)?;
    let f = this_float(vm, &pos[0])?;
    Ok(vm.new_bool(f.is_finite() && f.fract() == 0.0))
}

/// `(mantissa, exponent)` with `x == mantissa * 2**exponent` exactly, the
/// mantissa odd (or zero).
fn decompose(x: f64) -> (i64, i64) {
    if x == 0.0 {
        return (0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1i64 << 52), exp - 1075)
    };
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    if x < 0.0 {
        m = -m;
    }
    (m, e)
}

pub(super) fn float_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "as_integer_ratio", 0)?;
    let f = this_float(vm, &pos[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio".to_string()));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio".to_string()));
    }
    let (m, e) = decompose(f);
    let (n, d) = if e >= 0 {
        (BigInt::from(m) << (e as usize), BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << ((-e) as usize))
    };
    Ok(vm.new_tuple(vec![vm.new_bigint(n), vm.new_bigint(d)]))
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub(super) fn float_hex(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "hex", 0)?;
    let f = this_float(vm, &pos[0])?;
    if !f.is_finite() {
        return Ok(vm.new_string(minipy_bytecode::repr::float_repr(f)));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(vm.new_string(format!("{}0x0.0p+0", sign)));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(vm.new_string(format!("{}0x{}.{:013x}p{:+}", sign, lead, frac, e)))
}

/// Parses `float.fromhex` text; `Err(true)` on overflow, `Err(false)` when malformed.
fn parse_hex_float(s: &str) -> Result<f64, bool> {
    use num_bigint::BigUint;
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = |v: f64| if neg { -v } else { v };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let b = lower.as_bytes();
    let mut pos = if lower.starts_with("0x") { 2 } else { 0 };
    let mut mant = BigUint::from(0u32);
    let mut ndigits = 0usize;
    let mut nfrac: i64 = 0;
    let mut seen_dot = false;
    while pos < b.len() {
        let c = b[pos];
        if c == b'.' && !seen_dot {
            seen_dot = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4usize) + BigUint::from(d);
            ndigits += 1;
            if seen_dot {
                nfrac += 1;
            }
        } else {
            break;
        }
        pos += 1;
    }
    if ndigits == 0 {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if pos < b.len() && b[pos] == b'p' {
        pos += 1;
        let mut eneg = false;
        if pos < b.len() && (b[pos] == b'+' || b[pos] == b'-') {
            eneg = b[pos] == b'-';
            pos += 1;
        }
        let start = pos;
        while pos < b.len() && b[pos].is_ascii_digit() {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(b[pos] - b'0'));
            pos += 1;
        }
        if pos == start {
            return Err(false);
        }
        if eneg {
            exp = -exp;
        }
    }
    if pos != b.len() {
        return Err(false);
    }
    if mant == BigUint::from(0u32) {
        return Ok(sign(0.0));
    }
    let e2 = exp.saturating_sub(nfrac.saturating_mul(4));
    let bits = mant.bits() as i64;
    let one = BigUint::from(1u32);
    let v = if e2 >= 0 {
        if e2.saturating_add(bits) > 1100 {
            return Err(true);
        }
        number::ratio_to_f64(&(mant << (e2 as usize)), &one)
    } else {
        if e2.saturating_neg() > bits + 1100 {
            return Ok(sign(0.0));
        }
        number::ratio_to_f64(&mant, &(one << (e2.saturating_neg() as usize)))
    };
    v.map(sign).ok_or(true)
}

/// `float.fromhex(s)` (a class method: `args[0]` is the class).
pub(super) fn float_fromhex(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "fromhex")?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let Some(s) = pos[1].as_str() else {
        return Err(vm.type_error("bad argument type for built-in operation".to_string()));
    };
    let v = match parse_hex_float(s) {
        Ok(v) => v,
        Err(true) => {
            return Err(vm
                .overflow_error("hexadecimal value too large to represent as a float".to_string()))
        }
        Err(false) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string".to_string()))
        }
    };
    let r = vm.new_float(v);
    if pos[0].is(&vm.types.float) {
        Ok(r)
    } else {
        vm.call_args(&pos[0], &[r])
    }
}

/// `float.__getformat__(typestr)` (a class method): the C type's format.
pub(super) fn float_getformat(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__getformat__", 1)?;
    match pos[1].as_str() {
        Some("double" | "float") => Ok(vm.new_str(if cfg!(target_endian = "little") {
            "IEEE, little-endian"
        } else {
            "IEEE, big-endian"
        })),
        Some(_) => {
            Err(vm
                .value_error("__getformat__() argument 1 must be 'double' or 'float'".to_string()))
        }
        None => Err(vm.type_error(format!(
            "__getformat__() argument must be str, not {}",
            pos[1].type_name()
        ))),
    }
}
