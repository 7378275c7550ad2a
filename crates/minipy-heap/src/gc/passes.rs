//! The passes of one collection (`gc_collect_main`), in CPython 3.11's
//! order. The state each pass leaves is what the next one relies on:
//!
//! 1. **merge**: generations younger than `g` are spliced onto `g` (*young*).
//! 2. **update_refs**: `gc_refs = ob_refcnt` and the COLLECTING flag for
//!    every object in young. Post: every object in young is COLLECTING.
//! 3. **subtract_refs**: each young object's referents (`Trace::traverse`)
//!    that are COLLECTING get `gc_refs -= 1`. Post: `gc_refs` counts
//!    references from *outside* young; it is never negative (a negative
//!    count means a traversal reported a reference it does not own: the
//!    pass is abandoned and nothing is freed — see [`CollectError`]).
//! 4. **move_unreachable**: objects with `gc_refs > 0` are roots; everything
//!    transitively referenced from a root stays, the rest moves to
//!    *unreachable* (COLLECTING | UNREACHABLE). Post: young holds exactly the
//!    reachable objects, none COLLECTING.
//! 5. **untrack_tuples** (and **untrack_dicts**, `Trace::may_untrack`, for
//!    full collections): containers holding only untracked atoms leave the
//!    lists, as in CPython.
//! 6. young is spliced onto the next generation.
//! 7. **handle_weakrefs**: every weak reference to an unreachable object is
//!    cleared; the callbacks of weakrefs that are themselves reachable run
//!    (their number of weakrefs freed counts as collected).
//! 8. **finalize_garbage**: `Trace::finalize` runs once per object (PEP 442,
//!    the FINALIZED flag); objects may die or be resurrected meanwhile.
//! 9. **handle_resurrected_objects**: passes 2–4 again over unreachable; what
//!    a finalizer made reachable returns to the old generation. Skipped
//!    when passes 7 and 8 ran no program code (no callback, no finalizer):
//!    only such code can resurrect, so the set is unchanged (CPython
//!    always recounts; the result is the same, without a second traversal
//!    of all the garbage). When no object of the garbage is a weakref, is
//!    weakly referenced or has a finalizer to run, passes 7-9 are skipped
//!    altogether after one read-only walk that finds so.
//! 10. **delete_garbage**: `Trace::clear` (`tp_clear`) on each
//!     still-unreachable object breaks the cycles; refcounting frees them.
//!
//! Worked example: `a = []; a.append(a); del a` leaves a list whose count
//! is 1, held by itself. Pass 2 sets `gc_refs = 1`; pass 3 visits the
//! list's one item, the list itself, and `gc_refs` becomes 0; pass 4 finds
//! no root and moves it to unreachable; pass 10 clears it: its item, the
//! last reference, is dropped and the list is freed. The collection
//! returns 1.
//!
//! A debug build validates the lists' links and flags after each pass
//! ([`validate_list`]).
//!
//! Every walk that calls the payload (`traverse`, `has_finalizer`,
//! `may_untrack`) holds a [`Walk`] and reads its node's `next` after the
//! call, stopping if it is 0 (the object was unlinked meanwhile); the passes that run program code (7, 8, 10)
//! re-read their list's first node after each call. No `unsafe` here:
//! nodes are reached through `gc/list.rs`.

use super::list::{self, first, gc_of, next, node, obj_of, Node, TempList};
use super::{
    begin_collection, count_collection, count_survivors, debug, is_tracked, may_be_tracked,
    oldest_head, untrack, Hooks, Walk, DEBUG_COLLECTABLE, DEBUG_SAVEALL, NUM_GENERATIONS,
};
use crate::weakref::{callback_of, clear_all, clear_ref, is_attached};
use crate::{
    Object, Ref, Trace, Visitor, COLLECTING, FINALIZED, HAS_ITEMS, HAS_WEAKREFS, TYPE_GC_INSTANCES,
    UNREACHABLE,
};

/// A traversal reported more references to an object than it has (or a
/// pass found its list changed under it by the payload): the collection
/// was abandoned (everything stays alive). Reported, never expected; it
/// would otherwise free live objects.
#[derive(Debug)]
pub struct CollectError;

