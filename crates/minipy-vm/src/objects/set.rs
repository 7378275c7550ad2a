//! `set` and `frozenset`: the set algorithms (CPython's
//! `Objects/setobject.c`: `set_update_internal`, `set_intersection`,
//! `set_difference`, ...); `set/methods.rs` declares the two types.
//!
//! Both store their elements in the dict table (`DictData`, values unused),
//! which keeps insertion order. CPython iterates a set in *hash-table slot*
//! order instead (`{3, 1, 2}` prints `{1, 2, 3}`), so iteration, repr and
//! `pop` replay the insertions into a model of CPython's set table
//! (`setobject.c`: 8 slots, linear probes of 9, perturbation, growth at 3/5
//! fill) to visit the elements in the order CPython would.

use std::cell::Cell;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::{DictIterKind, IterKind, Payload};
use crate::objects::seq::alloc;
use crate::objects::typeobj;
use crate::protocol::CompareOp;
use crate::vm::Vm;

mod interned;
pub mod methods;
mod model;

/// The elements of a set in CPython's iteration order.
pub fn ordered_items(set: &PyRef) -> Vec<PyRef> {
    model::ordered(set)
}

/// `iter(set)`: a `set_iterator` over a snapshot in CPython's order.
pub fn set_iter(vm: &Vm, set: &PyRef) -> PyRef {
    canonicalize(vm, set);
    PyRef::new(
        Payload::iter(IterKind::Dict {
            dict: set.clone(),
            pos: Cell::new(0),
            len_at_start: dict::len(set),
            what: DictIterKind::Keys,
        }),
        &vm.types.set_iterator,
    )
}

/// Reorders the set's entries into CPython's slot order (so that a plain
/// entry-order iterator, which also detects size changes, visits them in
/// CPython's order). The model is unaffected.
fn canonicalize(vm: &Vm, set: &PyRef) {
    let order = ordered_items(set);
    let same = {
        let t = dict::table(set).borrow();
        t.len() == order.len()
            && t.iter()
                .map(|e| e.key.addr())
                .eq(order.iter().map(|k| k.addr()))
    };
    if same {
        return;
    }
    let m = model::take(set);
    let hashes: std::collections::HashMap<usize, i64> = dict::table(set)
        .borrow()
        .iter()
        .map(|e| (e.key.addr(), e.hash))
        .collect();
    let old = dict::table(set).borrow_mut().clear();
    {
        let mut t = dict::table(set).borrow_mut();
        for k in order {
            let h = hashes.get(&k.addr()).copied().unwrap_or(0);
            t.insert_new(h, k, vm.none.clone());
        }
    }
    model::put(set, m);
    drop(old);
}

/// Whether `o` is a set or frozenset (CPython's `PyAnySet_Check`).
pub(crate) fn is_set(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Set(_))
}

/// Whether `o` is a `set` (or subclass), not a frozenset (`PySet_Check`).
pub(crate) fn is_mutable(vm: &Vm, o: &PyRef) -> bool {
    typeobj::is_subtype(o.class(), &vm.types.set)
}

/// `(hash, element)` of each element of the set `s`, in CPython's order.
fn ordered_entries(s: &PyRef) -> Vec<(i64, PyRef)> {
    let order = ordered_items(s);
    let t = dict::table(s).borrow();
    let hashes: std::collections::HashMap<usize, i64> =
        t.iter().map(|e| (e.key.addr(), e.hash)).collect();
    order
        .into_iter()
        .filter_map(|k| hashes.get(&k.addr()).map(|h| (*h, k)))
        .collect()
}

/// The key to look up for `item` and its hash: a `set` that cannot be
/// hashed is looked up as a frozenset (CPython's `set_contains`,
/// `set_discard`, `set_remove` on a TypeError).
fn elem_hash(vm: &Vm, item: &PyRef) -> PyResult<(PyRef, i64)> {
    match vm.hash(item) {
        Ok(h) => Ok((item.clone(), h)),
        Err(e) => {
            if is_set(item) && is_mutable(vm, item) && vm.exc_matches(&e, &vm.exc.type_error) {
                let f = copy_of(vm, &vm.types.frozenset, item)?;
                let h = frozenset_hash(vm, &f)?;
                return Ok((f, h));
            }
            Err(e)
        }
    }
}

