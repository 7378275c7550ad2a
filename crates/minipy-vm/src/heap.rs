//! The object heap as the VM names it: the `minipy-heap` crate
//! instantiated for this crate's [`Payload`] (its `Trace` implementation is
//! in `object.rs`). Design, layout and invariants are documented there;
//! this module only gives the VM CPython's names for the heap's types
//! (`PyObject`, `PyRef`) and fixes the payload type of its generic
//! functions.

pub use minipy_heap::{
    cell_get, live_objects, Trace, COLLECTING, FINALIZED, HAS_DICT_SLOT, HAS_GC_HEAD, HAS_WEAKREFS,
    IMMORTAL, INLINE_DICT, MAX_CELLS, TRASHCAN_DEPTH, TYPE_GC_INSTANCES, TYPE_MANAGED_DICT,
    TYPE_WEAKREFABLE, UNREACHABLE,
};

use crate::objects::layout::Payload;

/// Every Python object: header then payload (derefs to its [`Payload`]).
pub type PyObject = minipy_heap::Object<Payload>;
/// An owned (strong) reference to a Python object.
pub type PyRef = minipy_heap::Ref<Payload>;
/// What a `tp_traverse` slot reports each reference to (CPython's
/// `visitproc`; see `minipy_heap::Visitor`).
pub type Visit<'a> = minipy_heap::Visitor<'a, Payload>;
/// What a tuple's payload holds (its items are after the object).
pub use minipy_heap::TupleMark;
/// A trailing cell (one `__slots__` value).
pub type SlotCell = minipy_heap::SlotCell<Payload>;
/// The managed `__dict__` slot of instances of subclasses of built-ins.
pub type DictSlot = minipy_heap::DictSlot<Payload>;

/// The cycle collector (`minipy_heap::gc`) for Python objects.
pub mod gc {
    pub use minipy_heap::gc::*;

    use super::PyRef;

    /// Tracked objects of one generation (or all), `gc.get_objects()`.
    pub fn objects(generation: Option<usize>) -> Vec<PyRef> {
        minipy_heap::gc::objects(generation)
    }
}

/// Weak reference lists (`minipy_heap::weakref`).
pub mod weakref {
    pub use minipy_heap::weakref::*;
}

/// Freelists of floats, lists, dicts and tuples (`minipy_heap::freelist`).
pub mod freelist {
    use crate::objects::layout::Payload;

    /// Returns every kept block to the allocator.
    pub fn clear() {
        minipy_heap::freelist::clear();
    }

    /// The freelist lines of `sys._debugmallocstats()`.
    pub fn report() -> String {
        minipy_heap::freelist::report::<Payload>()
    }
}

/// Inline-values blocks (`minipy_heap::values`).
pub mod values {
    /// The namespace values of one instance.
    pub type Values = minipy_heap::values::Values<crate::objects::layout::Payload>;
}