/// Pass 2 (no call-outs: a plain walk).
fn update_refs<P: Trace>(list: Node) {
    let mut p = first(list);
    while p != list {
        let o = obj_of::<P>(p);
        node(p).gc_refs.set(o.refcnt() as isize);
        o.set_heap_flag(COLLECTING, true);
        p = next(p);
    }
}

/// Pass 3.
fn subtract_refs<P: Trace>(list: Node) -> Result<(), CollectError> {
    let _walk = Walk::new();
    let mut p = first(list);
    let mut visitor = Visitor::subtract_refs();
    while p != list {
        P::traverse(obj_of::<P>(p), &mut visitor);
        p = next(p);
        if p == 0 {
            return Err(CollectError); // unlinked by its traversal
        }
    }
    if visitor.went_negative() {
        Err(CollectError)
    } else {
        Ok(())
    }
}

/// Pass 3's visit of one referent: a young object loses one reference
/// that comes from inside the generation. True when its count went
/// negative (a traverse reported a reference the object does not own).
#[inline(always)]
pub(crate) fn visit_decref<P: Trace>(child: &Ref<P>) -> bool {
    if child.has_flag(COLLECTING) {
        let h = node(gc_of(child));
        let r = h.gc_refs.get() - 1;
        h.gc_refs.set(r);
        r < 0
    } else {
        false
    }
}

/// Pass 4's visit of one referent of a reachable object: it is reachable
/// too (moved back from the unreachable list when pass 4 passed it
/// already).
#[inline(always)]
pub(crate) fn visit_reachable<P: Trace>(child: &Ref<P>, young: Node) {
    if !child.has_flag(COLLECTING) {
        return;
    }
    let c = node(gc_of(child));
    if child.has_flag(UNREACHABLE) {
        // Moved too early: reachable after all.
        list::move_to(gc_of(child), young);
        child.set_heap_flag(UNREACHABLE, false);
        c.gc_refs.set(1);
    } else if c.gc_refs.get() == 0 {
        c.gc_refs.set(1);
    }
}

/// Pass 4.
fn move_unreachable<P: Trace>(young: Node, unreachable: Node) -> Result<(), CollectError> {
    let _walk = Walk::new();
    let mut p = first(young);
    let mut visitor = Visitor::move_reachable(young);
    while p != young {
        let h = node(p);
        let o = obj_of::<P>(p);
        let nx = if h.gc_refs.get() > 0 {
            P::traverse(o, &mut visitor);
            o.set_heap_flag(COLLECTING, false);
            next(p)
        } else {
            let nx = next(p);
            list::move_to(p, unreachable);
            o.set_heap_flag(UNREACHABLE, true);
            nx
        };
        if nx == 0 {
            return Err(CollectError); // unlinked by its traversal
        }
        p = nx;
    }
    Ok(())
}

/// Passes 2–4: splits `base` into reachable (left in `base`, flags clear)
/// and `unreachable` (COLLECTING | UNREACHABLE). On an error everything is
/// back in `base`, flags clear.
fn deduce_unreachable<P: Trace>(base: Node, unreachable: Node) -> Result<(), CollectError> {
    update_refs::<P>(base);
    let r = subtract_refs::<P>(base).and_then(|()| move_unreachable::<P>(base, unreachable));
    if r.is_err() {
        list::merge(unreachable, base);
        clear_flags::<P>(base);
    }
    r
}

/// Clears the collector's flags on every object of `list`; returns how
/// many there are.
fn clear_flags<P: Trace>(list: Node) -> usize {
    let mut n = 0;
    list::for_each::<P>(list, |o| {
        o.set_heap_flag(COLLECTING | UNREACHABLE, false);
        n += 1;
    });
    n
}

/// Pass 5: untracks the tuples (and, when `dicts`, what
/// `Trace::may_untrack` allows) of `list` that hold no object that could
/// be part of a cycle.
fn untrack_atomic<P: Trace>(list: Node, dicts: bool) {
    let _walk = Walk::new();
    let mut p = first(list);
    while p != list {
        let o = obj_of::<P>(p);
        // Only exact built-in containers (`PyTuple_CheckExact`): an instance
        // of a class refers to its class, which no item scan sees.
        let atomic = if o.class().has_flag(TYPE_GC_INSTANCES) {
            false
        } else if o.has_flag(HAS_ITEMS) {
            !o.items().iter().any(|i| may_be_tracked(i))
        } else {
            dicts && P::may_untrack(o)
        };
        let nx = next(p);
        if atomic {
            untrack(o);
        }
        if nx == 0 {
            break;
        }
        p = nx;
    }
}

