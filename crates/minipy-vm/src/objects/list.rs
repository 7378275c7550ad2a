//! `list`: construction, item/slice assignment and deletion, the methods
//! (including a stable merge sort whose comparisons may run Python code).
//!
//! The vector is never borrowed across a call into Python: items are cloned
//! out first, and removed items are dropped after the borrow ends.

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::range;
use crate::objects::seq::dunders::{self as d, self_and};
use crate::objects::seq::{bind_args, norm_index, seq_index};
use crate::objects::typeobj;
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn cell(o: &PyRef) -> Option<&RefCell<Vec<PyRef>>> {
    match &o.payload {
        Payload::List(l) => Some(l),
        _ => None,
    }
}

fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyRef, &'a RefCell<Vec<PyRef>>)> {
    match args.pos().first() {
        Some(o) => match cell(o) {
            Some(l) => Ok((o, l)),
            None => Err(vm.type_error(format!(
                "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
                name,
                o.type_name()
            ))),
        },
        None => Err(vm.type_error(format!("unbound method list.{}() needs an argument", name))),
    }
}

pub fn list_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.list.clone());
    if cls.is(&vm.types.list) {
        args.no_kwargs(vm, "list")?;
        let pos = args.pos();
        if pos.len() > 2 {
            return Err(vm.type_error(format!(
                "list expected at most 1 argument, got {}",
                pos.len() - 1
            )));
        }
        let items = match pos.get(1) {
            Some(o) => vm.iterate(o)?,
            None => Vec::new(),
        };
        return Ok(vm.new_list(items));
    }
    Ok(PyRef::new(Payload::List(RefCell::new(Vec::new())), &cls))
}

fn list_init(vm: &Vm, args: Args) -> PyResult {
    let (o, l) = this(vm, &args, "__init__")?;
    if o.class().is(&vm.types.list) {
        // Exact lists were filled by list_new.
        return Ok(vm.none.clone());
    }
    args.no_kwargs(vm, "list")?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "list expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let items = match pos.get(1) {
        Some(src) => vm.iterate(src)?,
        None => Vec::new(),
    };
    let old = std::mem::replace(&mut *l.borrow_mut(), items);
    drop(old);
    Ok(vm.none.clone())
}

/// Items of the value assigned to a slice.
fn assigned_items(vm: &Vm, value: &PyRef) -> PyResult<Vec<PyRef>> {
    let iterable = matches!(
        value.payload,
        Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::Set(_)
            | Payload::Dict(_)
            | Payload::Range { .. }
            | Payload::Iter(_)
            | Payload::Generator(_)
            | Payload::DictView { .. }
    ) || typeobj::lookup_str(vm, value.class(), "__iter__").is_some()
        || typeobj::lookup_str(vm, value.class(), "__getitem__").is_some();
    if !iterable {
        return Err(vm.type_error("can only assign an iterable".to_string()));
    }
    vm.iterate(value)
}

/// `list[key] = value`.
pub fn list_setitem(vm: &Vm, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
    let Some(l) = cell(obj) else { return Ok(()) };
    match seq_index(vm, key, "list")? {
        Some(i) => {
            let old = {
                let mut v = l.borrow_mut();
                match norm_index(i, v.len()) {
                    Some(j) => std::mem::replace(&mut v[j], value),
                    None => {
                        return Err(vm.index_error("list assignment index out of range".to_string()))
                    }
                }
            };
            drop(old);
            Ok(())
        }
        None => {
            let items = assigned_items(vm, &value)?;
            let len = l.borrow().len();
            let (start, stop, step) = range::slice_indices(vm, key, len)?;
            if step == 1 {
                let stop = stop.max(start) as usize;
                let removed: Vec<PyRef> =
                    l.borrow_mut().splice(start as usize..stop, items).collect();
                drop(removed);
                return Ok(());
            }
            let n = range::slice_length(start, stop, step);
            if items.len() != n {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    items.len(),
                    n
                )));
            }
            let mut old = Vec::with_capacity(n);
            {
                let mut v = l.borrow_mut();
                for (k, it) in items.into_iter().enumerate() {
                    let p = (start + k as isize * step) as usize;
                    if let Some(slot) = v.get_mut(p) {
                        old.push(std::mem::replace(slot, it));
                    }
                }
            }
            drop(old);
            Ok(())
        }
    }
}

