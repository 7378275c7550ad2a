//! The methods of `int` (those CPython lists in `long_methods`).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{plain_int, text_error, this_int};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::number::IntVal;
use crate::vm::Vm;

/// Positional arguments of an int method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    super::check_method_args(vm, args, "int", name, n)
}

/// `conjugate`: the value as an exact int.
pub(super) fn int_self(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "conjugate", 0)?;
    this_int(vm, &pos[0])?;
    Ok(plain_int(vm, &pos[0]))
}

/// `__trunc__`, `__floor__`, `__ceil__`: an Integral is its own.
fn integral_self(vm: &Vm, args: Args, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 0)?;
    this_int(vm, &pos[0])?;
    Ok(plain_int(vm, &pos[0]))
}

pub(super) fn int_trunc(vm: &Vm, args: Args) -> PyResult {
    integral_self(vm, args, "__trunc__")
}

pub(super) fn int_floor(vm: &Vm, args: Args) -> PyResult {
    integral_self(vm, args, "__floor__")
}

pub(super) fn int_ceil(vm: &Vm, args: Args) -> PyResult {
    integral_self(vm, args, "__ceil__")
}

pub(super) fn int_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__getnewargs__", 0)?;
    this_int(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![plain_int(vm, &pos[0])]))
}

/// `__sizeof__`: the memory the object occupies (as `object.__sizeof__`).
pub(super) fn int_sizeof(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__sizeof__", 0)?;
    this_int(vm, &pos[0])?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(&pos[0]) as i64))
}

/// `round(x, ndigits)` for ints: half to even at a power of ten.
pub(super) fn int_round(vm: &Vm, args: Args) -> PyResult {
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
    let v = this_int(vm, slf)?;
    let nd = match pos.get(1) {
        None => return Ok(plain_int(vm, &pos[0])),
        Some(n) if n.is_none() => return Ok(plain_int(vm, &pos[0])),
        Some(n) => vm.index_big(n)?,
    };
    if !nd.is_negative() {
        return Ok(plain_int(vm, &pos[0]));
    }
    let x = v.to_big();
    let k = (-nd).to_u64().unwrap_or(u64::MAX);
    // 10**k > |x| for k > 0.31 * bits: the result is 0.
    if k > x.bits() / 3 + 2 {
        return Ok(vm.new_int(0));
    }
    let p = num_traits::Pow::pow(&BigInt::from(10), k);
    let (mut q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Ok(vm.new_bigint(q * p))
}

pub(super) fn int_format(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__format__", 1)?;
    let v = this_int(vm, &pos[0])?;
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
    crate::text::format_spec::format_int_spec(&v.to_big(), spec, &type_name)
        .map(|s| vm.new_string(s))
        .map_err(|e| text_error(vm, e))
}

pub(super) fn int_bit_length(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "bit_length", 0)?;
    let n = match this_int(vm, &pos[0])? {
        IntVal::Small(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        IntVal::Big(b) => b.bits(),
    };
    Ok(vm.new_int(n as i64))
}

pub(super) fn int_bit_count(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "bit_count", 0)?;
    let n = match this_int(vm, &pos[0])? {
        IntVal::Small(i) => u64::from(i.unsigned_abs().count_ones()),
        IntVal::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| u64::from(d.count_ones()))
            .sum(),
    };
    Ok(vm.new_int(n as i64))
}

pub(super) fn int_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "as_integer_ratio", 0)?;
    this_int(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![plain_int(vm, &pos[0]), vm.new_int(1)]))
}

/// `byteorder` argument: true for big-endian.
fn byteorder(vm: &Vm, v: Option<&PyRef>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(o) => match o.as_str() {
            Some("big") => Ok(true),
            Some("little") => Ok(false),
            Some(_) => {
                Err(vm.value_error("byteorder must be either 'little' or 'big'".to_string()))
            }
            None => Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                o.type_name()
            ))),
        },
    }
}

/// Collects `(positional..., keyword)` arguments by name.
fn named_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    fname: &str,
    names: &[&str],
    max_pos: usize,
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let pos = args.pos();
    if pos.len() > max_pos + 1 {
        return Err(vm.type_error(format!(
            "{}() takes at most {} positional arguments ({} given)",
            fname,
            max_pos,
            pos.len() - 1
        )));
    }
    let mut out: Vec<Option<&PyRef>> = vec![None; names.len()];
    for (i, v) in pos.iter().skip(1).enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    k,
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, k
                )))
            }
        }
    }
    Ok(out)
}

pub(super) fn int_to_bytes(vm: &Vm, args: Args) -> PyResult {
    let Some(slf) = args.pos().first() else {
        return Err(vm.type_error("to_bytes() missing self".to_string()));
    };
    let v = this_int(vm, slf)?;
    let a = named_args(vm, &args, "to_bytes", &["length", "byteorder", "signed"], 2)?;
    let length = match a[0] {
        Some(l) => vm.index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative".to_string()));
    }
    let big_endian = byteorder(vm, a[1])?;
    let signed = match a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let x = v.to_big();
    if !signed && x.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned".to_string()));
    }
    let mut bytes = if x.is_zero() {
        Vec::new()
    } else if signed {
        x.to_signed_bytes_be()
    } else {
        x.magnitude().to_bytes_be()
    };
    let length = length as usize;
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert".to_string()));
    }
    let fill = if x.is_negative() { 0xff } else { 0 };
    let mut out = crate::objects::seq::alloc::vec_with_capacity(vm, length)?;
    out.resize(length - bytes.len(), fill);
    out.append(&mut bytes);
    if !big_endian {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

pub(super) fn int_from_bytes(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("from_bytes() missing cls".to_string()));
    };
    let a = named_args(
        vm,
        &args,
        "from_bytes",
        &["bytes", "byteorder", "signed"],
        2,
    )?;
    let Some(src) = a[0] else {
        return Err(
            vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)".to_string())
        );
    };
    let big_endian = byteorder(vm, a[1])?;
    let signed = match a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match &src.payload {
        Payload::Bytes(b) => b.to_vec(),
        Payload::Str(_) => {
            return Err(vm.type_error("cannot convert 'str' object to bytes".to_string()));
        }
        _ => {
            let items = vm.iterate(src)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let n = vm.index_i64(&it)?;
                match u8::try_from(n) {
                    Ok(b) => out.push(b),
                    Err(_) => {
                        return Err(vm.value_error("bytes must be in range(0, 256)".to_string()))
                    }
                }
            }
            out
        }
    };
    if !big_endian {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    let r = vm.new_bigint(n);
    if cls.is(&vm.types.int) {
        Ok(r)
    } else {
        vm.call_args(cls, &[r])
    }
}
