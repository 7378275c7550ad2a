//! `list` (CPython's `Objects/listobject.c`): the type's slots here, its
//! methods in `methods.rs`, `list.sort` (timsort) in `sort.rs`.
//!
//! The vector is never borrowed across a call into Python: items are
//! cloned out first, and removed items are dropped after the borrow ends
//! (dropping may run `__del__`, which may touch the list). Loops over the
//! items re-read the length at every step, as CPython's do, because a
//! comparison or a repr may mutate the list.

use std::cell::RefCell;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::{self, alloc, args};
use crate::objects::typeobj::{slot, tpflags, Layout, SlotId, TypeSpec};
use crate::objects::{iter, slice};
use crate::protocol::CompareOp;
use crate::vm::Vm;

pub mod methods;
pub mod sort;

/// The vector of a list object; SystemError for another payload.
pub(crate) fn cell<'a>(vm: &Vm, l: &'a PyRef) -> PyResult<&'a RefCell<Vec<PyRef>>> {
    match &l.payload {
        Payload::List(v) => Ok(v),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("list slot called on a '{}' object", l.type_name()),
        )),
    }
}

/// Item `i` of the list now, if it exists.
fn item(v: &RefCell<Vec<PyRef>>, i: usize) -> Option<PyRef> {
    v.borrow().get(i).cloned()
}

/// `PyType_GenericNew`: an empty list of class `cls` (the arguments are
/// `__init__`'s).
fn list_new(_vm: &Vm, a: Args) -> PyResult {
    let Some(cls) = a.pos().first() else {
        return Err(_vm.type_error("list.__new__(): not enough arguments".to_string()));
    };
    Ok(PyRef::new(Payload::List(RefCell::new(Vec::new())), cls))
}

/// `list.__init__(iterable=(), /)`: empties the list, then extends it.
fn list_init(vm: &Vm, l: &PyRef, a: Args) -> PyResult<()> {
    let v = cell(vm, l)?;
    if args::same_slot(l.class(), &vm.types.list, SlotId::New) {
        args::no_keywords(vm, &a, "list")?;
    }
    let pos = a.pos();
    args::check_positional(vm, "list", pos.len(), 0, 1)?;
    let old = std::mem::take(&mut *v.borrow_mut());
    drop(old);
    if let Some(src) = pos.first() {
        extend(vm, l, src)?;
    }
    Ok(())
}

/// `list_extend`: appends the items of `iterable` one by one as they are
/// produced (an exact list or tuple, or the list itself, is copied first).
pub fn extend(vm: &Vm, l: &PyRef, iterable: &PyRef) -> PyResult<()> {
    let v = cell(vm, l)?;
    let exact = iterable.class().is(&vm.types.list) || iterable.class().is(&vm.types.tuple);
    if exact || iterable.is(l) {
        let src = seq::fast_items(vm, iterable)?.unwrap_or_default();
        if !src.is_empty() {
            let mut dst = v.borrow_mut();
            alloc::reserve(vm, &mut dst, src.len())?;
            dst.extend(src);
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    let hint = vm.length_hint(iterable, 8)?;
    if hint > 0 {
        let mut dst = v.borrow_mut();
        alloc::reserve(vm, &mut dst, hint)?;
    }
    while let Some(x) = vm.next(&it)? {
        alloc::push(vm, &mut v.borrow_mut(), x)?;
    }
    Ok(())
}

/// `[]`, `[1, 2]`; `[...]` for a list already being shown.
fn list_repr(vm: &Vm, l: &PyRef) -> PyResult {
    let v = cell(vm, l)?;
    if v.borrow().is_empty() {
        return Ok(vm.new_str("[]"));
    }
    let s = seq::repr_guard(vm, l, "[...]", || {
        let mut out = String::from("[");
        let mut i = 0;
        while let Some(x) = item(v, i) {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(&x)?);
            i += 1;
        }
        out.push(']');
        Ok(out)
    })?;
    Ok(vm.new_string(s))
}

/// `list_richcompare`: lexicographic; the lists are re-read after each
/// comparison; the first differing pair is compared with the operator
/// itself and its result returned as is.
fn list_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::List(x), Payload::List(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    let len = |v: &RefCell<Vec<PyRef>>| v.borrow().len();
    if len(x) != len(y) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while let (Some(p), Some(q)) = (item(x, i), item(y, i)) {
        if !p.is(&q) && !vm.eq(&p, &q)? {
            return match op {
                CompareOp::Eq => Ok(vm.false_.clone()),
                CompareOp::Ne => Ok(vm.true_.clone()),
                _ => match (item(x, i), item(y, i)) {
                    (Some(p), Some(q)) => vm.compare(&p, &q, op),
                    _ => Ok(vm.new_bool(op.eval_ord(len(x).cmp(&len(y))))),
                },
            };
        }
        i += 1;
    }
    Ok(vm.new_bool(op.eval_ord(len(x).cmp(&len(y)))))
}

fn list_iter(vm: &Vm, l: &PyRef) -> PyResult {
    cell(vm, l)?;
    Ok(iter::seqiter::list_iter(vm, l))
}

fn list_length(vm: &Vm, l: &PyRef) -> PyResult<usize> {
    Ok(cell(vm, l)?.borrow().len())
}

/// `list_subscript`: an index or a slice.
pub fn list_subscript(vm: &Vm, l: &PyRef, key: &PyRef) -> PyResult {
    let v = cell(vm, l)?;
    if args::is_index(vm, key) {
        let i = args::as_ssize_index_error(vm, key)?;
        let v = v.borrow();
        return match seq::norm_index(i, v.len()) {
            Some(j) => Ok(v[j].clone()),
            None => Err(vm.index_error("list index out of range".to_string())),
        };
    }
    if let Payload::Slice { .. } = key.payload {
        let (mut start, mut stop, step) = slice::unpack(vm, key)?;
        let v = v.borrow();
        let n = slice::adjust_indices(v.len(), &mut start, &mut stop, step);
        let out: Vec<PyRef> = if step == 1 {
            v[start as usize..start as usize + n].to_vec()
        } else {
            (0..n)
                .map(|k| v[(start + k as i64 * step) as usize].clone())
                .collect()
        };
        drop(v);
        return Ok(vm.new_list(out));
    }
    Err(vm.type_error(format!(
        "list indices must be integers or slices, not {}",
        key.type_name()
    )))
}

/// `PySequence_Fast(value, msg)`: the items of an exact list or tuple, or
/// of the iteration of anything else (a TypeError from `iter()` becomes
/// `msg`).
fn sequence_fast(vm: &Vm, value: &PyRef, msg: &str) -> PyResult<Vec<PyRef>> {
    if value.class().is(&vm.types.list) || value.class().is(&vm.types.tuple) {
        if let Some(items) = seq::fast_items(vm, value)? {
            return Ok(items);
        }
    }
    let it = match vm.iter(value) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.exc.type_error) => {
            return Err(vm.type_error(msg.to_string()))
        }
        Err(e) => return Err(e),
    };
    seq::collect(vm, &it, 8)
}

