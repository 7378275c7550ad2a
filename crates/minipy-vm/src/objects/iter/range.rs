//! `range_iterator` and `longrange_iterator` (CPython's
//! `Objects/rangeobject.c`): item `index` is `start + index * step` for
//! `index < len`, in machine integers when start, step and the length
//! fit (`IterKind::Range`), with int objects otherwise
//! (`IterKind::LongRange`).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::IterKind;
use crate::objects::range::{range_len_big, range_len_of, range_values_big};
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

use super::{
    bad_state, builtin, new_iter, self_iter, state, LENGTH_HINT_DOC, REDUCE_DOC, SETSTATE_DOC,
};

fn fast(vm: &Vm, start: i64, step: i64, len: i64) -> PyRef {
    let kind = IterKind::Range {
        start,
        step,
        len,
        index: Cell::new(0),
    };
    new_iter(vm, kind, &vm.types.range_iterator)
}

fn long(vm: &Vm, start: BigInt, step: BigInt, len: BigInt) -> PyRef {
    let kind = IterKind::LongRange {
        start: vm.new_bigint(start),
        step: vm.new_bigint(step),
        len: vm.new_bigint(len),
        index: RefCell::new(vm.new_int(0)),
    };
    new_iter(vm, kind, &vm.types.longrange_iterator)
}

/// The machine-integer `(start, stop, step)` of a range object.
fn small(r: &PyRef) -> Option<(i64, i64, i64)> {
    match &r.payload {
        crate::objects::layout::Payload::Range { start, stop, step } => Some((
            start.as_small_int()?,
            stop.as_small_int()?,
            step.as_small_int()?,
        )),
        _ => None,
    }
}

/// `iter(range)` (`range_iter`): a `range_iterator` when start, stop,
/// step and the length fit in a C long and `start + len * step` cannot
/// overflow, else a `longrange_iterator`.
pub fn range_iter(vm: &Vm, r: &PyRef) -> PyRef {
    if let Some((start, stop, step)) = small(r) {
        let len = range_len_of(start, stop, step);
        let fits = len <= i64::MAX as i128
            && (len == 0
                || if step > 0 {
                    stop <= i64::MAX - (step - 1)
                } else {
                    stop >= i64::MIN + (-1 - step)
                });
        if fits {
            return fast(vm, start, step, len as i64);
        }
    }
    let (start, _, step) = range_values_big(r);
    long(vm, start, step, range_len_big(r))
}

/// `reversed(range)` (`range_reverse`): `range(start + (n-1)*step,
/// start - step, -step)`, fast when each of start, stop, step, -step,
/// start - step and the length fit in a C long.
pub fn range_reversed(vm: &Vm, r: &PyRef) -> PyRef {
    if let Some((start, stop, step)) = small(r) {
        let len = range_len_of(start, stop, step);
        let fits = step != i64::MIN && start.checked_sub(step).is_some() && len <= i64::MAX as i128;
        if fits {
            let new_stop = start - step;
            let new_start = (new_stop as i128 + len * step as i128) as i64;
            return fast(vm, new_start, -step, len as i64);
        }
    }
    let (start, _, step) = range_values_big(r);
    let len = range_len_big(r);
    let last = start + (&len - 1) * &step;
    long(vm, last, -step, len)
}

/// `rangeiter_next`.
fn rangeiter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    match &*state(vm, it)?.borrow() {
        IterKind::Range {
            start,
            step,
            len,
            index,
        } => {
            let i = index.get();
            if i < *len {
                index.set(i + 1);
                // In range: start + i*step lies between start and the last item.
                let v = start.wrapping_add(i.wrapping_mul(*step));
                return Ok(Some(vm.new_int(v)));
            }
            Ok(None)
        }
        _ => Err(bad_state(vm, it)),
    }
}

fn range_state(vm: &Vm, it: &PyRef) -> PyResult<(i64, i64, i64, i64)> {
    match &*state(vm, it)?.borrow() {
        IterKind::Range {
            start,
            step,
            len,
            index,
        } => Ok((*start, *step, *len, index.get())),
        _ => Err(bad_state(vm, it)),
    }
}

fn rangeiter_length_hint(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "range_iterator.__length_hint__")?;
    let (_, _, len, i) = range_state(vm, it)?;
    Ok(vm.new_int(len - i))
}

