//! Weak references: the per-object lists of weakref objects
//! (CPython's `tp_weaklistoffset` lists, kept here in a side table so that
//! objects that are never weakly referenced pay nothing but a flag bit).
//!
//! ```text
//!   referent (HAS_WEAKREFS)         WEAKLISTS[referent address]
//!   +-----------+                   [ basic ref, basic proxy, ref+cb (newest), ..., ref+cb (oldest) ]
//!   | Object<P> | <-- Referent -----  each a weakref object (`Trace::weakref` is Some) whose
//!   +-----------+     address         `Referent` holds the referent's *address*, not a reference
//! ```
//!
//! The program's weakref payload embeds a [`Referent`] (only this module
//! writes it) and a callback cell, and hands both to the heap through
//! `Trace::weakref` (rule 2: always the same ones).
//!
//! Invariants the `unsafe` code relies on:
//!
//! * W1. A weakref's `referent` is either 0 (dead) or the address of a live
//!   object; the referent's list holds that weakref. `destroy` (lib.rs) clears
//!   every weakref to an object (setting `referent` to 0) after its
//!   finalizer and before anything else can observe the object dying, so
//!   [`upgrade`] never produces a reference to freed memory.
//! * W2. A weakref object is removed from its referent's list before it is
//!   freed (or deferred to the trashcan), so lists only hold live weakrefs.
//! * W3. Single-threaded, one payload type per thread (`Trace` rule 4).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::{Object, Ref, Trace, HAS_WEAKREFS};

/// A weak reference's link to its referent: the referent's address while
/// it lives, 0 before [`attach`] and once it died (W1). Only this module
/// writes it.
pub struct Referent(Cell<usize>);

impl Referent {
    /// Not attached (a dead reference until [`attach`]).
    pub const fn new() -> Referent {
        Referent(Cell::new(0))
    }
}

impl Default for Referent {
    fn default() -> Referent {
        Referent::new()
    }
}

thread_local! {
    static WEAKLISTS: RefCell<HashMap<usize, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// Where a new weakref goes in its referent's list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// First (the shared callback-less `ref`).
    Head,
    /// After the callback-less `ref` and `proxy` (anything with a callback).
    AfterBasic(usize),
}

#[inline]
pub fn is_weakref<P: Trace>(obj: &Object<P>) -> bool {
    obj.payload.weakref().is_some()
}

fn referent_addr<P: Trace>(wr: &Object<P>) -> usize {
    match wr.payload.weakref() {
        Some((r, _)) => r.0.get(),
        None => 0,
    }
}

/// Links `wr` (a fresh weakref object) to `referent`.
/// Does nothing when `wr` is not a weakref or is attached already.
pub fn attach<P: Trace>(referent: &Object<P>, wr: &Object<P>, pos: Position) {
    let Some((r, _)) = wr.payload.weakref() else {
        return;
    };
    debug_assert_eq!(r.0.get(), 0, "weakref attached twice");
    if r.0.get() != 0 {
        return;
    }
    r.0.set(referent.addr());
    referent.set_flag(HAS_WEAKREFS, true);
    WEAKLISTS.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(referent.addr()).or_default();
        match pos {
            Position::Head => list.insert(0, wr.addr()),
            Position::AfterBasic(n) => list.insert(n.min(list.len()), wr.addr()),
        }
    });
}

/// A new reference to the referent, or None once it died.
pub fn upgrade<P: Trace>(wr: &Object<P>) -> Option<Ref<P>> {
    let a = referent_addr(wr);
    if a == 0 {
        return None;
    }
    // SAFETY: W1: a non-zero referent address is a live object.
    let obj = unsafe { &*(a as *const Object<P>) };
    Some(obj.to_ref())
}

/// Detaches `wr` from its referent (`_PyWeakref_ClearRef`): it now reports
/// a dead referent. The callback is kept.
pub fn clear_ref<P: Trace>(wr: &Object<P>) {
    let Some((r, _)) = wr.payload.weakref() else {
        return;
    };
    let a = r.0.replace(0);
    if a == 0 {
        return;
    }
    let _ = WEAKLISTS.try_with(|t| {
        let mut t = t.borrow_mut();
        if let Some(list) = t.get_mut(&a) {
            list.retain(|&x| x != wr.addr());
            if list.is_empty() {
                t.remove(&a);
                // SAFETY: W1: `a` was this weakref's live referent.
                let obj = unsafe { &*(a as *const Object<P>) };
                obj.set_flag(HAS_WEAKREFS, false);
            }
        }
    });
}

/// Clears every weakref to `referent`, returning them (new references, in
/// list order) so the caller can run their callbacks.
pub fn clear_all<P: Trace>(referent: &Object<P>) -> Vec<Ref<P>> {
    if !referent.has_flag(HAS_WEAKREFS) {
        return Vec::new();
    }
    referent.set_flag(HAS_WEAKREFS, false);
    let list = WEAKLISTS
        .try_with(|t| t.borrow_mut().remove(&referent.addr()))
        .ok()
        .flatten()
        .unwrap_or_default();
    list.into_iter()
        .map(|a| {
            // SAFETY: W2: the list only holds live weakref objects.
            let wr = unsafe { &*(a as *const Object<P>) };
            if let Some((r, _)) = wr.payload.weakref() {
                r.0.set(0);
            }
            wr.to_ref()
        })
        .collect()
}

/// The callback of a weakref object, if any.
pub fn callback_of<P: Trace>(wr: &Object<P>) -> Option<Ref<P>> {
    match wr.payload.weakref() {
        Some((_, cb)) => cb.try_borrow().ok().and_then(|c| c.clone()),
        None => None,
    }
}

/// The weakrefs to `referent`, in list order (`weakref.getweakrefs`).
pub fn refs_to<P: Trace>(referent: &Object<P>) -> Vec<Ref<P>> {
    if !referent.has_flag(HAS_WEAKREFS) {
        return Vec::new();
    }
    WEAKLISTS.with(|t| {
        t.borrow()
            .get(&referent.addr())
            .map(|l| {
                l.iter()
                    .map(|&a| {
                        // SAFETY: W2: the list only holds live weakref objects.
                        let wr = unsafe { &*(a as *const Object<P>) };
                        wr.to_ref()
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Number of weakrefs to `referent` (`weakref.getweakrefcount`).
pub fn count<P: Trace>(referent: &Object<P>) -> usize {
    if !referent.has_flag(HAS_WEAKREFS) {
        return 0;
    }
    WEAKLISTS.with(|t| t.borrow().get(&referent.addr()).map_or(0, |l| l.len()))
}
