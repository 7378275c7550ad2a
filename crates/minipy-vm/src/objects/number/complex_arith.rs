//! Complex arithmetic as CPython's `complexobject.c` (`_Py_c_quot`,
//! `_Py_c_pow`, `c_powi`).

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

type C = (f64, f64);

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` on division by zero (errno EDOM).
pub fn quot(a: C, b: C) -> Option<C> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`; `None` when C's errno would be EDOM (zero to a negative or
/// complex power, or an infinite phase).
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // cos/sin of an infinity set errno = EDOM in C.
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn c_powi(x: C, n: i64) -> Option<C> {
    if n > 0 {
        Some(c_powu(x, n))
    } else {
        quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` for complex numbers.
pub fn complex_pow(vm: &Vm, a: C, b: C) -> PyResult {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow(a, b)
    };
    match p {
        None => Err(vm.zero_division_error("0.0 to a negative or complex power")),
        Some((r, i)) if r.is_infinite() || i.is_infinite() => {
            Err(vm.overflow_error("complex exponentiation".to_string()))
        }
        Some((r, i)) => Ok(vm.new_complex(r, i)),
    }
}

/// `a <op> b` for complex numbers (the caller converted ints and floats).
pub fn complex_binary(vm: &Vm, a: C, b: C, op: u32) -> PyResult<Option<PyRef>> {
    let (r, i) = match op {
        nb::ADD => (a.0 + b.0, a.1 + b.1),
        nb::SUBTRACT => (a.0 - b.0, a.1 - b.1),
        nb::MULTIPLY => prod(a, b),
        nb::TRUE_DIVIDE => match quot(a, b) {
            Some(q) => q,
            None => return Err(vm.zero_division_error("complex division by zero")),
        },
        nb::POWER => return complex_pow(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_complex(r, i)))
}
