//! The built-in iterators, one declaration per type:
//!
//! | file            | types                                                           |
//! |-----------------|-----------------------------------------------------------------|
//! | `seqiter.rs`    | `list_iterator`, `list_reverseiterator`, `tuple_iterator`,      |
//! |                 | `iterator` (the `__getitem__` protocol), `callable_iterator`    |
//! | `range.rs`      | `range_iterator`, `longrange_iterator`                          |
//! | `dictiter.rs`   | `dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`,  |
//! |                 | `set_iterator`                                                  |
//! | `builtins.rs`   | `enumerate`, `zip`, `map`, `filter`, `reversed`                 |
//!
//! Every iterator has the payload `Payload::Iter(RefCell<IterKind>)`: the
//! variant is the iterator's layout (`IterKind::Seq` for a list
//! iterator, ...), and an exhausted iterator that dropped its source is
//! `IterKind::Done`. A step never holds the `RefCell` borrowed while
//! Python code runs (a `__getitem__`, a `map` function, a comparison):
//! it clones what it needs and writes the new state back afterwards.

use std::cell::RefCell;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::layout::{IterKind, Payload};
use crate::vm::Vm;

pub mod builtins;
pub mod dictiter;
pub mod range;
pub mod seqiter;

pub use dictiter::dict_iter;
pub use seqiter::{callable_iter, seq_getitem_iter};

/// An iterator object of type `ty` with state `kind`.
pub fn new_iter(_vm: &Vm, kind: IterKind, ty: &PyRef) -> PyRef {
    PyRef::new(Payload::iter(kind), ty)
}

/// The state of an iterator object; SystemError for another payload (a
/// slot of an iterator type called on something else).
pub(crate) fn state<'a>(vm: &Vm, it: &'a PyRef) -> PyResult<&'a RefCell<IterKind>> {
    match &it.payload {
        Payload::Iter(cell) => Ok(cell),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("iterator slot called on a '{}' object", it.type_name()),
        )),
    }
}

/// An iterator state of an unexpected variant: an interpreter bug.
pub(crate) fn bad_state(vm: &Vm, it: &PyRef) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        format!("'{}' object in a foreign iterator state", it.type_name()),
    )
}

/// Drops the source of an exhausted iterator.
pub(crate) fn finish(cell: &RefCell<IterKind>) {
    let old = cell.replace(IterKind::Done);
    drop(old);
}

/// `PyObject_SelfIter`: the `tp_iter` of every iterator.
pub fn self_iter(_vm: &Vm, it: &PyRef) -> PyResult {
    Ok(it.clone())
}

/// `_PyEval_GetBuiltin(name)`: `iter`, `reversed`, ... for `__reduce__`.
pub(crate) fn builtin(vm: &Vm, name: &str) -> PyResult {
    let d = vm.instance_dict(&vm.builtins);
    d.and_then(|d| crate::objects::dict::get_str(vm, &d, &vm.intern(name)))
        .ok_or_else(|| vm.attribute_error(name.to_string()))
}

/// `(iter, (seq,), index)`, or `(iter, (empty,))` once exhausted.
pub(crate) fn reduce_iter(vm: &Vm, seq: Option<(PyRef, PyRef)>, empty: PyRef) -> PyResult {
    let it = builtin(vm, "iter")?;
    Ok(match seq {
        Some((seq, index)) => vm.new_tuple(vec![it, vm.new_tuple(vec![seq]), index]),
        None => vm.new_tuple(vec![it, vm.new_tuple(vec![empty])]),
    })
}

/// The doc of every `__length_hint__`.
pub(crate) const LENGTH_HINT_DOC: &str = "Private method returning an estimate of len(list(it)).";
/// The doc of every iterator `__reduce__`.
pub(crate) const REDUCE_DOC: &str = "Return state information for pickling.";
/// The doc of every iterator `__setstate__`.
pub(crate) const SETSTATE_DOC: &str = "Set state information for unpickling.";

impl Vm {
    /// Whether `iter(obj)` can succeed without calling anything: the type
    /// has `tp_iter` or is a sequence (`__getitem__`, not a dict).
    pub fn is_iterable(&self, obj: &PyRef) -> bool {
        let Some(t) = obj.class().as_type() else {
            return false;
        };
        t.slots.iter().is_some()
            || (t.slots.subscript().is_some()
                && t.flags.get() & crate::objects::typeobj::tpflags::DICT_SUBCLASS == 0)
    }

    /// `_PyObject_HasLen`: the type has `sq_length`/`mp_length`.
    pub fn has_len(&self, obj: &PyRef) -> bool {
        obj.class()
            .as_type()
            .is_some_and(|t| t.slots.length().is_some())
    }

