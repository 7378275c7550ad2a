//! The ground of the VM: what every other file may use and which uses no
//! type file. The object header and reference counting are the heap's
//! (`minipy-heap`, re-exported as `crate::heap`); the payload enum, which
//! names every built-in layout and so every type's data, is the layout
//! registry one floor up (`objects/layout.rs`).

use std::cell::RefCell;

use crate::heap::{PyObject, PyRef};

/// The result of anything that can raise: the exception object on error.
pub type PyResult<T = PyRef> = Result<T, PyRef>;

/// Visits the object in an optional field (a traverse slot's helper).
pub fn visit_opt(r: &RefCell<Option<PyRef>>, visit: &mut crate::heap::Visit<'_>) {
    if let Ok(v) = r.try_borrow() {
        if let Some(v) = &*v {
            visit.visit(v);
        }
    }
}

/// Moves the object out of an optional field into `dead` (a clear slot's
/// helper).
pub fn take_opt(r: &RefCell<Option<PyRef>>, dead: &mut Vec<PyRef>) {
    if let Ok(mut v) = r.try_borrow_mut() {
        dead.extend(v.take());
    }
}

/// A traverse or clear slot met a payload other than its type's layout.
/// Invariant: an object's payload is the layout of its type's solid base
/// (type creation and `__class__` assignment keep it, and a class takes
/// its solid base's traverse and clear). In release builds the object
/// then reports nothing, which only makes its referents look externally
/// referenced.
#[cold]
pub fn wrong_layout(obj: &PyObject, owner: &str) {
    debug_assert!(
        false,
        "the traverse/clear slot of '{}' met a '{}' object of another layout",
        owner,
        obj.type_name()
    );
}
