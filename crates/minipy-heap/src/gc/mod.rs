//! The generational cycle collector: CPython 3.11's `Modules/gcmodule.c`
//! algorithm and policy over the `GcHead`s that precede container objects.
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
//! collector's temporary lists; primitives in `gc/list.rs`); `next == 0` in
//! its `GcHead` means *untracked*. Lists are threaded through the
//! `GcHead`s, so moving an object between lists, or unlinking it when it
//! dies while a collection is running, is O(1) whichever list it is in.
//!
//! This file holds the state and the *policy*: when a collection is due
//! ([`pending`], thresholds 700/10/10, the long-lived heuristic of
//! [`generation_to_collect`]), what runs around one ([`collect`]: the
//! program's [`Hooks`] for `gc.callbacks`, caches, `gc.garbage` and debug
//! output; `DEBUG_STATS` lines; freelists cleared after a full collection),
//! counts and statistics, `freeze`. The passes of one collection, and their
//! pre- and postconditions, are in `gc/passes.rs` ([`collect_main`]).
//!
//! The collector only runs at *safe points* (the program calls
//! [`collect_generations`] when [`pending`] says so, at the points where no
//! native code holds a borrow of a container, and [`collect`] for
//! `gc.collect()`), never inside an allocation: native code may hold
//! `RefCell` borrows of containers across allocations, and a collection
//! there could not traverse or clear them. An allocation that pushes
//! generation 0 over its threshold only sets [`pending`]. Traversals use
//! `try_borrow` so a container borrowed by native code is treated as
//! holding no references: its referents then look externally referenced,
//! which is always safe (they are kept).
//!
//! The payload's answers cannot break the lists (see `trace.rs`): walks
//! that call it hold a [`Walk`] (no object is freed, and no node linked
//! anywhere, meanwhile) and stop when the object they stand on was
//! unlinked (`list::step`); a pass that stops early abandons the
//! collection ([`CollectError`]), and its temporary lists give their
//! objects back to the oldest generation.
//!
//! Invariants the `unsafe` code relies on (in `gc/list.rs`, where nodes
//! are dereferenced):
//!
//! * G1. A list node address is either a list head owned by this module (a
//!   `Box<GcHead>` that outlives every use, or a thread-local one) or the
//!   `GcHead` of a live object with `HAS_GC_HEAD`, at `object address -
//!   size_of::<GcHead>()`.
//! * G2. An object is unlinked (untracked) before its memory is freed or
//!   handed to the trashcan (`destroy`), so lists never hold freed nodes.
//! * G3. The heap is single-threaded, and the lists hold objects of one
//!   payload type per thread: the first container allocated fixes it
//!   (`owner`), a container of another type panics at allocation, and a
//!   walk for another type finds nothing.

pub(crate) mod list;
pub(crate) mod passes;

use std::any::TypeId;
use std::cell::Cell;

use list::{for_each, gc_of, head_of, node, Node};
use passes::collect_main;
pub use passes::CollectError;

use crate::{Object, Ref, Trace, COLLECTING, HAS_GC_HEAD, UNREACHABLE};

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
    head: crate::GcHead,
    threshold: Cell<isize>,
    count: Cell<isize>,
}

struct GcState {
    gens: [Generation; NUM_GENERATIONS],
    permanent: crate::GcHead,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    pending: Cell<bool>,
    debug: Cell<u32>,
    long_lived_total: Cell<isize>,
    long_lived_pending: Cell<isize>,
    stats: [Cell<GenStats>; NUM_GENERATIONS],
    /// The payload type of the objects in the lists (G3).
    owner: Cell<Option<TypeId>>,
    /// Walks under way ([`Walk`]).
    walking: Cell<u32>,
}

const fn generation(threshold: isize) -> Generation {
    Generation {
        head: list::empty_head(),
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
            permanent: list::empty_head(),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            pending: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [Cell::new(ZERO_STATS), Cell::new(ZERO_STATS), Cell::new(ZERO_STATS)],
            owner: Cell::new(None),
            walking: Cell::new(0),
        }
    };
}

/// While one lives, the collector walks a list and calls the payload (or
/// the program's hooks): no object is freed (deaths are deferred, see
/// `NoFree`), and list nodes may be unlinked but not linked elsewhere:
/// [`track`], [`freeze`], [`unfreeze`] and collections do nothing
/// meanwhile (only a misbehaving payload asks for them then). So the node
/// a walk stands on stays valid memory and can only leave its list by
/// being unlinked.
pub(crate) struct Walk {
    _no_free: crate::NoFree,
}

