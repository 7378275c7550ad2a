//! An instance's storage: `__slots__` values and the namespace, kept as an
//! array indexed by the class's *shared keys* (CPython 3.11's "inline
//! values", PEP 412's key-sharing dictionaries without the dictionary).
//!
//! ```text
//!  class Node:  shared_keys = ["parent", "left", "right"]   (one per class)
//!
//!  instance:    [object | slot cells (if __slots__)]   one block
//!               values --> [cap | parent | left | right]  one block (heap::values)
//!               dict   = None
//!                         ^ values mode: no dict object exists at all
//!
//!  after vars(obj), obj.__dict__, a key out of order, > 30 keys, ...:
//!               values --> [cap | None | None | None]  (namespace moved out)
//!               dict   = Some({parent: .., left: .., right: ..})
//! ```
//!
//! `__slots__` values are not here: they are cells allocated after the
//! object itself (`PyObject::cells`), as CPython stores them, so a
//! `__slots__` instance is one block and smaller than one with a namespace.
//!
//! Invariants:
//!
//! 1. *Values mode* (`dict` is None): `values[i]` is the value of
//!    the class's shared key `i`, or None when the instance lacks it. The
//!    instance's namespace order is the order of the shared keys it has:
//!    a new key is stored in values only if no present value comes after
//!    it, otherwise the instance switches to dict mode first.
//! 2. *Dict mode* (`dict` is Some): the namespace is that dict, all
//!    `values` are None. An instance goes back only through
//!    `del obj.__dict__`, which leaves it with an empty namespace.
//! 3. Shared keys are exact `str` objects, only appended (at most
//!    [`MAX_SHARED_KEYS`]), so an index stays valid for the class's life.
//! 4. The namespace dict made here is an *inline* dict (`INLINE_DICT`): it
//!    counts as part of the instance for the collector until Python code
//!    gets hold of it (`obj.__dict__` materialises it), as in CPython.
//!
//! Values mode is what makes an instance with three attributes two
//! allocations (object + values) instead of five (object, dict object,
//! table, entries, indices), and attribute access an index instead of a
//! hash probe.

use std::cell::{Cell, RefCell};

use crate::heap::values::Values;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::objects::typeobj::TypeData;
use crate::vm::Vm;

/// CPython's `SHARED_KEYS_MAX_SIZE`: a class shares at most this many keys.
pub const MAX_SHARED_KEYS: usize = 30;

/// The payload of instances of `object` and of classes defined in Python.
pub struct InstanceData {
    /// The namespace once it is a dict (dict mode), else None.
    dict: Cell<Option<PyRef>>,
    /// The shared-key values (values mode).
    values: RefCell<Values>,
}

impl InstanceData {
    /// A fresh instance of a class with `nkeys` shared keys so far (room
    /// is made for all of them at once).
    pub fn new(nkeys: usize) -> InstanceData {
        InstanceData {
            dict: Cell::new(None),
            values: RefCell::new(Values::with_capacity(nkeys)),
        }
    }

    /// An instance whose namespace is the given dict (native objects).
    pub fn with_dict(d: PyRef) -> InstanceData {
        InstanceData {
            dict: Cell::new(Some(d)),
            values: RefCell::new(Values::empty()),
        }
    }

    /// The namespace dict, in dict mode.
    pub fn dict(&self) -> Option<PyRef> {
        crate::heap::cell_get(&self.dict)
    }

    pub fn is_dict_mode(&self) -> bool {
        let d = self.dict.take();
        let r = d.is_some();
        self.dict.set(d);
        r
    }

