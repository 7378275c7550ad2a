//! The collector's doubly-linked circular lists, threaded through the
//! [`GcHead`]s that precede container objects (CPython's `gc_list_*`).
//!
//! ```text
//!        +------+     +--------+     +--------+
//!   +--> | head | --> | GcHead | --> | GcHead | --+     next
//!   |    +------+ <-- +--------+ <-- +--------+   |     prev
//!   |                 | object |     | object |   |
//!   +-------------------------------------------+-+
//! ```
//!
//! A node is an address (`usize`): a list head or the GcHead of an object;
//! `next == 0` means *not in any list* (untracked). Every primitive is O(1)
//! except [`size`] and the walks.
//!
//! Invariants the `unsafe` code relies on (the collector's G1-G3, see
//! `gc/mod.rs`):
//!
//! * G1. A node address is either a list head owned by the collector (a
//!   thread-local or a `Box<GcHead>` that outlives every use) or the
//!   `GcHead` of a live object with `HAS_GC_HEAD`, at `object address -
//!   size_of::<GcHead>()` (`Trace` rule 5 makes that exact).
//! * G2. An object is unlinked before its memory is freed or handed to the
//!   trashcan (`destroy`), so lists never hold freed nodes.
//! * G3. Single-threaded, one payload type per thread (`Trace` rule 4), so
//!   every object node of a list is an `Object<P>` of the caller's `P`.

use std::cell::Cell;

use crate::{GcHead, Object, Trace};

/// A list (head) or node address.
pub(crate) type Node = usize;

/// A fresh list head, linked to itself.
pub(crate) fn new_head() -> Box<GcHead> {
    let h = Box::new(GcHead {
        prev: Cell::new(0),
        next: Cell::new(0),
        gc_refs: Cell::new(0),
    });
    let a = &*h as *const GcHead as usize;
    h.prev.set(a);
    h.next.set(a);
    h
}

pub(crate) const fn empty_head() -> GcHead {
    GcHead {
        prev: Cell::new(0),
        next: Cell::new(0),
        gc_refs: Cell::new(0),
    }
}

/// The address of a thread-local list head, linking it to itself the first
/// time (thread-locals cannot be self-referential at initialisation).
#[inline(always)]
pub(crate) fn head_of(h: &GcHead) -> Node {
    let a = h as *const GcHead as usize;
    if h.next.get() == 0 {
        h.prev.set(a);
        h.next.set(a);
    }
    a
}

#[inline(always)]
pub(crate) fn node(n: Node) -> &'static GcHead {
    // SAFETY: G1: `n` is a list head or the GcHead of a live object; the
    // 'static lifetime never escapes the (single-threaded) caller's use.
    unsafe { &*(n as *const GcHead) }
}

#[inline(always)]
pub(crate) fn head_addr(h: &GcHead) -> Node {
    h as *const GcHead as usize
}

/// The GcHead of an object (which must have `HAS_GC_HEAD`).
#[inline(always)]
pub(crate) fn gc_of<P>(obj: &Object<P>) -> Node {
    obj as *const Object<P> as usize - std::mem::size_of::<GcHead>()
}

/// The object following a GcHead node.
#[inline(always)]
pub(crate) fn obj_of<P: Trace>(n: Node) -> &'static Object<P> {
    // SAFETY: G1: a non-head node is the GcHead of a live object, which
    // starts right after it (`layout_for` places it so, rule 5); G3: it
    // is an `Object<P>`.
    unsafe { &*((n + std::mem::size_of::<GcHead>()) as *const Object<P>) }
}

/// The first node of `list` (the head itself when empty).
#[inline(always)]
pub(crate) fn first(list: Node) -> Node {
    node(list).next.get()
}

/// The node after `n`.
#[inline(always)]
pub(crate) fn next(n: Node) -> Node {
    node(n).next.get()
}

pub(crate) fn is_empty(list: Node) -> bool {
    node(list).next.get() == list
}

pub(crate) fn append(n: Node, list: Node) {
    let l = node(list);
    let last = l.prev.get();
    node(last).next.set(n);
    node(n).prev.set(last);
    node(n).next.set(list);
    l.prev.set(n);
}

pub(crate) fn remove(n: Node) {
    let h = node(n);
    let (p, nx) = (h.prev.get(), h.next.get());
    node(p).next.set(nx);
    node(nx).prev.set(p);
    h.next.set(0);
    h.prev.set(0);
}

pub(crate) fn move_to(n: Node, list: Node) {
    remove(n);
    append(n, list);
}

/// Splices all of `from` onto the end of `to`; `from` becomes empty.
pub(crate) fn merge(from: Node, to: Node) {
    if is_empty(from) {
        return;
    }
    let (f, t) = (node(from), node(to));
    let (first, last) = (f.next.get(), f.prev.get());
    let tail = t.prev.get();
    node(tail).next.set(first);
    node(first).prev.set(tail);
    node(last).next.set(to);
    t.prev.set(last);
    f.next.set(from);
    f.prev.set(from);
}

pub(crate) fn size(list: Node) -> usize {
    let mut n = 0;
    let mut p = first(list);
    while p != list {
        n += 1;
        p = next(p);
    }
    n
}

/// Calls `f` on every object of `list`, in order (`f` must not unlink the
/// node it is given: use an explicit loop for that).
#[inline]
pub(crate) fn for_each<P: Trace>(list: Node, mut f: impl FnMut(&Object<P>)) {
    let mut p = first(list);
    while p != list {
        f(obj_of(p));
        p = next(p);
    }
}
