//! [`Trace`]: what the heap needs to know about the payloads it holds.
//!
//! ```text
//!   minipy-heap                                 the program (minipy-vm)
//!   +-------------------------------+           +-----------------------------+
//!   | Ref<P>, Object<P>, destroy,   |  P: Trace | enum Payload { Int, List,   |
//!   | trashcan, gc passes, weakref  | <-------- |   Tuple(Items), WeakRef, ...}|
//!   | lists, freelists, Values      |           | impl Trace for Payload      |
//!   +-------------------------------+           +-----------------------------+
//!        calls P::traverse / P::clear / P::finalize ... (static dispatch)
//! ```
//!
//! The heap is generic over one payload type `P`; every question it asks
//! about an object (does it hold references? which ones? how are they
//! dropped? does it have `__del__`?) is a method of this trait, resolved
//! at compile time, so the hot paths (`Ref::new`, drop, tuple allocation)
//! are monomorphised exactly as if the heap were written for `P` alone.
//! The finalizer and the weakref callback are trait methods too (they were
//! fn pointers installed at start-up): no thread-local read per call.
//!
//! Most methods are *semantic* (a wrong `traverse` makes the collector
//! keep or clear the wrong objects, as a wrong `tp_traverse` does in
//! CPython) but never unsound: the collector frees nothing itself; it only
//! calls [`Trace::clear`] and lets reference counting free what dies. The
//! methods the heap's memory safety does rely on are listed in the trait's
//! safety section.

use std::cell::RefCell;

use crate::weakref::Referent;
use crate::{Items, Object, Ref};

/// The freelists a payload may use (tuples use theirs by length, through
/// [`Trace::items`]). The heap only uses a freelist for blocks of the
/// matching layout: floats without a GC head, lists and dicts with one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Freelist {
    Float,
    List,
    Dict,
}

/// A weak reference's parts the heap maintains: the link to its referent
/// and its callback (see [`crate::weakref`]).
pub type WeakParts<'a, P> = (&'a Referent, &'a RefCell<Option<Ref<P>>>);

/// The payload of every object of a heap (CPython's `PyTypeObject` slots
/// that the memory manager calls: `tp_traverse`, `tp_clear`, `tp_del`,
/// `tp_itemsize`, `tp_weaklistoffset`).
///
/// # Safety
///
/// An implementation must uphold these rules; the heap's `unsafe` code
/// relies on them:
///
/// 1. **Items.** [`Trace::items`] returns `Some` only with the [`Items`]
///    this payload was given by [`Trace::from_items`] (never another
///    object's), or with an empty one ([`Items::empty`], which views no
///    words); it returns the same answer for the payload's whole life. The
///    heap drops and frees the words the `Items` views (stored after the
///    object) when the object is freed.
/// 2. **Weak references.** [`Trace::weakref`] returns `Some` for a payload
///    that is a weak reference, and then always the same [`Referent`],
///    owned by this payload alone, for the payload's whole life. The heap
///    stores the referent's address there and clears it before the
///    referent is freed; nothing else writes it.
/// 3. **No heap changes from queries.** `is_container`, `tracked_at_creation`,
///    `traverse`, `may_untrack`, `has_finalizer`, `items`, `weakref`,
///    `freelist` and `type_name` must not create, drop or resurrect objects
///    (no reference count may be left changed, and no `Ref` dropped): the
///    collector calls them while walking its lists. Only `clear`,
///    `finalize` and `call_weakref_callback` may run arbitrary code.
/// 4. **One payload type per thread.** The heap's state (generation lists,
///    freelists, weakref table, trashcan) is per thread and shared by every
///    payload type: a thread allocates objects of one `Trace` type only
///    (debug builds check it at allocation).
/// 5. **Alignment.** `P`'s alignment is at most 8 (the GC head sits
///    exactly one [`crate::GcHead`] before the object; checked at compile
///    time by `Ref::new`).
pub unsafe trait Trace: Sized + 'static {
    /// Whether objects with this payload can hold references to other
    /// objects: those get a GC head and are traversed by the collector.
    fn is_container(&self) -> bool;

    /// Whether a new container object starts tracked by the collector
    /// (CPython's `MAINTAIN_TRACKING`: dicts only once they hold a
    /// container). Objects with a managed dict slot are always tracked.
    fn tracked_at_creation(obj: &Object<Self>) -> bool;

    /// `tp_traverse`: calls `visit` on every reference `obj` owns (payload,
    /// trailing cells, managed dict, its type when that is collectable),
    /// each exactly once. A container borrowed mutably elsewhere may report
    /// nothing: its referents then look externally referenced, which only
    /// keeps them alive.
    fn traverse(obj: &Object<Self>, visit: &mut impl FnMut(&Ref<Self>));

    /// `tp_clear`: drops the references `obj` holds, breaking the cycles it
    /// is part of (the collector's last pass). May run arbitrary code.
    fn clear(obj: &Object<Self>);

    /// CPython's `_PyDict_MaybeUntrack`: whether a full collection may
    /// untrack this reachable container because nothing it holds could be
    /// part of a cycle. (Tuples are handled by the heap through their
    /// items.)
    fn may_untrack(_obj: &Object<Self>) -> bool {
        false
    }

    /// Whether destroying `obj` must first run [`Trace::finalize`] (PEP 442:
    /// the heap runs it at most once per object).
    fn has_finalizer(obj: &Object<Self>) -> bool;

    /// Runs the finalizer (`__del__`) on `obj`, a temporary new reference;
    /// the object survives if the finalizer stored a reference to it.
    fn finalize(obj: &Ref<Self>);

    /// Calls a weak reference's callback, `callback(weakref)`, when the
    /// referent dies (errors are the program's to report).
    fn call_weakref_callback(callback: &Ref<Self>, weakref: &Ref<Self>);

    /// The items stored after the object (a tuple's `ob_item`), if this is
    /// a payload made by [`Trace::from_items`] (safety rule 1).
    fn items(&self) -> Option<&Items<Self>>;

    /// The payload of a tuple owning `items` (`Ref::new_tuple`).
    fn from_items(items: Items<Self>) -> Self;

    /// The referent link and callback, if this payload is a weak reference
    /// (safety rule 2).
    fn weakref(&self) -> Option<WeakParts<'_, Self>>;

    /// The freelist objects with this payload may be recycled through.
    fn freelist(&self) -> Option<Freelist> {
        None
    }

    /// The name of the object's type (debug output of the collector, and
    /// `obj.type_name()` in messages).
    fn type_name(obj: &Object<Self>) -> String;
}
