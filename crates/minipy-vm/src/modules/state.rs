//! Per-interpreter state of native modules (CPython's module state,
//! `PyModule_GetState`): each module declares its own state type and
//! finds it with `vm.module_state::<T>()`, so the `Vm` holds no field
//! for any particular module.
//!
//! A state is made (by `Default`) on first use and lives until
//! `ModuleStates::clear` at shutdown, which drops the references it holds.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::Vm;

/// The states of the native modules used so far.
#[derive(Default)]
pub struct ModuleStates {
    states: RefCell<Vec<(TypeId, Rc<dyn Any>)>>,
}

impl ModuleStates {
    /// Drops every state (at shutdown, after the modules are gone).
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.states.borrow_mut());
        drop(old);
    }
}

impl Vm {
    /// The state of type `T` of a native module (made on first use).
    pub fn module_state<T: Default + 'static>(&self) -> Rc<T> {
        let id = TypeId::of::<T>();
        let found = self
            .module_states
            .states
            .borrow()
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, s)| s.clone());
        let state = match found {
            Some(s) => s,
            None => {
                let s: Rc<dyn Any> = Rc::new(T::default());
                self.module_states.states.borrow_mut().push((id, s.clone()));
                s
            }
        };
        match state.downcast::<T>() {
            Ok(s) => s,
            Err(_) => {
                // Invariant: the entry for `TypeId::of::<T>()` holds a `T`.
                debug_assert!(false, "module state of the wrong type");
                Rc::new(T::default())
            }
        }
    }
}