/// Validates a list's links and flags (debug builds): every node's
/// neighbours point back to it and the flags are as expected.
fn validate_list<P: Trace>(list: Node, collecting: bool, unreachable: bool) {
    if !cfg!(debug_assertions) {
        return;
    }
    let mut prev = list;
    let mut p = first(list);
    while p != list {
        let h = node(p);
        debug_assert_eq!(h.prev.get(), prev, "gc list link broken");
        let o = obj_of::<P>(p);
        debug_assert_eq!(o.has_flag(COLLECTING), collecting, "gc COLLECTING flag");
        debug_assert_eq!(o.has_flag(UNREACHABLE), unreachable, "gc UNREACHABLE flag");
        prev = p;
        p = h.next.get();
    }
    debug_assert_eq!(node(list).prev.get(), prev, "gc list tail broken");
}

/// Whether some object of `unreachable` is a weak reference, is weakly
/// referenced or has a finalizer still to run (a read-only walk: the
/// common garbage, plain cycles, then skips passes 7-9's list surgery).
fn needs_passes_7_to_9<P: Trace>(unreachable: Node) -> bool {
    let _walk = Walk::new();
    let mut p = first(unreachable);
    while p != unreachable {
        let o = obj_of::<P>(p);
        if is_attached(o)
            || o.has_flag(HAS_WEAKREFS)
            || (!o.has_flag(FINALIZED) && P::has_finalizer(o))
        {
            return true;
        }
        p = next(p);
        if p == 0 {
            return true;
        }
    }
    false
}

/// Pass 7. Returns the number of weakref objects freed by their callbacks
/// and whether any callback ran.
fn handle_weakrefs<P: Trace>(unreachable: Node, old: Node) -> (usize, bool) {
    let mut to_call: Vec<(Ref<P>, Ref<P>)> = Vec::new();
    let wrcb = TempList::<P>::new(oldest_head());
    let wrcb_list = wrcb.node();
    {
        let _walk = Walk::new();
        let mut p = first(unreachable);
        while p != unreachable {
            let o = obj_of::<P>(p);
            if is_attached(o) {
                // A weakref that is itself trash never calls back (bpo-38006).
                clear_ref(o);
            }
            for wr in clear_all(o) {
                let Some(cb) = callback_of(&wr) else {
                    continue;
                };
                if wr.has_flag(COLLECTING) {
                    continue; // the weakref is trash too: no callback
                }
                if is_tracked(&wr) {
                    list::move_to(gc_of(&wr), wrcb_list);
                }
                to_call.push((wr, cb));
            }
            p = next(p);
            if p == 0 {
                break;
            }
        }
    }
    let mut freed = 0;
    let ran = !to_call.is_empty();
    for (wr, cb) in to_call {
        P::call_weakref_callback(&cb, &wr);
        drop(cb);
        if wr.refcnt() == 1 {
            freed += 1;
        } else if is_tracked(&wr) {
            list::move_to(gc_of(&wr), old);
        }
        drop(wr);
    }
    list::merge(wrcb_list, old);
    (freed, ran)
}

/// Pass 8: the finalizer of every object of `collectable` not finalized
/// yet. Returns whether any finalizer ran.
fn finalize_garbage<P: Trace>(collectable: Node) -> bool {
    let mut ran = false;
    let seen = TempList::<P>::new(oldest_head());
    let seen_list = seen.node();
    while !list::is_empty(collectable) {
        let p = first(collectable);
        list::move_to(p, seen_list);
        let o = obj_of::<P>(p);
        let tmp = o.to_ref();
        if !o.has_flag(FINALIZED) && P::has_finalizer(o) {
            o.set_heap_flag(FINALIZED, true);
            P::finalize(&tmp);
            ran = true;
        }
        drop(tmp);
    }
    list::merge(seen_list, collectable);
    ran
}

