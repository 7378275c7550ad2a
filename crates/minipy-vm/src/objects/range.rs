//! `range` and `slice`.
//!
//! Range endpoints are stored as int objects (they may be big); every
//! operation works on machine integers and raises CPython's OverflowError
//! ("Python int too large to convert to C ssize_t") when they do not fit.

use std::cell::Cell;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, Zero};

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::typeobj;
use crate::vm::Vm;

fn overflow(vm: &Vm) -> PyRef {
    vm.overflow_error("Python int too large to convert to C ssize_t".to_string())
}

/// `(start, stop, step)` of a range object as machine integers.
pub fn range_values(vm: &Vm, r: &PyRef) -> PyResult<(i64, i64, i64)> {
    match &r.payload {
        Payload::Range { start, stop, step } => {
            let get = |o: &PyRef| o.as_small_int().ok_or_else(|| overflow(vm));
            Ok((get(start)?, get(stop)?, get(step)?))
        }
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'range' object but received a '{}'",
            r.type_name()
        ))),
    }
}

/// Number of elements of `range(start, stop, step)`.
pub fn range_len_of(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// `len(range)`; OverflowError beyond ssize_t.
pub fn range_len(vm: &Vm, r: &PyRef) -> PyResult<usize> {
    let n = range_len_big(r);
    match i64::try_from(&n) {
        Ok(n) => Ok(n as usize),
        Err(_) => Err(overflow(vm)),
    }
}

fn to_int(vm: &Vm, o: &PyRef) -> PyResult<PyRef> {
    match &o.payload {
        Payload::Int(i) if o.class().is(&vm.types.int) => Ok(vm.new_int(*i)),
        Payload::Int(i) => Ok(vm.new_int(*i)),
        Payload::BigInt(_) => Ok(o.clone()),
        _ => {
            let b = vm.index_big(o)?;
            Ok(vm.new_bigint(b))
        }
    }
}

fn new_range_obj(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    PyRef::new(Payload::Range { start, stop, step }, &vm.types.range)
}

pub fn new_range(vm: &Vm, start: i64, stop: i64, step: i64) -> PyRef {
    new_range_obj(vm, vm.new_int(start), vm.new_int(stop), vm.new_int(step))
}

pub fn range_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "range")?;
    let pos = args.pos();
    let a = pos.get(1..).unwrap_or(&[]);
    let (start, stop, step) = match a.len() {
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0".to_string())),
        1 => (vm.new_int(0), to_int(vm, &a[0])?, vm.new_int(1)),
        2 => (to_int(vm, &a[0])?, to_int(vm, &a[1])?, vm.new_int(1)),
        3 => (to_int(vm, &a[0])?, to_int(vm, &a[1])?, to_int(vm, &a[2])?),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step.as_small_int() == Some(0) {
        return Err(vm.value_error("range() arg 3 must not be zero".to_string()));
    }
    Ok(new_range_obj(vm, start, stop, step))
}

