//! `dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`
//! (CPython's `dictiterobject`) and `set_iterator`: they walk the
//! entry table by position (`IterKind::Dict { pos }`) and fail with
//! RuntimeError once the container's size differs from the size they
//! started with (sticky: the state records it).
//!
//! The dict and set types make these through [`dict_iter`] and
//! [`set_iter`]. Transitional: `reversed(dict)` is a snapshot tuple
//! walked as `IterKind::Seq` under the forward types (CPython has
//! `dict_reverse*iterator` types for it), so the steps accept that too.

use std::cell::Cell;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::layout::{DictIterKind, IterKind, Payload};
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

use super::{
    bad_state, builtin, finish, new_iter, self_iter, seqiter::step_seq, state, LENGTH_HINT_DOC,
    REDUCE_DOC,
};

/// The size recorded once a size change was reported (CPython's
/// `di_used = -1`): no container has it, so the error repeats.
const STICKY: usize = usize::MAX;

/// An iterator over the keys, values or items of the dict `d`
/// (`dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`).
pub fn dict_iter(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
    let ty = match what {
        DictIterKind::Keys => &vm.types.dict_keyiterator,
        DictIterKind::Values => &vm.types.dict_valueiterator,
        DictIterKind::Items => &vm.types.dict_itemiterator,
    };
    let kind = IterKind::Dict {
        dict: d.clone(),
        pos: Cell::new(0),
        len_at_start: dict::len(d),
        what,
    };
    new_iter(vm, kind, ty)
}

/// `dictiter_iternext*` / `setiter_iternext`.
fn dictiter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cell = state(vm, it)?;
    let k = cell.borrow();
    let (d, pos, len_at_start, what) = match &*k {
        IterKind::Dict {
            dict,
            pos,
            len_at_start,
            what,
        } => (dict, pos, *len_at_start, *what),
        IterKind::Seq { .. } => {
            drop(k);
            return step_seq(vm, it, cell);
        }
        IterKind::Done => return Ok(None),
        _ => return Err(bad_state(vm, it)),
    };
    let is_set = matches!(d.payload, Payload::Set(_));
    let table = dict::table(d).borrow();
    if table.len() != len_at_start {
        drop(table);
        drop(k);
        if let IterKind::Dict { len_at_start, .. } = &mut *cell.borrow_mut() {
            *len_at_start = STICKY;
        }
        return Err(vm.runtime_error(if is_set {
            "Set changed size during iteration".to_string()
        } else {
            "dictionary changed size during iteration".to_string()
        }));
    }
    let r = table.entry_from(pos.get()).map(|(np, e)| {
        pos.set(np);
        match what {
            DictIterKind::Keys => e.key.clone(),
            DictIterKind::Values => e.value.clone(),
            DictIterKind::Items => vm.new_tuple(vec![e.key.clone(), e.value.clone()]),
        }
    });
    drop(table);
    if r.is_none() {
        drop(k);
        finish(cell);
    }
    Ok(r)
}

/// The number of items still to come (CPython's `di->len`), 0 once the
/// container changed size or the iterator is exhausted.
fn remaining(vm: &Vm, it: &PyRef) -> PyResult<usize> {
    match &*state(vm, it)?.borrow() {
        IterKind::Dict {
            dict: d,
            pos,
            len_at_start,
            ..
        } => {
            let t = dict::table(d).borrow();
            if t.len() != *len_at_start {
                return Ok(0);
            }
            let (mut p, mut n) = (pos.get(), 0);
            while let Some((np, _)) = t.entry_from(p) {
                p = np;
                n += 1;
            }
            Ok(n)
        }
        IterKind::Seq { seq, index } => Ok(seq.items().len().saturating_sub(index.get())),
        IterKind::Done => Ok(0),
        _ => Err(bad_state(vm, it)),
    }
}

fn length_hint(vm: &Vm, a: Args, qualname: &str) -> PyResult {
    let it = args::noargs(vm, &a, qualname)?;
    Ok(vm.new_int(remaining(vm, it)? as i64))
}

/// `(iter, (list of the remaining items,))`, stepping a copy of the
/// iterator.
fn reduce(vm: &Vm, a: Args, qualname: &str) -> PyResult {
    let it = args::noargs(vm, &a, qualname)?;
    let copy = match &*state(vm, it)?.borrow() {
        IterKind::Dict {
            dict,
            pos,
            len_at_start,
            what,
        } => IterKind::Dict {
            dict: dict.clone(),
            pos: Cell::new(pos.get()),
            len_at_start: *len_at_start,
            what: *what,
        },
        IterKind::Seq { seq, index } => IterKind::Seq {
            seq: seq.clone(),
            index: Cell::new(index.get()),
        },
        IterKind::Done => IterKind::Done,
        _ => return Err(bad_state(vm, it)),
    };
    let tmp = new_iter(vm, copy, it.class());
    let mut items = Vec::new();
    while let Some(v) = dictiter_next(vm, &tmp)? {
        items.push(v);
    }
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![vm.new_list(items)]),
    ]))
}

macro_rules! dict_iterator_type {
    ($static:ident, $name:literal, $hint:ident, $reduce:ident) => {
        fn $hint(vm: &Vm, a: Args) -> PyResult {
            length_hint(vm, a, concat!($name, ".__length_hint__"))
        }
        fn $reduce(vm: &Vm, a: Args) -> PyResult {
            reduce(vm, a, concat!($name, ".__reduce__"))
        }
        pub static $static: TypeSpec = TypeSpec {
            name: $name,
            doc: None,
            layout: Layout::Other,
            flags: crate::objects::typeobj::tpflags::HAVE_GC,
            slots: &[
                slot::traverse(crate::objects::iter::iter_traverse),
                slot::clear(crate::objects::iter::iter_clear),
                slot::getattro(crate::protocol::attr::generic_getattr_slot),
                slot::iter(self_iter),
                slot::iternext(dictiter_next),
            ],
            methods: &[
                MethodDef::method("__length_hint__", $hint).doc(LENGTH_HINT_DOC),
                MethodDef::method("__reduce__", $reduce).doc(REDUCE_DOC),
            ],
            getsets: &[],
        };
    };
}

dict_iterator_type!(
    DICT_KEYITERATOR_TYPE,
    "dict_keyiterator",
    keys_length_hint,
    keys_reduce
);
dict_iterator_type!(
    DICT_VALUEITERATOR_TYPE,
    "dict_valueiterator",
    values_length_hint,
    values_reduce
);
dict_iterator_type!(
    DICT_ITEMITERATOR_TYPE,
    "dict_itemiterator",
    items_length_hint,
    items_reduce
);
dict_iterator_type!(
    SET_ITERATOR_TYPE,
    "set_iterator",
    set_length_hint,
    set_reduce
);
