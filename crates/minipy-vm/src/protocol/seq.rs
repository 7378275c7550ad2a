//! The mapping, sequence and iterator protocols (CPython's
//! `PyObject_GetItem`, `PyObject_Size`, `PyObject_GetIter`, `PyIter_Next`,
//! `PyNumber_Index`), through the type's slots.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::{IterKind, Payload};
use crate::objects::seq;
use crate::vm::Vm;

fn is_heap(obj: &PyRef) -> bool {
    obj.class().as_type().map(|t| t.heap).unwrap_or(false)
}

fn slots(obj: &PyRef) -> Option<&crate::objects::typeobj::Slots> {
    obj.class().as_type().map(|t| &t.slots)
}

impl Vm {
    /// `obj[key]`: `mp_subscript`, else `__class_getitem__` of a class.
    pub fn getitem(&self, obj: &PyRef, key: &PyRef) -> PyResult {
        if let Some(f) = slots(obj).and_then(|s| s.subscript()) {
            return f(self, obj, key);
        }
        if obj.as_type().is_some() {
            if let Some(cg) = self.getattr_opt(obj, &self.intern("__class_getitem__"))? {
                return self.call_args(&cg, std::slice::from_ref(key));
            }
            if obj.is(&self.types.type_) {
                return crate::objects::genericalias::generic_alias(self, obj, key);
            }
            return Err(self.type_error(format!(
                "type '{}' is not subscriptable",
                crate::objects::descr::type_name(obj)
            )));
        }
        Err(self.type_error(format!("'{}' object is not subscriptable", obj.type_name())))
    }

    /// `obj[key] = value`.
    pub fn setitem(&self, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
        match slots(obj).and_then(|s| s.ass_subscript()) {
            Some(f) => f(self, obj, key, Some(value)),
            None => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&self, obj: &PyRef, key: &PyRef) -> PyResult<()> {
        match slots(obj).and_then(|s| s.ass_subscript()) {
            Some(f) => f(self, obj, key, None),
            None => Err(self.type_error(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `len(obj)` (`PyObject_Size`).
    pub fn len(&self, obj: &PyRef) -> PyResult<usize> {
        match slots(obj).and_then(|s| s.length()) {
            Some(f) => f(self, obj),
            None => {
                Err(self.type_error(format!("object of type '{}' has no len()", obj.type_name())))
            }
        }
    }

    /// `iter(obj)` (`PyObject_GetIter`): `tp_iter`, else a sequence
    /// iterator over `__getitem__`; the result must be an iterator.
    pub fn iter(&self, obj: &PyRef) -> PyResult {
        let s = slots(obj);
        match s.and_then(|s| s.iter()) {
            Some(f) => {
                let it = f(self, obj)?;
                if !self.is_iterator(&it) {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        it.type_name()
                    )));
                }
                Ok(it)
            }
            None => {
                let is_dict = crate::objects::typeobj::has_flag(
                    obj.class(),
                    crate::objects::typeobj::tpflags::DICT_SUBCLASS,
                );
                if s.and_then(|s| s.subscript()).is_some() && !is_dict {
                    return Ok(crate::objects::iter::seq_getitem_iter(self, obj));
                }
                Err(self.type_error(format!("'{}' object is not iterable", obj.type_name())))
            }
        }
    }

    /// `PyIter_Check`.
    pub fn is_iterator(&self, obj: &PyRef) -> bool {
        slots(obj).and_then(|s| s.iternext()).is_some()
    }

    /// `next(it)` (`PyIter_Next`): `Ok(None)` when exhausted.
    pub fn next(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match slots(it).and_then(|s| s.iternext()) {
            Some(f) => f(self, it),
            None => Err(self.type_error(format!("'{}' object is not an iterator", it.type_name()))),
        }
    }

    /// `it.__next__()` raising `StopIteration` (carrying a generator's
    /// return value) on exhaustion — what `next()` does.
    pub fn next_raising(&self, it: &PyRef) -> PyResult {
        if let Payload::Generator(_) = &it.payload {
            return match crate::objects::generator::resume(self, it, self.none.clone(), None)? {
                Ok(v) => Ok(v),
                Err(r) => Err(self.stop_iteration(if r.is_none() { None } else { Some(r) })),
            };
        }
        match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(self.stop_iteration(None)),
        }
    }

    /// Collects an iterable into a Vec.
    pub fn iterate(&self, obj: &PyRef) -> PyResult<Vec<PyRef>> {
        match &obj.payload {
            Payload::List(l) if !is_heap(obj) => return Ok(l.borrow().clone()),
            Payload::Tuple(_) if !is_heap(obj) => return Ok(obj.items().to_vec()),
            _ => {}
        }
        // CPython preallocates from the length hint: `list(range(2**62))` is a
        // MemoryError at once instead of an endless fill.
        let mut v = match &obj.payload {
            Payload::Range { .. } => {
                let n = crate::objects::range::range_len(self, obj)?;
                seq::alloc::vec_with_capacity(self, n)?
            }
            Payload::Iter(it) => match &*it.borrow() {
                IterKind::Range { len, index, .. } => {
                    let n = (*len - index.get()).max(0) as usize;
                    seq::alloc::vec_with_capacity(self, n)?
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let it = self.iter(obj)?;
        while let Some(x) = self.next(&it)? {
            v.push(x);
        }
        Ok(v)
    }

    /// `operator.index(obj)` as a BigInt (`PyNumber_Index`).
    pub fn index_big(&self, obj: &PyRef) -> PyResult<BigInt> {
        match &obj.payload {
            Payload::Int(i) => return Ok(BigInt::from(*i)),
            Payload::BigInt(b) => return Ok((**b).clone()),
            _ => {}
        }
        let r = match slots(obj).and_then(|s| s.nb_index()) {
            Some(f) => Some(f(self, obj)?),
            None => None,
        };
        if let Some(r) = r {
            return match &r.payload {
                Payload::Int(i) => Ok(BigInt::from(*i)),
                Payload::BigInt(b) => Ok((**b).clone()),
                _ => Err(self.type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.type_name()
                ))),
            };
        }
        Err(self.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            obj.type_name()
        )))
    }

    /// `operator.index(obj)` as an i64 (OverflowError when too large).
    pub fn index_i64(&self, obj: &PyRef) -> PyResult<i64> {
        if let Payload::Int(i) = obj.payload {
            return Ok(i);
        }
        let b = self.index_big(obj)?;
        b.to_i64().ok_or_else(|| {
            self.overflow_error("Python int too large to convert to C ssize_t".to_string())
        })
    }
}
