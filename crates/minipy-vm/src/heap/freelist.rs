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
//! layout (no GC head, no dict slot), tuples/lists/dicts the container one
//! (GC head, no dict slot). Instances of subclasses with a managed
//! `__dict__` never enter a freelist.
//!
//! Invariants the `unsafe` code relies on:
//!
//! * F1. A block in a freelist was allocated by `minipy_alloc::alloc` with
//!   `layout_for(kind's gc, false)`, and its object was fully dropped (the
//!   memory is uninitialised, owned by the freelist alone).
//! * F2. Single-threaded (see `heap`).

#![allow(unsafe_code)]

use std::cell::RefCell;

use super::layout_for;
use crate::object::Payload;

/// The kinds with a freelist and CPython's limits (`PyFloat_MAXFREELIST`,
/// `PyTuple_MAXFREELIST` per size, `PyList_MAXFREELIST`,
/// `PyDict_MAXFREELIST`).
#[derive(Clone, Copy)]
pub enum Kind {
    Float = 0,
    Tuple = 1,
    List = 2,
    Dict = 3,
}

const LIMITS: [usize; 4] = [100, 2000, 80, 80];
const NAMES: [&str; 4] = [
    "PyFloatObject",
    "PyTupleObject",
    "PyListObject",
    "PyDictObject",
];

thread_local! {
    static FREE: RefCell<[Vec<usize>; 4]> = const {
        RefCell::new([Vec::new(), Vec::new(), Vec::new(), Vec::new()])
    };
}

/// The freelist an object with this payload and layout may use.
#[inline]
pub fn kind_of(payload: &Payload, gc: bool, dict: bool) -> Option<Kind> {
    if dict {
        return None;
    }
    match payload {
        Payload::Float(_) if !gc => Some(Kind::Float),
        Payload::Tuple(_) if gc => Some(Kind::Tuple),
        Payload::List(_) if gc => Some(Kind::List),
        Payload::Dict(_) if gc => Some(Kind::Dict),
        _ => None,
    }
}

fn layout_of(k: Kind) -> std::alloc::Layout {
    layout_for(!matches!(k, Kind::Float), false, 0).0
}

/// A block for a new object of kind `k` (null when the list is empty).
#[inline]
pub fn pop(k: Kind) -> *mut u8 {
    FREE.try_with(|f| f.borrow_mut()[k as usize].pop())
        .ok()
        .flatten()
        .map_or(std::ptr::null_mut(), |a| a as *mut u8)
}

/// Keeps a freed block; false when the list is full (the caller frees it).
#[inline]
pub fn push(k: Kind, block: *mut u8) -> bool {
    FREE.try_with(|f| {
        let mut f = f.borrow_mut();
        let list = &mut f[k as usize];
        if list.len() < LIMITS[k as usize] {
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
        let k = [Kind::Float, Kind::Tuple, Kind::List, Kind::Dict][i];
        for a in list {
            // SAFETY: F1: the block came from minipy_alloc with this layout
            // and nothing else refers to it.
            unsafe { minipy_alloc::dealloc(a as *mut u8, layout_of(k)) };
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
    // CPython's order: dicts, floats, lists, tuples.
    for i in [3, 0, 2, 1] {
        let n = counts.get(i).copied().unwrap_or(0);
        let k = [Kind::Float, Kind::Tuple, Kind::List, Kind::Dict][i];
        let size = layout_of(k).size();
        minipy_alloc::debug_allocator_stats(&mut out, &format!("free {}", NAMES[i]), n, size);
    }
    out
}
