//! Folding operations on constants, within CPython's size limits (`ast_opt.c`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, Constant};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => i
            .to_f64()
            .filter(|f| f.is_finite() && f.abs() < 9.007_199_254_740_992e15),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Int(i) => !i.is_zero(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Ellipsis => true,
    }
}

fn count_items(c: &Constant) -> usize {
    match c {
        Constant::Tuple(t) => t.len() + t.iter().map(count_items).sum::<usize>(),
        _ => 0,
    }
}

/// The repeat count `n` for a sequence of `size` items when the result
/// stays within `limit` (CPython's `safe_multiply`). An empty sequence
/// repeats to itself for any count that fits an index (negative ones too),
/// so its count is 0: the folded result is the same and no loop runs `n`
/// times.
fn repeat_ok(n: &BigInt, size: usize, limit: usize) -> Option<usize> {
    let n = n.to_i64()?;
    if size == 0 {
        return Some(0);
    }
    if n < 0 {
        return None;
    }
    let n = n as usize;
    if size > 0 && n > limit / size {
        return None;
    }
    Some(n)
}

fn py_float_floordiv(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        Some(fd)
    } else {
        Some((0.0f64).copysign(vx / wx))
    }
}

fn py_float_mod(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = (0.0f64).copysign(wx);
    }
    Some(m)
}

pub(super) fn fold_binop(op: &ast::Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use ast::Operator::*;
    // int op int
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return match op {
            Add => Some(Constant::Int(a + b)),
            Sub => Some(Constant::Int(a - b)),
            Mult => {
                if !a.is_zero() && !b.is_zero() && num_bits(&a) + num_bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                Some(Constant::Int(a * b))
            }
            FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                Some(Constant::Int(a.div_floor(&b)))
            }
            Mod => {
                if b.is_zero() {
                    return None;
                }
                Some(Constant::Int(a.mod_floor(&b)))
            }
            Pow => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && b.is_positive() {
                    let vbits = num_bits(&a);
                    let wbits = b.to_u64()?;
                    if vbits > MAX_INT_SIZE / wbits {
                        return None;
                    }
                }
                let e = b.to_u32()?;
                Some(Constant::Int(num_traits::pow::pow(a, e as usize)))
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && !b.is_zero() {
                    let vbits = num_bits(&a);
                    let wbits = b.to_u64()?;
                    if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
                        return None;
                    }
                }
                Some(Constant::Int(a << b.to_usize()?))
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
                Some(Constant::Int(a >> s))
            }
            BitAnd => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x & *y));
                }
                Some(Constant::Int(a & b))
            }
            BitOr => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x | *y));
                }
                Some(Constant::Int(a | b))
            }
            BitXor => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x ^ *y));
                }
                Some(Constant::Int(a ^ b))
            }
            Div => {
                if b.is_zero() {
                    return None;
                }
                let (x, y) = (as_float(l)?, as_float(r)?);
                Some(Constant::Float(x / y))
            }
            MatMult => None,
        };
    }
    // float arithmetic (one side float, the other int/float)
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (x, y) = (as_float(l)?, as_float(r)?);
        return match op {
            Add => Some(Constant::Float(x + y)),
            Sub => Some(Constant::Float(x - y)),
            Mult => Some(Constant::Float(x * y)),
            Div => {
                if y == 0.0 {
                    None
                } else {
                    Some(Constant::Float(x / y))
                }
            }
            FloorDiv => py_float_floordiv(x, y).map(Constant::Float),
            Mod => py_float_mod(x, y).map(Constant::Float),
            _ => None,
        };
    }
    // complex add/sub
    let as_complex = |c: &Constant| -> Option<(f64, f64)> {
        match c {
            Constant::Complex { real, imag } => Some((*real, *imag)),
            _ => as_float(c).map(|f| (f, 0.0)),
        }
    };
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let (a, b) = (as_complex(l)?, as_complex(r)?);
        return match op {
            Add => Some(Constant::Complex {
                real: a.0 + b.0,
                imag: a.1 + b.1,
            }),
            Sub => Some(Constant::Complex {
                real: a.0 - b.0,
                imag: a.1 - b.1,
            }),
            _ => None,
        };
    }
    match (op, l, r) {
        (Add, Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}"))),
        (Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(Constant::Bytes(v))
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(v))
        }
        (Mult, Constant::Str(s), n) | (Mult, n, Constant::Str(s)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, s.chars().count(), MAX_STR_SIZE)?;
            Some(Constant::Str(s.repeat(k)))
        }
        (Mult, Constant::Bytes(s), n) | (Mult, n, Constant::Bytes(s)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, s.len(), MAX_STR_SIZE)?;
            Some(Constant::Bytes(s.repeat(k)))
        }
        (Mult, Constant::Tuple(t), n) | (Mult, n, Constant::Tuple(t)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, t.len(), MAX_COLLECTION_SIZE)?;
            if k > 0
                && !t.is_empty()
                && count_items(&Constant::Tuple(t.clone())) > MAX_TOTAL_ITEMS / k
            {
                return None;
            }
            let mut v = Vec::new();
            for _ in 0..k {
                v.extend(t.iter().cloned());
            }
            Some(Constant::Tuple(v))
        }
        _ => None,
    }
}

pub(super) fn fold_unary(op: &ast::UnaryOp, c: &Constant) -> Option<Constant> {
    use ast::UnaryOp::*;
    match op {
        Not => Some(Constant::Bool(!truth(c))),
        USub => match c {
            Constant::Int(i) => Some(Constant::Int(-i)),
            Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)))),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => None,
        },
        UAdd => match c {
            Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } => Some(c.clone()),
            Constant::Bool(b) => Some(Constant::Int(BigInt::from(u8::from(*b)))),
            _ => None,
        },
        Invert => match c {
            Constant::Int(i) => Some(Constant::Int(-i - 1)),
            Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)) - 1)),
            _ => None,
        },
    }
}

pub(super) fn fold_subscr(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = as_int(i)?.to_i64()?;
    let pick = |len: usize| -> Option<usize> {
        let len = len as i64;
        let k = if idx < 0 { idx + len } else { idx };
        (0..len).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.chars().count();
            let k = pick(n)?;
            s.chars().nth(k).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => {
            let k = pick(b.len())?;
            Some(Constant::Int(BigInt::from(b[k])))
        }
        Constant::Tuple(t) => {
            let k = pick(t.len())?;
            Some(t[k].clone())
        }
        _ => None,
    }
}
