//! `range` (CPython's `Objects/rangeobject.c`; its iterators are in
//! `objects/iter/range.rs`).
//!
//! The endpoints are int objects (they may be big). Operations take the
//! machine-integer path when start, stop and step fit in an i64 (lengths
//! and items are then computed in i128, which cannot overflow), and the
//! BigInt path otherwise; both give CPython's results, including its
//! OverflowError for `len()` beyond `Py_ssize_t`.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::objects::{iter, slice};
use crate::protocol::CompareOp;
use crate::vm::Vm;

// Slice arithmetic used to live here; its callers still find it here.
pub use crate::objects::slice::{slice_bound, slice_indices, slice_length, slice_positions};

fn overflow(vm: &Vm) -> PyRef {
    vm.overflow_error("Python int too large to convert to C ssize_t".to_string())
}

/// `(start, stop, step)` of a range object.
fn parts<'a>(vm: &Vm, r: &'a PyRef) -> PyResult<(&'a PyRef, &'a PyRef, &'a PyRef)> {
    match &r.payload {
        Payload::Range { start, stop, step } => Ok((start, stop, step)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("range slot called on a '{}' object", r.type_name()),
        )),
    }
}

/// `(start, stop, step)` when all three fit in an i64.
fn small(r: &PyRef) -> Option<(i64, i64, i64)> {
    match &r.payload {
        Payload::Range { start, stop, step } => Some((
            start.as_small_int()?,
            stop.as_small_int()?,
            step.as_small_int()?,
        )),
        _ => None,
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

fn big_of(o: &PyRef) -> BigInt {
    match &o.payload {
        Payload::Int(i) => BigInt::from(*i),
        Payload::BigInt(b) => (**b).clone(),
        // The endpoints are always ints (range_new made them).
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

/// `compute_range_length` on BigInts.
fn len_big(a: &BigInt, b: &BigInt, c: &BigInt) -> BigInt {
    if c.is_positive() && a < b {
        (b - a - 1u32) / c + 1u32
    } else if c.is_negative() && a > b {
        (a - b - 1u32) / (-c) + 1u32
    } else {
        BigInt::zero()
    }
}

/// The length of a range, exactly.
pub fn range_len_big(r: &PyRef) -> BigInt {
    if let Some((a, b, c)) = small(r) {
        return BigInt::from(range_len_of(a, b, c));
    }
    let (a, b, c) = range_values_big(r);
    len_big(&a, &b, &c)
}

/// `len(range)` (`range_length`); OverflowError beyond `Py_ssize_t`.
pub fn range_len(vm: &Vm, r: &PyRef) -> PyResult<usize> {
    parts(vm, r)?;
    let n = match small(r) {
        Some((a, b, c)) => i64::try_from(range_len_of(a, b, c)).ok(),
        None => range_len_big(r).to_i64(),
    };
    n.map(|n| n as usize).ok_or_else(|| overflow(vm))
}

fn int_of_i128(vm: &Vm, v: i128) -> PyRef {
    match i64::try_from(v) {
        Ok(i) => vm.new_int(i),
        Err(_) => vm.new_bigint(BigInt::from(v)),
    }
}

/// `PyNumber_Index(o)` as an exact int object.
fn index_exact(vm: &Vm, o: &PyRef) -> PyResult<PyRef> {
    if matches!(o.payload, Payload::Int(_) | Payload::BigInt(_)) && o.class().is(&vm.types.int) {
        return Ok(o.clone());
    }
    let b = vm.index_big(o)?;
    Ok(vm.new_bigint(b))
}

fn new_range_obj(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    PyRef::new(Payload::Range { start, stop, step }, &vm.types.range)
}

/// `range_new` / `range_from_array`.
fn range_new(vm: &Vm, a: Args) -> PyResult {
    args::no_keywords(vm, &a, "range")?;
    let rest = a.pos().get(1..).unwrap_or(&[]);
    let (start, stop, step) = match rest.len() {
        1 => (vm.new_int(0), index_exact(vm, &rest[0])?, vm.new_int(1)),
        2 | 3 => {
            let start = index_exact(vm, &rest[0])?;
            let stop = index_exact(vm, &rest[1])?;
            let step = match rest.get(2) {
                Some(s) => {
                    let s = index_exact(vm, s)?;
                    if s.as_small_int() == Some(0) {
                        return Err(vm.value_error("range() arg 3 must not be zero".to_string()));
                    }
                    s
                }
                None => vm.new_int(1),
            };
            (start, stop, step)
        }
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0".to_string())),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    Ok(new_range_obj(vm, start, stop, step))
}

fn range_repr(vm: &Vm, r: &PyRef) -> PyResult {
    let (start, stop, step) = parts(vm, r)?;
    let (a, b) = (vm.repr_string(start)?, vm.repr_string(stop)?);
    Ok(vm.new_string(if step.as_small_int() == Some(1) {
        format!("range({}, {})", a, b)
    } else {
        format!("range({}, {}, {})", a, b, vm.repr_string(step)?)
    }))
}

/// CPython's range hash: `hash((len, start, step))`, with `None` for the
/// parts that do not determine the sequence (a short range).
fn range_hash(vm: &Vm, r: &PyRef) -> PyResult<i64> {
    let (start, _, step) = parts(vm, r)?;
    let n = range_len_big(r);
    let items = if n.is_zero() {
        vec![vm.new_int(0), vm.none.clone(), vm.none.clone()]
    } else if n.is_one() {
        vec![vm.new_int(1), start.clone(), vm.none.clone()]
    } else {
        vec![vm.new_bigint(n), start.clone(), step.clone()]
    };
    let t = vm.new_tuple(items);
    vm.hash(&t)
}

/// `range_equals`: equal as sequences.
pub fn range_equals(a: &PyRef, b: &PyRef) -> bool {
    if a.is(b) {
        return true;
    }
    let n = range_len_big(a);
    if n != range_len_big(b) {
        return false;
    }
    if n.is_zero() {
        return true;
    }
    let (s1, _, t1) = range_values_big(a);
    let (s2, _, t2) = range_values_big(b);
    s1 == s2 && (n.is_one() || t1 == t2)
}

/// Ranges support `==` and `!=` only.
fn range_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Range { .. }, Payload::Range { .. }) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    match op {
        CompareOp::Eq => Ok(vm.new_bool(range_equals(a, b))),
        CompareOp::Ne => Ok(vm.new_bool(!range_equals(a, b))),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn range_bool(vm: &Vm, r: &PyRef) -> PyResult<bool> {
    parts(vm, r)?;
    Ok(!range_len_big(r).is_zero())
}

fn range_length(vm: &Vm, r: &PyRef) -> PyResult<usize> {
    range_len(vm, r)
}

/// `compute_range_item`: item `i` (negative counts from the end).
fn item_big(vm: &Vm, r: &PyRef, mut i: BigInt) -> PyResult {
    let len = range_len_big(r);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range".to_string()));
    }
    let (start, _, step) = range_values_big(r);
    Ok(vm.new_bigint(start + i * step))
}

/// `compute_slice`: the range of the selected items.
fn slice_of(vm: &Vm, r: &PyRef, s: &PyRef) -> PyResult {
    let len = range_len_big(r);
    let (i, j, k) = slice::long_indices(vm, s, &len)?;
    let (start, _, step) = range_values_big(r);
    let item = |x: BigInt| vm.new_bigint(&start + x * &step);
    let substep = vm.new_bigint(&step * k);
    Ok(new_range_obj(vm, item(i), item(j), substep))
}

/// `range[key]` (int or slice).
pub fn range_subscript(vm: &Vm, r: &PyRef, key: &PyRef) -> PyResult {
    parts(vm, r)?;
    if let (Payload::Int(i), Some((start, stop, step))) = (&key.payload, small(r)) {
        let len = range_len_of(start, stop, step);
        let i = if *i < 0 { *i as i128 + len } else { *i as i128 };
        if i < 0 || i >= len {
            return Err(vm.index_error("range object index out of range".to_string()));
        }
        return Ok(int_of_i128(vm, start as i128 + i * step as i128));
    }
    if args::is_index(vm, key) {
        let i = vm.index_big(key)?;
        return item_big(vm, r, i);
    }
    if let Payload::Slice { .. } = key.payload {
        return slice_of(vm, r, key);
    }
    Err(vm.type_error(format!(
        "range indices must be integers or slices, not {}",
        key.type_name()
    )))
}

/// `range_contains_long`: `x in range` for an exact int, by arithmetic.
fn contains_long(r: &PyRef, x: &PyRef) -> bool {
    if let (Some(v), Some((start, stop, step))) = (x.as_small_int(), small(r)) {
        let (v, s, e, st) = (v as i128, start as i128, stop as i128, step as i128);
        let inside = if st > 0 {
            s <= v && v < e
        } else {
            e < v && v <= s
        };
        return inside && (v - s) % st == 0;
    }
    let (s, e, st) = range_values_big(r);
    let v = big_of(x);
    let inside = if st.is_positive() {
        s <= v && v < e
    } else {
        e < v && v <= s
    };
    inside && ((v - s) % st).is_zero()
}

/// Whether `x` is an exact int or a bool (`PyLong_CheckExact || PyBool_Check`).
fn is_exact_int(vm: &Vm, x: &PyRef) -> bool {
    matches!(x.payload, Payload::Int(_) | Payload::BigInt(_))
        && (x.class().is(&vm.types.int) || x.class().is(&vm.types.bool))
}

pub fn range_contains(vm: &Vm, r: &PyRef, x: &PyRef) -> PyResult<bool> {
    parts(vm, r)?;
    if is_exact_int(vm, x) {
        return Ok(contains_long(r, x));
    }
    vm.iter_search_contains(r, x)
}

/// The items of a range compared with `x` one by one
/// (`_PySequence_IterSearch`): the index of the first equal one, and
/// the number of equal ones (up to the first when `first_only`).
fn search(vm: &Vm, r: &PyRef, x: &PyRef, first_only: bool) -> PyResult<(Option<i128>, i64)> {
    let it = vm.iter(r)?;
    let (mut i, mut count, mut first) = (0i128, 0i64, None);
    while let Some(item) = vm.next(&it)? {
        if vm.eq(&item, x)? {
            first = first.or(Some(i));
            count += 1;
            if first_only {
                break;
            }
        }
        i += 1;
    }
    Ok((first, count))
}

fn count(vm: &Vm, a: Args) -> PyResult {
    let (r, x) = args::onearg(vm, &a, "range.count")?;
    parts(vm, r)?;
    if is_exact_int(vm, x) {
        return Ok(vm.new_int(contains_long(r, x) as i64));
    }
    Ok(vm.new_int(search(vm, r, x, false)?.1))
}

fn index(vm: &Vm, a: Args) -> PyResult {
    let (r, x) = args::onearg(vm, &a, "range.index")?;
    let (start, _, step) = parts(vm, r)?;
    if !is_exact_int(vm, x) {
        return match search(vm, r, x, true)?.0 {
            Some(i) => Ok(int_of_i128(vm, i)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence".to_string())),
        };
    }
    if contains_long(r, x) {
        let (v, s, st) = (big_of(x), big_of(start), big_of(step));
        return Ok(vm.new_bigint((v - s) / st));
    }
    let rx = vm.repr_string(x)?;
    Err(vm.value_error(format!("{} is not in range", rx)))
}

pub fn range_iter(vm: &Vm, r: &PyRef) -> PyResult {
    parts(vm, r)?;
    Ok(iter::range::range_iter(vm, r))
}

fn reversed(vm: &Vm, a: Args) -> PyResult {
    let r = args::noargs(vm, &a, "range.__reversed__")?;
    parts(vm, r)?;
    Ok(iter::range::range_reversed(vm, r))
}

/// `range.__reduce__(*args)`: `(range, (start, stop, step))`.
fn reduce(vm: &Vm, a: Args) -> PyResult {
    if a.has_kwargs() {
        return Err(vm.type_error("range.__reduce__() takes no keyword arguments".to_string()));
    }
    let Some(r) = a.pos().first() else {
        return Err(vm.type_error("unbound method range.__reduce__() needs an argument".into()));
    };
    let (start, stop, step) = parts(vm, r)?;
    Ok(vm.new_tuple(vec![
        r.class().clone(),
        vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]),
    ]))
}

fn get_start(vm: &Vm, r: &PyRef) -> PyResult {
    Ok(parts(vm, r)?.0.clone())
}

fn get_stop(vm: &Vm, r: &PyRef) -> PyResult {
    Ok(parts(vm, r)?.1.clone())
}

fn get_step(vm: &Vm, r: &PyRef) -> PyResult {
    Ok(parts(vm, r)?.2.clone())
}

/// `tp_traverse`: start, stop and step.
fn range_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Range { start, stop, step } => {
            visit.visit(start);
            visit.visit(stop);
            visit.visit(step);
        }
        _ => crate::object::wrong_layout(obj, "range"),
    }
}

pub static RANGE_TYPE: TypeSpec = TypeSpec {
    name: "range",
    doc: Some("range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement)."),
    layout: Layout::Other,
    flags: tpflags::SEQUENCE,
    slots: &[
        slot::traverse(range_traverse),
        slot::repr(range_repr),
        slot::hash(range_hash),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(range_richcompare),
        slot::iter(range_iter),
        slot::tp_new(range_new),
        slot::nb_bool(range_bool),
        slot::length(range_length),
        slot::subscript(range_subscript),
        slot::contains(range_contains),
    ],
    methods: &[
        MethodDef::method("__reversed__", reversed).doc("Return a reverse iterator."),
        MethodDef::method("__reduce__", reduce),
        MethodDef::method("count", count).doc("rangeobject.count(value) -> integer -- return number of occurrences of value"),
        MethodDef::method("index", index).doc("rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."),
    ],
    getsets: &[
        GetSetDef::new("start", get_start).member(),
        GetSetDef::new("stop", get_stop).member(),
        GetSetDef::new("step", get_step).member(),
    ],
};