/// `del list[key]`.
pub fn list_delitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<()> {
    let Some(l) = cell(obj) else { return Ok(()) };
    match seq_index(vm, key, "list")? {
        Some(i) => {
            let old = {
                let mut v = l.borrow_mut();
                match norm_index(i, v.len()) {
                    Some(j) => v.remove(j),
                    None => {
                        return Err(vm.index_error("list assignment index out of range".to_string()))
                    }
                }
            };
            drop(old);
        }
        None => {
            let len = l.borrow().len();
            let (start, stop, step) = range::slice_indices(vm, key, len)?;
            let n = range::slice_length(start, stop, step);
            let removed: Vec<PyRef> = if step == 1 {
                l.borrow_mut()
                    .drain(start as usize..start as usize + n)
                    .collect()
            } else {
                let mut kill = vec![false; len];
                for k in 0..n {
                    kill[(start + k as isize * step) as usize] = true;
                }
                let mut v = l.borrow_mut();
                let all = std::mem::take(&mut *v);
                let mut removed = Vec::with_capacity(n);
                for (p, it) in all.into_iter().enumerate() {
                    if kill[p] {
                        removed.push(it);
                    } else {
                        v.push(it);
                    }
                }
                removed
            };
            drop(removed);
        }
    }
    Ok(())
}

fn append(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "append")?;
    let p = self_and(vm, &args, "append", 1)?;
    l.borrow_mut().push(p[1].clone());
    Ok(vm.none.clone())
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "extend")?;
    let p = self_and(vm, &args, "extend", 1)?;
    let items = vm.iterate(&p[1])?;
    l.borrow_mut().extend(items);
    Ok(vm.none.clone())
}

fn insert(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "insert")?;
    let p = self_and(vm, &args, "insert", 2)?;
    let i = vm.index_i64(&p[1])?;
    let mut v = l.borrow_mut();
    let n = v.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(j as usize, p[2].clone());
    Ok(vm.none.clone())
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "pop")?;
    args.no_kwargs(vm, "pop")?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let i = match pos.get(1) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let mut v = l.borrow_mut();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty list".to_string()));
    }
    match norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => Err(vm.index_error("pop index out of range".to_string())),
    }
}

fn find(
    vm: &Vm,
    l: &RefCell<Vec<PyRef>>,
    x: &PyRef,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(it) = l.borrow().get(i).cloned() else {
            break;
        };
        if it.is(x) || vm.eq(&it, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "remove")?;
    let p = self_and(vm, &args, "remove", 1)?;
    match find(vm, l, &p[1], 0, usize::MAX)? {
        Some(i) => {
            let old = {
                let mut v = l.borrow_mut();
                if i < v.len() {
                    Some(v.remove(i))
                } else {
                    None
                }
            };
            drop(old);
            Ok(vm.none.clone())
        }
        None => Err(vm.value_error("list.remove(x): x not in list".to_string())),
    }
}

/// Normalised `start`/`stop` arguments of `index` (slice semantics).
pub fn index_bounds(
    vm: &Vm,
    start: Option<&PyRef>,
    stop: Option<&PyRef>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let norm = |o: Option<&PyRef>, dflt: i64| -> PyResult<i64> {
        let v = match o {
            None => dflt,
            Some(o) => range::slice_bound(vm, o)?.unwrap_or(dflt),
        };
        Ok(if v < 0 {
            v.saturating_add(len).max(0)
        } else {
            v.min(len)
        })
    };
    Ok((norm(start, 0)? as usize, norm(stop, len)? as usize))
}

fn index(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "index")?;
    let pos = args.check_method(vm, "index", 1, 3)?;
    let len = l.borrow().len();
    let (a, e) = index_bounds(vm, pos.get(2), pos.get(3), len)?;
    match find(vm, l, &pos[1], a, e)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let r = vm.repr_string(&pos[1])?;
            Err(vm.value_error(format!("{} is not in list", r)))
        }
    }
}

fn count(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "count")?;
    let p = self_and(vm, &args, "count", 1)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(it) = l.borrow().get(i).cloned() else {
            break;
        };
        if it.is(&p[1]) || vm.eq(&it, &p[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn reverse(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "reverse")?;
    self_and(vm, &args, "reverse", 0)?;
    l.borrow_mut().reverse();
    Ok(vm.none.clone())
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "copy")?;
    self_and(vm, &args, "copy", 0)?;
    let v = l.borrow().clone();
    Ok(vm.new_list(v))
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "clear")?;
    self_and(vm, &args, "clear", 0)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(vm.none.clone())
}

fn reversed(vm: &Vm, args: Args) -> PyResult {
    let (o, l) = this(vm, &args, "__reversed__")?;
    self_and(vm, &args, "__reversed__", 0)?;
    let n = l.borrow().len();
    Ok(PyRef::new(
        Payload::iter(IterKind::Reversed {
            seq: o.clone(),
            index: Cell::new(n),
        }),
        &vm.types.list_reverseiterator,
    ))
}

// ----- sorting --------------------------------------------------------------------