/// `range.start` / `.stop` / `.step`.
pub fn range_attr(vm: &Vm, r: &PyRef, name: &str) -> Option<PyRef> {
    let _ = vm;
    match &r.payload {
        Payload::Range { start, stop, step } => match name {
            "start" => Some(start.clone()),
            "stop" => Some(stop.clone()),
            "step" => Some(step.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `slice.start` / `.stop` / `.step`.
pub fn slice_attr(vm: &Vm, s: &PyRef, name: &str) -> Option<PyRef> {
    let _ = vm;
    match &s.payload {
        Payload::Slice { start, stop, step } => match name {
            "start" => Some(start.clone()),
            "stop" => Some(stop.clone()),
            "step" => Some(step.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn big_of(o: &PyRef) -> BigInt {
    match &o.payload {
        Payload::Int(i) => BigInt::from(*i),
        Payload::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    }
}

/// `(start, stop, step)` as BigInts.
pub fn range_values_big(r: &PyRef) -> (BigInt, BigInt, BigInt) {
    match &r.payload {
        Payload::Range { start, stop, step } => (big_of(start), big_of(stop), big_of(step)),
        _ => (BigInt::zero(), BigInt::zero(), BigInt::one()),
    }
}

/// Length of a range with arbitrary-size endpoints.
pub fn range_len_big(r: &PyRef) -> BigInt {
    let (a, b, c) = range_values_big(r);
    if c.is_positive() && a < b {
        (b - a - 1u32) / &c + 1u32
    } else if c.is_negative() && a > b {
        (a - b - 1u32) / (-c) + 1u32
    } else {
        BigInt::zero()
    }
}

/// Item `i` (already normalised, `0 <= i < len`).
fn range_item(start: i64, step: i64, i: i64) -> i128 {
    start as i128 + i as i128 * step as i128
}

fn int_from_i128(vm: &Vm, v: i128) -> PyRef {
    match i64::try_from(v) {
        Ok(i) => vm.new_int(i),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(v)),
    }
}

/// `range[key]` (int or slice).
pub fn range_getitem(vm: &Vm, r: &PyRef, key: &PyRef) -> PyResult {
    let (start, stop, step) = match range_values(vm, r) {
        Ok(v) => v,
        Err(e) => {
            if matches!(key.payload, Payload::Slice { .. }) {
                return Err(e);
            }
            let (s, _, st) = range_values_big(r);
            let len = range_len_big(r);
            let mut i = match &key.payload {
                Payload::Int(_) | Payload::BigInt(_) => big_of(key),
                _ => vm.index_big(key)?,
            };
            if i.is_negative() {
                i += &len;
            }
            if i.is_negative() || i >= len {
                return Err(vm.index_error("range object index out of range".to_string()));
            }
            return Ok(vm.new_bigint(s + i * st));
        }
    };
    let len = range_len_of(start, stop, step);
    if let Payload::Slice { .. } = key.payload {
        if len > i64::MAX as i128 {
            return Err(overflow(vm));
        }
        let (s, e, st) = slice_indices(vm, key, len as usize)?;
        let ns = range_item(start, step, s as i64);
        let ne = range_item(start, step, e as i64);
        let nst = step as i128 * st as i128;
        return Ok(new_range_obj(
            vm,
            int_from_i128(vm, ns),
            int_from_i128(vm, ne),
            int_from_i128(vm, nst),
        ));
    }
    let idx = match &key.payload {
        Payload::Int(i) => *i,
        Payload::BigInt(_) => return Err(vm.index_error("range object index out of range".into())),
        _ => {
            if typeobj::lookup_str(vm, key.class(), "__index__").is_none() {
                return Err(vm.type_error(format!(
                    "range indices must be integers or slices, not {}",
                    key.type_name()
                )));
            }
            vm.index_i64(key)?
        }
    };
    let i = if idx < 0 {
        idx as i128 + len
    } else {
        idx as i128
    };
    if i < 0 || i >= len {
        return Err(vm.index_error("range object index out of range".to_string()));
    }
    Ok(int_from_i128(vm, range_item(start, step, i as i64)))
}

/// `x in range` for ints, by arithmetic; `None` when `x` is not an int.
pub fn range_contains_int(vm: &Vm, r: &PyRef, x: &PyRef) -> PyResult<Option<bool>> {
    let v = match &x.payload {
        Payload::Int(i) => *i as i128,
        Payload::BigInt(_) => 0,
        _ => return Ok(None),
    };
    let vals = match (&x.payload, range_values(vm, r)) {
        (Payload::Int(_), Ok(v)) => Ok(v),
        (_, Ok(_)) | (_, Err(_)) => Err(()),
    };
    let Ok((start, stop, step)) = vals else {
        let (s, e, st) = range_values_big(r);
        let v = big_of(x);
        let inside = if st.is_positive() {
            s <= v && v < e
        } else {
            e < v && v <= s
        };
        return Ok(Some(inside && ((v - s) % st).is_zero()));
    };
    let (s, e, st) = (start as i128, stop as i128, step as i128);
    let inside = if st > 0 {
        s <= v && v < e
    } else {
        e < v && v <= s
    };
    Ok(Some(inside && (v - s) % st == 0))
}

fn self_range<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    let pos = args.pos();
    match pos.first() {
        Some(r) if matches!(r.payload, Payload::Range { .. }) => {}
        _ => return Err(vm.type_error(format!("descriptor '{}' requires a 'range' object", name))),
    }
    if pos.len() != n + 1 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            pos.len() - 1
        )));
    }
    Ok(pos)
}

fn r_len(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__len__", 0)?;
    Ok(vm.new_int(range_len(vm, &p[0])? as i64))
}

fn r_bool(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__bool__", 0)?;
    Ok(vm.new_bool(range_len_big(&p[0]).is_positive()))
}

fn r_getitem(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__getitem__", 1)?;
    range_getitem(vm, &p[0], &p[1])
}

fn r_contains(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__contains__", 1)?;
    let found = range_contains(vm, &p[0], &p[1])?;
    Ok(vm.new_bool(found))
}

/// Full `x in range` (falls back to comparing each element).
pub fn range_contains(vm: &Vm, r: &PyRef, x: &PyRef) -> PyResult<bool> {
    if let Some(b) = range_contains_int(vm, r, x)? {
        return Ok(b);
    }
    let (start, stop, step) = range_values(vm, r)?;
    let n = range_len_of(start, stop, step);
    for i in 0..n {
        let v = int_from_i128(vm, range_item(start, step, i as i64));
        if vm.eq(&v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn r_index(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "index", 1)?;
    let (start, stop, step) = range_values(vm, &p[0])?;
    let x = &p[1];
    if let Some(true) = range_contains_int(vm, &p[0], x)? {
        let v = x.as_small_int().unwrap_or(0) as i128;
        return Ok(int_from_i128(vm, (v - start as i128) / step as i128));
    }
    if x.as_small_int().is_none() && !matches!(x.payload, Payload::BigInt(_)) {
        let n = range_len_of(start, stop, step);
        for i in 0..n {
            let v = int_from_i128(vm, range_item(start, step, i as i64));
            if vm.eq(&v, x)? {
                return Ok(int_from_i128(vm, i));
            }
        }
    }
    let r = vm.repr_string(x)?;
    Err(vm.value_error(format!("{} is not in range", r)))
}

fn r_count(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "count", 1)?;
    if let Some(b) = range_contains_int(vm, &p[0], &p[1])? {
        return Ok(vm.new_int(b as i64));
    }
    let (start, stop, step) = range_values(vm, &p[0])?;
    let mut c = 0;
    for i in 0..range_len_of(start, stop, step) {
        let v = int_from_i128(vm, range_item(start, step, i as i64));
        if vm.eq(&v, &p[1])? {
            c += 1;
        }
    }
    Ok(vm.new_int(c))
}

/// `iter(range)`.
pub fn range_iter(vm: &Vm, r: &PyRef) -> PyResult {
    let Ok((start, stop, step)) = range_values(vm, r) else {
        return Ok(longrange_iter(vm, r));
    };
    Ok(PyRef::new(
        Payload::iter(IterKind::Range {
            next: Cell::new(start),
            stop,
            step,
        }),
        &vm.types.range_iterator,
    ))
}

/// `iter(range)` when an endpoint does not fit in i64 (CPython's
/// `longrange_iterator`): iterates by subscription, `range[0]`, `range[1]`,
/// ... until IndexError.
fn longrange_iter(vm: &Vm, r: &PyRef) -> PyRef {
    PyRef::new(
        Payload::iter(IterKind::GetItem {
            obj: r.clone(),
            index: Cell::new(0),
        }),
        &vm.types.longrange_iterator,
    )
}

/// `reversed(range)`.
pub fn range_reversed(vm: &Vm, r: &PyRef) -> PyResult {
    let (start, stop, step) = range_values(vm, r)?;
    let n = range_len_of(start, stop, step);
    let (ns, ne) = if n == 0 {
        (0, 0)
    } else {
        let last = range_item(start, step, (n - 1) as i64);
        (last, start as i128 - step as i128)
    };
    let (ns, ne, nst) = match (i64::try_from(ns), i64::try_from(ne), step.checked_neg()) {
        (Ok(a), Ok(b), Some(c)) => (a, b, c),
        _ => return Err(overflow(vm)),
    };
    Ok(PyRef::new(
        Payload::iter(IterKind::Range {
            next: Cell::new(ns),
            stop: ne,
            step: nst,
        }),
        &vm.types.range_iterator,
    ))
}

fn r_iter(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__iter__", 0)?;
    range_iter(vm, &p[0])
}

fn r_reversed(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__reversed__", 0)?;
    range_reversed(vm, &p[0])
}

/// `repr(range)`.
pub fn range_repr(vm: &Vm, r: &PyRef) -> PyResult<String> {
    match &r.payload {
        Payload::Range { start, stop, step } => {
            let a = vm.repr_string(start)?;
            let b = vm.repr_string(stop)?;
            if step.as_small_int() == Some(1) {
                Ok(format!("range({}, {})", a, b))
            } else {
                Ok(format!("range({}, {}, {})", a, b, vm.repr_string(step)?))
            }
        }
        _ => Ok(String::new()),
    }
}

fn r_repr(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__repr__", 0)?;
    Ok(vm.new_string(range_repr(vm, &p[0])?))
}

/// `range == range`: equal as sequences.
pub fn range_eq(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (s1, e1, t1) = range_values(vm, a)?;
    let (s2, e2, t2) = range_values(vm, b)?;
    let n1 = range_len_of(s1, e1, t1);
    let n2 = range_len_of(s2, e2, t2);
    if n1 != n2 {
        return Ok(false);
    }
    if n1 == 0 {
        return Ok(true);
    }
    if s1 != s2 {
        return Ok(false);
    }
    Ok(n1 == 1 || t1 == t2)
}

fn r_eq(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__eq__", 1)?;
    if !matches!(p[1].payload, Payload::Range { .. }) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(vm.new_bool(range_eq(vm, &p[0], &p[1])?))
}

fn r_ne(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__ne__", 1)?;
    if !matches!(p[1].payload, Payload::Range { .. }) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(vm.new_bool(!range_eq(vm, &p[0], &p[1])?))
}

/// CPython's range hash: `hash((len, start, step))` with `None`s for short ranges.
pub fn range_hash(vm: &Vm, r: &PyRef) -> PyResult<i64> {
    let (start, stop, step) = range_values(vm, r)?;
    let n = range_len_of(start, stop, step);
    let items = if n == 0 {
        vec![vm.new_int(0), vm.none.clone(), vm.none.clone()]
    } else if n == 1 {
        vec![vm.new_int(1), vm.new_int(start), vm.none.clone()]
    } else {
        vec![int_from_i128(vm, n), vm.new_int(start), vm.new_int(step)]
    };
    let t = vm.new_tuple(items);
    vm.hash(&t)
}

fn r_hash(vm: &Vm, args: Args) -> PyResult {
    let p = self_range(vm, &args, "__hash__", 0)?;
    Ok(vm.new_int(range_hash(vm, &p[0])?))
}

pub const RANGE_METHODS: &[(&str, NativeFn)] = &[
    ("__len__", r_len),
    ("__bool__", r_bool),
    ("__getitem__", r_getitem),
    ("__contains__", r_contains),
    ("__iter__", r_iter),
    ("__reversed__", r_reversed),
    ("__repr__", r_repr),
    ("__eq__", r_eq),
    ("__ne__", r_ne),
    ("__hash__", r_hash),
    ("index", r_index),
    ("count", r_count),
];

// ----- slice ---------------------------------------------------------------

pub fn new_slice(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    PyRef::new(Payload::Slice { start, stop, step }, &vm.types.slice)
}

pub fn slice_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "slice")?;
    let pos = args.pos();
    let a = pos.get(1..).unwrap_or(&[]);
    let none = || vm.none.clone();
    match a.len() {
        1 => Ok(new_slice(vm, none(), a[0].clone(), none())),
        2 => Ok(new_slice(vm, a[0].clone(), a[1].clone(), none())),
        3 => Ok(new_slice(vm, a[0].clone(), a[1].clone(), a[2].clone())),
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0".to_string())),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", n))),
    }
}

