//! The generational cycle collector: CPython 3.11's `Modules/gcmodule.c`
//! algorithm over the `GcHead`s that precede container objects.
//!
//! ```text
//!   generation 0 (young)     generation 1           generation 2 (old)
//!   +------+   +---+---+     +------+   +---+       +------+   +---+---+---+
//!   | head |<->| a | b |<->  | head |<->| c |<->    | head |<->| d | e | f |<->
//!   +------+   +---+---+     +------+   +---+       +------+   +---+---+---+
//!      ^ threshold 700          ^ threshold 10         ^ threshold 10 and
//!      | allocations minus      | gen-0 collections    | long_lived_pending >
//!      | deallocations          | since gen-1's last   | long_lived_total / 4
//! ```
//!
//! Every *tracked* container sits in exactly one doubly-linked circular list
//! (a generation, the permanent generation of `gc.freeze()`, or one of the
//! collector's temporary lists); `next == 0` in its `GcHead` means
//! *untracked*. Lists are threaded through the `GcHead`s, so moving an
//! object between lists, or unlinking it when it dies while a collection is
//! running, is O(1) whichever list it is in.
//!
//! A collection of generation `g` ([`collect_main`]) runs these passes; the
//! state each pass leaves is what the next one relies on:
//!
//! 1. **merge**: generations younger than `g` are spliced onto `g` (*young*).
//! 2. **update_refs**: `gc_refs = ob_refcnt` and the COLLECTING flag for
//!    every object in young. Post: every object in young is COLLECTING.
//! 3. **subtract_refs**: each young object's referents (`tp_traverse`) that
//!    are COLLECTING get `gc_refs -= 1`. Post: `gc_refs` counts references
//!    from *outside* young; it is never negative (a negative count means a
//!    traversal reported a reference it does not own: the pass is abandoned
//!    and nothing is freed — see [`CollectError`]).
//! 4. **move_unreachable**: objects with `gc_refs > 0` are roots; everything
//!    transitively referenced from a root stays, the rest moves to
//!    *unreachable* (COLLECTING | UNREACHABLE). Post: young holds exactly the
//!    reachable objects, none COLLECTING.
//! 5. **untrack_tuples** (and **untrack_dicts** for full collections):
//!    containers holding only untracked atoms leave the lists, as in CPython.
//! 6. young is spliced onto the next generation.
//! 7. **handle_weakrefs**: every weak reference to an unreachable object is
//!    cleared; the callbacks of weakrefs that are themselves reachable run
//!    (their number of weakrefs freed counts as collected).
//! 8. **finalize_garbage**: `__del__` runs once per object (PEP 442, the
//!    FINALIZED flag); objects may die or be resurrected meanwhile.
//! 9. **handle_resurrected_objects**: passes 2–4 again over unreachable; what
//!    a finalizer made reachable returns to the old generation. Skipped
//!    when passes 7 and 8 ran no Python code (no callback, no `__del__`):
//!    only Python code can resurrect, so the set is unchanged (CPython
//!    always recounts; the result is the same, without a second traversal
//!    of all the garbage). When no object of the garbage is a weakref, is
//!    weakly referenced or has a finalizer to run, passes 7-9 are skipped
//!    altogether after one read-only walk that finds so.
//! 10. **delete_garbage**: `tp_clear` ([`crate::object::gc_clear`]) on each
//!     still-unreachable object breaks the cycles; refcounting frees them.
//!
//! The collector only runs at *safe points* (the eval loop's `RESUME` and
//! backward jumps, and `gc.collect()`), never inside an allocation: native
//! code may hold `RefCell` borrows of containers across allocations, and a
//! collection there could not traverse or clear them. An allocation that
//! pushes generation 0 over its threshold only sets [`pending`].
//! Traversals use `try_borrow` so a container borrowed by native code is
//! treated as holding no references: its referents then look externally
//! referenced, which is always safe (they are kept).
//!
//! Invariants the `unsafe` code relies on:
//!
//! * G1. A list node address is either a list head owned by this module (a
//!   `Box<GcHead>` that outlives every use) or the `GcHead` of a live object
//!   with `HAS_GC_HEAD`, at `object address - size_of::<GcHead>()`.
//! * G2. An object is unlinked (untracked) before its memory is freed or
//!   handed to the trashcan (`heap::destroy`), so lists never hold freed
//!   nodes.
//! * G3. The heap is single-threaded; the thread-local state is only touched
//!   from the interpreter thread.