/// Adds `item` to a set/frozenset object.
pub fn add(vm: &Vm, set: &PyRef, item: PyRef) -> PyResult<()> {
    let h = vm.hash(&item)?;
    add_hashed(vm, set, item, h)
}

fn add_hashed(vm: &Vm, set: &PyRef, item: PyRef, h: i64) -> PyResult<()> {
    if dict::lookup_pos(vm, set, &item, h)?.is_some() {
        return Ok(());
    }
    let mut m = model::take(set);
    // Both tables get room first: MemoryError leaves the set unchanged.
    let room = m.reserve_one().is_ok() && dict::table(set).borrow_mut().reserve_one().is_ok();
    if !room {
        model::put(set, m);
        return Err(vm.memory_error());
    }
    m.add(h, item.addr());
    dict::table(set)
        .borrow_mut()
        .insert_new(h, item, vm.none.clone());
    model::put(set, m);
    Ok(())
}

/// `set |= other` / `set.update(other)` (CPython's `set_update_internal`).
pub fn update(vm: &Vm, set: &PyRef, other: &PyRef) -> PyResult<()> {
    match &other.payload {
        Payload::Set(_) => merge(vm, set, other),
        Payload::Dict(_) if other.class().is(&vm.types.dict) => {
            let mut m = model::take(set);
            m.presize(dict::len(other));
            model::put(set, m);
            let entries: Vec<(i64, PyRef)> = dict::table(other)
                .borrow()
                .iter()
                .map(|e| (e.hash, e.key.clone()))
                .collect();
            for (h, k) in entries {
                add_hashed(vm, set, k, h)?;
            }
            Ok(())
        }
        _ => {
            let it = vm.iter(other)?;
            while let Some(x) = vm.next(&it)? {
                add(vm, set, x)?;
            }
            Ok(())
        }
    }
}

/// `set_merge`: adds every element of the set `other`.
fn merge(vm: &Vm, set: &PyRef, other: &PyRef) -> PyResult<()> {
    if set.is(other) {
        return Ok(());
    }
    // Every buffer is made before anything moves: MemoryError leaves both
    // sets as they were.
    let live = model::take(other);
    let om = live.try_clone();
    model::put(other, live);
    let om = om.map_err(|_| vm.memory_error())?;
    let mut m = model::take(set);
    if m.try_presize(om.used).is_err() {
        model::put(set, m);
        return Err(vm.memory_error());
    }
    if m.fill == 0 && dict::len(set) == 0 {
        let entries = alloc::collect(
            vm,
            dict::table(other)
                .borrow()
                .iter()
                .map(|e| (e.hash, e.key.clone())),
        );
        let entries = match entries {
            Ok(e) => e,
            Err(e) => {
                model::put(set, m);
                return Err(e);
            }
        };
        let room = dict::table(set).borrow_mut().reserve(entries.len()).is_ok()
            && m.try_merge_into_empty(&om).is_ok();
        if !room {
            model::put(set, m);
            return Err(vm.memory_error());
        }
        {
            let mut t = dict::table(set).borrow_mut();
            for (h, k) in entries {
                t.insert_new(h, k, vm.none.clone());
            }
        }
        model::put(set, m);
        return Ok(());
    }
    model::put(set, m);
    for (h, k) in ordered_entries(other) {
        add_hashed(vm, set, k, h)?;
    }
    Ok(())
}

/// Empties a set.
pub fn clear(set: &PyRef) {
    let mut m = model::take(set);
    m.clear();
    let old = dict::table(set).borrow_mut().clear();
    model::put(set, m);
    drop(old);
}

