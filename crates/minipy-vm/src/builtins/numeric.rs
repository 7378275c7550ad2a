//! Numeric built-ins: `abs`, `min`, `max`, `sum`, `round`, `divmod`, `pow`,
//! `hex`, `oct`, `bin`, `chr`, `ord`, `id`, `hash`.

use minipy_bytecode::opcode::nb;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::Args;
use crate::objects::number;
use crate::protocol::CompareOp;
use crate::text::int_format::int_to_prefixed;
use crate::vm::Vm;

use super::{kw_only, one_arg, parse_args};

fn is_heap(obj: &PyRef) -> bool {
    obj.class().as_type().map(|t| t.heap).unwrap_or(false)
}

pub fn builtin_id(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "id")?;
    Ok(vm.new_int(x.addr() as i64))
}

pub fn builtin_hash(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "hash")?;
    Ok(vm.new_int(vm.hash(x)?))
}

/// `abs` of a built-in number payload.
fn native_abs(vm: &Vm, x: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(Some(match &x.payload {
        Payload::Int(i) => match i.checked_abs() {
            Some(v) => vm.new_int(v),
            None => vm.new_bigint(BigInt::from(*i).abs()),
        },
        Payload::BigInt(b) => vm.new_bigint(b.abs()),
        Payload::Float(f) => vm.new_float(f.abs()),
        Payload::Complex(re, im) => {
            let r = re.hypot(*im);
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(vm.overflow_error("absolute value too large".to_string()));
            }
            vm.new_float(r)
        }
        _ => return Ok(None),
    }))
}

pub fn builtin_abs(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "abs")?;
    if !is_heap(x) {
        if let Some(r) = native_abs(vm, x)? {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(x, "__abs__", &[])? {
        return Ok(r);
    }
    if let Some(r) = native_abs(vm, x)? {
        return Ok(r);
    }
    Err(vm.type_error(format!("bad operand type for abs(): '{}'", x.type_name())))
}

fn min_max(vm: &Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    let pos = args.pos();
    if args.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "{}() takes at most 2 keyword arguments ({} given)",
            name,
            args.kwnames.len()
        )));
    }
    let kw = kw_only(vm, &args, name, &["key", "default"])?;
    if pos.is_empty() {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    let key = kw[0].filter(|k| !k.is_none());
    let default = kw[1];
    if pos.len() > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        )));
    }
    let mut best: Option<(PyRef, PyRef)> = None;
    let mut consider = |item: PyRef| -> PyResult<()> {
        let kv = match key {
            Some(k) => vm.call_args(k, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => vm.compare_bool(&kv, bk, op)?,
        };
        if replace {
            best = Some((item, kv));
        }
        Ok(())
    };
    if pos.len() > 1 {
        for item in pos {
            consider(item.clone())?;
        }
    } else {
        let it = vm.iter(&pos[0])?;
        while let Some(item) = vm.next(&it)? {
            consider(item)?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        },
    }
}

pub fn builtin_min(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, "min", CompareOp::Lt)
}

pub fn builtin_max(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, "max", CompareOp::Gt)
}

fn is_exact_int(vm: &Vm, o: &PyRef) -> Option<i64> {
    let c = o.class();
    if c.is(&vm.types.int) || c.is(&vm.types.bool) {
        o.as_small_int()
    } else {
        None
    }
}

