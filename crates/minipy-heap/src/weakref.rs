//! Weak references: the per-object lists of weakref objects
//! (CPython's `tp_weaklistoffset` lists, kept here in a side table so that
//! objects that are never weakly referenced pay nothing but a flag bit).
//!
//! ```text
//!   referent (HAS_WEAKREFS)        lists[referent address]
//!   +-----------+                  [ basic ref, basic proxy, ref+cb (newest), ..., ref+cb (oldest) ]
//!   | Object<P> |                    each a weakref object (IS_WEAKREF) ...
//!   +-----------+                  referents[weakref address] = referent address
//!        ^-------------------------  ... whose referent is found here: an *address*, not a reference
//! ```
//!
//! Both directions live in the heap's table, keyed by address; the
//! program's weakref payload only keeps the callback
//! (`Trace::weakref_callback`), so nothing the payload does can make a
//! link dangle.
//!
//! Invariants the `unsafe` code relies on:
//!
//! * W1. `referents[wr]` exists iff `wr` has IS_WEAKREF iff `wr` is in
//!   `lists[referents[wr]]`, and then both are live objects. `destroy`
//!   clears every weakref to an object (removing its entries and flags)
//!   after its finalizer and before anything else can observe the object
//!   dying, so [`upgrade`] never produces a reference to freed memory.
//! * W2. A weakref object is detached from its referent before it is freed
//!   (or deferred to the trashcan): `destroy` clears an IS_WEAKREF object,
//!   so lists only hold live weakrefs.
//! * W3. Single-threaded (the table is thread-local); a referent and its
//!   weakrefs are objects of one payload type (`attach` takes both as
//!   `Object<P>`), so an address read back is an `Object<P>` of the caller's
//!   `P`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::{Object, Ref, Trace, HAS_WEAKREFS, IS_WEAKREF};

/// Hashes an object address (multiplicative: addresses are distinct and
/// 8-aligned; no need for SipHash's resistance to chosen keys).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;

struct Table {
    /// Referent address -> its weakrefs' addresses, in list order.
    lists: AddrMap<Vec<usize>>,
    /// Weakref address -> its referent's address.
    referents: AddrMap<usize>,
}

thread_local! {
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table {
            lists: HashMap::with_hasher(BuildHasherDefault::new()),
            referents: HashMap::with_hasher(BuildHasherDefault::new()),
        })
    };
}

/// Where a new weakref goes in its referent's list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// First (the shared callback-less `ref`).
    Head,
    /// After the callback-less `ref` and `proxy` (anything with a callback).
    AfterBasic(usize),
}

/// Whether `obj` is a weak reference whose referent lives (IS_WEAKREF).
#[inline]
pub fn is_attached<P: Trace>(obj: &Object<P>) -> bool {
    obj.has_flag(IS_WEAKREF)
}

/// Links `wr` (a fresh weakref object) to `referent`. Does nothing when
/// `wr` is attached already, or is `referent` itself.
pub fn attach<P: Trace>(referent: &Object<P>, wr: &Object<P>, pos: Position) {
    debug_assert!(!wr.has_flag(IS_WEAKREF), "weakref attached twice");
    if wr.has_flag(IS_WEAKREF) || wr.is(referent) {
        return;
    }
    let done = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        t.referents.insert(wr.addr(), referent.addr());
        let list = t.lists.entry(referent.addr()).or_default();
        match pos {
            Position::Head => list.insert(0, wr.addr()),
            Position::AfterBasic(n) => list.insert(n.min(list.len()), wr.addr()),
        }
    });
    if done.is_ok() {
        wr.set_heap_flag(IS_WEAKREF, true);
        referent.set_heap_flag(HAS_WEAKREFS, true);
    }
}

/// A new reference to the referent, or None once it died (or if `wr` is
/// no weakref).
pub fn upgrade<P: Trace>(wr: &Object<P>) -> Option<Ref<P>> {
    if !wr.has_flag(IS_WEAKREF) {
        return None;
    }
    let a = TABLE
        .try_with(|t| t.borrow().referents.get(&wr.addr()).copied())
        .ok()
        .flatten()?;
    // SAFETY: W1: the referent recorded for an attached weakref is a live
    // `Object<P>` (W3).
    let obj = unsafe { &*(a as *const Object<P>) };
    Some(obj.to_ref())
}

/// Detaches `wr` from its referent (`_PyWeakref_ClearRef`): it now reports
/// a dead referent. The callback is kept.
pub fn clear_ref<P: Trace>(wr: &Object<P>) {
    if !wr.has_flag(IS_WEAKREF) {
        return;
    }
    wr.set_heap_flag(IS_WEAKREF, false);
    let _ = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        let Some(a) = t.referents.remove(&wr.addr()) else {
            return;
        };
        if let Some(list) = t.lists.get_mut(&a) {
            list.retain(|&x| x != wr.addr());
            if list.is_empty() {
                t.lists.remove(&a);
                // SAFETY: W1: `a` was this weakref's live referent.
                let obj = unsafe { &*(a as *const Object<P>) };
                obj.set_heap_flag(HAS_WEAKREFS, false);
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
    referent.set_heap_flag(HAS_WEAKREFS, false);
    let list = TABLE
        .try_with(|t| {
            let mut t = t.borrow_mut();
            let list = t.lists.remove(&referent.addr()).unwrap_or_default();
            for a in &list {
                t.referents.remove(a);
            }
            list
        })
        .unwrap_or_default();
    list.into_iter()
        .map(|a| {
            // SAFETY: W2: the list only holds live weakref objects (W3:
            // of this `P`).
            let wr = unsafe { &*(a as *const Object<P>) };
            wr.set_heap_flag(IS_WEAKREF, false);
            wr.to_ref()
        })
        .collect()
}

/// The callback of a weakref object, if any.
pub fn callback_of<P: Trace>(wr: &Object<P>) -> Option<Ref<P>> {
    wr.payload
        .weakref_callback()
        .and_then(|cb| cb.try_borrow().ok().and_then(|c| c.clone()))
}

/// The weakrefs to `referent`, in list order (`weakref.getweakrefs`).
pub fn refs_to<P: Trace>(referent: &Object<P>) -> Vec<Ref<P>> {
    if !referent.has_flag(HAS_WEAKREFS) {
        return Vec::new();
    }
    TABLE.with(|t| {
        t.borrow()
            .lists
            .get(&referent.addr())
            .map(|l| {
                l.iter()
                    .map(|&a| {
                        // SAFETY: W2: the list only holds live weakref
                        // objects (W3: of this `P`).
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
    TABLE.with(|t| {
        t.borrow()
            .lists
            .get(&referent.addr())
            .map_or(0, |l| l.len())
    })
}
