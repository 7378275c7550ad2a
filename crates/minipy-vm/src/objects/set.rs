//! `set` and `frozenset`.
//!
//! Both store their elements in the dict table (`DictData`, values unused),
//! which keeps insertion order. CPython iterates a set in *hash-table slot*
//! order instead (`{3, 1, 2}` prints `{1, 2, 3}`), so iteration, repr and
//! `pop` replay the insertions into a model of CPython's set table
//! (`setobject.c`: 8 slots, linear probes of 9, perturbation, growth at 3/5
//! fill) to visit the elements in the order CPython would.

use std::cell::Cell;

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::{DictIterKind, IterKind, Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::seq::dunders::{self as d, self_and};
use crate::objects::seq::repr_guard;
use crate::objects::typeobj;
use crate::protocol::CompareOp;
use crate::vm::Vm;

mod interned;
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

fn is_set(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Set(_))
}

fn is_mutable(vm: &Vm, o: &PyRef) -> bool {
    typeobj::is_subtype(o.class(), &vm.types.set)
}

/// Hash of a set element; a mutable set is hashed as a frozenset.
fn elem_hash(vm: &Vm, item: &PyRef) -> PyResult<(PyRef, i64)> {
    match vm.hash(item) {
        Ok(h) => Ok((item.clone(), h)),
        Err(e) => {
            if is_set(item) && is_mutable(vm, item) {
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
            for (k, _) in dict::items(other) {
                add(vm, set, k)?;
            }
            Ok(())
        }
        _ => {
            for it in vm.iterate(other)? {
                add(vm, set, it)?;
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
    let om = model::take(other);
    model::put(other, om.clone());
    let mut m = model::take(set);
    m.presize(om.used);
    if m.fill == 0 && dict::len(set) == 0 {
        m.merge_into_empty(&om);
        let entries: Vec<(i64, PyRef)> = dict::table(other)
            .borrow()
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect();
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
    let entries: Vec<(i64, PyRef)> = {
        let by: Vec<PyRef> = ordered_items(other);
        let t = dict::table(other).borrow();
        let hashes: std::collections::HashMap<usize, i64> =
            t.iter().map(|e| (e.key.addr(), e.hash)).collect();
        by.into_iter()
            .map(|k| (hashes.get(&k.addr()).copied().unwrap_or(0), k))
            .collect()
    };
    for (h, k) in entries {
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

/// `item in set` / `key in dict` (a set item is looked up as a frozenset).
pub fn table_contains(vm: &Vm, container: &PyRef, item: &PyRef) -> PyResult<bool> {
    let (key, h) = if is_set(container) {
        elem_hash(vm, item)?
    } else {
        (item.clone(), vm.hash(item)?)
    };
    Ok(dict::lookup_pos(vm, container, &key, h)?.is_some())
}

/// Removes `item`; `Ok(false)` when absent.
pub fn discard(vm: &Vm, set: &PyRef, item: &PyRef) -> PyResult<bool> {
    let (key, h) = elem_hash(vm, item)?;
    match dict::lookup_pos(vm, set, &key, h)? {
        Some(p) => {
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
        None => Ok(false),
    }
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

/// The items of any iterable, in CPython's order when it is a set.
fn iter_items(vm: &Vm, o: &PyRef) -> PyResult<Vec<PyRef>> {
    if is_set(o) {
        return Ok(ordered_items(o));
    }
    vm.iterate(o)
}

fn base_class(vm: &Vm, o: &PyRef) -> PyRef {
    if is_mutable(vm, o) {
        vm.types.set.clone()
    } else {
        vm.types.frozenset.clone()
    }
}

/// `set_intersection`: iterates the smaller set.
fn intersection(vm: &Vm, cls: &PyRef, a: &PyRef, b: &PyRef) -> PyResult {
    let result = PyRef::new(Payload::Set(Box::default()), cls);
    let (small, big) = if dict::len(b) > dict::len(a) {
        (a, b)
    } else {
        (b, a)
    };
    for x in ordered_items(small) {
        if table_contains(vm, big, &x)? {
            add(vm, &result, x)?;
        }
    }
    Ok(result)
}

/// `set_difference`.
fn difference(vm: &Vm, cls: &PyRef, a: &PyRef, b: &PyRef) -> PyResult {
    if (dict::len(a) >> 2) > dict::len(b) {
        let r = copy_of(vm, cls, a)?;
        for x in ordered_items(b) {
            discard(vm, &r, &x)?;
        }
        return Ok(r);
    }
    let result = PyRef::new(Payload::Set(Box::default()), cls);
    for x in ordered_items(a) {
        if !table_contains(vm, b, &x)? {
            add(vm, &result, x)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update(a, b)`.
fn symmetric_update(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<()> {
    if a.is(b) {
        clear(a);
        return Ok(());
    }
    for x in ordered_items(b) {
        if !discard(vm, a, &x)? {
            add(vm, a, x)?;
        }
    }
    Ok(())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (in-place on a mutable `a`).
pub fn set_binary(vm: &Vm, a: &PyRef, b: &PyRef, op: u32, inplace: bool) -> PyResult {
    let cls = base_class(vm, a);
    let inplace = inplace && is_mutable(vm, a);
    match op {
        nb::OR => {
            if inplace {
                update(vm, a, b)?;
                return Ok(a.clone());
            }
            let r = copy_of(vm, &cls, a)?;
            update(vm, &r, b)?;
            Ok(r)
        }
        nb::AND => {
            let r = intersection(vm, &cls, a, b)?;
            if inplace {
                replace_contents(vm, a, &r)?;
                return Ok(a.clone());
            }
            Ok(r)
        }
        nb::SUBTRACT => {
            if inplace {
                if a.is(b) {
                    clear(a);
                } else {
                    for x in ordered_items(b) {
                        discard(vm, a, &x)?;
                    }
                }
                return Ok(a.clone());
            }
            difference(vm, &cls, a, b)
        }
        _ => {
            if inplace {
                symmetric_update(vm, a, b)?;
                return Ok(a.clone());
            }
            let r = copy_of(vm, &cls, b)?;
            symmetric_update(vm, &r, a)?;
            Ok(r)
        }
    }
}

/// `set_swap_bodies`-like: `dst` takes the contents (and layout) of `src`.
fn replace_contents(vm: &Vm, dst: &PyRef, src: &PyRef) -> PyResult<()> {
    clear(dst);
    merge(vm, dst, src)
}

/// `a <= b` as sets.
fn is_subset(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if dict::len(a) > dict::len(b) {
        return Ok(false);
    }
    for x in dict::keys(a) {
        if !table_contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparison (equality, subset, superset).
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

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1})`, `MySet({1})`.
pub fn set_repr(vm: &Vm, s: &PyRef) -> PyResult<String> {
    let name = s.type_name();
    if dict::len(s) == 0 {
        return Ok(format!("{}()", name));
    }
    let exact = s.class().is(&vm.types.set);
    let placeholder = format!("{}(...)", name);
    repr_guard(vm, s, &placeholder, || {
        let inner = crate::objects::seq::join_reprs(vm, &ordered_items(s))?;
        Ok(if exact {
            format!("{{{}}}", inner)
        } else {
            format!("{}({{{}}})", name, inner)
        })
    })
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// CPython's frozenset hash (order-independent).
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

// ----- constructors and methods ------------------------------------------------

fn one_optional<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<Option<&'a PyRef>> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            pos.len() - 1
        )));
    }
    Ok(pos.get(1))
}

pub fn set_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.set.clone());
    if cls.is(&vm.types.set) {
        let src = one_optional(vm, &args, "set")?;
        return make_new_set(vm, &cls, src);
    }
    Ok(PyRef::new(Payload::Set(Box::default()), &cls))
}

fn set_init(vm: &Vm, args: Args) -> PyResult {
    let Some(s) = args.pos().first() else {
        return Err(vm.type_error("descriptor '__init__' needs an argument".to_string()));
    };
    let src = one_optional(vm, &args, "set")?;
    if s.class().is(&vm.types.set) {
        // Exact sets were filled by set_new.
        return Ok(vm.none.clone());
    }
    clear(s);
    if let Some(o) = src {
        update(vm, s, o)?;
    }
    Ok(vm.none.clone())
}

pub fn frozenset_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.frozenset.clone());
    let src = one_optional(vm, &args, "frozenset")?;
    if let Some(o) = src {
        if cls.is(&vm.types.frozenset) && o.class().is(&vm.types.frozenset) {
            return Ok(o.clone());
        }
    }
    make_new_set(vm, &cls, src)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyRef> {
    match args.pos().first() {
        Some(s) if is_set(s) => Ok(s),
        Some(o) => Err(vm.type_error(format!(
            "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
            name,
            o.type_name()
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

fn s_add(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "add", 1)?;
    this(vm, &args, "add")?;
    add(vm, &p[0], p[1].clone())?;
    Ok(vm.none.clone())
}

fn s_remove(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "remove", 1)?;
    this(vm, &args, "remove")?;
    if !discard(vm, &p[0], &p[1])? {
        return Err(vm.key_error(p[1].clone()));
    }
    Ok(vm.none.clone())
}

fn s_discard(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "discard", 1)?;
    this(vm, &args, "discard")?;
    discard(vm, &p[0], &p[1])?;
    Ok(vm.none.clone())
}

fn s_pop(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "pop", 0)?;
    this(vm, &args, "pop")?;
    match pop(&p[0]) {
        Some(k) => Ok(k),
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

fn s_clear(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "clear", 0)?;
    this(vm, &args, "clear")?;
    clear(&p[0]);
    Ok(vm.none.clone())
}

fn s_copy(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "copy", 0)?;
    this(vm, &args, "copy")?;
    if p[0].class().is(&vm.types.frozenset) {
        return Ok(p[0].clone());
    }
    copy_of(vm, &base_class(vm, &p[0]), &p[0])
}

/// A set built from any iterable argument of a method (`a.union([1])`).
fn as_set(vm: &Vm, o: &PyRef) -> PyResult {
    if is_set(o) {
        return Ok(o.clone());
    }
    make_new_set(vm, &vm.types.set, Some(o))
}

fn multi(vm: &Vm, args: Args, name: &str, op: u32, update: bool) -> PyResult {
    args.no_kwargs(vm, name)?;
    let s = this(vm, &args, name)?;
    let mut acc = if update {
        s.clone()
    } else {
        copy_of(vm, &vm.types.set, s)?
    };
    for o in &args.pos()[1..] {
        let other = as_set(vm, o)?;
        acc = set_binary(vm, &acc, &other, op, true)?;
    }
    if update {
        return Ok(vm.none.clone());
    }
    if !is_mutable(vm, s) {
        return copy_of(vm, &vm.types.frozenset, &acc);
    }
    Ok(acc)
}

fn s_union(vm: &Vm, args: Args) -> PyResult {
    multi(vm, args, "union", nb::OR, false)
}
fn s_update(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "update")?;
    let s = this(vm, &args, "update")?;
    for o in &args.pos()[1..] {
        update(vm, s, o)?;
    }
    Ok(vm.none.clone())
}
fn s_intersection(vm: &Vm, args: Args) -> PyResult {
    multi(vm, args, "intersection", nb::AND, false)
}
fn s_intersection_update(vm: &Vm, args: Args) -> PyResult {
    multi(vm, args, "intersection_update", nb::AND, true)
}
fn s_difference(vm: &Vm, args: Args) -> PyResult {
    multi(vm, args, "difference", nb::SUBTRACT, false)
}
fn s_difference_update(vm: &Vm, args: Args) -> PyResult {
    multi(vm, args, "difference_update", nb::SUBTRACT, true)
}
fn s_symmetric_difference(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "symmetric_difference", 1)?;
    this(vm, &args, "symmetric_difference")?;
    let other = as_set(vm, &p[1])?;
    set_binary(vm, &p[0], &other, nb::XOR, false)
}
fn s_symmetric_difference_update(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "symmetric_difference_update", 1)?;
    this(vm, &args, "symmetric_difference_update")?;
    let other = as_set(vm, &p[1])?;
    set_binary(vm, &p[0], &other, nb::XOR, true)?;
    Ok(vm.none.clone())
}

fn s_issubset(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "issubset", 1)?;
    this(vm, &args, "issubset")?;
    let other = as_set(vm, &p[1])?;
    Ok(vm.new_bool(is_subset(vm, &p[0], &other)?))
}
fn s_issuperset(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "issuperset", 1)?;
    this(vm, &args, "issuperset")?;
    let other = as_set(vm, &p[1])?;
    Ok(vm.new_bool(is_subset(vm, &other, &p[0])?))
}
fn s_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "isdisjoint", 1)?;
    this(vm, &args, "isdisjoint")?;
    for x in iter_items(vm, &p[1])? {
        if table_contains(vm, &p[0], &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn s_reduce(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__reduce__", 0)?;
    let items = vm.new_list(ordered_items(&p[0]));
    Ok(vm.new_tuple(vec![
        p[0].class().clone(),
        vm.new_tuple(vec![items]),
        vm.none.clone(),
    ]))
}

/// Methods shared by set and frozenset.
macro_rules! common {
    () => {
        [
            ("__len__", d::d_len as NativeFn),
            ("__contains__", d::d_contains),
            ("__iter__", d::d_iter),
            ("__repr__", d::d_repr),
            ("__eq__", d::d_eq),
            ("__ne__", d::d_ne),
            ("__lt__", d::d_lt),
            ("__le__", d::d_le),
            ("__gt__", d::d_gt),
            ("__ge__", d::d_ge),
            ("__or__", d::d_or),
            ("__ror__", d::d_ror),
            ("__and__", d::d_and),
            ("__rand__", d::d_rand),
            ("__sub__", d::d_sub),
            ("__rsub__", d::d_rsub),
            ("__xor__", d::d_xor),
            ("__rxor__", d::d_rxor),
            ("copy", s_copy),
            ("union", s_union),
            ("intersection", s_intersection),
            ("difference", s_difference),
            ("symmetric_difference", s_symmetric_difference),
            ("issubset", s_issubset),
            ("issuperset", s_issuperset),
            ("isdisjoint", s_isdisjoint),
            ("__reduce__", s_reduce),
        ]
    };
}

const COMMON: [(&str, NativeFn); 27] = common!();

const SET_ONLY: [(&str, NativeFn); 13] = [
    ("__init__", set_init),
    ("__ior__", d::d_ior),
    ("__iand__", d::d_iand),
    ("__isub__", d::d_isub),
    ("__ixor__", d::d_ixor),
    ("add", s_add),
    ("remove", s_remove),
    ("discard", s_discard),
    ("pop", s_pop),
    ("clear", s_clear),
    ("update", s_update),
    ("intersection_update", s_intersection_update),
    ("difference_update", s_difference_update),
];

const fn concat<const N: usize>(
    a: &[(&'static str, NativeFn)],
    b: &[(&'static str, NativeFn)],
) -> [(&'static str, NativeFn); N] {
    let mut out: [(&'static str, NativeFn); N] = [("", d::d_len); N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[i + j] = b[j];
        j += 1;
    }
    out
}

const SET_TABLE: [(&str, NativeFn); 41] = concat(
    &concat::<40>(&COMMON, &SET_ONLY),
    &[("symmetric_difference_update", s_symmetric_difference_update)],
);

pub const SET_METHODS: &[(&str, NativeFn)] = &SET_TABLE;
pub const FROZENSET_METHODS: &[(&str, NativeFn)] =
    &concat::<28>(&COMMON, &[("__hash__", d::d_hash)]);