    /// `PyObject_LengthHint(obj, default)` (`operator.length_hint`): the
    /// length, else `__length_hint__()`, else `default`.
    pub fn length_hint(&self, obj: &PyRef, default: usize) -> PyResult<usize> {
        if self.has_len(obj) {
            match self.len(obj) {
                Ok(n) => return Ok(n),
                Err(e) if self.exc_matches(&e, &self.exc.type_error) => {}
                Err(e) => return Err(e),
            }
        }
        let r = match self.call_special(obj, "__length_hint__", &[]) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(default),
            Err(e) if self.exc_matches(&e, &self.exc.type_error) => return Ok(default),
            Err(e) => return Err(e),
        };
        if r.is(&self.not_implemented) {
            return Ok(default);
        }
        let n = match &r.payload {
            Payload::Int(i) => *i,
            Payload::BigInt(_) => {
                return Err(
                    self.overflow_error("Python int too large to convert to C ssize_t".to_string())
                )
            }
            _ => {
                return Err(self.type_error(format!(
                    "__length_hint__ must be an integer, not {}",
                    r.type_name()
                )))
            }
        };
        if n < 0 {
            return Err(self.value_error("__length_hint__() should return >= 0".to_string()));
        }
        Ok(n as usize)
    }
}

/// `FOR_ITER`'s step: the exact list and range iterators inline (CPython
/// 3.12's `FOR_ITER_LIST` / `FOR_ITER_RANGE` specialisations), anything
/// else through `tp_iternext`.
#[inline(always)]
pub fn for_iter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cls = it.class();
    if cls.is(&vm.types.range_iterator) {
        if let Payload::Iter(cell) = &it.payload {
            if let IterKind::Range {
                start,
                step,
                len,
                index,
            } = &*cell.borrow()
            {
                let i = index.get();
                if i < *len {
                    index.set(i + 1);
                    return Ok(Some(vm.new_int(start.wrapping_add(i.wrapping_mul(*step)))));
                }
                return Ok(None);
            }
        }
    } else if cls.is(&vm.types.list_iterator) {
        if let Payload::Iter(cell) = &it.payload {
            let k = cell.borrow();
            if let IterKind::Seq { seq, index } = &*k {
                if let Payload::List(l) = &seq.payload {
                    let i = index.get();
                    if let Some(v) = l.borrow().get(i) {
                        index.set(i + 1);
                        return Ok(Some(v.clone()));
                    }
                }
            }
        }
    }
    vm.next(it)
}

/// `tp_traverse` of every built-in iterator: what its state holds.
pub(crate) fn iter_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    let Payload::Iter(cell) = &obj.payload else {
        return crate::object::wrong_layout(obj, "iterator");
    };
    let Ok(it) = cell.try_borrow() else { return };
    match &*it {
        IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => visit.visit(seq),
        IterKind::Dict { dict, .. } => visit.visit(dict),
        IterKind::GetItem { obj, .. } => visit.visit(obj),
        IterKind::Callable { func, sentinel } => {
            visit.visit(func);
            visit.visit(sentinel);
        }
        IterKind::Enumerate { it, count } => {
            visit.visit(it);
            if let Ok(c) = count.try_borrow() {
                visit.visit(&c);
            }
        }
        IterKind::Zip { its, .. } => its.iter().for_each(|r| visit.visit(r)),
        IterKind::Map { func, its } => {
            visit.visit(func);
            its.iter().for_each(|r| visit.visit(r));
        }
        IterKind::Filter { func, it } => {
            visit.visit(func);
            visit.visit(it);
        }
        IterKind::LongRange {
            start,
            step,
            len,
            index,
        } => {
            visit.visit(start);
            visit.visit(step);
            visit.visit(len);
            if let Ok(i) = index.try_borrow() {
                visit.visit(&i);
            }
        }
        IterKind::Range { .. } | IterKind::Done => {}
    }
}

/// `tp_clear` of every built-in iterator: it becomes exhausted.
pub(crate) fn iter_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    let Payload::Iter(cell) = &obj.payload else {
        return crate::object::wrong_layout(obj, "iterator");
    };
    let Ok(mut it) = cell.try_borrow_mut() else {
        return;
    };
    match std::mem::replace(&mut *it, IterKind::Done) {
        IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => dead.push(seq),
        IterKind::Dict { dict, .. } => dead.push(dict),
        IterKind::GetItem { obj, .. } => dead.push(obj),
        IterKind::Callable { func, sentinel } => dead.extend([func, sentinel]),
        IterKind::Enumerate { it, count } => dead.extend([it, count.into_inner()]),
        IterKind::Zip { its, .. } => dead.extend(its.into_vec()),
        IterKind::Map { func, its } => {
            dead.push(func);
            dead.extend(its.into_vec());
        }
        IterKind::Filter { func, it } => dead.extend([func, it]),
        IterKind::LongRange {
            start,
            step,
            len,
            index,
        } => dead.extend([start, step, len, index.into_inner()]),
        IterKind::Range { .. } | IterKind::Done => {}
    }
}
