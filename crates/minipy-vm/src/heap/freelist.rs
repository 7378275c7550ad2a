//! Object freelists, where CPython keeps them: freed blocks of floats,
//! tuples, lists and dicts are kept (up to CPython's limits) and handed to
//! the next object of the same kind without a trip through the allocator.
//!
//! ```text
//!   free_object(float)  --push-->  FREE[Float]: [blk, blk, ...]  (<= 100)
//!   PyRef::new(Float)   <--pop---
//!   full collection / shutdown: every block goes back to minipy_alloc
//! ```
//!
//! Only blocks of the kind's exact layout are kept: floats use the atom
//! layout (no GC head, no dict slot), lists/dicts the container one (GC
//! head, no dict slot), tuples that plus their items, one list per length
//! up to 20 as in CPython. Instances of subclasses with a managed
//! `__dict__` never enter a freelist.
//!
//! Invariants the `unsafe` code relies on:
//!
//! * F1. A block in a freelist was allocated by `minipy_alloc::alloc` with
//!   `layout_for(kind's gc, false, kind's tuple length)`, and its object was fully dropped (the
//!   memory is uninitialised, owned by the freelist alone).
//! * F2. Single-threaded (see `heap`).

#![allow(unsafe_code)]

use std::cell::RefCell;

use super::layout_for;
use crate::object::Payload;

/// Tuples up to this length keep freelists, one per length
/// (`PyTuple_NFREELISTS`).
pub const TUPLE_LENGTHS: usize = 20;

/// A freelist: float, list, dict, or tuples of one length (1..=20).
#[derive(Clone, Copy)]
pub struct Kind(usize);

impl Kind {
    pub const FLOAT: Kind = Kind(0);
    pub const LIST: Kind = Kind(1);
    pub const DICT: Kind = Kind(2);
    const FIRST_TUPLE: usize = 3;

    fn limit(self) -> usize {
        // CPython's PyFloat_MAXFREELIST, PyList_MAXFREELIST,
        // PyDict_MAXFREELIST, PyTuple_MAXFREELIST (per length).
        match self.0 {
            0 => 100,
            1 | 2 => 80,
            _ => 2000,
        }
    }

    /// Length of the tuples of this list (0 for the other kinds).
    fn tuple_len(self) -> usize {
        self.0.saturating_sub(Kind::FIRST_TUPLE - 1)
    }
}

const KINDS: usize = Kind::FIRST_TUPLE + TUPLE_LENGTHS;

thread_local! {
    static FREE: RefCell<[Vec<usize>; KINDS]> = const {
        RefCell::new([const { Vec::new() }; KINDS])
    };
}

/// The freelist of tuples of length `n` (CPython keeps none for the
/// empty tuple, a singleton, or for longer ones).
#[inline]
pub fn tuple_kind(n: usize) -> Option<Kind> {
    if (1..=TUPLE_LENGTHS).contains(&n) {
        Some(Kind(Kind::FIRST_TUPLE + n - 1))
    } else {
        None
    }
}

/// The freelist an object with this payload and layout may use.
#[inline]
pub fn kind_of(payload: &Payload, gc: bool, dict: bool) -> Option<Kind> {
    if dict {
        return None;
    }
    match payload {
        Payload::Float(_) if !gc => Some(Kind::FLOAT),
        Payload::Tuple(t) if gc => tuple_kind(t.len()),
        Payload::List(_) if gc => Some(Kind::LIST),
        Payload::Dict(_) if gc => Some(Kind::DICT),
        _ => None,
    }
}

fn layout_of(k: Kind) -> std::alloc::Layout {
    layout_for(k.0 != Kind::FLOAT.0, false, k.tuple_len()).0
}

/// A block for a new object of kind `k` (null when the list is empty).
#[inline]
pub fn pop(k: Kind) -> *mut u8 {
    FREE.try_with(|f| f.borrow_mut()[k.0].pop())
        .ok()
        .flatten()
        .map_or(std::ptr::null_mut(), |a| a as *mut u8)
}

/// Keeps a freed block; false when the list is full (the caller frees it).
#[inline]
pub fn push(k: Kind, block: *mut u8) -> bool {
    FREE.try_with(|f| {
        let mut f = f.borrow_mut();
        let list = &mut f[k.0];
        if list.len() < k.limit() {
            list.push(block as usize);
            true
        } else {
            false
        }
    })
    .unwrap_or(false)
}

/// Returns every kept block to the allocator (`clear_freelists`, run by
/// full collections and at shutdown).
pub fn clear() {
    let lists = FREE.try_with(|f| std::mem::take(&mut *f.borrow_mut()));
    let Ok(lists) = lists else { return };
    for (i, list) in lists.into_iter().enumerate() {
        for a in list {
            // SAFETY: F1: the block came from minipy_alloc with this layout
            // and nothing else refers to it.
            unsafe { minipy_alloc::dealloc(a as *mut u8, layout_of(Kind(i))) };
        }
    }
}

/// The freelist lines of `sys._debugmallocstats()`, in CPython's format
/// (`_PyDebugAllocatorStats`).
pub fn report() -> String {
    let counts = FREE
        .try_with(|f| f.borrow().iter().map(|l| l.len()).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut out = String::new();
    let mut line = |k: Kind, name: &str| {
        let n = counts.get(k.0).copied().unwrap_or(0);
        minipy_alloc::debug_allocator_stats(&mut out, name, n, layout_of(k).size());
    };
    // CPython's order: dicts, floats, lists, tuples by length.
    line(Kind::DICT, "free PyDictObject");
    line(Kind::FLOAT, "free PyFloatObject");
    line(Kind::LIST, "free PyListObject");
    for n in 1..=TUPLE_LENGTHS {
        if let Some(k) = tuple_kind(n) {
            line(k, &format!("free {}-sized PyTupleObject", n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_tuples_by_length_in_cpythons_order() {
        let r = report();
        let names: Vec<&str> = r
            .lines()
            .filter_map(|l| l.split(" free ").nth(1))
            .filter_map(|l| l.split(" * ").next())
            .collect();
        assert_eq!(names.len(), 3 + TUPLE_LENGTHS, "{r}");
        assert_eq!(names[0], "PyDictObjects");
        assert_eq!(names[1], "PyFloatObjects");
        assert_eq!(names[2], "PyListObjects");
        assert_eq!(names[3], "1-sized PyTupleObjects");
        assert_eq!(names[22], "20-sized PyTupleObjects");
    }

    #[test]
    fn tuple_kinds_cover_lengths_1_to_20() {
        assert!(tuple_kind(0).is_none());
        assert!(tuple_kind(21).is_none());
        let sizes: Vec<usize> = (1..=20)
            .map(|n| layout_of(tuple_kind(n).unwrap()).size())
            .collect();
        // Each extra item is one more word in the block.
        assert!(sizes.windows(2).all(|w| w[1] == w[0] + 8), "{sizes:?}");
    }
}