/// `set.pop()`: `None` when empty.
pub fn pop(set: &PyRef) -> Option<PyRef> {
    let mut m = model::take(set);
    let (_, addr) = m.pop_slot()?;
    let pos = dict::table(set)
        .borrow()
        .entries
        .iter()
        .position(|e| e.as_ref().is_some_and(|e| e.key.addr() == addr));
    let e = pos.and_then(|p| dict::table(set).borrow_mut().remove_at(p));
    model::put(set, m);
    e.map(|e| e.key)
}

/// `item in container` for a set (an unhashable set is looked up as a
/// frozenset) or a dict.
pub fn table_contains(vm: &Vm, container: &PyRef, item: &PyRef) -> PyResult<bool> {
    let (key, h) = if is_set(container) {
        elem_hash(vm, item)?
    } else {
        (item.clone(), vm.hash(item)?)
    };
    Ok(dict::lookup_pos(vm, container, &key, h)?.is_some())
}

/// Whether the set contains `key` of hash `h` (`set_contains_entry`).
fn contains_hashed(vm: &Vm, set: &PyRef, key: &PyRef, h: i64) -> PyResult<bool> {
    Ok(dict::lookup_pos(vm, set, key, h)?.is_some())
}

/// `set_discard_entry`: removes `key` of hash `h`; `Ok(false)` when absent.
fn discard_hashed(vm: &Vm, set: &PyRef, key: &PyRef, h: i64) -> PyResult<bool> {
    let Some(p) = dict::lookup_pos(vm, set, key, h)? else {
        return Ok(false);
    };
    let mut m = model::take(set);
    let addr = dict::table(set)
        .borrow()
        .entries
        .get(p)
        .and_then(|e| e.as_ref().map(|e| e.key.addr()));
    if let Some(a) = addr {
        m.remove(h, a);
    }
    let e = dict::table(set).borrow_mut().remove_at(p);
    model::put(set, m);
    drop(e);
    Ok(true)
}

/// Removes `item` (an unhashable set is looked up as a frozenset);
/// `Ok(false)` when absent.
pub fn discard(vm: &Vm, set: &PyRef, item: &PyRef) -> PyResult<bool> {
    let (key, h) = elem_hash(vm, item)?;
    discard_hashed(vm, set, &key, h)
}

/// True for strings CPython has already interned when a script's code
/// object is created (one-character names, builtins, keywords, start-up
/// module identifiers).
fn preinterned(s: &str) -> bool {
    static TABLE: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    if !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') || s.is_empty() {
        return false;
    }
    if s.len() == 1 {
        return interned::PREINTERNED_CHARS.contains(s);
    }
    let t = TABLE.get_or_init(|| interned::PREINTERNED.split(' ').collect());
    t.binary_search(&s).is_ok()
}

/// A frozenset constant as CPython's compiler makes it: built from the
/// items, then rebuilt from that set's iteration order (`merge_consts_recursive`),
/// which fixes the iteration order of constant set displays.
///
/// `_PyCode_New` rebuilds it once more when interning replaced one of its
/// strings by an already interned equal object: approximated by
/// [`preinterned`] (names of the script itself are not known here).
pub fn frozenset_const(vm: &Vm, items: Vec<PyRef>) -> PyResult {
    let reinterned = items.iter().any(|it| it.as_str().is_some_and(preinterned));
    let mut set = new_set_of(vm, &vm.types.frozenset, items)?;
    if dict::len(&set) == 0 {
        return Ok(set);
    }
    for _ in 0..(1 + reinterned as usize) {
        set = new_set_of(vm, &vm.types.frozenset, ordered_items(&set))?;
    }
    Ok(set)
}

/// A copy of the set `src` with class `cls` (`make_new_set(cls, src)`).
pub fn copy_of(vm: &Vm, cls: &PyRef, src: &PyRef) -> PyResult {
    let s = PyRef::new(Payload::Set(Box::default()), cls);
    merge(vm, &s, src)?;
    Ok(s)
}

