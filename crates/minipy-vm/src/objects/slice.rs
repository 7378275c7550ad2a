//! `slice` (CPython's `Objects/sliceobject.c`): the object `a[i:j:k]`
//! builds, and the index arithmetic every sequence uses with it —
//! `PySlice_Unpack` + `PySlice_AdjustIndices` on machine integers
//! ([`indices`]), and `_PySlice_GetLongIndices` on arbitrary ints
//! ([`long_indices`], for `slice.indices()` and `range` slicing).

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// `(start, stop, step)` of a slice object.
fn parts<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<(&'a PyRef, &'a PyRef, &'a PyRef)> {
    match &s.payload {
        Payload::Slice { start, stop, step } => Ok((start, stop, step)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("slice slot called on a '{}' object", s.type_name()),
        )),
    }
}

/// `PySlice_New`.
pub fn new_slice(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    PyRef::new(Payload::Slice { start, stop, step }, &vm.types.slice)
}

/// `slice(stop)`, `slice(start, stop[, step])`.
fn slice_new(vm: &Vm, a: Args) -> PyResult {
    args::no_keywords(vm, &a, "slice")?;
    let pos = a.pos().get(1..).unwrap_or(&[]);
    let none = || vm.none.clone();
    match pos.len() {
        1 => Ok(new_slice(vm, none(), pos[0].clone(), none())),
        2 => Ok(new_slice(vm, pos[0].clone(), pos[1].clone(), none())),
        3 => Ok(new_slice(
            vm,
            pos[0].clone(),
            pos[1].clone(),
            pos[2].clone(),
        )),
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0".to_string())),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", n))),
    }
}

fn slice_repr(vm: &Vm, s: &PyRef) -> PyResult {
    let (start, stop, step) = parts(vm, s)?;
    Ok(vm.new_string(format!(
        "slice({}, {}, {})",
        vm.repr_string(start)?,
        vm.repr_string(stop)?,
        vm.repr_string(step)?
    )))
}

/// Slices compare as the tuples `(start, stop, step)`.
fn slice_richcompare(vm: &Vm, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Slice { .. }, Payload::Slice { .. }) = (&v.payload, &w.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    if v.is(w) {
        return Ok(vm.new_bool(matches!(op, CompareOp::Eq | CompareOp::Le | CompareOp::Ge)));
    }
    let (a, b) = (as_tuple(vm, v)?, as_tuple(vm, w)?);
    vm.compare(&a, &b, op)
}

fn as_tuple(vm: &Vm, s: &PyRef) -> PyResult {
    let (start, stop, step) = parts(vm, s)?;
    Ok(vm.new_tuple(vec![start.clone(), stop.clone(), step.clone()]))
}

// ----- index arithmetic on machine integers --------------------------------