impl Walk {
    pub(crate) fn new() -> Walk {
        let _ = GC.try_with(|g| g.walking.set(g.walking.get() + 1));
        Walk {
            _no_free: crate::NoFree::new(),
        }
    }
}

impl Drop for Walk {
    fn drop(&mut self) {
        let _ = GC.try_with(|g| g.walking.set(g.walking.get().saturating_sub(1)));
    }
}

/// Whether a [`Walk`] is under way (list relinking must wait).
fn walking() -> bool {
    GC.try_with(|g| g.walking.get() != 0).unwrap_or(false)
}

/// Whether the lists hold objects of payload type `P` (or none yet): a
/// walk for another type must not read them (G3).
#[inline]
fn owns<P: Trace>(g: &GcState) -> bool {
    g.owner.get().is_none_or(|t| t == TypeId::of::<P>())
}

// ----- tracking ---------------------------------------------------------------

#[inline]
pub fn is_tracked<P: Trace>(obj: &Object<P>) -> bool {
    obj.has_flag(HAS_GC_HEAD) && node(gc_of(obj)).next.get() != 0
}

/// Links a container into generation 0 (`_PyObject_GC_TRACK`); no-op when
/// already tracked or not a container.
pub fn track<P: Trace>(obj: &Object<P>) {
    if !obj.has_flag(HAS_GC_HEAD) || is_tracked(obj) || walking() {
        return;
    }
    let _ = GC.try_with(|g| list::append(gc_of(obj), head_of(&g.gens[0].head)));
}

/// Unlinks a container from whatever list holds it (`_PyObject_GC_UNTRACK`).
pub fn untrack<P: Trace>(obj: &Object<P>) {
    if is_tracked(obj) {
        list::remove(gc_of(obj));
        obj.set_heap_flag(COLLECTING | UNREACHABLE, false);
    }
}