/// A slice bound: `None` → `Ok(None)`; ints clamp to the i64 range.
pub fn slice_bound(vm: &Vm, o: &PyRef) -> PyResult<Option<i64>> {
    match &o.payload {
        Payload::None => Ok(None),
        Payload::Int(i) => Ok(Some(*i)),
        Payload::BigInt(b) => Ok(Some(if b.sign() == Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        _ => {
            if typeobj::lookup_str(vm, o.class(), "__index__").is_none() {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method"
                        .to_string(),
                ));
            }
            let b = vm.index_big(o)?;
            Ok(Some(match i64::try_from(&b) {
                Ok(i) => i,
                Err(_) if b.sign() == Sign::Minus => i64::MIN,
                Err(_) => i64::MAX,
            }))
        }
    }
}

/// CPython's `slice.indices(len)`: normalised `(start, stop, step)`.
pub fn slice_indices(vm: &Vm, slice: &PyRef, len: usize) -> PyResult<(isize, isize, isize)> {
    let (start, stop, step) = match &slice.payload {
        Payload::Slice { start, stop, step } => (start, stop, step),
        _ => return Err(vm.type_error("expected a slice".to_string())),
    };
    let step = match slice_bound(vm, step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero".to_string())),
        Some(s) => s.max(-i64::MAX),
    };
    let len = len as i64;
    let adjust = |v: Option<i64>, default_neg: i64, default_pos: i64| -> i64 {
        match v {
            None => {
                if step < 0 {
                    default_neg
                } else {
                    default_pos
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let start = adjust(slice_bound(vm, start)?, len - 1, 0);
    let stop = adjust(slice_bound(vm, stop)?, -1, len);
    Ok((start as isize, stop as isize, step as isize))
}

/// Number of items selected by normalised slice indices.
pub fn slice_length(start: isize, stop: isize, step: isize) -> usize {
    if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    }
}

/// The positions a slice selects in a sequence of length `len`.
pub fn slice_positions(vm: &Vm, slice: &PyRef, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_indices(vm, slice, len)?;
    let n = slice_length(start, stop, step);
    Ok((0..n)
        .map(|i| (start + i as isize * step) as usize)
        .collect())
}

fn self_slice<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    let pos = args.pos();
    match pos.first() {
        Some(r) if matches!(r.payload, Payload::Slice { .. }) => {}
        _ => return Err(vm.type_error(format!("descriptor '{}' requires a 'slice' object", name))),
    }
    if pos.len() != n + 1 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            pos.len() - 1
        )));
    }
    Ok(pos)
}

