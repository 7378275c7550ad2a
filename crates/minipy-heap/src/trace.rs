//! [`Trace`]: what the heap needs to know about the payloads it holds.
//!
//! ```text
//!   minipy-heap                                 the program (minipy-vm)
//!   +-------------------------------+           +-----------------------------+
//!   | Ref<P>, Object<P>, destroy,   |  P: Trace | enum Payload { Int, List,   |
//!   | trashcan, gc passes, weakref  | <-------- |  Tuple(TupleMark), WeakRef }|
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
//! The trait is *safe*: the heap's memory safety does not depend on any
//! answer. What a payload says is only ever advice about *meaning* (a
//! wrong `traverse` makes the collector keep or clear the wrong objects,
//! as a wrong `tp_traverse` does in CPython), because everything the
//! `unsafe` code depends on is the heap's own:
//!
//! 1. Layout (GC head, dict slot, trailing cells or tuple items, their
//!    number) is in the header, written only by the heap; a tuple's
//!    payload holds a [`TupleMark`], not a pointer to its items.
//! 2. Weak references are linked to their referents in the heap's side
//!    table, keyed by address; the payload only keeps the callback.
//! 3. The collector never frees an object itself (it calls
//!    [`Trace::clear`] and reference counting frees), and while it walks
//!    its lists and calls the payload, no object is freed (deaths are
//!    deferred), nodes are only unlinked (tracking, freezing and
//!    collections wait), and a walk stops if the object it stands on was
//!    unlinked. So a `traverse` that drops references, untracks objects or
//!    asks for a collection changes results, never validity.
//! 4. The collector's lists hold one payload type per thread, checked when
//!    a container is allocated; freelists check block sizes.

use std::cell::RefCell;

use crate::gc::list::Node;
use crate::{Object, Ref, TupleMark};

/// What a traversal does with each reference it reports: CPython's
/// `visitproc`. The collector's two hot visitors (pass 3 subtracts
/// internal references, pass 4 marks referents reachable) are variants
/// of this enum rather than closures behind a `dyn` pointer, so a type's
/// `tp_traverse` (a plain `fn` in a slot table, which cannot be generic)
/// gets them inlined: one predictable branch per reference instead of an
/// indirect call. Every other walk (`gc.get_referents`, leak checks,
/// tests) goes through [`Visitor::new`] with any closure.
pub struct Visitor<'a, P: Trace> {
    kind: Kind<'a, P>,
}

enum Kind<'a, P: Trace> {
    /// Pass 3 (`subtract_refs`); `bad` records a count that went negative.
    SubtractRefs {
        bad: bool,
    },
    /// Pass 4 (`move_unreachable`): referents of a reachable object in
    /// the young list `young`.
    MoveReachable {
        young: Node,
    },
    Any(&'a mut dyn FnMut(&Ref<P>)),
}

impl<'a, P: Trace> Visitor<'a, P> {
    /// A visitor that calls `f` on every reference.
    pub fn new(f: &'a mut dyn FnMut(&Ref<P>)) -> Self {
        Visitor { kind: Kind::Any(f) }
    }

    pub(crate) fn subtract_refs() -> Self {
        Visitor {
            kind: Kind::SubtractRefs { bad: false },
        }
    }

    pub(crate) fn move_reachable(young: Node) -> Self {
        Visitor {
            kind: Kind::MoveReachable { young },
        }
    }

    /// Whether a subtract-refs visit saw a count go negative.
    pub(crate) fn went_negative(&self) -> bool {
        matches!(self.kind, Kind::SubtractRefs { bad: true })
    }

    /// Reports one reference the traversed object owns.
    #[inline(always)]
    pub fn visit(&mut self, r: &Ref<P>) {
        match &mut self.kind {
            Kind::SubtractRefs { bad } => {
                if crate::gc::passes::visit_decref(r) {
                    *bad = true;
                }
            }
            Kind::MoveReachable { young } => crate::gc::passes::visit_reachable(r, *young),
            Kind::Any(f) => f(r),
        }
    }
}

/// The freelists a payload may use (tuples use theirs by length, from
/// the header). The heap only uses a freelist for blocks of the
/// matching layout: floats without a GC head, lists and dicts with one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Freelist {
    Float,
    List,
    Dict,
}

/// The payload of every object of a heap (CPython's `PyTypeObject` slots
/// that the memory manager calls: `tp_traverse`, `tp_clear`, `tp_del`,
/// `tp_itemsize`, `tp_weaklistoffset`).
///
/// The trait is safe to implement: see the module documentation for why
/// no answer can break the heap's memory safety. `traverse`,
/// `tracked_at_creation`, `may_untrack`, `has_finalizer`, `is_container`,
/// `weakref_callback`, `freelist` and `type_name` are *queries* and should
/// not create or drop objects (the results of a collection would then be
/// unpredictable); `clear`, `finalize` and `call_weakref_callback` may run
/// any code.
pub trait Trace: Sized + 'static {
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
    fn traverse(obj: &Object<Self>, visit: &mut Visitor<'_, Self>);

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

    /// The payload of a tuple (`Ref::new_tuple`); its items are stored
    /// after the object and read with `Object::items`.
    fn tuple(mark: TupleMark) -> Self;

    /// The callback cell, if this payload is a weak reference (the heap
    /// takes the callback out when the referent dies).
    fn weakref_callback(&self) -> Option<&RefCell<Option<Ref<Self>>>>;

    /// The freelist objects with this payload may be recycled through.
    fn freelist(&self) -> Option<Freelist> {
        None
    }

    /// The name of the object's type (debug output of the collector, and
    /// `obj.type_name()` in messages).
    fn type_name(obj: &Object<Self>) -> String;
}
