//! Weak references: the per-object lists of weakref objects
//! (CPython's `tp_weaklistoffset` lists, kept here in a side table so that
//! objects that are never weakly referenced pay nothing but a flag bit).
//!
//! ```text
//!   referent (HAS_WEAKREFS)         WEAKLISTS[referent address]
//!   +-----------+                   [ basic ref, basic proxy, ref+cb (newest), ..., ref+cb (oldest) ]
//!   | PyObject  | <-- referent -----  each a weakref object (Payload::WeakRef) holding the
//!   +-----------+     address         referent's *address*, not a reference
//! ```
//!
//! Invariants the `unsafe` code relies on:
//!
//! * W1. A weakref's `referent` is either 0 (dead) or the address of a live
//!   object; the referent's list holds that weakref. `heap::destroy` clears
//!   every weakref to an object (setting `referent` to 0) after its
//!   finalizer and before anything else can observe the object dying, so
//!   [`upgrade`] never produces a reference to freed memory.
//! * W2. A weakref object is removed from its referent's list before it is
//!   freed (or deferred to the trashcan), so lists only hold live weakrefs.
//! * W3. Single-threaded (see `heap`).

#![allow(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;

use super::{PyObject, PyRef, HAS_WEAKREFS};
use crate::object::Payload;

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

pub fn is_weakref(obj: &PyObject) -> bool {
    matches!(obj.payload, Payload::WeakRef(_))
}

fn referent_addr(wr: &PyObject) -> usize {
    match &wr.payload {
        Payload::WeakRef(w) => w.referent.get(),
        _ => 0,
    }
}

/// Links `wr` (a fresh weakref object) to `referent`.
pub fn attach(referent: &PyObject, wr: &PyObject, pos: Position) {
    let Payload::WeakRef(w) = &wr.payload else {
        return;
    };
    w.referent.set(referent.addr());
    referent
        .ob_flags
        .set(referent.ob_flags.get() | HAS_WEAKREFS);
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
pub fn upgrade(wr: &PyObject) -> Option<PyRef> {
    let a = referent_addr(wr);
    if a == 0 {
        return None;
    }
    // SAFETY: W1: a non-zero referent address is a live object.
    let obj = unsafe { &*(a as *const PyObject) };
    Some(obj.to_ref())
}

/// Detaches `wr` from its referent (`_PyWeakref_ClearRef`): it now reports
/// a dead referent. The callback is kept.
pub fn clear_ref(wr: &PyObject) {
    let Payload::WeakRef(w) = &wr.payload else {
        return;
    };
    let a = w.referent.replace(0);
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
                let obj = unsafe { &*(a as *const PyObject) };
                obj.ob_flags.set(obj.ob_flags.get() & !HAS_WEAKREFS);
            }
        }
    });
}

/// Clears every weakref to `referent`, returning them (new references, in
/// list order) so the caller can run their callbacks.
pub fn clear_all(referent: &PyObject) -> Vec<PyRef> {
    if referent.ob_flags.get() & HAS_WEAKREFS == 0 {
        return Vec::new();
    }
    referent
        .ob_flags
        .set(referent.ob_flags.get() & !HAS_WEAKREFS);
    let list = WEAKLISTS
        .try_with(|t| t.borrow_mut().remove(&referent.addr()))
        .ok()
        .flatten()
        .unwrap_or_default();
    list.into_iter()
        .map(|a| {
            // SAFETY: W2: the list only holds live weakref objects.
            let wr = unsafe { &*(a as *const PyObject) };
            if let Payload::WeakRef(w) = &wr.payload {
                w.referent.set(0);
            }
            wr.to_ref()
        })
        .collect()
}

/// The callback of a weakref object, if any.
pub fn callback_of(wr: &PyObject) -> Option<PyRef> {
    match &wr.payload {
        Payload::WeakRef(w) => w.callback.try_borrow().ok().and_then(|c| c.clone()),
        _ => None,
    }
}

/// The weakrefs to `referent`, in list order (`weakref.getweakrefs`).
pub fn refs_to(referent: &PyObject) -> Vec<PyRef> {
    if referent.ob_flags.get() & HAS_WEAKREFS == 0 {
        return Vec::new();
    }
    WEAKLISTS.with(|t| {
        t.borrow()
            .get(&referent.addr())
            .map(|l| {
                l.iter()
                    .map(|&a| {
                        // SAFETY: W2: the list only holds live weakref objects.
                        let wr = unsafe { &*(a as *const PyObject) };
                        wr.to_ref()
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Number of weakrefs to `referent` (`weakref.getweakrefcount`).
pub fn count(referent: &PyObject) -> usize {
    if referent.ob_flags.get() & HAS_WEAKREFS == 0 {
        return 0;
    }
    WEAKLISTS.with(|t| t.borrow().get(&referent.addr()).map_or(0, |l| l.len()))
}