/// A new set of class `cls` holding `items` (added in order).
pub fn new_set_of(vm: &Vm, cls: &PyRef, items: Vec<PyRef>) -> PyResult {
    let s = PyRef::new(Payload::Set(Box::default()), cls);
    for it in items {
        add(vm, &s, it)?;
    }
    Ok(s)
}

/// `make_new_set(cls, iterable)`.
pub fn make_new_set(vm: &Vm, cls: &PyRef, src: Option<&PyRef>) -> PyResult {
    let s = PyRef::new(Payload::Set(Box::default()), cls);
    if let Some(o) = src {
        update(vm, &s, o)?;
    }
    Ok(s)
}

/// `set` for a set (or subclass) `o`, `frozenset` otherwise: the class of
/// what an operation on `o` returns (`make_new_set_basetype`).
fn base_class(vm: &Vm, o: &PyRef) -> PyRef {
    if is_mutable(vm, o) {
        vm.types.set.clone()
    } else {
        vm.types.frozenset.clone()
    }
}

/// `set_copy`: a new set or frozenset (after `so`'s base type) with the
/// elements of `so`.
pub(crate) fn set_copy(vm: &Vm, so: &PyRef) -> PyResult {
    copy_of(vm, &base_class(vm, so), so)
}

/// `set_intersection(so, other)`: the elements of `so` also in the
/// iterable `other`, as a new set of `so`'s base type.
pub fn intersection_of(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    if so.is(other) {
        return set_copy(vm, so);
    }
    let result = PyRef::new(Payload::Set(Box::default()), &base_class(vm, so));
    if is_set(other) {
        let (big, small) = if dict::len(other) > dict::len(so) {
            (other, so)
        } else {
            (so, other)
        };
        for (h, k) in ordered_entries(small) {
            if contains_hashed(vm, big, &k, h)? {
                add_hashed(vm, &result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, so, &k, h)? {
            add_hashed(vm, &result, k, h)?;
            if dict::len(&result) >= dict::len(so) {
                break;
            }
        }
    }
    Ok(result)
}

/// `set_intersection_update`: `so` keeps the elements also in `other`.
pub(crate) fn intersection_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    let tmp = intersection_of(vm, so, other)?;
    swap_bodies(vm, so, &tmp);
    Ok(())
}

/// `set_swap_bodies`: `dst` takes the elements and table layout of `src`.
pub(crate) fn swap_bodies(vm: &Vm, dst: &PyRef, src: &PyRef) {
    let sm = model::take(src);
    model::put(src, sm.clone());
    let entries: Vec<(i64, PyRef)> = dict::table(src)
        .borrow()
        .iter()
        .map(|e| (e.hash, e.key.clone()))
        .collect();
    let old = dict::table(dst).borrow_mut().clear();
    {
        let mut t = dict::table(dst).borrow_mut();
        for (h, k) in entries {
            t.insert_new(h, k, vm.none.clone());
        }
    }
    model::put(dst, sm);
    drop(old);
}

/// `set_difference_update_internal`: removes the elements of the iterable
/// `other`, then drops the dummies when they are over a quarter.
pub fn difference_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    if so.is(other) {
        clear(so);
        return Ok(());
    }
    if is_set(other) {
        let other = if (dict::len(other) >> 3) > dict::len(so) {
            intersection_of(vm, so, other)?
        } else {
            other.clone()
        };
        for (h, k) in ordered_entries(&other) {
            discard_hashed(vm, so, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            discard_hashed(vm, so, &k, h)?;
        }
    }
    let mut m = model::take(so);
    m.shrink_dummies();
    model::put(so, m);
    Ok(())
}

/// `set_difference(so, other)`: a new set of `so`'s base type.
pub(crate) fn difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    let exact_dict = other.class().is(&vm.types.dict);
    if !(is_set(other) || exact_dict) || (dict::len(so) >> 2) > dict::len(other) {
        let r = set_copy(vm, so)?;
        difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let result = PyRef::new(Payload::Set(Box::default()), &base_class(vm, so));
    for (h, k) in ordered_entries(so) {
        if !contains_hashed(vm, other, &k, h)? {
            add_hashed(vm, &result, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update(so, other)` for any iterable.
pub fn symmetric_difference_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    if so.is(other) {
        clear(so);
        return Ok(());
    }
    let entries = if other.class().is(&vm.types.dict) {
        dict::table(other)
            .borrow()
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect()
    } else if is_set(other) {
        ordered_entries(other)
    } else {
        ordered_entries(&make_new_set(vm, &base_class(vm, so), Some(other))?)
    };
    for (h, k) in entries {
        if !discard_hashed(vm, so, &k, h)? {
            add_hashed(vm, so, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference(so, other)`: a new set of `so`'s base type.
pub(crate) fn symmetric_difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    let r = make_new_set(vm, &base_class(vm, so), Some(other))?;
    symmetric_difference_update(vm, &r, so)?;
    Ok(r)
}

/// `set_union`-like `so | other`: a copy of `so` updated with `other`.
pub(crate) fn union(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult {
    let r = set_copy(vm, so)?;
    if !so.is(other) {
        update(vm, &r, other)?;
    }
    Ok(r)
}

/// `set_issubset(so, other)` for a set `other`.
fn is_subset(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if dict::len(a) > dict::len(b) {
        return Ok(false);
    }
    for (h, k) in ordered_entries(a) {
        if !contains_hashed(vm, b, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.issubset(other)` for any iterable.
pub(crate) fn issubset(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    if !is_set(other) {
        let tmp = intersection_of(vm, so, other)?;
        return Ok(dict::len(&tmp) == dict::len(so));
    }
    is_subset(vm, so, other)
}

/// `so.issuperset(other)` for any iterable.
pub(crate) fn issuperset(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    if is_set(other) {
        return is_subset(vm, other, so);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if !contains_hashed(vm, so, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.isdisjoint(other)` for any iterable.
pub(crate) fn isdisjoint(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    if so.is(other) {
        return Ok(dict::len(so) == 0);
    }
    let exact_set = other.class().is(&vm.types.set) || other.class().is(&vm.types.frozenset);
    if exact_set {
        let (big, small) = if dict::len(other) > dict::len(so) {
            (other, so)
        } else {
            (so, other)
        };
        for (h, k) in ordered_entries(small) {
            if contains_hashed(vm, big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, so, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparison of two sets (`set_richcompare`: equality, subset,
/// superset).
pub fn set_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
    let (la, lb) = (dict::len(a), dict::len(b));
    Ok(match op {
        CompareOp::Eq => la == lb && is_subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CompareOp::Le => is_subset(vm, a, b)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Ge => is_subset(vm, b, a)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1})`, `MySet({1})`;
/// `name(...)` for a set already being shown.
pub fn set_repr(vm: &Vm, s: &PyRef) -> PyResult<String> {
    let name = s.type_name();
    let exact = s.class().is(&vm.types.set);
    dict::repr_enter(
        vm,
        s,
        || format!("{}(...)", name),
        || {
            if dict::len(s) == 0 {
                return Ok(format!("{}()", name));
            }
            let items = if exact || s.class().is(&vm.types.frozenset) {
                ordered_items(s)
            } else {
                vm.iterate(s)?
            };
            let inner = crate::objects::seq::join_reprs(vm, &items)?;
            Ok(if exact {
                format!("{{{}}}", inner)
            } else {
                format!("{}({{{}}})", name, inner)
            })
        },
    )
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// CPython's `frozenset_hash`: the xor of the shuffled element hashes
/// (independent of order), dispersed.
pub fn frozenset_hash(vm: &Vm, s: &PyRef) -> PyResult<i64> {
    let _ = vm;
    let t = dict::table(s).borrow();
    let mut hash: u64 = 0;
    for e in t.iter() {
        hash ^= shuffle_bits(e.hash as u64);
    }
    hash ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    Ok(hash as i64)
}
