//! `dict`: an insertion-ordered hash table in CPython's "compact dict"
//! layout: a sparse index table of positions into a dense entries vector.
//!
//! ```text
//!  indices: [ -  2  -  0  -  -  1  - ]    (EMPTY, DUMMY or entry position)
//!  entries: [ (h,k,v) (h,k,v) (h,k,v) ]   insertion order; deleted = None
//! ```
//!
//! Key comparison may run Python code (`__eq__`), which may mutate the very
//! dict being searched. The table is therefore never borrowed across a call
//! into Python: lookups collect a candidate key, release the borrow, compare,
//! and restart if the table was replaced or the entry changed meanwhile
//! (see [`lookup_pos`]).
//! `set` and `frozenset` reuse this table with unused values.
//!
//! This file is the table and the functions the rest of the VM uses on
//! dicts (`get_str`, `set_item`, ...); `methods.rs` declares the `dict`
//! type (its slots and methods), `views.rs` the `dict_keys`,
//! `dict_values` and `dict_items` views.

pub mod methods;
pub mod views;

use std::cell::RefCell;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::vm::Vm;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

pub struct Entry {
    pub hash: i64,
    pub key: PyRef,
    pub value: PyRef,
}

thread_local! {
    static LAST_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A version number no table has had before (CPython's dict version tags
/// are global too): a (table, version) pair then names one state of one
/// table, even if another table later reuses the same address.
#[inline]
fn next_version() -> u64 {
    LAST_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

#[derive(Default)]
pub struct DictData {
    indices: Vec<u32>,
    pub entries: Vec<Option<Entry>>,
    len: usize,
    /// Changed on every insertion or removal of a key (not when a value is
    /// replaced), to a number never used before (see [`next_version`]):
    /// lookup restarts, iteration checks and the interpreter's inline
    /// caches of entry positions rely on it. 0 only while never changed.
    pub version: u64,
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > 0 {
            d.entries.reserve(n);
            d.indices = vec![EMPTY; (n * 3 / 2 + 1).next_power_of_two().max(8)];
        }
        d
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Size of the hash index (for `sys.getsizeof`).
    pub fn indices_len(&self) -> usize {
        self.indices.len()
    }

    /// Each value then its key, in entry order (CPython's dict_traverse;
    /// exact `str` keys, which can never be part of a cycle, are skipped as
    /// in CPython's unicode-keys tables; an instance of a `str` subclass is
    /// tracked, refers to its class, and is visited).
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        for e in self.entries.iter().flatten() {
            visit(&e.value);
            let exact_str = matches!(e.key.payload, crate::objects::layout::Payload::Str(_))
                && !e.key.has_flag(crate::heap::HAS_GC_HEAD);
            if !exact_str {
                visit(&e.key);
            }
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<PyRef> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// Entry at dense position `pos` or later: `(next_pos, entry)`.
    pub fn entry_from(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos + 1, e));
            }
            pos += 1;
        }
        None
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Probe sequence (CPython's perturbation scheme). Calls `f(slot, index)`
    /// until it returns false or an EMPTY slot is reached; returns the EMPTY
    /// slot reached, if any.
    fn probe(&self, hash: i64, mut f: impl FnMut(usize, u32) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Some(i);
            }
            if !f(i, ix) {
                return None;
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Finds the entry position whose key is `key`, comparing without Python
    /// code. Returns `Ok(Some(pos))`, `Ok(None)` (absent), or `Err(cands)`:
    /// positions (same hash) that need a Python-level `==`.
    fn find_fast(&self, hash: i64, key: &PyObject) -> Result<Option<usize>, Vec<usize>> {
        let mut found = None;
        let mut slow = Vec::new();
        self.probe(hash, |_, ix| {
            if ix == DUMMY {
                return true;
            }
            if let Some(e) = &self.entries[ix as usize] {
                if e.hash == hash {
                    if e.key.is(key) {
                        found = Some(ix as usize);
                        return false;
                    }
                    match fast_eq(&e.key, key) {
                        Some(true) => {
                            found = Some(ix as usize);
                            return false;
                        }
                        Some(false) => {}
                        None => slow.push(ix as usize),
                    }
                }
            }
            true
        });
        if found.is_some() || slow.is_empty() {
            Ok(found)
        } else {
            Err(slow)
        }
    }

    /// Entry position of a `str` key (identity first, then contents; keys
    /// of other types never equal a str without Python code, except str
    /// subclasses, which are compared by contents as CPython's dict does
    /// for exact-str lookups).
    #[inline]
    fn find_str(&self, hash: i64, key: &PyObject) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let Payload::Str(ks) = &key.payload else {
            return None;
        };
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.key.is(key) {
                        return Some(ix as usize);
                    }
                    if e.hash == hash {
                        if let Payload::Str(es) = &e.key.payload {
                            if es.s == ks.s {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    fn needs_grow(&self) -> bool {
        self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2
    }

    /// Rebuilds the table for its live entries with room to grow. Both new
    /// buffers are made before anything moves, so a failure leaves the
    /// table as it was.
    fn try_grow(&mut self) -> Result<(), std::collections::TryReserveError> {
        self.try_grow_for(0)
    }

    /// `try_grow` with room for `extra` more entries without growing again.
    fn try_grow_for(&mut self, extra: usize) -> Result<(), std::collections::TryReserveError> {
        let live = self.entries.iter().flatten().count();
        let want = live.saturating_add(extra);
        let size = (want.saturating_add(1).saturating_mul(3))
            .checked_next_power_of_two()
            .unwrap_or(usize::MAX)
            .max(8);
        let mut indices = Vec::new();
        indices.try_reserve_exact(size)?;
        indices.resize(size, EMPTY);
        let mut entries = Vec::new();
        entries.try_reserve_exact(want.saturating_mul(2).max(live))?;
        let old = std::mem::replace(&mut self.entries, entries);
        self.indices = indices;
        self.len = 0;
        for e in old.into_iter().flatten() {
            // (Within the new capacities: no growth.)
            self.insert_new(e.hash, e.key, e.value);
        }
        Ok(())
    }

    /// Makes room for `n` more entries (inserted with `insert_new`), or
    /// reports that memory ran out with the table unchanged.
    pub fn reserve(&mut self, n: usize) -> Result<(), std::collections::TryReserveError> {
        let fits = !self.indices.is_empty()
            && (self.entries.len().saturating_add(n).saturating_add(1)).saturating_mul(3)
                < self.indices.len() * 2;
        if !fits {
            self.try_grow_for(n)?;
        }
        let spare = self.entries.capacity() - self.entries.len();
        if spare < n {
            self.entries.try_reserve(n)?;
        }
        Ok(())
    }

    /// Makes room for one more entry, or reports that memory ran out (the
    /// caller raises `MemoryError`; `insert_new` would abort).
    pub fn reserve_one(&mut self) -> Result<(), std::collections::TryReserveError> {
        if self.needs_grow() {
            self.try_grow()?;
        }
        if self.entries.len() == self.entries.capacity() {
            self.entries.try_reserve(1)?;
        }
        Ok(())
    }

    /// Appends a key known to be absent (after `reserve_one` where the
    /// program controls the size: growing here aborts when memory is out).
    pub fn insert_new(&mut self, hash: i64, key: PyRef, value: PyRef) {
        if self.needs_grow() && self.try_grow().is_err() {
            // An infallible caller (a namespace the VM fills): abort as a
            // `Vec` would, through the allocation-failure hook that writes
            // out buffered stdout first.
            let want = ((self.len + 1) * 3).next_power_of_two();
            let layout = std::alloc::Layout::array::<u32>(want)
                .unwrap_or_else(|_| std::alloc::Layout::new::<[u32; 8]>());
            std::alloc::handle_alloc_error(layout);
        }
        let mut slot = None;
        let empty = self.probe(hash, |i, ix| {
            if ix == DUMMY {
                slot = Some(i);
                return false;
            }
            true
        });
        let slot = slot.or(empty).unwrap_or(0);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        self.version = next_version();
    }

    /// Removes the entry at `pos`, returning it.
    pub fn remove_at(&mut self, pos: usize) -> Option<Entry> {
        let e = self.entries.get_mut(pos)?.take()?;
        let mut target = None;
        self.probe(e.hash, |i, ix| {
            if ix as usize == pos {
                target = Some(i);
                return false;
            }
            true
        });
        if let Some(i) = target {
            self.indices[i] = DUMMY;
        }
        self.len -= 1;
        self.version = next_version();
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
        }
        Some(e)
    }

    pub fn clear(&mut self) -> Vec<Option<Entry>> {
        self.indices.clear();
        self.len = 0;
        self.version = next_version();
        std::mem::take(&mut self.entries)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let pos = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(pos)
    }
}

/// Equality decided without running Python code, where possible.
#[inline]
pub fn fast_eq(a: &PyObject, b: &PyObject) -> Option<bool> {
    // Subclasses may override __eq__: only built-in types take the shortcut.
    let heap = |o: &PyObject| matches!(&o.class().payload, Payload::Type(t) if t.heap);
    if heap(a) || heap(b) {
        return None;
    }
    match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => Some(x.s == y.s),
        (Payload::Int(x), Payload::Int(y)) => Some(x == y),
        (Payload::Str(_), Payload::Int(_)) | (Payload::Int(_), Payload::Str(_)) => Some(false),
        (Payload::Float(x), Payload::Float(y)) => Some(x == y),
        (Payload::Int(x), Payload::Float(y)) | (Payload::Float(y), Payload::Int(x)) => {
            Some((*x as f64) == *y && (*y as i64) == *x)
        }
        (Payload::None, _) | (_, Payload::None) => Some(a.is(b)),
        _ => None,
    }
}

fn data(obj: &PyObject) -> &RefCell<DictData> {
    match &obj.payload {
        Payload::Dict(d) | Payload::Set(d) => d,
        _ => panic_free_empty(),
    }
}

/// Only reachable if a caller passes a non-dict: returns a dummy empty table.
fn panic_free_empty() -> &'static RefCell<DictData> {
    thread_local! {
        static EMPTY_DICT: &'static RefCell<DictData> = Box::leak(Box::new(RefCell::new(DictData::new())));
    }
    EMPTY_DICT.with(|d| *d)
}

/// One probe step of [`lookup_pos`], taken under a short borrow.
enum Step {
    Found(usize),
    Absent,
    Next,
    /// A key of the same hash that needs a Python-level `==`.
    Compare(PyRef),
}

/// Entry position of `key` (full Python semantics), as CPython 3.11's
/// `_Py_dict_lookup`: the probe sequence is walked one slot at a time and
/// the table is borrowed only between comparisons. After a Python-level
/// `==` the lookup goes on in the same table if the table was not
/// replaced (CPython: `dk == mp->ma_keys`; here: the index table has the
/// same size, since a resize, a rebuild or a clear changes it) and the
/// entry still holds the key compared (`ep->me_key == startkey`);
/// otherwise it restarts from the top. So a `__eq__` that clears and
/// refills the dict with the same key gives CPython's answer, and one
/// that really replaces the key every time restarts every time, as in
/// CPython.
pub fn lookup_pos(vm: &Vm, d: &PyObject, key: &PyRef, hash: i64) -> PyResult<Option<usize>> {
    let cell = data(d);
    // Keys that compare without Python code (the common case) in one pass.
    if let Ok(r) = cell.borrow().find_fast(hash, key) {
        return Ok(r);
    }
    'restart: loop {
        let size = cell.borrow().indices.len();
        if size == 0 {
            return Ok(None);
        }
        let mask = size - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let step = {
                let dd = cell.borrow();
                match dd.indices.get(i) {
                    None => continue 'restart,
                    Some(&EMPTY) => Step::Absent,
                    Some(&DUMMY) => Step::Next,
                    Some(&ix) => match dd.entries.get(ix as usize) {
                        Some(Some(e)) if e.key.is(key) => Step::Found(ix as usize),
                        Some(Some(e)) if e.hash == hash => match fast_eq(&e.key, key) {
                            Some(true) => Step::Found(ix as usize),
                            Some(false) => Step::Next,
                            None => Step::Compare(e.key.clone()),
                        },
                        Some(_) => Step::Next,
                        None => continue 'restart,
                    },
                }
            };
            match step {
                Step::Found(pos) => return Ok(Some(pos)),
                Step::Absent => return Ok(None),
                Step::Next => {}
                Step::Compare(startkey) => {
                    let eq = vm.eq(&startkey, key)?;
                    let dd = cell.borrow();
                    let pos = dd.indices.get(i).copied().unwrap_or(EMPTY) as usize;
                    let unchanged = dd.indices.len() == size
                        && matches!(dd.entries.get(pos), Some(Some(e)) if e.key.is(&startkey));
                    if !unchanged {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some(pos));
                    }
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }
}

/// `d[key]` without raising KeyError: `Ok(None)` when absent.
#[inline]
pub fn get_item(vm: &Vm, d: &PyObject, key: &PyRef) -> PyResult<Option<PyRef>> {
    let hash = vm.hash(key)?;
    {
        let dd = data(d).borrow();
        if let Ok(pos) = dd.find_fast(hash, key) {
            return Ok(pos.and_then(|p| dd.entries[p].as_ref().map(|e| e.value.clone())));
        }
    }
    let pos = lookup_pos(vm, d, key, hash)?;
    Ok(pos.and_then(|p| {
        data(d).borrow().entries[p]
            .as_ref()
            .map(|e| e.value.clone())
    }))
}

/// Lookup by a `str` key (never runs Python code): the attribute and
/// global lookup path, so it probes without allocating or calling out.
#[inline]
pub fn get_str(vm: &Vm, d: &PyObject, key: &PyRef) -> Option<PyRef> {
    let hash = vm.str_hash(key);
    let dd = data(d).borrow();
    let pos = dd.find_str(hash, key)?;
    dd.entries[pos].as_ref().map(|e| e.value.clone())
}

/// `(version, entry position)` of the `str` key `key` in dict `d`, for
/// the interpreter's inline caches (None when absent or `d` is no dict).
pub fn cache_pos(vm: &Vm, d: &PyObject, key: &PyRef) -> (u64, Option<usize>) {
    if !matches!(d.payload, Payload::Dict(_)) {
        return (0, None);
    }
    let hash = vm.str_hash(key);
    let dd = data(d).borrow();
    (dd.version, dd.find_str(hash, key))
}

/// The version of dict `d` (0 for a non-dict).
#[inline]
pub fn version(d: &PyObject) -> u64 {
    match &d.payload {
        Payload::Dict(t) => t.borrow().version,
        _ => 0,
    }
}

/// The value at entry `pos` of `d` if `d` is still at `version` (a cached
/// position is then still the key's).
#[inline]
pub fn value_at(d: &PyObject, version: u64, pos: usize) -> Option<PyRef> {
    let Payload::Dict(t) = &d.payload else {
        return None;
    };
    let dd = t.borrow();
    if dd.version != version {
        return None;
    }
    dd.entries.get(pos)?.as_ref().map(|e| e.value.clone())
}

/// A new instance namespace, owned by one instance ("inline values", see
/// `heap::INLINE_DICT`): untracked, its contents traversed by the instance.
pub fn new_inline(vm: &Vm) -> PyRef {
    let d = vm.new_dict();
    d.set_flag(crate::heap::INLINE_DICT, true);
    crate::heap::gc::uncount_alloc();
    d
}

/// Python code got hold of an instance namespace (`obj.__dict__`): from now
/// on it is an object of its own, tracked when it holds containers (3.11's
/// `_PyObject_GetDictPtr` materialising the values).
pub fn materialize(d: &PyObject) {
    if d.has_flag(crate::heap::INLINE_DICT) {
        d.set_flag(crate::heap::INLINE_DICT, false);
        if d.payload.tracked_at_creation() {
            crate::heap::gc::track(d);
        }
    }
}

/// CPython's `MAINTAIN_TRACKING`: a dict starts being tracked when a
/// container is stored in it. Inline namespaces never are.
#[inline]
fn maintain_tracking(d: &PyObject, key: &PyObject, value: &PyObject) {
    use crate::heap::gc;
    if !gc::is_tracked(d)
        && !d.has_flag(crate::heap::INLINE_DICT)
        && (gc::may_be_tracked(key) || gc::may_be_tracked(value))
    {
        gc::track(d);
    }
}

/// The next slot of CPython's open-addressing probe sequence
/// (`perturb >>= PERTURB_SHIFT; i = (i*5 + perturb + 1) & mask`).
#[inline(always)]
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

/// `d[key] = value`.
pub fn set_item(vm: &Vm, d: &PyObject, key: PyRef, value: PyRef) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    set_item_hashed(vm, d, key, hash, value)
}

pub fn set_item_hashed(vm: &Vm, d: &PyObject, key: PyRef, hash: i64, value: PyRef) -> PyResult<()> {
    let pos = lookup_pos(vm, d, &key, hash)?;
    maintain_tracking(d, &key, &value);
    let old = {
        let mut dd = data(d).borrow_mut();
        match pos.and_then(|p| dd.entries.get_mut(p)) {
            Some(Some(e)) => Some(std::mem::replace(&mut e.value, value)),
            _ => {
                dd.reserve_one().map_err(|_| vm.memory_error())?;
                dd.insert_new(hash, key, value);
                None
            }
        }
    };
    drop(old); // may run __del__: after the borrow is released
    Ok(())
}

/// Stores under a `str` key (module and instance namespaces).
pub fn set_str(vm: &Vm, d: &PyObject, key: PyRef, value: PyRef) {
    let hash = vm.str_hash(&key);
    maintain_tracking(d, &key, &value);
    let old = {
        let mut dd = data(d).borrow_mut();
        match dd.find_fast(hash, &key) {
            Ok(Some(p)) => dd.entries[p]
                .as_mut()
                .map(|e| std::mem::replace(&mut e.value, value)),
            _ => {
                dd.insert_new(hash, key, value);
                None
            }
        }
    };
    drop(old);
}

/// Removes a `str` key; returns the old value.
pub fn del_str(vm: &Vm, d: &PyObject, key: &PyRef) -> Option<PyRef> {
    let hash = vm.str_hash(key);
    let e = {
        let mut dd = data(d).borrow_mut();
        match dd.find_fast(hash, key) {
            Ok(Some(p)) => dd.remove_at(p),
            _ => None,
        }
    };
    e.map(|e| e.value)
}

/// `del d[key]` without raising: the removed value, if any.
pub fn del_item(vm: &Vm, d: &PyObject, key: &PyRef) -> PyResult<Option<PyRef>> {
    let hash = vm.hash(key)?;
    let pos = lookup_pos(vm, d, key, hash)?;
    let e = match pos {
        Some(p) => data(d).borrow_mut().remove_at(p),
        None => None,
    };
    Ok(e.map(|e| e.value))
}

pub fn len(d: &PyObject) -> usize {
    data(d).borrow().len()
}

/// Snapshot of the items, in order.
pub fn items(d: &PyObject) -> Vec<(PyRef, PyRef)> {
    data(d).borrow().items()
}

pub fn keys(d: &PyObject) -> Vec<PyRef> {
    data(d).borrow().keys()
}

pub fn values(d: &PyObject) -> Vec<PyRef> {
    data(d).borrow().values()
}

pub fn table(d: &PyObject) -> &RefCell<DictData> {
    data(d)
}

/// Copies every item of `src` into `dst` (`dict.update` from a dict).
pub fn merge(vm: &Vm, dst: &PyObject, src: &PyObject) -> PyResult<()> {
    let entries: Vec<(i64, PyRef, PyRef)> = data(src)
        .borrow()
        .iter()
        .map(|e| (e.hash, e.key.clone(), e.value.clone()))
        .collect();
    for (h, k, v) in entries {
        set_item_hashed(vm, dst, k, h, v)?;
    }
    Ok(())
}

// ----- helpers of the dict, set and mappingproxy methods ---------------------------

/// CPython's `Py_ReprEnter`/`Py_ReprLeave` around `f`: `placeholder` when
/// `obj`'s repr is already in progress. (The recursion depth is counted
/// by `Vm::repr`, which called the slot.)
pub(crate) fn repr_enter(
    vm: &Vm,
    obj: &PyRef,
    placeholder: impl FnOnce() -> String,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let addr = obj.addr();
    if vm.repr_stack.borrow().contains(&addr) {
        return Ok(placeholder());
    }
    vm.repr_stack.borrow_mut().push(addr);
    let r = f();
    let mut st = vm.repr_stack.borrow_mut();
    if let Some(p) = st.iter().rposition(|&a| a == addr) {
        st.remove(p);
    }
    r
}

/// The `self` of a native method (the method descriptor checked it).
#[inline]
fn self_of<'a>(vm: &Vm, pos: &'a [PyRef], qual: &str) -> PyResult<&'a PyRef> {
    pos.first().ok_or_else(|| {
        vm.new_error(
            &vm.exc.system_error,
            format!("{}() called without its instance", qual),
        )
    })
}