    /// The value of shared key `i` (None in dict mode: values are empty).
    #[inline]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.values.borrow().as_slice().get(i).cloned().flatten()
    }

    /// Takes the value of shared key `i` out (for the caller to drop
    /// *after* the borrow ends).
    fn take(&self, i: usize) -> Option<PyRef> {
        self.values.borrow_mut().as_mut_slice().get_mut(i)?.take()
    }

    /// Stores the value of shared key `i` in values mode, growing the
    /// array, when that keeps invariant 1; gives `v` back otherwise (dict
    /// mode, or a new key after later ones: the caller makes a dict).
    #[inline(always)]
    pub fn store_at(&self, i: usize, v: PyRef) -> Result<(), PyRef> {
        if self.is_dict_mode() {
            return Err(v);
        }
        let old = {
            let mut vals = self.values.borrow_mut();
            let cells = vals.as_mut_slice();
            let Some(cell) = cells.get(i) else {
                drop(vals);
                self.store_grown(i, v);
                return Ok(());
            };
            if cell.is_none() && cells[i + 1..].iter().any(Option::is_some) {
                return Err(v); // a new key after later ones: dict order
            }
            cells[i].replace(v)
        };
        drop(old);
        Ok(())
    }

    /// `store_at` past the array's end (an instance made before the class
    /// learned key `i`): no later value can exist, so the order holds.
    #[cold]
    fn store_grown(&self, i: usize, v: PyRef) {
        let mut vals = self.values.borrow_mut();
        vals.grow(i + 1);
        vals.as_mut_slice()[i] = Some(v);
    }

    /// Number of value cells (for `sys.getsizeof`).
    pub fn capacity(&self) -> usize {
        self.values.try_borrow().map_or(0, |v| v.capacity())
    }

    /// Each present value, then the namespace (an inline dict's contents
    /// are part of the instance).
    #[inline(always)]
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Ok(vals) = self.values.try_borrow() {
            vals.as_slice().iter().flatten().for_each(&mut *visit);
        }
        let d = self.dict.take();
        if let Some(d) = &d {
            crate::objects::layout::visit_namespace(d, visit);
        }
        self.dict.set(d);
    }

    /// Moves every reference out (the collector's `tp_clear`).
    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        if let Ok(mut vals) = self.values.try_borrow_mut() {
            dead.extend(vals.as_mut_slice().iter_mut().filter_map(Option::take));
        }
        if let Some(d) = self.dict.take() {
            dead.push(d);
        }
    }
}

/// The instance payload of `obj`, if it is one.
#[inline]
pub fn of(obj: &PyRef) -> Option<&InstanceData> {
    match &obj.payload {
        Payload::Instance(i) => Some(i),
        _ => None,
    }
}

/// True when instances of `t` have a namespace.
#[inline]
fn has_namespace(t: &TypeData) -> bool {
    t.heap && t.has_dict
}

/// Index of `name` among `t`'s shared keys (pointer comparison first: names
/// from code objects are interned).
#[inline]
pub fn key_index(t: &TypeData, name: &PyRef) -> Option<usize> {
    let keys = t.shared_keys.borrow();
    if let Some(i) = keys.iter().position(|k| k.is(name)) {
        return Some(i);
    }
    let s = name.as_str()?;
    keys.iter().position(|k| k.as_str() == Some(s))
}

/// Looks `name` up in the namespace of instance `obj` (class data `t`).
/// `None` when absent or when the instance has no namespace.
#[inline]
pub fn lookup(vm: &Vm, obj: &PyRef, inst: &InstanceData, name: &PyRef) -> Option<PyRef> {
    if let Some(d) = inst.dict() {
        return dict::get_str(vm, &d, name);
    }
    let t = obj.class().as_type()?;
    inst.get(key_index(t, name)?)
}

/// The namespace of `obj` as a dict, switching the instance to dict mode
/// (None when its class gives instances no namespace).
pub fn namespace(vm: &Vm, obj: &PyRef, inst: &InstanceData) -> Option<PyRef> {
    if let Some(d) = inst.dict() {
        return Some(d);
    }
    let t = obj.class().as_type()?;
    if !has_namespace(t) {
        return None;
    }
    Some(to_dict_mode(vm, t, inst))
}

/// Moves the values into a new inline dict, in shared-key order.
fn to_dict_mode(vm: &Vm, t: &TypeData, inst: &InstanceData) -> PyRef {
    let moved: Vec<Option<PyRef>> = match inst.values.try_borrow_mut() {
        Ok(mut vals) => vals.as_mut_slice().iter_mut().map(Option::take).collect(),
        _ => Vec::new(),
    };
    let d = dict::new_inline(vm);
    let keys = t.shared_keys.borrow().clone();
    for (k, v) in keys.into_iter().zip(moved) {
        if let Some(v) = v {
            dict::set_str(vm, &d, k, v);
        }
    }
    inst.dict.set(Some(d.clone()));
    d
}