/// `sum(iterable, /, start=0)`.
pub fn builtin_sum(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "sum", &["iterable", "start"], 1, 1)?;
    let (Some(iterable), start) = (a[0].clone(), a[1].clone()) else {
        return Err(
            vm.type_error("sum() takes at least 1 positional argument (0 given)".to_string())
        );
    };
    let mut acc = match start {
        Some(s) => {
            if matches!(s.payload, Payload::Str(_)) {
                return Err(
                    vm.type_error("sum() can't sum strings [use ''.join(seq) instead]".to_string())
                );
            }
            if matches!(s.payload, Payload::Bytes(_)) {
                return Err(vm.type_error(format!(
                    "sum() can't sum {} [use b''.join(seq) instead]",
                    if s.class().is(&vm.types.bytes) {
                        "bytes".to_string()
                    } else {
                        s.type_name()
                    }
                )));
            }
            s
        }
        None => vm.new_int(0),
    };
    let it = vm.iter(&iterable)?;
    // Fast path: machine-size ints.
    if let Some(mut total) = is_exact_int(vm, &acc) {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_int(total));
            };
            if let Some(v) = is_exact_int(vm, &item) {
                if let Some(t) = total.checked_add(v) {
                    total = t;
                    continue;
                }
            }
            acc = vm.binary_op(&vm.new_int(total), &item, nb::ADD)?;
            break;
        }
    }
    // Fast path: floats.
    if let Payload::Float(mut f) = acc.payload {
        if acc.class().is(&vm.types.float) {
            loop {
                let Some(item) = vm.next(&it)? else {
                    return Ok(vm.new_float(f));
                };
                if item.class().is(&vm.types.float) {
                    if let Payload::Float(x) = item.payload {
                        f += x;
                        continue;
                    }
                }
                if let Some(v) = is_exact_int(vm, &item) {
                    f += v as f64;
                    continue;
                }
                acc = vm.binary_op(&vm.new_float(f), &item, nb::ADD)?;
                break;
            }
        }
    }
    while let Some(item) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &item, nb::ADD)?;
    }
    Ok(acc)
}

/// `round(x)` / `round(x, n)` for built-in ints and floats.
fn native_round(vm: &Vm, x: &PyRef, nd: Option<&PyRef>) -> PyResult<Option<PyRef>> {
    match &x.payload {
        Payload::Int(_) | Payload::BigInt(_) => {
            let n = number::as_bigint(x).unwrap_or_default();
            let Some(nd) = nd else {
                return Ok(Some(vm.new_bigint(n)));
            };
            let d = vm.index_big(nd)?;
            if !d.is_negative() {
                return Ok(Some(vm.new_bigint(n)));
            }
            let Some(e) = (-d).to_u32() else {
                return Ok(Some(vm.new_int(0)));
            };
            let p = num_traits::pow(BigInt::from(10), e as usize);
            // Round half to even to a multiple of p.
            let (q, r) = n.div_mod_floor(&p);
            let twice: BigInt = &r * 2;
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                _ => q,
            };
            Ok(Some(vm.new_bigint(q * p)))
        }
        Payload::Float(f) => {
            let f = *f;
            match nd {
                None => {
                    if f.is_nan() {
                        return Err(
                            vm.value_error("cannot convert float NaN to integer".to_string())
                        );
                    }
                    if f.is_infinite() {
                        return Err(vm.overflow_error(
                            "cannot convert float infinity to integer".to_string(),
                        ));
                    }
                    let r = f.round_ties_even();
                    Ok(Some(vm.new_bigint(BigInt::from_f64(r).unwrap_or_default())))
                }
                Some(nd) => {
                    let d = vm.index_big(nd)?;
                    let d = d
                        .to_i64()
                        .unwrap_or(if d.is_negative() { i64::MIN } else { i64::MAX });
                    match crate::text::float_format::round_half_even(f, d) {
                        Ok(r) => Ok(Some(vm.new_float(r))),
                        Err(e) => Err(crate::objects::str::text_err(vm, e)),
                    }
                }
            }
        }
        _ => Ok(None),
    }
}

/// `round(number, ndigits=None)`.
pub fn builtin_round(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "round", &["number", "ndigits"], 1, 0)?;
    let Some(x) = a[0].clone() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)".to_string()));
    };
    let nd = a[1].clone().filter(|n| !n.is_none());
    if !is_heap(&x) {
        if let Some(r) = native_round(vm, &x, nd.as_ref())? {
            return Ok(r);
        }
    }
    let r = match &nd {
        None => vm.call_special(&x, "__round__", &[])?,
        Some(n) => vm.call_special(&x, "__round__", std::slice::from_ref(n))?,
    };
    if let Some(r) = r {
        return Ok(r);
    }
    if let Some(r) = native_round(vm, &x, nd.as_ref())? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "type {} doesn't define __round__ method",
        x.type_name()
    )))
}