/// `PySlice_Unpack`: `(start, stop, step)` with CPython's defaults for
/// `None` (`PY_SSIZE_T_MAX`/`PY_SSIZE_T_MIN` at the open ends), indices
/// clamped to the `Py_ssize_t` range; ValueError for a zero step.
pub fn unpack(vm: &Vm, s: &PyRef) -> PyResult<(i64, i64, i64)> {
    let (start, stop, step) = parts(vm, s)?;
    let step = match args::slice_index(vm, step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero".to_string())),
        Some(k) => k.max(-i64::MAX),
    };
    let start = match args::slice_index(vm, start)? {
        Some(i) => i,
        None if step < 0 => i64::MAX,
        None => 0,
    };
    let stop = match args::slice_index(vm, stop)? {
        Some(i) => i,
        None if step < 0 => i64::MIN,
        None => i64::MAX,
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clips `start`/`stop` to a sequence of length
/// `len` and returns the number of items selected.
pub fn adjust_indices(len: usize, start: &mut i64, stop: &mut i64, step: i64) -> usize {
    let len = len as i64;
    let clip = |v: &mut i64| {
        if *v < 0 {
            *v = v.saturating_add(len);
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= len {
            *v = if step < 0 { len - 1 } else { len };
        }
    };
    clip(start);
    clip(stop);
    slice_length(*start as isize, *stop as isize, step as isize)
}

/// Normalised `(start, stop, step)` of a slice over `len` items
/// (`PySlice_Unpack` then `PySlice_AdjustIndices`).
pub fn slice_indices(vm: &Vm, s: &PyRef, len: usize) -> PyResult<(isize, isize, isize)> {
    let (mut start, mut stop, step) = unpack(vm, s)?;
    adjust_indices(len, &mut start, &mut stop, step);
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
pub fn slice_positions(vm: &Vm, s: &PyRef, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_indices(vm, s, len)?;
    let n = slice_length(start, stop, step);
    Ok((0..n)
        .map(|i| (start + i as isize * step) as usize)
        .collect())
}

/// One bound of a slice (`_PyEval_SliceIndex`): `None` is `Ok(None)`.
pub fn slice_bound(vm: &Vm, o: &PyRef) -> PyResult<Option<i64>> {
    args::slice_index(vm, o)
}

// ----- index arithmetic on arbitrary ints ------------------------------------

/// `evaluate_slice_index`: `PyNumber_Index` of a bound that is not None.
fn evaluate_index(vm: &Vm, o: &PyRef) -> PyResult<BigInt> {
    if !args::is_index(vm, o) {
        return Err(vm.type_error(
            "slice indices must be integers or None or have an __index__ method".to_string(),
        ));
    }
    vm.index_big(o)
}

/// `_PySlice_GetLongIndices`: `(start, stop, step)` of the slice over a
/// sequence of length `length >= 0`, exactly.
pub fn long_indices(vm: &Vm, s: &PyRef, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (start, stop, step) = parts(vm, s)?;
    let step = if step.is_none() {
        BigInt::one()
    } else {
        let k = evaluate_index(vm, step)?;
        if k.is_zero() {
            return Err(vm.value_error("slice step cannot be zero".to_string()));
        }
        k
    };
    let negative = step.is_negative();
    let (lower, upper) = if negative {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let bound = |o: &PyRef, default: &BigInt| -> PyResult<BigInt> {
        if o.is_none() {
            return Ok(default.clone());
        }
        let mut v = evaluate_index(vm, o)?;
        if v.is_negative() {
            v += length;
            if v < lower {
                v = lower.clone();
            }
        } else if v > upper {
            v = upper.clone();
        }
        Ok(v)
    };
    let start = bound(start, if negative { &upper } else { &lower })?;
    let stop = bound(stop, if negative { &lower } else { &upper })?;
    Ok((start, stop, step))
}

// ----- methods -----------------------------------------------------------------

fn indices(vm: &Vm, a: Args) -> PyResult {
    let (s, len) = args::onearg(vm, &a, "slice.indices")?;
    let length = vm.index_big(len)?;
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative".to_string()));
    }
    let (start, stop, step) = long_indices(vm, s, &length)?;
    Ok(vm.new_tuple(vec![
        vm.new_bigint(start),
        vm.new_bigint(stop),
        vm.new_bigint(step),
    ]))
}

fn reduce(vm: &Vm, a: Args) -> PyResult {
    let s = args::noargs(vm, &a, "slice.__reduce__")?;
    Ok(vm.new_tuple(vec![s.class().clone(), as_tuple(vm, s)?]))
}

fn get_start(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.0.clone())
}

fn get_stop(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.1.clone())
}

fn get_step(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.2.clone())
}

/// `tp_traverse`: start, stop and step.
fn slice_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Slice { start, stop, step } => {
            visit.visit(start);
            visit.visit(stop);
            visit.visit(step);
        }
        _ => crate::object::wrong_layout(obj, "slice"),
    }
}

pub static SLICE_TYPE: TypeSpec = TypeSpec {
    name: "slice",
    doc: Some("slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2])."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::UNHASHABLE,
    slots: &[
        slot::traverse(slice_traverse),
        slot::repr(slice_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(slice_richcompare),
        slot::tp_new(slice_new),
    ],
    methods: &[
        MethodDef::method("indices", indices).doc("S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\nindices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices."),
        MethodDef::method("__reduce__", reduce).doc("Return state information for pickling."),
    ],
    getsets: &[
        GetSetDef::new("start", get_start).member(),
        GetSetDef::new("stop", get_stop).member(),
        GetSetDef::new("step", get_step).member(),
    ],
};
