//! Object freelists, where CPython keeps them: freed blocks of floats,
//! tuples, lists and dicts are kept (up to CPython's limits) and handed to
//! the next object of the same kind without a trip through the allocator.
//!
//! ```text
//!   free_object(float)  --push-->  FREE[Float]: [blk, blk, ...]  (<= 100)
//!   Ref::new(float)     <--pop---
//!   full collection / shutdown: every block goes back to minipy_alloc
//! ```
//!
//! The payload names its freelist (`Trace::freelist`: float, list, dict;
//! tuples by the item count in their header), and the heap decides
//! whether a block may use it: floats use the atom layout (no GC head, no
//! dict slot), lists/dicts the container one (GC head, no dict slot),
//! tuples that plus their items, one list per length up to 20 as in
//! CPython ([`kind_of`]). Instances of subclasses with a managed `__dict__`
//! never enter a freelist. Each kept block remembers its layout, and a
//! block is only handed out for exactly that layout, so F1 holds whatever
//! the payload answers.
//!
//! Invariants the `unsafe` code relies on:
//!
//! * F1. A block in a freelist was allocated by `minipy_alloc::alloc` with
//!   the layout stored beside it, and its object was fully dropped (the
//!   memory is uninitialised, owned by the freelist alone).
//! * F2. Single-threaded (the lists are thread-local).

use std::alloc::Layout;
use std::cell::RefCell;

use crate::{layout_for, Freelist, Trace};

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
    static FREE: RefCell<[Vec<(usize, Layout)>; KINDS]> = const {
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

/// The freelist an object with this payload and layout may use (not a
/// tuple, no trailing cells): the payload's choice, if the layout is that
/// kind's.
#[inline]
pub fn kind_of<P: Trace>(payload: &P, gc: bool, dict: bool) -> Option<Kind> {
    if dict {
        return None;
    }
    match payload.freelist() {
        Some(Freelist::Float) if !gc => Some(Kind::FLOAT),
        Some(Freelist::List) if gc => Some(Kind::LIST),
        Some(Freelist::Dict) if gc => Some(Kind::DICT),
        _ => None,
    }
}

fn layout_of<P: Trace>(k: Kind) -> std::alloc::Layout {
    layout_for::<P>(k.0 != Kind::FLOAT.0, false, k.tuple_len()).0
}

/// A block of exactly `layout` for a new object of kind `k` (null when
/// the list has none: a block of another layout is left for the
/// allocator).
#[inline]
pub(crate) fn pop(k: Kind, layout: Layout) -> *mut u8 {
    FREE.try_with(|f| {
        let mut f = f.borrow_mut();
        let list = &mut f[k.0];
        match list.last() {
            Some(&(a, l)) if l == layout => {
                list.pop();
                a as *mut u8
            }
            _ => std::ptr::null_mut(),
        }
    })
    .unwrap_or(std::ptr::null_mut())
}

/// Keeps a freed block of `layout`; false when the list is full (the caller
/// frees it).
#[inline]
pub(crate) fn push(k: Kind, block: *mut u8, layout: Layout) -> bool {
    FREE.try_with(|f| {
        let mut f = f.borrow_mut();
        let list = &mut f[k.0];
        if list.len() < k.limit() {
            list.push((block as usize, layout));
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
    for list in lists {
        for (a, layout) in list {
            // SAFETY: F1: the block came from minipy_alloc with this layout
            // and nothing else refers to it.
            unsafe { minipy_alloc::dealloc(a as *mut u8, layout) };
        }
    }
}

/// The freelist lines of `sys._debugmallocstats()`, in CPython's format
/// (`_PyDebugAllocatorStats`), with the block sizes of payload `P`.
pub fn report<P: Trace>() -> String {
    let counts = FREE
        .try_with(|f| f.borrow().iter().map(|l| l.len()).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut out = String::new();
    let mut line = |k: Kind, name: &str| {
        let n = counts.get(k.0).copied().unwrap_or(0);
        minipy_alloc::debug_allocator_stats(&mut out, name, n, layout_of::<P>(k).size());
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