/// Pass 10: breaks the cycles of `collectable`; survivors go to `old`.
fn delete_garbage<P: Trace>(collectable: Node, old: Node, hooks: &dyn Hooks<P>, saveall: bool) {
    while !list::is_empty(collectable) {
        let p = first(collectable);
        let o: &Object<P> = obj_of(p);
        let tmp = o.to_ref();
        if saveall {
            hooks.save(&tmp);
        } else {
            P::clear(o);
        }
        if first(collectable) == p {
            list::move_to(p, old);
            o.set_heap_flag(COLLECTING | UNREACHABLE, false);
        }
        drop(tmp);
    }
}

/// Collects generation `generation` (`gc_collect_main`, passes 1-10);
/// returns the number of unreachable objects found and the uncollectable
/// count. Run by [`super::collect`] and [`super::collect_generations`],
/// which set `collecting` (so it never runs inside itself).
pub(super) fn collect_main<P: Trace>(
    generation: usize,
    hooks: &dyn Hooks<P>,
) -> Result<(usize, usize), CollectError> {
    let generation = generation.min(NUM_GENERATIONS - 1);
    let (young, old) = begin_collection(generation);
    validate_list::<P>(young, false, false);

    let unreachable_list = TempList::<P>::new(oldest_head());
    let unreachable = unreachable_list.node();
    deduce_unreachable::<P>(young, unreachable)?;
    untrack_atomic::<P>(young, false);
    if young != old {
        if generation == NUM_GENERATIONS - 2 {
            count_survivors(generation, list::size(young));
        }
        list::merge(young, old);
    } else {
        untrack_atomic::<P>(young, true);
        count_survivors(generation, list::size(young));
    }
    validate_list::<P>(old, false, false);
    validate_list::<P>(unreachable, true, true);
    let debug = debug();
    let saveall = debug & DEBUG_SAVEALL != 0;
    if debug & DEBUG_COLLECTABLE == 0 && !needs_passes_7_to_9::<P>(unreachable) {
        // No weak reference and no finalizer in the garbage: passes
        // 7-9 would do nothing; one walk clears the flags and counts.
        let collected = clear_flags::<P>(unreachable);
        delete_garbage(unreachable, old, hooks, saveall);
        validate_list::<P>(old, false, false);
        count_collection(generation, collected);
        return Ok((collected, 0));
    }
    // Legacy (tp_del) finalizers do not exist here: nothing is
    // uncollectable; the UNREACHABLE marks are no longer needed.
    list::for_each::<P>(unreachable, |o| o.set_heap_flag(UNREACHABLE, false));
    if debug & DEBUG_COLLECTABLE != 0 {
        list::for_each::<P>(unreachable, |o| {
            hooks.write_stderr(&format!(
                "gc: collectable <{} {:#x}>\n",
                o.type_name(),
                o.addr()
            ));
        });
    }
    let (mut collected, callbacks_ran) = handle_weakrefs::<P>(unreachable, old);
    let finalizers_ran = finalize_garbage::<P>(unreachable);
    if finalizers_ran {
        hooks.drop_caches();
    }
    if !callbacks_ran && !finalizers_ran {
        // No program code ran since the unreachable set was computed, so
        // nothing can have been resurrected: skip pass 9's recount.
        collected += clear_flags::<P>(unreachable);
        delete_garbage(unreachable, old, hooks, saveall);
        validate_list::<P>(old, false, false);
        count_collection(generation, collected);
        return Ok((collected, 0));
    }

    // Resurrection: what a finalizer made reachable survives.
    clear_flags::<P>(unreachable);
    let still_list = TempList::<P>::new(oldest_head());
    let still = still_list.node();
    if deduce_unreachable::<P>(unreachable, still).is_err() {
        list::merge(unreachable, old);
        return Err(CollectError);
    }
    clear_flags::<P>(still);
    list::merge(unreachable, old);
    collected += list::size(still);
    delete_garbage(still, old, hooks, super::debug() & DEBUG_SAVEALL != 0);
    validate_list::<P>(old, false, false);
    count_collection(generation, collected);
    Ok((collected, 0))
}