/// `list_ass_slice`: replaces `l[ilow:ihigh]` (clipped to the list as it
/// is once `value` has been iterated) by the items of `value`, or deletes
/// it.
fn ass_slice(vm: &Vm, l: &PyRef, ilow: i64, ihigh: i64, value: Option<&PyRef>) -> PyResult<()> {
    let v = cell(vm, l)?;
    let new = match value {
        Some(x) if x.is(l) => alloc::collect(vm, v.borrow().iter().cloned())?,
        Some(x) => sequence_fast(vm, x, "can only assign an iterable")?,
        None => Vec::new(),
    };
    let removed: Vec<PyRef> = {
        let mut lv = v.borrow_mut();
        let n = lv.len() as i64;
        let lo = ilow.clamp(0, n) as usize;
        let hi = ihigh.clamp(lo as i64, n) as usize;
        if new.is_empty() && lo == 0 && hi == lv.len() {
            std::mem::take(&mut *lv)
        } else {
            // Both buffers are made before anything moves (`splice` would
            // abort on an allocation failure): MemoryError leaves the list
            // as it was.
            let mut removed = alloc::vec_with_capacity(vm, hi - lo)?;
            alloc::reserve(vm, &mut lv, new.len().saturating_sub(hi - lo))?;
            removed.extend(lv.splice(lo..hi, new));
            removed
        }
    };
    drop(removed);
    Ok(())
}

/// `list_ass_subscript`: `l[key] = value` / `del l[key]` for an index, a
/// slice or an extended slice, with CPython's errors.
pub fn list_ass_subscript(vm: &Vm, l: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let v = cell(vm, l)?;
    if args::is_index(vm, key) {
        let i = args::as_ssize_index_error(vm, key)?;
        let old = {
            let mut lv = v.borrow_mut();
            let Some(j) = seq::norm_index(i, lv.len()) else {
                return Err(vm.index_error("list assignment index out of range".to_string()));
            };
            match value {
                Some(x) => std::mem::replace(&mut lv[j], x),
                None => lv.remove(j),
            }
        };
        drop(old);
        return Ok(());
    }
    let Payload::Slice { .. } = key.payload else {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            key.type_name()
        )));
    };
    let (mut start, mut stop, step) = slice::unpack(vm, key)?;
    let len = v.borrow().len();
    let n = slice::adjust_indices(len, &mut start, &mut stop, step);
    if step == 1 {
        return ass_slice(vm, l, start, stop, value.as_ref());
    }
    let positions = (0..n).map(|k| (start + k as i64 * step) as usize);
    let Some(value) = value else {
        let removed: Vec<PyRef> = {
            let mut lv = v.borrow_mut();
            let mut kill = vec![false; lv.len()];
            for p in positions {
                if let Some(k) = kill.get_mut(p) {
                    *k = true;
                }
            }
            let all = std::mem::take(&mut *lv);
            let mut removed = Vec::with_capacity(n);
            for (p, x) in all.into_iter().enumerate() {
                if kill[p] {
                    removed.push(x);
                } else {
                    lv.push(x);
                }
            }
            removed
        };
        drop(removed);
        return Ok(());
    };
    let new = if value.is(l) {
        v.borrow().clone()
    } else {
        sequence_fast(vm, &value, "must assign iterable to extended slice")?
    };
    if new.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            n
        )));
    }
    let mut old = Vec::with_capacity(n);
    {
        let mut lv = v.borrow_mut();
        for (p, x) in positions.zip(new) {
            if let Some(slot) = lv.get_mut(p) {
                old.push(std::mem::replace(slot, x));
            }
        }
    }
    drop(old);
    Ok(())
}

