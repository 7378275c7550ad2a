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
//! `next == 0` means *not in any list* (untracked). Every primitive is
//! O(1) except [`size`] and the walks.
//!
//! A walk that calls the payload holds a `gc::Walk`: meanwhile nodes can
//! be unlinked (an object untracked, or dying) but not linked anywhere
//! else (tracking, freezing and collections wait), so the object a walk
//! stands on can only have left its list by being unlinked: its `next`
//! is then 0, and the walk stops there instead of following it.
//!
//! Invariants the `unsafe` code relies on (the collector's G1-G3, see
//! `gc/mod.rs`):
//!
//! * G1. A node address is either a list head owned by the collector (a
//!   thread-local or a `Box<GcHead>` that outlives every use) or the
//!   `GcHead` of a live object with `HAS_GC_HEAD`, at `object address -
//!   size_of::<GcHead>()` (an alignment of at most 8, asserted at compile time
//!   by `allocate`, makes that exact).
//! * G2. An object is unlinked before its memory is freed or handed to the
//!   trashcan (`destroy`), so lists never hold freed nodes.
//! * G3. Single-threaded, and the lists hold one payload type per thread
//!   (`gc::on_alloc` checks; every walk checks its `P` is that one), so
//!   every object node of a list is an `Object<P>` of the caller's `P`.

use std::cell::Cell;

use crate::{GcHead, Object, Trace};

/// A list (head) or node address.
pub(crate) type Node = usize;

/// A temporary list of the collector (a boxed head). If it is dropped
/// while it still holds objects (a pass that stopped early), they are
/// returned to the oldest generation first, so no list ever links to a
/// freed head.
pub(crate) struct TempList<P: Trace> {
    head: Box<GcHead>,
    oldest: Node,
    _objects: std::marker::PhantomData<fn(&P)>,
}

impl<P: Trace> TempList<P> {
    /// An empty list whose leftovers go to `oldest` (a generation head).
    pub(crate) fn new(oldest: Node) -> TempList<P> {
        let head = Box::new(empty_head());
        let a = &*head as *const GcHead as usize;
        head.prev.set(a);
        head.next.set(a);
        TempList {
            head,
            oldest,
            _objects: std::marker::PhantomData,
        }
    }

    pub(crate) fn node(&self) -> Node {
        head_addr(&self.head)
    }
}

impl<P: Trace> Drop for TempList<P> {
    fn drop(&mut self) {
        let me = self.node();
        if !is_empty(me) {
            let mut p = first(me);
            while p != me {
                // The collector's marks mean nothing outside a pass.
                obj_of::<P>(p).set_heap_flag(crate::COLLECTING | crate::UNREACHABLE, false);
                p = next(p);
            }
            merge(me, self.oldest);
        }
    }
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
    // starts right after it (`layout_for` places it so); G3: it
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

/// Calls `f` on every object of `list`, in order; stops early if `f`
/// takes the object it is given out of the list. `f` may call the payload
/// and the program, under a `gc::Walk`.
#[inline]
pub(crate) fn for_each<P: Trace>(list: Node, mut f: impl FnMut(&Object<P>)) {
    let _walk = super::Walk::new();
    let mut p = first(list);
    while p != list {
        f(obj_of(p));
        p = next(p);
        if p == 0 {
            break; // unlinked by `f`
        }
    }
}
