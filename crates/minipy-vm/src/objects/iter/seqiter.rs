//! The sequence iterators: `list_iterator`, `list_reverseiterator` and
//! `tuple_iterator` (CPython's `listobject.c`/`tupleobject.c`: they read
//! the storage directly, even under a subclass that overrides
//! `__getitem__`), `iterator` (`PySeqIter`: `obj[0]`, `obj[1]`, ... until
//! IndexError or StopIteration) and `callable_iterator` (`iter(f,
//! sentinel)`), from `Objects/iterobject.c`.
//!
//! Layouts: `IterKind::Seq { seq, index }` (next index), `IterKind::
//! Reversed { seq, index }` (next index + 1, so 0 is CPython's -1),
//! `IterKind::GetItem { obj, index }`, `IterKind::Callable`; `Done` once
//! exhausted (the source dropped).

use std::cell::{Cell, RefCell};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{IterKind, Payload};
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

use super::{
    bad_state, builtin, finish, new_iter, reduce_iter, self_iter, state, LENGTH_HINT_DOC,
    REDUCE_DOC, SETSTATE_DOC,
};

// ----- list_iterator and tuple_iterator ---------------------------------------

/// A `list_iterator` over `list` (CPython's `list_iter`).
pub fn list_iter(vm: &Vm, list: &PyRef) -> PyRef {
    let kind = IterKind::Seq {
        seq: list.clone(),
        index: Cell::new(0),
    };
    new_iter(vm, kind, &vm.types.list_iterator)
}

/// A `tuple_iterator` over `tuple`.
pub fn tuple_iter(vm: &Vm, tuple: &PyRef) -> PyRef {
    let kind = IterKind::Seq {
        seq: tuple.clone(),
        index: Cell::new(0),
    };
    new_iter(vm, kind, &vm.types.tuple_iterator)
}

/// One step of an `IterKind::Seq` iterator: over a list, tuple, str,
/// bytes or bytearray.
pub(crate) fn step_seq(vm: &Vm, it: &PyRef, cell: &RefCell<IterKind>) -> PyResult<Option<PyRef>> {
    let k = cell.borrow();
    let (seq, index) = match &*k {
        IterKind::Seq { seq, index } => (seq, index),
        IterKind::Done => return Ok(None),
        _ => return Err(bad_state(vm, it)),
    };
    let i = index.get();
    let r = match &seq.payload {
        Payload::List(l) => l.borrow().get(i).cloned(),
        Payload::Tuple(_) => seq.items().get(i).cloned(),
        Payload::Str(s) => {
            if let Some(c) = s.s.get(i..).and_then(|rest| rest.chars().next()) {
                index.set(i + c.len_utf8());
                let mut buf = [0u8; 4];
                return Ok(Some(vm.new_str(c.encode_utf8(&mut buf))));
            }
            None
        }
        Payload::Bytes(b) => b.get(i).map(|x| vm.new_int(*x as i64)),
        Payload::ByteArray(b) => b.borrow().get(i).map(|x| vm.new_int(*x as i64)),
        _ => return Err(bad_state(vm, it)),
    };
    match r {
        Some(v) => {
            index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            drop(k);
            finish(cell);
            Ok(None)
        }
    }
}

/// `listiter_next` / `tupleiter_next`.
fn seqiter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cell = state(vm, it)?;
    step_seq(vm, it, cell)
}

/// The sequence and next index of a list or tuple iterator (None when
/// exhausted), and the sequence's current length.
fn seq_position(vm: &Vm, it: &PyRef) -> PyResult<Option<(PyRef, usize, usize)>> {
    match &*state(vm, it)?.borrow() {
        IterKind::Seq { seq, index } => {
            let len = match &seq.payload {
                Payload::List(l) => l.borrow().len(),
                Payload::Tuple(_) => seq.items().len(),
                _ => return Err(bad_state(vm, it)),
            };
            Ok(Some((seq.clone(), index.get(), len)))
        }
        IterKind::Done => Ok(None),
        _ => Err(bad_state(vm, it)),
    }
}

