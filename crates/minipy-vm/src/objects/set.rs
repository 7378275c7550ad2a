//! `set` and `frozenset`.
//!
//! Both store their elements in the dict table (`DictData`, values unused),
//! which keeps insertion order. CPython iterates a set in *hash-table slot*
//! order instead (`{3, 1, 2}` prints `{1, 2, 3}`), so iteration, repr and
//! `pop` replay the insertions into a model of CPython's set table
//! (`setobject.c`: 8 slots, linear probes of 9, perturbation, growth at 3/5
//! fill) to visit the elements in the order CPython would.

use std::cell::{Cell, RefCell};

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::seq::dunders::{self as d, self_and};
use crate::objects::seq::repr_guard;
use crate::objects::typeobj;
use crate::protocol::CompareOp;
use crate::vm::Vm;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

fn insert_clean(table: &mut [Option<usize>], hash: i64, idx: usize) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// Positions (into `hashes`) in the slot order of a CPython set built by
/// adding `hashes` one by one.
pub fn cpython_order(hashes: &[i64]) -> Vec<usize> {
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for (idx, &h) in hashes.iter().enumerate() {
        insert_clean(&mut table, h, idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut newsize = 8usize;
            while newsize <= minused {
                newsize <<= 1;
            }
            let mut nt: Vec<Option<usize>> = vec![None; newsize];
            for e in table.iter().flatten() {
                insert_clean(&mut nt, hashes[*e], *e);
            }
            table = nt;
        }
    }
    table.into_iter().flatten().collect()
}

/// The elements of a set in CPython's iteration order.
pub fn ordered_items(set: &PyRef) -> Vec<PyRef> {
    let t = dict::table(set).borrow();
    let entries: Vec<(i64, PyRef)> = t.iter().map(|e| (e.hash, e.key.clone())).collect();
    drop(t);
    let hashes: Vec<i64> = entries.iter().map(|e| e.0).collect();
    cpython_order(&hashes)
        .into_iter()
        .map(|i| entries[i].1.clone())
        .collect()
}

/// `iter(set)`: a `set_iterator` over a snapshot in CPython's order.
pub fn set_iter(vm: &Vm, set: &PyRef) -> PyRef {
    let items = vm.new_tuple(ordered_items(set));
    PyRef::new(
        Payload::Iter(RefCell::new(IterKind::Seq {
            seq: items,
            index: Cell::new(0),
        })),
        &vm.types.set_iterator,
    )
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
                let f = new_set_of(vm, &vm.types.frozenset, ordered_items(item))?;
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
    if dict::lookup_pos(vm, set, &item, h)?.is_none() {
        dict::table(set)
            .borrow_mut()
            .insert_new(h, item, vm.none.clone());
    }
    Ok(())
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
            let e = dict::table(set).borrow_mut().remove_at(p);
            drop(e);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A new set of class `cls` holding `items`.
pub fn new_set_of(vm: &Vm, cls: &PyRef, items: Vec<PyRef>) -> PyResult {
    let s = PyRef::new(Payload::Set(Box::default()), cls);
    for it in items {
        add(vm, &s, it)?;
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

/// `a | b`, `a & b`, `a - b`, `a ^ b` (in-place on a mutable `a`).
pub fn set_binary(vm: &Vm, a: &PyRef, b: &PyRef, op: u32, inplace: bool) -> PyResult {
    let a_items = ordered_items(a);
    let b_items = ordered_items(b);
    let result: Vec<PyRef> = match op {
        nb::OR => {
            let mut v = a_items;
            v.extend(b_items);
            v
        }
        nb::AND => {
            let (small, big) = if b_items.len() > a_items.len() {
                (&a_items, b)
            } else {
                (&b_items, a)
            };
            let mut v = Vec::new();
            for x in small.iter() {
                if table_contains(vm, big, x)? {
                    v.push(x.clone());
                }
            }
            v
        }
        nb::SUBTRACT => {
            let mut v = Vec::new();
            for x in a_items {
                if !table_contains(vm, b, &x)? {
                    v.push(x);
                }
            }
            v
        }
        _ => {
            // Symmetric difference: copy of a, then toggle each item of b.
            let tmp = new_set_of(vm, &vm.types.set, a_items)?;
            for x in b_items {
                if !discard(vm, &tmp, &x)? {
                    add(vm, &tmp, x)?;
                }
            }
            if inplace && is_mutable(vm, a) {
                replace_contents(vm, a, &tmp)?;
                return Ok(a.clone());
            }
            let items = ordered_items(&tmp);
            return new_set_of(vm, &base_class(vm, a), items);
        }
    };
    if inplace && is_mutable(vm, a) {
        let tmp = new_set_of(vm, &vm.types.set, result)?;
        replace_contents(vm, a, &tmp)?;
        return Ok(a.clone());
    }
    new_set_of(vm, &base_class(vm, a), result)
}

fn replace_contents(vm: &Vm, dst: &PyRef, src: &PyRef) -> PyResult<()> {
    let old = dict::table(dst).borrow_mut().clear();
    drop(old);
    let items = dict::table(src).borrow().items();
    let mut t = dict::table(dst).borrow_mut();
    for (k, _) in items {
        let h = vm.hash(&k)?;
        t.insert_new(h, k, vm.none.clone());
    }
    Ok(())
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
        let items = match src {
            Some(o) => iter_items(vm, o)?,
            None => Vec::new(),
        };
        return new_set_of(vm, &cls, items);
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
    let old = dict::table(s).borrow_mut().clear();
    drop(old);
    if let Some(o) = src {
        for it in iter_items(vm, o)? {
            add(vm, s, it)?;
        }
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
    let items = match src {
        Some(o) => iter_items(vm, o)?,
        None => Vec::new(),
    };
    new_set_of(vm, &cls, items)
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
    let items = ordered_items(&p[0]);
    let Some(first) = items.first() else {
        return Err(vm.key_error(vm.new_str("pop from an empty set")));
    };
    discard(vm, &p[0], first)?;
    Ok(first.clone())
}

fn s_clear(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "clear", 0)?;
    this(vm, &args, "clear")?;
    let old = dict::table(&p[0]).borrow_mut().clear();
    drop(old);
    Ok(vm.none.clone())
}

fn s_copy(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "copy", 0)?;
    this(vm, &args, "copy")?;
    if p[0].class().is(&vm.types.frozenset) {
        return Ok(p[0].clone());
    }
    new_set_of(vm, &base_class(vm, &p[0]), ordered_items(&p[0]))
}

/// A set built from any iterable argument of a method (`a.union([1])`).
fn as_set(vm: &Vm, o: &PyRef) -> PyResult {
    if is_set(o) {
        return Ok(o.clone());
    }
    new_set_of(vm, &vm.types.set, vm.iterate(o)?)
}

fn multi(vm: &Vm, args: Args, name: &str, op: u32, update: bool) -> PyResult {
    args.no_kwargs(vm, name)?;
    let s = this(vm, &args, name)?;
    let mut acc = if update {
        s.clone()
    } else {
        new_set_of(vm, &vm.types.set, ordered_items(s))?
    };
    for o in &args.pos()[1..] {
        let other = as_set(vm, o)?;
        acc = set_binary(vm, &acc, &other, op, true)?;
    }
    if update {
        return Ok(vm.none.clone());
    }
    if !is_mutable(vm, s) {
        return new_set_of(vm, &vm.types.frozenset, ordered_items(&acc));
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
        for it in iter_items(vm, o)? {
            add(vm, s, it)?;
        }
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
