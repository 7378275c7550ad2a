//! Float arithmetic with CPython's special cases (`float_rem`,
//! `float_divmod`, `float_floor_div`, `float_pow`).

use minipy_bytecode::opcode::nb;

use super::complex_arith::complex_pow;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// `a <op> b` for floats (the caller already converted ints).
pub fn float_binary(vm: &Vm, a: f64, b: f64, op: u32) -> PyResult<Option<PyRef>> {
    let r = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            a / b
        }
        nb::FLOOR_DIVIDE => float_floordiv(vm, a, b)?,
        nb::REMAINDER => float_mod(vm, a, b)?,
        nb::POWER => return float_pow(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_float(r)))
}

/// Python's `a % b` for floats.
pub fn float_mod(vm: &Vm, a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(vm.zero_division_error("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// The quotient and remainder of `float_divmod` (`b != 0`).
fn divmod_raw(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// Python's `a // b` for floats.
pub fn float_floordiv(vm: &Vm, a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(vm.zero_division_error("float floor division by zero"));
    }
    Ok(divmod_raw(a, b).0)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(vm: &Vm, a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    Ok(divmod_raw(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0 && (x % 2.0).abs() == 1.0
}

fn range_error(vm: &Vm) -> PyRef {
    let args = vec![vm.new_int(34), vm.new_str("Numerical result out of range")];
    vm.new_exception(&vm.exc.overflow_error, args)
}

/// `a ** b` for floats (CPython's `float_pow`); a negative base with a
/// non-integral exponent gives a complex result.
pub fn float_pow(vm: &Vm, iv: f64, iw: f64) -> PyResult {
    if iw == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(vm.new_float(iv));
    }
    if iw.is_nan() {
        return Ok(vm.new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        let r = if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        let r = if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.new_float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut v = iv;
    let mut negate = false;
    if v < 0.0 {
        if iw != iw.floor() {
            return complex_pow(vm, (iv, 0.0), (iw, 0.0));
        }
        v = -v;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(vm.new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = v.powf(iw);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(if negate { -r } else { r }))
}