#[inline]
fn no_keywords(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qual)));
    }
    Ok(())
}

/// CPython's `METH_NOARGS` (`qual` is `type.method`): the instance.
#[inline]
pub(crate) fn noargs<'a>(vm: &Vm, args: &Args<'a>, qual: &str) -> PyResult<&'a PyRef> {
    no_keywords(vm, args, qual)?;
    let pos = args.pos();
    let s = self_of(vm, pos, qual)?;
    if pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            qual,
            pos.len() - 1
        )));
    }
    Ok(s)
}

/// CPython's `METH_O`: the instance and the argument.
#[inline]
pub(crate) fn one_arg<'a>(
    vm: &Vm,
    args: &Args<'a>,
    qual: &str,
) -> PyResult<(&'a PyRef, &'a PyRef)> {
    no_keywords(vm, args, qual)?;
    let pos = args.pos();
    let s = self_of(vm, pos, qual)?;
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qual,
            pos.len() - 1
        )));
    }
    Ok((s, &pos[1]))
}

/// CPython's `METH_VARARGS` without keywords: the instance and the
/// arguments after it.
#[inline]
pub(crate) fn varargs<'a>(
    vm: &Vm,
    args: &Args<'a>,
    qual: &str,
) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    no_keywords(vm, args, qual)?;
    let pos = args.pos();
    let s = self_of(vm, pos, qual)?;
    Ok((s, &pos[1..]))
}