#![allow(unsafe_code)]

use std::cell::Cell;

use super::{GcHead, PyObject, PyRef, COLLECTING, FINALIZED, HAS_GC_HEAD, UNREACHABLE};

pub const NUM_GENERATIONS: usize = 3;

/// `gc.DEBUG_*` flags.
pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

struct Generation {
    /// List head; linked to itself on first use (`next == 0` before).
    head: GcHead,
    threshold: Cell<isize>,
    count: Cell<isize>,
}

struct GcState {
    gens: [Generation; NUM_GENERATIONS],
    permanent: GcHead,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    pending: Cell<bool>,
    debug: Cell<u32>,
    long_lived_total: Cell<isize>,
    long_lived_pending: Cell<isize>,
    stats: [Cell<GenStats>; NUM_GENERATIONS],
}

fn new_head() -> Box<GcHead> {
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

const fn empty_head() -> GcHead {
    GcHead {
        prev: Cell::new(0),
        next: Cell::new(0),
        gc_refs: Cell::new(0),
    }
}

const fn generation(threshold: isize) -> Generation {
    Generation {
        head: empty_head(),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

const ZERO_STATS: GenStats = GenStats {
    collections: 0,
    collected: 0,
    uncollectable: 0,
};

thread_local! {
    // Const-initialised and without a destructor: cheap to reach from the
    // allocation path, and still valid while thread-locals are torn down
    // (objects dropped then can unlink themselves; G1).
    static GC: GcState = const {
        GcState {
            gens: [generation(700), generation(10), generation(10)],
            permanent: empty_head(),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [Cell::new(ZERO_STATS), Cell::new(ZERO_STATS), Cell::new(ZERO_STATS)],
        }
    };
}

/// The address of a thread-local list head, linking it to itself the first
/// time (thread-locals cannot be self-referential at initialisation).
#[inline(always)]
fn head_of(h: &GcHead) -> Node {
    let a = h as *const GcHead as usize;
    if h.next.get() == 0 {
        h.prev.set(a);
        h.next.set(a);
    }
    a
}

// ----- list primitives ------------------------------------------------------

/// A list (head) or node address.
type Node = usize;

#[inline(always)]
fn node(n: Node) -> &'static GcHead {
    // SAFETY: G1: `n` is a list head or the GcHead of a live object; the
    // 'static lifetime never escapes the (single-threaded) caller's use.
    unsafe { &*(n as *const GcHead) }
}

#[inline(always)]
fn head_addr(h: &GcHead) -> Node {
    h as *const GcHead as usize
}

/// The GcHead of an object (which must have `HAS_GC_HEAD`).
#[inline(always)]
pub(super) fn gc_of(obj: &PyObject) -> Node {
    obj as *const PyObject as usize - std::mem::size_of::<GcHead>()
}

/// The object following a GcHead node.
#[inline(always)]
fn obj_of(n: Node) -> &'static PyObject {
    // SAFETY: G1: a non-head node is the GcHead of a live object, which
    // starts right after it (heap::layout_for places it so).
    unsafe { &*((n + std::mem::size_of::<GcHead>()) as *const PyObject) }
}

fn list_is_empty(list: Node) -> bool {
    node(list).next.get() == list
}

fn list_append(n: Node, list: Node) {
    let l = node(list);
    let last = l.prev.get();
    node(last).next.set(n);
    node(n).prev.set(last);
    node(n).next.set(list);
    l.prev.set(n);
}

fn list_remove(n: Node) {
    let h = node(n);
    let (p, nx) = (h.prev.get(), h.next.get());
    node(p).next.set(nx);
    node(nx).prev.set(p);
    h.next.set(0);
    h.prev.set(0);
}

fn list_move(n: Node, list: Node) {
    list_remove(n);
    list_append(n, list);
}

/// Splices all of `from` onto the end of `to`; `from` becomes empty.
fn list_merge(from: Node, to: Node) {
    if list_is_empty(from) {
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

fn list_size(list: Node) -> usize {
    let mut n = 0;
    let mut p = node(list).next.get();
    while p != list {
        n += 1;
        p = node(p).next.get();
    }
    n
}

/// The objects of a list, as new references (for `gc.get_objects()`).
fn list_objects(list: Node, out: &mut Vec<PyRef>) {
    let mut p = node(list).next.get();
    while p != list {
        out.push(obj_of(p).to_ref());
        p = node(p).next.get();
    }
}

// ----- tracking ---------------------------------------------------------------

#[inline]
pub fn is_tracked(obj: &PyObject) -> bool {
    obj.ob_flags.get() & HAS_GC_HEAD != 0 && node(gc_of(obj)).next.get() != 0
}

/// Links a container into generation 0 (`_PyObject_GC_TRACK`); no-op when
/// already tracked or not a container.
pub fn track(obj: &PyObject) {
    if obj.ob_flags.get() & HAS_GC_HEAD == 0 || is_tracked(obj) {
        return;
    }
    let _ = GC.try_with(|g| list_append(gc_of(obj), head_of(&g.gens[0].head)));
}

/// Unlinks a container from whatever list holds it (`_PyObject_GC_UNTRACK`).
pub fn untrack(obj: &PyObject) {
    if is_tracked(obj) {
        list_remove(gc_of(obj));
        obj.ob_flags
            .set(obj.ob_flags.get() & !(COLLECTING | UNREACHABLE));
    }
}

/// Counts a container allocation (`_PyObject_GC_Link`), setting
/// [`pending`] when generation 0 passes its threshold, and links the new
/// object into generation 0 when `track` (one thread-local access for both).
#[inline]
pub(super) fn on_alloc(obj: &PyObject, track: bool) {
    let _ = GC.try_with(|g| {
        if track {
            list_append(gc_of(obj), head_of(&g.gens[0].head));
        }
        let g0 = &g.gens[0];
        let c = g0.count.get() + 1;
        g0.count.set(c);
        if c > g0.threshold.get()
            && g.enabled.get()
            && g0.threshold.get() != 0
            && !g.collecting.get()
        {
            g.pending.set(true);
        }
    });
}

/// Takes back the count of an allocation that CPython would not have made
/// (an instance's inline namespace: 3.11 keeps those values inside the
/// instance), so collections happen as often as in CPython.
#[inline]
pub fn uncount_alloc() {
    let _ = GC.try_with(|g| {
        let g0 = &g.gens[0];
        if g0.count.get() > 0 {
            g0.count.set(g0.count.get() - 1);
        }
    });
}

/// Counts a container deallocation (`PyObject_GC_Del`).
#[inline]
pub(super) fn on_dealloc() {
    let _ = GC.try_with(|g| {
        let g0 = &g.gens[0];
        if g0.count.get() > 0 {
            g0.count.set(g0.count.get() - 1);
        }
    });
}

/// True when an automatic collection is due (checked at safe points).
#[inline(always)]
pub fn pending() -> bool {
    GC.try_with(|g| g.pending.get()).unwrap_or(false)
}

/// CPython's `_PyObject_GC_MAY_BE_TRACKED`: could `obj` take part in a
/// cycle (a container, and for tuples a tracked one)?
#[inline]
pub fn may_be_tracked(obj: &PyObject) -> bool {
    if obj.ob_flags.get() & HAS_GC_HEAD == 0 {
        return false;
    }
    match obj.payload {
        crate::object::Payload::Tuple(_) => is_tracked(obj),
        _ => true,
    }
}

// ----- state accessors (the `gc` module) ---------------------------------------

pub fn enabled() -> bool {
    GC.with(|g| g.enabled.get())
}

pub fn set_enabled(on: bool) {
    GC.with(|g| g.enabled.set(on));
}

pub fn collecting() -> bool {
    GC.with(|g| g.collecting.get())
}

pub fn set_collecting(on: bool) {
    GC.with(|g| g.collecting.set(on));
}

pub fn debug() -> u32 {
    GC.with(|g| g.debug.get())
}

pub fn set_debug(flags: u32) {
    GC.with(|g| g.debug.set(flags));
}

pub fn thresholds() -> [isize; NUM_GENERATIONS] {
    GC.with(|g| [0, 1, 2].map(|i| g.gens[i].threshold.get()))
}

pub fn set_threshold(i: usize, t: isize) {
    GC.with(|g| g.gens[i].threshold.set(t));
}

pub fn counts() -> [isize; NUM_GENERATIONS] {
    GC.with(|g| [0, 1, 2].map(|i| g.gens[i].count.get()))
}

pub fn stats() -> [GenStats; NUM_GENERATIONS] {
    GC.with(|g| [0, 1, 2].map(|i| g.stats[i].get()))
}

/// Tracked objects of one generation (or all, oldest last).
pub fn objects(generation: Option<usize>) -> Vec<PyRef> {
    let mut out = Vec::new();
    GC.with(|g| match generation {
        Some(i) => list_objects(head_of(&g.gens[i].head), &mut out),
        None => {
            for gen in &g.gens {
                list_objects(head_of(&gen.head), &mut out);
            }
        }
    });
    out
}

/// `gc.freeze()`: every tracked object moves to the permanent generation.
pub fn freeze() {
    GC.with(|g| {
        for gen in &g.gens {
            list_merge(head_of(&gen.head), head_of(&g.permanent));
            gen.count.set(0);
        }
    });
}

/// `gc.unfreeze()`: the permanent generation returns to the oldest one.
pub fn unfreeze() {
    GC.with(|g| list_merge(head_of(&g.permanent), head_of(&g.gens[2].head)));
}

pub fn freeze_count() -> usize {
    GC.with(|g| list_size(head_of(&g.permanent)))
}

/// Sizes of the three generations and the permanent one (DEBUG_STATS).
pub fn generation_sizes() -> ([usize; NUM_GENERATIONS], usize) {
    GC.with(|g| {
        (
            [0, 1, 2].map(|i| list_size(head_of(&g.gens[i].head))),
            list_size(head_of(&g.permanent)),
        )
    })
}

/// The generation an automatic collection should collect
/// (`gc_collect_generations`), clearing [`pending`].
pub fn generation_to_collect() -> Option<usize> {
    GC.with(|g| {
        g.pending.set(false);
        if !g.enabled.get() || g.collecting.get() {
            return None;
        }
        (0..NUM_GENERATIONS).rev().find(|&i| {
            let gen = &g.gens[i];
            gen.count.get() > gen.threshold.get()
                && !(i == NUM_GENERATIONS - 1
                    && g.long_lived_pending.get() < g.long_lived_total.get() / 4)
        })
    })
}

// ----- the collection ------------------------------------------------------------

/// A traversal reported more references to an object than it has: the
/// collection was abandoned (everything stays alive). Reported, never
/// expected; it would otherwise free live objects.
#[derive(Debug)]
pub struct CollectError;

/// What the VM supplies to a collection.
pub struct Hooks<'a> {
    /// `tp_clear`: drop the references an object holds.
    pub clear: &'a dyn Fn(&PyObject),
    /// Runs `__del__` (given a new reference).
    pub finalize: &'a dyn Fn(&PyRef),
    /// Whether the object's type defines `__del__`.
    pub has_finalizer: &'a dyn Fn(&PyObject) -> bool,
    /// Calls a weakref callback `cb(wr)`, reporting errors as unraisable.
    pub call_weakref_callback: &'a dyn Fn(&PyRef, &PyRef),
    /// DEBUG_SAVEALL: append to `gc.garbage`.
    pub save: &'a dyn Fn(&PyRef),
    /// Debug output (DEBUG_COLLECTABLE lines).
    pub debug_line: &'a dyn Fn(&PyObject, &str),
    /// Drops caches that hold strong references (the method cache), after
    /// finalizers ran: a finalizer's own lookups must not look like
    /// resurrection.
    pub drop_caches: &'a dyn Fn(),
}

fn set_flag(obj: &PyObject, f: u32, on: bool) {
    let v = obj.ob_flags.get();
    obj.ob_flags.set(if on { v | f } else { v & !f });
}

fn has_flag(obj: &PyObject, f: u32) -> bool {
    obj.ob_flags.get() & f != 0
}

fn update_refs(list: Node) {
    let mut p = node(list).next.get();
    while p != list {
        let o = obj_of(p);
        node(p).gc_refs.set(o.refcnt() as isize);
        set_flag(o, COLLECTING, true);
        p = node(p).next.get();
    }
}

fn subtract_refs(list: Node) -> Result<(), CollectError> {
    let mut p = node(list).next.get();
    let mut bad = false;
    while p != list {
        obj_of(p).traverse(&mut |child| {
            if has_flag(child, COLLECTING) {
                let h = node(gc_of(child));
                let r = h.gc_refs.get() - 1;
                h.gc_refs.set(r);
                if r < 0 {
                    bad = true;
                }
            }
        });
        p = node(p).next.get();
    }
    if bad {
        Err(CollectError)
    } else {
        Ok(())
    }
}

fn move_unreachable(young: Node, unreachable: Node) {
    let mut p = node(young).next.get();
    while p != young {
        let h = node(p);
        if h.gc_refs.get() > 0 {
            let o = obj_of(p);
            o.traverse(&mut |child| {
                if !has_flag(child, COLLECTING) {
                    return;
                }
                let c = node(gc_of(child));
                if has_flag(child, UNREACHABLE) {
                    // Moved too early: reachable after all.
                    list_move(gc_of(child), young);
                    set_flag(child, UNREACHABLE, false);
                    c.gc_refs.set(1);
                } else if c.gc_refs.get() == 0 {
                    c.gc_refs.set(1);
                }
            });
            set_flag(o, COLLECTING, false);
            p = h.next.get();
        } else {
            let next = h.next.get();
            list_move(p, unreachable);
            set_flag(obj_of(p), UNREACHABLE, true);
            p = next;
        }
    }
}

/// Passes 2–4: splits `base` into reachable (left in `base`, flags clear)
/// and `unreachable` (COLLECTING | UNREACHABLE).
fn deduce_unreachable(base: Node, unreachable: Node) -> Result<(), CollectError> {
    update_refs(base);
    if let Err(e) = subtract_refs(base) {
        clear_flags(base);
        return Err(e);
    }
    move_unreachable(base, unreachable);
    Ok(())
}

/// Clears the collector's flags on every object of `list`; returns how
/// many there are.
fn clear_flags(list: Node) -> usize {
    let mut n = 0;
    let mut p = node(list).next.get();
    while p != list {
        set_flag(obj_of(p), COLLECTING | UNREACHABLE, false);
        n += 1;
        p = node(p).next.get();
    }
    n
}

/// Untracks the tuples (and, when `dicts`, the dicts) of `list` that hold no
/// object that could be part of a cycle.
fn untrack_atomic(list: Node, dicts: bool) {
    use crate::object::Payload;
    let mut p = node(list).next.get();
    while p != list {
        let next = node(p).next.get();
        let o = obj_of(p);
        let atomic = match &o.payload {
            Payload::Tuple(items) => !items.iter().any(|i| may_be_tracked(i)),
            Payload::Dict(d) if dicts && !crate::object::is_heap_instance(o) => {
                match d.try_borrow() {
                    Ok(d) => !d
                        .iter()
                        .any(|e| may_be_tracked(&e.key) || may_be_tracked(&e.value)),
                    Err(_) => false,
                }
            }
            _ => false,
        };
        if atomic {
            untrack(o);
        }
        p = next;
    }
}

/// Validates a list's links and flags (debug builds): every node's
/// neighbours point back to it and `expect` describes the flags.
fn validate_list(list: Node, collecting: bool, unreachable: bool) {
    if !cfg!(debug_assertions) {
        return;
    }
    let mut prev = list;
    let mut p = node(list).next.get();
    while p != list {
        let h = node(p);
        assert_eq!(h.prev.get(), prev, "gc list link broken");
        let o = obj_of(p);
        assert_eq!(has_flag(o, COLLECTING), collecting, "gc COLLECTING flag");
        assert_eq!(has_flag(o, UNREACHABLE), unreachable, "gc UNREACHABLE flag");
        prev = p;
        p = h.next.get();
    }
    assert_eq!(node(list).prev.get(), prev, "gc list tail broken");
}

/// Whether some object of `unreachable` is a weak reference, is weakly
/// referenced or has a finalizer still to run (a read-only walk: the
/// common garbage, plain cycles, then skips passes 7-9's list surgery).
fn needs_passes_7_to_9(unreachable: Node, hooks: &Hooks) -> bool {
    let mut p = node(unreachable).next.get();
    while p != unreachable {
        let o = obj_of(p);
        if super::weakref::is_weakref(o)
            || has_flag(o, super::HAS_WEAKREFS)
            || (!has_flag(o, FINALIZED) && (hooks.has_finalizer)(o))
        {
            return true;
        }
        p = node(p).next.get();
    }
    false
}

/// Pass 7. Returns the number of weakref objects freed by their callbacks
/// and whether any callback ran.
fn handle_weakrefs(unreachable: Node, old: Node, hooks: &Hooks) -> (usize, bool) {
    let mut to_call: Vec<(PyRef, PyRef)> = Vec::new();
    let wrcb = new_head();
    let wrcb_list = head_addr(&wrcb);
    let mut p = node(unreachable).next.get();
    while p != unreachable {
        let next = node(p).next.get();
        let o = obj_of(p);
        if super::weakref::is_weakref(o) {
            // A weakref that is itself trash never calls back (bpo-38006).
            super::weakref::clear_ref(o);
        }
        for wr in super::weakref::clear_all(o) {
            let Some(cb) = super::weakref::callback_of(&wr) else {
                continue;
            };
            if has_flag(&wr, COLLECTING) {
                continue; // the weakref is trash too: no callback
            }
            if is_tracked(&wr) {
                list_move(gc_of(&wr), wrcb_list);
            }
            to_call.push((wr, cb));
        }
        p = next;
    }
    let mut freed = 0;
    let ran = !to_call.is_empty();
    for (wr, cb) in to_call {
        (hooks.call_weakref_callback)(&cb, &wr);
        drop(cb);
        if wr.refcnt() == 1 {
            freed += 1;
        } else if is_tracked(&wr) {
            list_move(gc_of(&wr), old);
        }
        drop(wr);
    }
    list_merge(wrcb_list, old);
    (freed, ran)
}

/// Pass 8: `__del__` on every object of `collectable` not finalized yet.
/// Returns whether any finalizer ran.
fn finalize_garbage(collectable: Node, hooks: &Hooks) -> bool {
    let mut ran = false;
    let seen = new_head();
    let seen_list = head_addr(&seen);
    while !list_is_empty(collectable) {
        let p = node(collectable).next.get();
        list_move(p, seen_list);
        let o = obj_of(p);
        if !has_flag(o, FINALIZED) && (hooks.has_finalizer)(o) {
            set_flag(o, FINALIZED, true);
            let tmp = o.to_ref();
            (hooks.finalize)(&tmp);
            drop(tmp);
            ran = true;
        }
    }
    list_merge(seen_list, collectable);
    ran
}

/// Pass 10: breaks the cycles of `collectable`; survivors go to `old`.
fn delete_garbage(collectable: Node, old: Node, hooks: &Hooks, saveall: bool) {
    while !list_is_empty(collectable) {
        let p = node(collectable).next.get();
        let o = obj_of(p);
        let tmp = o.to_ref();
        if saveall {
            (hooks.save)(&tmp);
        } else {
            (hooks.clear)(o);
        }
        if node(collectable).next.get() == p {
            list_move(p, old);
            set_flag(o, COLLECTING | UNREACHABLE, false);
        }
        drop(tmp);
    }
}

/// Adds one collection of `generation` that found `collected` objects to
/// `gc.get_stats()`.
fn count_collection(g: &GcState, generation: usize, collected: usize) {
    let s = &g.stats[generation];
    let mut st = s.get();
    st.collections += 1;
    st.collected += collected;
    s.set(st);
}

/// Collects generation `generation` (`gc_collect_main`); returns the
/// number of unreachable objects found and the uncollectable count.
pub fn collect_main(generation: usize, hooks: &Hooks) -> Result<(usize, usize), CollectError> {
    GC.with(|g| {
        let generation = generation.min(NUM_GENERATIONS - 1);
        if generation + 1 < NUM_GENERATIONS {
            let c = &g.gens[generation + 1].count;
            c.set(c.get() + 1);
        }
        for i in 0..=generation {
            g.gens[i].count.set(0);
        }
        let young = head_of(&g.gens[generation].head);
        for i in 0..generation {
            list_merge(head_of(&g.gens[i].head), young);
        }
        let old = if generation < NUM_GENERATIONS - 1 {
            head_of(&g.gens[generation + 1].head)
        } else {
            young
        };
        validate_list(young, false, false);

        let unreachable_head = new_head();
        let unreachable = head_addr(&unreachable_head);
        deduce_unreachable(young, unreachable)?;
        untrack_atomic(young, false);
        if young != old {
            if generation == NUM_GENERATIONS - 2 {
                let n = list_size(young) as isize;
                g.long_lived_pending.set(g.long_lived_pending.get() + n);
            }
            list_merge(young, old);
        } else {
            untrack_atomic(young, true);
            g.long_lived_pending.set(0);
            g.long_lived_total.set(list_size(young) as isize);
        }
        validate_list(old, false, false);
        validate_list(unreachable, true, true);
        let saveall = g.debug.get() & DEBUG_SAVEALL != 0;
        if g.debug.get() & DEBUG_COLLECTABLE == 0 && !needs_passes_7_to_9(unreachable, hooks) {
            // No weak reference and no finalizer in the garbage: passes
            // 7-9 would do nothing; one walk clears the flags and counts.
            let collected = clear_flags(unreachable);
            delete_garbage(unreachable, old, hooks, saveall);
            validate_list(old, false, false);
            count_collection(g, generation, collected);
            return Ok((collected, 0));
        }
        // Legacy (tp_del) finalizers do not exist here: nothing is
        // uncollectable; the UNREACHABLE marks are no longer needed.
        let mut p = node(unreachable).next.get();
        while p != unreachable {
            set_flag(obj_of(p), UNREACHABLE, false);
            p = node(p).next.get();
        }
        if g.debug.get() & DEBUG_COLLECTABLE != 0 {
            let mut p = node(unreachable).next.get();
            while p != unreachable {
                (hooks.debug_line)(obj_of(p), "collectable");
                p = node(p).next.get();
            }
        }
        let (mut collected, callbacks_ran) = handle_weakrefs(unreachable, old, hooks);
        let finalizers_ran = finalize_garbage(unreachable, hooks);
        if finalizers_ran {
            (hooks.drop_caches)();
        }
        if !callbacks_ran && !finalizers_ran {
            // No Python code ran since the unreachable set was computed, so
            // nothing can have been resurrected: skip pass 9's recount.
            collected += clear_flags(unreachable);
            delete_garbage(unreachable, old, hooks, saveall);
            validate_list(old, false, false);
            count_collection(g, generation, collected);
            return Ok((collected, 0));
        }

        // Resurrection: what a finalizer made reachable survives.
        clear_flags(unreachable);
        let still_head = new_head();
        let still = head_addr(&still_head);
        if deduce_unreachable(unreachable, still).is_err() {
            list_merge(unreachable, old);
            return Err(CollectError);
        }
        clear_flags(still);
        list_merge(unreachable, old);
        collected += list_size(still);
        delete_garbage(still, old, hooks, g.debug.get() & DEBUG_SAVEALL != 0);
        validate_list(old, false, false);
        count_collection(g, generation, collected);
        Ok((collected, 0))
    })
}

/// Objects in any list that refer to one of `targets` (`gc.get_referrers`).
pub fn referrers(targets: &[PyRef]) -> Vec<PyRef> {
    let mut out = Vec::new();
    GC.with(|g| {
        let lists = g.gens.iter().map(|gen| head_of(&gen.head));
        for list in lists.chain(std::iter::once(head_of(&g.permanent))) {
            let mut p = node(list).next.get();
            while p != list {
                let o = obj_of(p);
                let mut hit = false;
                o.traverse(&mut |c| hit |= targets.iter().any(|t| t.is(c)));
                if hit {
                    out.push(o.to_ref());
                }
                p = node(p).next.get();
            }
        }
    });
    out
}