/// `divmod(a, b)`.
pub fn builtin_divmod(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "divmod")?;
    let p = args.check(vm, "divmod", 2, 2)?;
    let (a, b) = (&p[0], &p[1]);
    if !is_heap(a) && !is_heap(b) {
        if let Some(r) = number::divmod(vm, a, b)? {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(a, "__divmod__", std::slice::from_ref(b))? {
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    if !a.class().is(b.class()) {
        if let Some(r) = vm.call_special(b, "__rdivmod__", std::slice::from_ref(a))? {
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    if is_heap(a) || is_heap(b) {
        if let Some(r) = number::divmod(vm, a, b)? {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

/// Three-argument `pow` for ints.
fn int_pow_mod(vm: &Vm, b: BigInt, e: BigInt, m: BigInt) -> PyResult {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0".to_string()));
    }
    let mabs = m.abs();
    let mut base = b.mod_floor(&mabs);
    let mut e = e;
    if e.is_negative() {
        match base.modinv(&mabs) {
            Some(inv) => base = inv,
            None => {
                return Err(
                    vm.value_error("base is not invertible for the given modulus".to_string())
                )
            }
        }
        e = -e;
    }
    let mut r = if mabs.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&e, &mabs)
    };
    if m.is_negative() && !r.is_zero() {
        r -= &mabs;
    }
    Ok(vm.new_bigint(r))
}

/// `pow(base, exp, mod=None)`.
pub fn builtin_pow(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "pow", &["base", "exp", "mod"], 2, 0)?;
    let (Some(base), Some(exp)) = (a[0].clone(), a[1].clone()) else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)".to_string()));
    };
    let m = match a[2].clone() {
        Some(m) if !m.is_none() => m,
        _ => return vm.binary_op(&base, &exp, nb::POWER),
    };
    let all_native = [&base, &exp, &m].iter().all(|o| !is_heap(o));
    if all_native {
        if let (Some(b), Some(e), Some(mm)) = (
            number::as_bigint(&base),
            number::as_bigint(&exp),
            number::as_bigint(&m),
        ) {
            return int_pow_mod(vm, b, e, mm);
        }
        if [&base, &exp, &m]
            .iter()
            .all(|o| number::num_of(o).is_some())
        {
            return Err(vm.type_error(
                "pow() 3rd argument not allowed unless all arguments are integers".to_string(),
            ));
        }
    }
    if is_heap(&base) {
        if let Some(r) = vm.call_special(&base, "__pow__", &[exp.clone(), m.clone()])? {
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    if let (Some(b), Some(e), Some(mm)) = (
        number::as_bigint(&base),
        number::as_bigint(&exp),
        number::as_bigint(&m),
    ) {
        return int_pow_mod(vm, b, e, mm);
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        base.type_name(),
        exp.type_name(),
        m.type_name()
    )))
}

fn int_prefixed(vm: &Vm, args: Args, name: &str, base: u32) -> PyResult {
    let x = one_arg(vm, &args, name)?;
    let n = vm.index_big(x)?;
    Ok(vm.new_string(int_to_prefixed(&n, base)))
}

pub fn builtin_hex(vm: &Vm, args: Args) -> PyResult {
    int_prefixed(vm, args, "hex", 16)
}

pub fn builtin_oct(vm: &Vm, args: Args) -> PyResult {
    int_prefixed(vm, args, "oct", 8)
}

pub fn builtin_bin(vm: &Vm, args: Args) -> PyResult {
    int_prefixed(vm, args, "bin", 2)
}

pub fn builtin_chr(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "chr")?;
    let n = vm.index_big(x)?;
    let Some(n) = n.to_i32() else {
        return Err(vm.overflow_error("Python int too large to convert to C int".to_string()));
    };
    if !(0..0x110000).contains(&n) {
        return Err(vm.value_error("chr() arg not in range(0x110000)".to_string()));
    }
    match char::from_u32(n as u32) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => Err(vm.unsupported("lone surrogate characters")),
    }
}

pub fn builtin_ord(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "ord")?;
    match &x.payload {
        Payload::Str(d) => {
            let mut it = d.s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(vm.new_int(c as i64)),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    d.char_len
                ))),
            }
        }
        Payload::Bytes(b) if b.len() == 1 => Ok(vm.new_int(b[0] as i64)),
        Payload::Bytes(b) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        _ => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            x.type_name()
        ))),
    }
}