fn s_indices(vm: &Vm, args: Args) -> PyResult {
    let p = self_slice(vm, &args, "indices", 1)?;
    let n = vm.index_i64(&p[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative".to_string()));
    }
    let (a, b, c) = slice_indices(vm, &p[0], n as usize)?;
    Ok(vm.new_tuple(vec![
        vm.new_int(a as i64),
        vm.new_int(b as i64),
        vm.new_int(c as i64),
    ]))
}

/// `repr(slice)`.
pub fn slice_repr(vm: &Vm, s: &PyRef) -> PyResult<String> {
    match &s.payload {
        Payload::Slice { start, stop, step } => Ok(format!(
            "slice({}, {}, {})",
            vm.repr_string(start)?,
            vm.repr_string(stop)?,
            vm.repr_string(step)?
        )),
        _ => Ok(String::new()),
    }
}

fn s_repr(vm: &Vm, args: Args) -> PyResult {
    let p = self_slice(vm, &args, "__repr__", 0)?;
    Ok(vm.new_string(slice_repr(vm, &p[0])?))
}

fn slice_tuple(vm: &Vm, s: &PyRef) -> PyRef {
    match &s.payload {
        Payload::Slice { start, stop, step } => {
            vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()])
        }
        _ => vm.empty_tuple.clone(),
    }
}

fn s_cmp(vm: &Vm, args: Args, op: crate::protocol::CompareOp) -> PyResult {
    let p = self_slice(vm, &args, "__eq__", 1)?;
    if !matches!(p[1].payload, Payload::Slice { .. }) {
        return Ok(vm.not_implemented.clone());
    }
    let a = slice_tuple(vm, &p[0]);
    let b = slice_tuple(vm, &p[1]);
    vm.compare(&a, &b, op)
}

fn s_eq(vm: &Vm, args: Args) -> PyResult {
    s_cmp(vm, args, crate::protocol::CompareOp::Eq)
}

fn s_ne(vm: &Vm, args: Args) -> PyResult {
    s_cmp(vm, args, crate::protocol::CompareOp::Ne)
}

pub const SLICE_METHODS: &[(&str, NativeFn)] = &[
    ("indices", s_indices),
    ("__repr__", s_repr),
    ("__eq__", s_eq),
    ("__ne__", s_ne),
];