/// Argument Clinic's positional-only `name(self, a, b=..., /)`: the
/// instance and `min..=max` arguments (`get expected at least 1
/// argument, got 0`).
#[inline]
pub(crate) fn positional<'a>(
    vm: &Vm,
    args: &Args<'a>,
    qual: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    no_keywords(vm, args, qual)?;
    let pos = args.pos();
    let s = self_of(vm, pos, qual)?;
    let n = pos.len() - 1;
    if (min..=max).contains(&n) {
        return Ok((s, &pos[1..]));
    }
    Err(count_error(vm, qual, n, min, max))
}

#[cold]
fn count_error(vm: &Vm, qual: &str, n: usize, min: usize, max: usize) -> PyRef {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    let (which, b) = if n < min {
        ("least", min)
    } else {
        ("most", max)
    };
    vm.type_error(format!(
        "{} expected at {} {} argument{}, got {}",
        name,
        which,
        b,
        if b == 1 { "" } else { "s" },
        n
    ))
}

/// `tp_traverse` of `dict`, `set` and `frozenset`: every key and value.
pub(crate) fn table_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Dict(d) | Payload::Set(d) => {
            if let Ok(d) = d.try_borrow() {
                d.traverse(&mut |r| visit.visit(r));
            }
        }
        _ => crate::object::wrong_layout(obj, "dict"),
    }
}

/// `tp_clear` of `dict`, `set` and `frozenset`: empties the table.
pub(crate) fn table_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Dict(d) | Payload::Set(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                for e in d.clear().into_iter().flatten() {
                    dead.push(e.key);
                    dead.push(e.value);
                }
            }
        }
        _ => crate::object::wrong_layout(obj, "dict"),
    }
}