/// Stable merge sort with a fallible `less than`.
fn merge_sort<T: Clone>(v: &mut [T], lt: &mut dyn FnMut(&T, &T) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 12 {
        // Binary-free insertion sort: stable, few comparisons for small runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && lt(&v[j], &v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], lt)?;
    merge_sort(&mut v[mid..], lt)?;
    let left: Vec<T> = v[..mid].to_vec();
    let right: Vec<T> = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if lt(&right[j], &left[i])? {
            v[k] = right[j].clone();
            j += 1;
        } else {
            v[k] = left[i].clone();
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i].clone();
        i += 1;
        k += 1;
    }
    while j < right.len() {
        v[k] = right[j].clone();
        j += 1;
        k += 1;
    }
    Ok(())
}

/// Sorts `(key, item)` pairs by key without Python calls when every key is
/// an exact int, float (no NaN) or str; `None` when that does not apply.
fn native_sort(vm: &Vm, pairs: &mut [(PyRef, PyRef)]) -> Option<()> {
    let all = |f: &dyn Fn(&PyRef) -> bool| pairs.iter().all(|(k, _)| f(k));
    if all(&|k| k.class().is(&vm.types.int) && matches!(k.payload, Payload::Int(_))) {
        pairs.sort_by_key(|(k, _)| k.as_small_int().unwrap_or(0));
        return Some(());
    }
    if all(&|k| k.class().is(&vm.types.str)) {
        pairs.sort_by(|(a, _), (b, _)| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
        return Some(());
    }
    if all(&|k| {
        matches!(k.payload, Payload::Float(f) if !f.is_nan()) && k.class().is(&vm.types.float)
    }) {
        let f = |k: &PyRef| match k.payload {
            Payload::Float(f) => f,
            _ => 0.0,
        };
        pairs.sort_by(|(a, _), (b, _)| f(a).partial_cmp(&f(b)).unwrap_or(Ordering::Equal));
        return Some(());
    }
    None
}

/// `list.sort(key=None, reverse=False)` on a list object.
pub fn sort_list(vm: &Vm, obj: &PyRef, key: Option<&PyRef>, rev: bool) -> PyResult<()> {
    let Some(l) = cell(obj) else { return Ok(()) };
    let items = std::mem::take(&mut *l.borrow_mut());
    let result = (|| -> PyResult<Vec<PyRef>> {
        let mut pairs: Vec<(PyRef, PyRef)> = Vec::with_capacity(items.len());
        for it in &items {
            let k = match key {
                Some(f) => vm.call_args(f, std::slice::from_ref(it))?,
                None => it.clone(),
            };
            pairs.push((k, it.clone()));
        }
        if rev {
            pairs.reverse();
        }
        if native_sort(vm, &mut pairs).is_none() {
            merge_sort(&mut pairs, &mut |a, b| {
                vm.compare_bool(&a.0, &b.0, CompareOp::Lt)
            })?;
        }
        if rev {
            pairs.reverse();
        }
        Ok(pairs.into_iter().map(|(_, v)| v).collect())
    })();
    let modified = !l.borrow().is_empty();
    match result {
        Ok(sorted) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort".to_string()));
            }
            Ok(())
        }
        Err(e) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
            Err(e)
        }
    }
}

fn sort(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = this(vm, &args, "sort")?;
    if args.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments".to_string()));
    }
    let a = bind_args(vm, &args, "sort", &["key", "reverse"], 0)?;
    let key = a[0].filter(|k| !k.is_none());
    let rev = match a[1] {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    sort_list(vm, o, key, rev)?;
    Ok(vm.none.clone())
}

fn l_sizeof(vm: &Vm, args: Args) -> PyResult {
    let (_, l) = this(vm, &args, "__sizeof__")?;
    Ok(vm.new_int(40 + 8 * l.borrow().capacity() as i64))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", list_init),
    ("__len__", d::d_len),
    ("__getitem__", d::d_getitem),
    ("__setitem__", d::d_setitem),
    ("__delitem__", d::d_delitem),
    ("__contains__", d::d_contains),
    ("__iter__", d::d_iter),
    ("__reversed__", reversed),
    ("__add__", d::d_add),
    ("__iadd__", d::d_iadd),
    ("__mul__", d::d_mul),
    ("__rmul__", d::d_rmul),
    ("__imul__", d::d_imul),
    ("__eq__", d::d_eq),
    ("__ne__", d::d_ne),
    ("__lt__", d::d_lt),
    ("__le__", d::d_le),
    ("__gt__", d::d_gt),
    ("__ge__", d::d_ge),
    ("__repr__", d::d_repr),
    ("__sizeof__", l_sizeof),
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("sort", sort),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
];