/// `obj.__dict__ = d` (`d` a dict) or `del obj.__dict__` (None: an empty
/// namespace again), as CPython's `subtype_setdict`. None when the class
/// gives instances no namespace.
pub fn set_namespace(
    vm: &Vm,
    obj: &PyRef,
    inst: &InstanceData,
    d: Option<PyRef>,
) -> Option<PyResult<()>> {
    let t = obj.class().as_type()?;
    if !has_namespace(t) && !inst.is_dict_mode() {
        return None;
    }
    if let Some(d) = &d {
        if !crate::objects::typeobj::is_subtype(d.class(), &vm.types.dict) {
            return Some(Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                d.type_name()
            ))));
        }
    }
    let old_values: Vec<PyRef> = match inst.values.try_borrow_mut() {
        Ok(mut vals) => vals
            .as_mut_slice()
            .iter_mut()
            .filter_map(Option::take)
            .collect(),
        Err(_) => Vec::new(),
    };
    let old_dict = inst.dict.replace(d);
    drop(old_values);
    drop(old_dict);
    Some(Ok(()))
}

/// Called before `obj.__class__` changes: shared-key indices belong to the
/// old class, so the namespace becomes a dict.
pub fn before_class_change(vm: &Vm, obj: &PyRef) {
    if let Some(inst) = of(obj) {
        if !inst.is_dict_mode() {
            if let Some(t) = obj.class().as_type() {
                if has_namespace(t) {
                    to_dict_mode(vm, t, inst);
                }
            }
        }
    }
}

/// What [`store`] did.
pub enum Stored {
    Done,
    /// Delete of a name the namespace lacks.
    Missing,
    /// The class gives instances no namespace.
    NoNamespace,
}

/// `obj.name = value` (or `del obj.name` when `value` is None) in the
/// namespace of instance `obj`.
pub fn store(
    vm: &Vm,
    obj: &PyRef,
    inst: &InstanceData,
    name: &PyRef,
    value: Option<PyRef>,
) -> Stored {
    let d = match inst.dict() {
        Some(d) => d,
        None => {
            let Some(t) = obj.class().as_type() else {
                return Stored::NoNamespace;
            };
            if !has_namespace(t) {
                return Stored::NoNamespace;
            }
            match store_value(t, inst, name, value) {
                Ok(r) => return r,
                Err(value) => {
                    let d = to_dict_mode(vm, t, inst);
                    return store_in_dict(vm, &d, name, value);
                }
            }
        }
    };
    store_in_dict(vm, &d, name, value)
}

fn store_in_dict(vm: &Vm, d: &PyRef, name: &PyRef, value: Option<PyRef>) -> Stored {
    match value {
        Some(v) => {
            dict::set_str(vm, d, name.clone(), v);
            Stored::Done
        }
        None => match dict::del_str(vm, d, name) {
            Some(_) => Stored::Done,
            None => Stored::Missing,
        },
    }
}

/// Stores into values mode; gives the value back when the namespace must
/// become a dict instead (unshareable key, too many keys, out of order).
fn store_value(
    t: &TypeData,
    inst: &InstanceData,
    name: &PyRef,
    value: Option<PyRef>,
) -> Result<Stored, Option<PyRef>> {
    let idx = match key_index(t, name) {
        Some(i) => i,
        None => {
            if value.is_none() {
                return Ok(Stored::Missing);
            }
            let exact_str = matches!(name.payload, Payload::Str(_))
                && name.class().as_type().is_some_and(|nt| !nt.heap);
            let mut keys = t.shared_keys.borrow_mut();
            if !exact_str || keys.len() >= MAX_SHARED_KEYS {
                return Err(value);
            }
            keys.push(name.clone());
            keys.len() - 1
        }
    };
    match value {
        Some(v) => match inst.store_at(idx, v) {
            Ok(()) => Ok(Stored::Done),
            Err(v) => Err(Some(v)),
        },
        None => match inst.take(idx) {
            Some(old) => {
                drop(old);
                Ok(Stored::Done)
            }
            None => Ok(Stored::Missing),
        },
    }
}