fn seqiter_length_hint(vm: &Vm, a: Args, qualname: &str) -> PyResult {
    let it = args::noargs(vm, &a, qualname)?;
    let n = match seq_position(vm, it)? {
        Some((_, i, len)) => len.saturating_sub(i),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn seqiter_reduce(vm: &Vm, a: Args, qualname: &str, empty: PyRef) -> PyResult {
    let it = args::noargs(vm, &a, qualname)?;
    let pos = seq_position(vm, it)?.map(|(seq, i, _)| (seq, vm.new_int(i as i64)));
    reduce_iter(vm, pos, empty)
}

/// `__setstate__(index)`: the next index, clipped to `0..=len`.
fn seqiter_setstate(vm: &Vm, a: Args, qualname: &str) -> PyResult {
    let (it, st) = args::onearg(vm, &a, qualname)?;
    let i = args::long_as_ssize(vm, st)?;
    if let Some((_, _, len)) = seq_position(vm, it)? {
        if let IterKind::Seq { index, .. } = &*state(vm, it)?.borrow() {
            index.set(i.clamp(0, len as i64) as usize);
        }
    }
    Ok(vm.none.clone())
}

fn listiter_length_hint(vm: &Vm, a: Args) -> PyResult {
    seqiter_length_hint(vm, a, "list_iterator.__length_hint__")
}
fn listiter_reduce(vm: &Vm, a: Args) -> PyResult {
    seqiter_reduce(vm, a, "list_iterator.__reduce__", vm.new_list(Vec::new()))
}
fn listiter_setstate(vm: &Vm, a: Args) -> PyResult {
    seqiter_setstate(vm, a, "list_iterator.__setstate__")
}
fn tupleiter_length_hint(vm: &Vm, a: Args) -> PyResult {
    seqiter_length_hint(vm, a, "tuple_iterator.__length_hint__")
}
fn tupleiter_reduce(vm: &Vm, a: Args) -> PyResult {
    seqiter_reduce(vm, a, "tuple_iterator.__reduce__", vm.empty_tuple.clone())
}
fn tupleiter_setstate(vm: &Vm, a: Args) -> PyResult {
    seqiter_setstate(vm, a, "tuple_iterator.__setstate__")
}

pub static LIST_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "list_iterator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(seqiter_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", listiter_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", listiter_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", listiter_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

pub static TUPLE_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "tuple_iterator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(seqiter_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", tupleiter_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", tupleiter_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", tupleiter_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

// ----- list_reverseiterator -----------------------------------------------------

/// `reversed(list)` (`list.__reversed__`): a `list_reverseiterator`.
pub fn list_reversed(vm: &Vm, list: &PyRef) -> PyRef {
    let n = match &list.payload {
        Payload::List(l) => l.borrow().len(),
        _ => 0,
    };
    let kind = IterKind::Reversed {
        seq: list.clone(),
        index: Cell::new(n),
    };
    new_iter(vm, kind, &vm.types.list_reverseiterator)
}

/// The list and `index + 1` of a reverse iterator (None when exhausted),
/// and the list's current length.
fn rev_position(vm: &Vm, it: &PyRef) -> PyResult<Option<(PyRef, usize, usize)>> {
    match &*state(vm, it)?.borrow() {
        IterKind::Reversed { seq, index } => match &seq.payload {
            Payload::List(l) => Ok(Some((seq.clone(), index.get(), l.borrow().len()))),
            _ => Err(bad_state(vm, it)),
        },
        IterKind::Done => Ok(None),
        _ => Err(bad_state(vm, it)),
    }
}

/// `listreviter_next`: stops for good when the list has shrunk below
/// the position.
fn listreviter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cell = state(vm, it)?;
    let k = cell.borrow();
    let r = match &*k {
        IterKind::Reversed { seq, index } => {
            let i = index.get();
            let item = match &seq.payload {
                Payload::List(l) if i > 0 => l.borrow().get(i - 1).cloned(),
                Payload::List(_) => None,
                _ => return Err(bad_state(vm, it)),
            };
            if item.is_some() {
                index.set(i - 1);
            }
            item
        }
        IterKind::Done => return Ok(None),
        _ => return Err(bad_state(vm, it)),
    };
    if r.is_none() {
        drop(k);
        finish(cell);
    }
    Ok(r)
}

fn listreviter_length_hint(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "list_reverseiterator.__length_hint__")?;
    let n = match rev_position(vm, it)? {
        Some((_, i, len)) if len >= i => i,
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn listreviter_reduce(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "list_reverseiterator.__reduce__")?;
    match rev_position(vm, it)? {
        Some((seq, i, _)) => Ok(vm.new_tuple(vec![
            builtin(vm, "reversed")?,
            vm.new_tuple(vec![seq]),
            vm.new_int(i as i64 - 1),
        ])),
        None => reduce_iter(vm, None, vm.new_list(Vec::new())),
    }
}

/// `__setstate__(index)`: clipped to `-1..=len-1`.
fn listreviter_setstate(vm: &Vm, a: Args) -> PyResult {
    let (it, st) = args::onearg(vm, &a, "list_reverseiterator.__setstate__")?;
    let i = args::long_as_ssize(vm, st)?;
    if let Some((_, _, len)) = rev_position(vm, it)? {
        if let IterKind::Reversed { index, .. } = &*state(vm, it)?.borrow() {
            index.set((i.clamp(-1, len as i64 - 1) + 1) as usize);
        }
    }
    Ok(vm.none.clone())
}

pub static LIST_REVERSEITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "list_reverseiterator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(listreviter_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", listreviter_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", listreviter_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", listreviter_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

// ----- iterator (the __getitem__ protocol) -------------------------------------

/// The `iterator` over `obj[0]`, `obj[1]`, ... until IndexError
/// (`PySeqIter_New`).
pub fn seq_getitem_iter(vm: &Vm, obj: &PyRef) -> PyRef {
    let kind = IterKind::GetItem {
        obj: obj.clone(),
        index: Cell::new(0),
    };
    new_iter(vm, kind, &vm.types.iterator)
}

fn getitem_position(vm: &Vm, it: &PyRef) -> PyResult<Option<(PyRef, i64)>> {
    match &*state(vm, it)?.borrow() {
        IterKind::GetItem { obj, index } => Ok(Some((obj.clone(), index.get()))),
        IterKind::Done => Ok(None),
        _ => Err(bad_state(vm, it)),
    }
}

/// `iter_iternext`.
fn seqiter_getitem_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((obj, i)) = getitem_position(vm, it)? else {
        return Ok(None);
    };
    if i == i64::MAX {
        return Err(vm.overflow_error("iter index too large".to_string()));
    }
    let cell = state(vm, it)?;
    match vm.getitem(&obj, &vm.new_int(i)) {
        Ok(v) => {
            if let IterKind::GetItem { index, .. } = &*cell.borrow() {
                index.set(i + 1);
            }
            Ok(Some(v))
        }
        Err(e)
            if vm.exc_matches(&e, &vm.exc.index_error)
                || vm.exc_matches(&e, &vm.exc.stop_iteration) =>
        {
            finish(cell);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `iter_len`: NotImplemented when the sequence has no length.
fn getitem_length_hint(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "iterator.__length_hint__")?;
    if let Some((obj, i)) = getitem_position(vm, it)? {
        if !vm.has_len(&obj) {
            return Ok(vm.not_implemented.clone());
        }
        let n = vm.len(&obj)? as i64 - i;
        if n >= 0 {
            return Ok(vm.new_int(n));
        }
    }
    Ok(vm.new_int(0))
}

fn getitem_reduce(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "iterator.__reduce__")?;
    let pos = getitem_position(vm, it)?.map(|(obj, i)| (obj, vm.new_int(i)));
    reduce_iter(vm, pos, vm.empty_tuple.clone())
}

fn getitem_setstate(vm: &Vm, a: Args) -> PyResult {
    let (it, st) = args::onearg(vm, &a, "iterator.__setstate__")?;
    let i = args::long_as_ssize(vm, st)?;
    if let IterKind::GetItem { index, .. } = &*state(vm, it)?.borrow() {
        index.set(i.max(0));
    }
    Ok(vm.none.clone())
}

pub static ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "iterator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(seqiter_getitem_next),
    ],
    methods: &[
        MethodDef::method("__length_hint__", getitem_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", getitem_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", getitem_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

// ----- callable_iterator -------------------------------------------------------

/// `iter(func, sentinel)` (`PyCallIter_New`).
pub fn callable_iter(vm: &Vm, func: &PyRef, sentinel: &PyRef) -> PyRef {
    let kind = IterKind::Callable {
        func: func.clone(),
        sentinel: sentinel.clone(),
    };
    new_iter(vm, kind, &vm.types.callable_iterator)
}

fn callable_parts(vm: &Vm, it: &PyRef) -> PyResult<Option<(PyRef, PyRef)>> {
    match &*state(vm, it)?.borrow() {
        IterKind::Callable { func, sentinel } => Ok(Some((func.clone(), sentinel.clone()))),
        IterKind::Done => Ok(None),
        _ => Err(bad_state(vm, it)),
    }
}

/// `calliter_iternext`: ends when the result equals the sentinel
/// (`sentinel == result`) or the call raises StopIteration.
fn calliter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((func, sentinel)) = callable_parts(vm, it)? else {
        return Ok(None);
    };
    let cell = state(vm, it)?;
    match vm.call_args(&func, &[]) {
        Ok(v) => {
            if !vm.eq(&sentinel, &v)? {
                return Ok(Some(v));
            }
            finish(cell);
            Ok(None)
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => {
            finish(cell);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn calliter_reduce(vm: &Vm, a: Args) -> PyResult {
    let it = args::noargs(vm, &a, "callable_iterator.__reduce__")?;
    let iter = builtin(vm, "iter")?;
    Ok(match callable_parts(vm, it)? {
        Some((func, sentinel)) => vm.new_tuple(vec![iter, vm.new_tuple(vec![func, sentinel])]),
        None => vm.new_tuple(vec![iter, vm.new_tuple(vec![vm.empty_tuple.clone()])]),
    })
}

pub static CALLABLE_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "callable_iterator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(calliter_next),
    ],
    methods: &[MethodDef::method("__reduce__", calliter_reduce).doc(REDUCE_DOC)],
    getsets: &[],
};