/// `list_contains`: `x in l`, comparing `item == x`.
fn list_contains(vm: &Vm, l: &PyRef, x: &PyRef) -> PyResult<bool> {
    let v = cell(vm, l)?;
    let mut i = 0;
    while let Some(it) = item(v, i) {
        if vm.eq(&it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// `list_concat`: `l + other` for another list.
fn list_concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let x = cell(vm, a)?;
    let Payload::List(y) = &b.payload else {
        return Err(vm.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_name()
        )));
    };
    let (x, y) = (x.borrow(), y.borrow());
    let n = alloc::size_add(vm, x.len(), y.len())?;
    let mut v = alloc::vec_with_capacity(vm, n)?;
    v.extend(x.iter().cloned());
    v.extend(y.iter().cloned());
    drop((x, y));
    Ok(vm.new_list(v))
}

/// `list_repeat`: `l * n`.
fn list_repeat(vm: &Vm, a: &PyRef, n: isize) -> PyResult {
    let items = cell(vm, a)?.borrow().clone();
    if n <= 0 || items.is_empty() {
        return Ok(vm.new_list(Vec::new()));
    }
    Ok(vm.new_list(alloc::repeat_items(vm, &items, n as usize)?))
}

/// `list_inplace_concat`: `l += iterable` extends `l`.
fn list_inplace_concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    extend(vm, a, b)?;
    Ok(a.clone())
}

/// `list_inplace_repeat`: `l *= n` in place.
fn list_inplace_repeat(vm: &Vm, a: &PyRef, n: isize) -> PyResult {
    let v = cell(vm, a)?;
    let items = v.borrow().clone();
    if n < 1 || items.is_empty() {
        let old = std::mem::take(&mut *v.borrow_mut());
        drop(old);
        return Ok(a.clone());
    }
    let new = alloc::repeat_items(vm, &items, n as usize)?;
    let old = std::mem::replace(&mut *v.borrow_mut(), new);
    drop(old);
    Ok(a.clone())
}

/// `tp_traverse`: the items, last first (as `list_traverse`).
fn list_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::List(v) => {
            if let Ok(v) = v.try_borrow() {
                v.iter().rev().for_each(|r| visit.visit(r));
            }
        }
        _ => crate::object::wrong_layout(obj, "list"),
    }
}

/// `tp_clear`: empties the list.
fn list_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::List(v) => {
            if let Ok(mut v) = v.try_borrow_mut() {
                // The slot runs first, on an empty `dead`: taking the buffer
                // allocates nothing (a list filling memory is cleared when
                // no copy of it could be made).
                if dead.is_empty() {
                    std::mem::swap(dead, &mut *v);
                } else {
                    dead.append(&mut v);
                }
            }
        }
        _ => crate::object::wrong_layout(obj, "list"),
    }
}

pub static LIST_TYPE: TypeSpec = TypeSpec {
    name: "list",
    doc: Some("list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified."),
    layout: Layout::List,
    flags: tpflags::HAVE_GC
        | tpflags::BASETYPE
        | tpflags::LIST_SUBCLASS
        | tpflags::MATCH_SELF
        | tpflags::SEQUENCE
        | tpflags::UNHASHABLE,
    slots: &[
        slot::traverse(list_traverse), slot::clear(list_clear),
        slot::repr(list_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(list_richcompare),
        slot::iter(list_iter),
        slot::init(list_init),
        slot::tp_new(list_new),
        slot::length(list_length),
        slot::subscript(list_subscript),
        slot::ass_subscript(list_ass_subscript),
        slot::contains(list_contains),
        slot::sq_concat(list_concat),
        slot::sq_repeat(list_repeat),
        slot::sq_inplace_concat(list_inplace_concat),
        slot::sq_inplace_repeat(list_inplace_repeat),
    ],
    methods: methods::METHODS,
    getsets: &[],
};