/// Counts a container allocation (`_PyObject_GC_Link`), setting
/// [`pending`] when generation 0 passes its threshold, and links the new
/// object into generation 0 when `track` (one thread-local access for
/// both). Panics if the lists hold objects of another payload type (G3).
#[inline]
pub(crate) fn on_alloc<P: Trace>(obj: &Object<P>, track: bool) {
    let _ = GC.try_with(|g| {
        if g.owner.get() != Some(TypeId::of::<P>()) {
            set_owner::<P>(g);
        }
        // (`tracked_at_creation` may have tracked it already.)
        if track && !is_tracked(obj) {
            list::append(gc_of(obj), head_of(&g.gens[0].head));
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

/// The first container of the thread: its payload type owns the lists.
#[cold]
fn set_owner<P: Trace>(g: &GcState) {
    assert!(
        g.owner.get().is_none(),
        "minipy_heap: containers of two payload types on one thread"
    );
    g.owner.set(Some(TypeId::of::<P>()));
}

/// Takes back the count of an allocation that CPython would not have made
/// (an instance's inline namespace: 3.11 keeps those values inside the
/// instance), so collections happen as often as in CPython.
#[inline]
pub fn uncount_alloc() {
    on_dealloc();
}

/// Counts a container deallocation (`PyObject_GC_Del`).
#[inline]
pub(crate) fn on_dealloc() {
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
pub fn may_be_tracked<P: Trace>(obj: &Object<P>) -> bool {
    if !obj.has_flag(HAS_GC_HEAD) {
        return false;
    }
    if obj.has_flag(crate::HAS_ITEMS) {
        is_tracked(obj)
    } else {
        true
    }
}

// ----- state accessors (the `gc` module) ---------------------------------------

pub fn enabled() -> bool {
    GC.with(|g| g.enabled.get())
}

pub fn set_enabled(on: bool) {
    GC.with(|g| g.enabled.set(on));
}

/// Whether a collection is running (a nested `gc.collect()` returns 0).
pub fn collecting() -> bool {
    GC.with(|g| g.collecting.get())
}

fn set_collecting(on: bool) {
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

/// Sets generation `i`'s threshold (`i < NUM_GENERATIONS`; others are
/// ignored).
pub fn set_threshold(i: usize, t: isize) {
    debug_assert!(i < NUM_GENERATIONS, "generation {i} out of range");
    GC.with(|g| {
        if let Some(gen) = g.gens.get(i) {
            gen.threshold.set(t);
        }
    });
}

pub fn counts() -> [isize; NUM_GENERATIONS] {
    GC.with(|g| [0, 1, 2].map(|i| g.gens[i].count.get()))
}

pub fn stats() -> [GenStats; NUM_GENERATIONS] {
    GC.with(|g| [0, 1, 2].map(|i| g.stats[i].get()))
}

/// Tracked objects of one generation (or all, oldest last), as new
/// references (`gc.get_objects()`).
pub fn objects<P: Trace>(generation: Option<usize>) -> Vec<Ref<P>> {
    let mut out = Vec::new();
    GC.with(|g| {
        if !owns::<P>(g) {
            return;
        }
        for (i, gen) in g.gens.iter().enumerate() {
            if generation.is_none_or(|want| want == i) {
                for_each::<P>(head_of(&gen.head), |o| out.push(o.to_ref()));
            }
        }
    });
    out
}

/// `gc.freeze()`: every tracked object moves to the permanent generation.
pub fn freeze() {
    if walking() {
        return;
    }
    GC.with(|g| {
        for gen in &g.gens {
            list::merge(head_of(&gen.head), head_of(&g.permanent));
            gen.count.set(0);
        }
    });
}

/// `gc.unfreeze()`: the permanent generation returns to the oldest one.
pub fn unfreeze() {
    if walking() {
        return;
    }
    GC.with(|g| list::merge(head_of(&g.permanent), head_of(&g.gens[2].head)));
}

pub fn freeze_count() -> usize {
    GC.with(|g| list::size(head_of(&g.permanent)))
}

/// Sizes of the three generations and the permanent one (DEBUG_STATS).
pub fn generation_sizes() -> ([usize; NUM_GENERATIONS], usize) {
    GC.with(|g| {
        (
            [0, 1, 2].map(|i| list::size(head_of(&g.gens[i].head))),
            list::size(head_of(&g.permanent)),
        )
    })
}

/// The generation an automatic collection should collect
/// (`gc_collect_generations`), clearing [`pending`]: the oldest whose
/// count passed its threshold, except that the oldest generation also
/// waits until the objects that survived a generation-1 collection since
/// the last full one (`long_lived_pending`) are a quarter of those that
/// survived that full one (`long_lived_total`), CPython's guard against
/// quadratic full collections.
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

/// Objects in any list that refer to one of `targets` (`gc.get_referrers`).
pub fn referrers<P: Trace>(targets: &[Ref<P>]) -> Vec<Ref<P>> {
    let mut out = Vec::new();
    GC.with(|g| {
        if !owns::<P>(g) {
            return;
        }
        let lists = g.gens.iter().map(|gen| head_of(&gen.head));
        for list in lists.chain(std::iter::once(head_of(&g.permanent))) {
            for_each::<P>(list, |o| {
                let mut hit = false;
                o.traverse(&mut |c| hit |= targets.iter().any(|t| t.is(c)));
                if hit {
                    out.push(o.to_ref());
                }
            });
        }
    });
    out
}

// ----- policy: a collection with the program's hooks ------------------------------

/// What the program adds around and inside a collection (every method has
/// a do-nothing default). `minipy-vm` implements it for its `Vm`: the
/// `gc.callbacks` phases, `gc.garbage`, the method cache, stderr.
pub trait Hooks<P: Trace> {
    /// A collection of `generation` starts (`gc.callbacks`' "start" phase);
    /// [`collecting`] is already set, so a nested `gc.collect()` returns 0.
    fn start(&self, _generation: usize) {}
    /// It ended (the "stop" phase, with its result).
    fn stop(&self, _generation: usize, _collected: usize, _uncollectable: usize) {}
    /// Drops caches that hold strong references (the method cache): before
    /// a full collection, so the collector sees the true counts of cached
    /// objects, and after finalizers ran, so that a finalizer's own
    /// lookups do not look like resurrection.
    fn drop_caches(&self) {}
    /// DEBUG_SAVEALL: keeps an unreachable object (`gc.garbage`) instead of
    /// clearing it.
    fn save(&self, _obj: &Ref<P>) {}
    /// Writes the collector's debug output (DEBUG_* lines, with their
    /// newline) to the program's stderr.
    fn write_stderr(&self, _text: &str) {}
}

/// `gc.collect(generation)` (and the collections at exit): runs one
/// collection unless one is running already; returns the number of
/// unreachable objects found.
pub fn collect<P: Trace>(generation: usize, hooks: &dyn Hooks<P>) -> usize {
    if collecting() || walking() || !GC.with(owns::<P>) {
        return 0;
    }
    set_collecting(true);
    let n = collect_with_callback(generation.min(NUM_GENERATIONS - 1), hooks);
    set_collecting(false);
    n
}

/// The automatic collection, for a safe point where [`pending`] is true
/// (`gc_collect_generations`): collects the generation the thresholds
/// choose, if any.
#[cold]
pub fn collect_generations<P: Trace>(hooks: &dyn Hooks<P>) {
    if walking() || !GC.with(owns::<P>) {
        return;
    }
    if let Some(generation) = generation_to_collect() {
        set_collecting(true);
        collect_with_callback(generation, hooks);
        set_collecting(false);
    }
}

/// One collection of `generation` with the hooks' phases
/// (`gc_collect_with_callback`); the caller has set `collecting`.
fn collect_with_callback<P: Trace>(generation: usize, hooks: &dyn Hooks<P>) -> usize {
    hooks.start(generation);
    let full = generation == NUM_GENERATIONS - 1;
    if full {
        // Younger collections leave the caches: at worst a cached class
        // survives until the next full one.
        hooks.drop_caches();
    }
    let debug = debug();
    let t0 = std::time::Instant::now();
    if debug & DEBUG_STATS != 0 {
        let (sizes, perm) = generation_sizes();
        hooks.write_stderr(&format!(
            "gc: collecting generation {}...\ngc: objects in each generation: {} {} {}\ngc: objects in permanent generation: {}\n",
            generation, sizes[0], sizes[1], sizes[2], perm
        ));
    }
    let (collected, uncollectable) = match collect_main(generation, hooks) {
        Ok(r) => r,
        Err(CollectError) => {
            hooks.write_stderr(
                "minipy: gc: a traversal over-reported references; collection abandoned\n",
            );
            (0, 0)
        }
    };
    if full {
        // CPython's clear_freelists: kept blocks go back to the allocator
        // (so that arenas can be released).
        crate::freelist::clear();
    }
    if debug & DEBUG_STATS != 0 {
        hooks.write_stderr(&format!(
            "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
            collected,
            uncollectable,
            t0.elapsed().as_secs_f64()
        ));
    }
    hooks.stop(generation, collected, uncollectable);
    collected
}

/// Adds one collection of `generation` that found `collected` objects to
/// `gc.get_stats()`.
fn count_collection(generation: usize, collected: usize) {
    GC.with(|g| {
        let s = &g.stats[generation];
        let mut st = s.get();
        st.collections += 1;
        st.collected += collected;
        s.set(st);
    });
}

/// The list heads a collection of `generation` works on, after the
/// bookkeeping `gc_collect_main` does first: counts reset (and the next
/// generation's incremented), younger generations merged into it.
/// Returns (young, old): old is the next generation, or young itself for
/// the oldest.
fn begin_collection(generation: usize) -> (Node, Node) {
    GC.with(|g| {
        if generation + 1 < NUM_GENERATIONS {
            let c = &g.gens[generation + 1].count;
            c.set(c.get() + 1);
        }
        for i in 0..=generation {
            g.gens[i].count.set(0);
        }
        let young = head_of(&g.gens[generation].head);
        for i in 0..generation {
            list::merge(head_of(&g.gens[i].head), young);
        }
        let old = if generation < NUM_GENERATIONS - 1 {
            head_of(&g.gens[generation + 1].head)
        } else {
            young
        };
        (young, old)
    })
}

/// The oldest generation's head (where a temporary list's leftovers go).
fn oldest_head() -> Node {
    GC.with(|g| head_of(&g.gens[NUM_GENERATIONS - 1].head))
}

/// The long-lived heuristic's bookkeeping once young's survivors are known
/// (`survivors` objects): a generation-1 collection adds them to
/// `long_lived_pending`; a full one resets both counts.
fn count_survivors(generation: usize, survivors: usize) {
    GC.with(|g| {
        if generation == NUM_GENERATIONS - 2 {
            g.long_lived_pending
                .set(g.long_lived_pending.get() + survivors as isize);
        } else if generation == NUM_GENERATIONS - 1 {
            g.long_lived_pending.set(0);
            g.long_lived_total.set(survivors as isize);
        }
    });
}
