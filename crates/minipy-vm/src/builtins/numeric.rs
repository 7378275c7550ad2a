//! Numeric built-ins: `abs`, `min`, `max`, `sum`, `round`, `divmod`, `pow`,
//! `hex`, `oct`, `bin`, `chr`, `ord`, `id`, `hash`.

use minipy_bytecode::opcode::nb;
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::protocol::CompareOp;
use crate::text::int_format::int_to_prefixed;
use crate::vm::Vm;

use super::{kw_only, one_arg, parse_args};

pub fn builtin_id(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "id")?;
    Ok(vm.new_int(x.addr() as i64))
}

pub fn builtin_hash(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "hash")?;
    Ok(vm.new_int(vm.hash(x)?))
}

/// `abs(x)`.
pub fn builtin_abs(vm: &Vm, args: Args) -> PyResult {
    let x = one_arg(vm, &args, "abs")?;
    vm.absolute(x)
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

/// `round(number, ndigits=None)`: the type's `__round__`.
pub fn builtin_round(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "round", &["number", "ndigits"], 1, 0)?;
    let Some(x) = a[0].clone() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)".to_string()));
    };
    let r = match a[1].as_ref().filter(|n| !n.is_none()) {
        None => vm.call_special(&x, "__round__", &[])?,
        Some(n) => vm.call_special(&x, "__round__", std::slice::from_ref(n))?,
    };
    r.ok_or_else(|| {
        vm.type_error(format!(
            "type {} doesn't define __round__ method",
            x.type_name()
        ))
    })
}

/// `divmod(a, b)`.
pub fn builtin_divmod(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "divmod")?;
    let p = args.check(vm, "divmod", 2, 2)?;
    vm.divmod(&p[0], &p[1])
}

/// `pow(base, exp, mod=None)`.
pub fn builtin_pow(vm: &Vm, args: Args) -> PyResult {
    let a = parse_args(vm, &args, "pow", &["base", "exp", "mod"], 2, 0)?;
    let (Some(base), Some(exp)) = (a[0].clone(), a[1].clone()) else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)".to_string()));
    };
    let m = a[2].clone().unwrap_or_else(|| vm.none.clone());
    vm.power(&base, &exp, &m)
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
                    d.char_len()
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