/// `(iter, (range(start, start + len*step, step),), index)`.
fn rangeiter_reduce(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "range_iterator.__reduce__")?;
    let (start, step, len, i) = range_state(vm, it)?;
    let stop = start as i128 + len as i128 * step as i128;
    let stop = vm.new_bigint(BigInt::from(stop));
    let r = PyRef::new(
        crate::objects::layout::Payload::Range {
            start: vm.new_int(start),
            stop,
            step: vm.new_int(step),
        },
        &vm.types.range,
    );
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![r]),
        vm.new_int(i),
    ]))
}

/// `__setstate__(index)` (`PyLong_AsLong`), clipped to `0..=len`.
fn rangeiter_setstate(vm: &Vm, a: Args) -> PyResult {
    let (it, st) = args::onearg(vm, &a, "range_iterator.__setstate__")?;
    let i = vm.index_big(st)?;
    let i = num_traits::ToPrimitive::to_i64(&i).ok_or_else(|| {
        vm.overflow_error("Python int too large to convert to C long".to_string())
    })?;
    if let IterKind::Range { len, index, .. } = &*state(vm, it)?.borrow() {
        index.set(i.clamp(0, *len));
    }
    Ok(vm.none.clone())
}

pub static RANGE_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "range_iterator",
    doc: None,
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(rangeiter_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", rangeiter_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", rangeiter_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", rangeiter_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

// ----- longrange_iterator ------------------------------------------------------

fn long_state(vm: &Vm, it: &PyRef) -> PyResult<(PyRef, PyRef, PyRef, PyRef)> {
    match &*state(vm, it)?.borrow() {
        IterKind::LongRange {
            start,
            step,
            len,
            index,
        } => Ok((
            start.clone(),
            step.clone(),
            len.clone(),
            index.borrow().clone(),
        )),
        _ => Err(bad_state(vm, it)),
    }
}

/// `longrangeiter_next`, in Python arithmetic (the index may be any
/// object `__setstate__` stored).
fn longrangeiter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    use minipy_bytecode::opcode::nb;
    let (start, step, len, i) = long_state(vm, it)?;
    if !vm.compare_bool(&i, &len, CompareOp::Lt)? {
        return Ok(None);
    }
    let new_index = vm.binary_op(&i, &vm.new_int(1), nb::ADD)?;
    let product = vm.binary_op(&i, &step, nb::MULTIPLY)?;
    let result = vm.binary_op(&start, &product, nb::ADD)?;
    if let IterKind::LongRange { index, .. } = &*state(vm, it)?.borrow() {
        let old = index.replace(new_index);
        drop(old);
    }
    Ok(Some(result))
}

fn longrangeiter_length_hint(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "longrange_iterator.__length_hint__")?;
    let (_, _, len, i) = long_state(vm, it)?;
    vm.binary_op(&len, &i, minipy_bytecode::opcode::nb::SUBTRACT)
}

fn longrangeiter_reduce(vm: &Vm, a: Args) -> PyResult {
    use minipy_bytecode::opcode::nb;
    let it = args::noargs(vm, &a, "longrange_iterator.__reduce__")?;
    let (start, step, len, i) = long_state(vm, it)?;
    let product = vm.binary_op(&len, &step, nb::MULTIPLY)?;
    let stop = vm.binary_op(&start, &product, nb::ADD)?;
    let r = PyRef::new(
        crate::objects::layout::Payload::Range { start, stop, step },
        &vm.types.range,
    );
    Ok(vm.new_tuple(vec![builtin(vm, "iter")?, vm.new_tuple(vec![r]), i]))
}

/// `__setstate__(index)`: clipped to `0..=len` by comparison.
fn longrangeiter_setstate(vm: &Vm, a: Args) -> PyResult {
    let (it, st) = args::onearg(vm, &a, "longrange_iterator.__setstate__")?;
    let (_, _, len, _) = long_state(vm, it)?;
    let zero = vm.new_int(0);
    let v = if vm.compare_bool(st, &zero, CompareOp::Lt)? {
        zero
    } else if vm.compare_bool(&len, st, CompareOp::Lt)? {
        len
    } else {
        st.clone()
    };
    if let IterKind::LongRange { index, .. } = &*state(vm, it)?.borrow() {
        let old = index.replace(v);
        drop(old);
    }
    Ok(vm.none.clone())
}

pub static LONGRANGE_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "longrange_iterator",
    doc: None,
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(longrangeiter_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", longrangeiter_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", longrangeiter_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", longrangeiter_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};
