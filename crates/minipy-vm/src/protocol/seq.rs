//! Subscription, `len`, iteration and `__index__`.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::{iter, seq};
use crate::vm::Vm;

fn is_heap(obj: &PyRef) -> bool {
    obj.class().as_type().map(|t| t.heap).unwrap_or(false)
}

impl Vm {
    /// `obj[key]`.
    pub fn getitem(&self, obj: &PyRef, key: &PyRef) -> PyResult {
        if !is_heap(obj) {
            if let Some(r) = seq::getitem(self, obj, key)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_special(obj, "__getitem__", std::slice::from_ref(key))? {
            return Ok(r);
        }
        if obj.as_type().is_some() {
            if let Some(cg) = self.getattr_opt(obj, &self.intern("__class_getitem__"))? {
                return self.call_args(&cg, std::slice::from_ref(key));
            }
            let t = &self.types;
            if [
                &t.type_,
                &t.list,
                &t.dict,
                &t.tuple,
                &t.set,
                &t.frozenset,
                &t.enumerate,
            ]
            .iter()
            .any(|g| obj.is(g))
            {
                return crate::objects::descriptors::call_prelude(
                    self,
                    "GenericAlias",
                    &[obj.clone(), key.clone()],
                );
            }
        }
        if is_heap(obj) {
            if let Some(r) = seq::getitem(self, obj, key)? {
                return Ok(r);
            }
        }
        Err(self.type_error(format!("'{}' object is not subscriptable", obj.type_name())))
    }

    /// `obj[key] = value`.
    pub fn setitem(&self, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
        if !is_heap(obj) && seq::setitem(self, obj, key, value.clone())? {
            return Ok(());
        }
        if self
            .call_special(obj, "__setitem__", &[key.clone(), value.clone()])?
            .is_some()
        {
            return Ok(());
        }
        if is_heap(obj) && seq::setitem(self, obj, key, value)? {
            return Ok(());
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            obj.type_name()
        )))
    }

    /// `del obj[key]`.
    pub fn delitem(&self, obj: &PyRef, key: &PyRef) -> PyResult<()> {
        if !is_heap(obj) && seq::delitem(self, obj, key)? {
            return Ok(());
        }
        if self
            .call_special(obj, "__delitem__", std::slice::from_ref(key))?
            .is_some()
        {
            return Ok(());
        }
        if is_heap(obj) && seq::delitem(self, obj, key)? {
            return Ok(());
        }
        Err(self.type_error(format!(
            "'{}' object does not support item deletion",
            obj.type_name()
        )))
    }

    /// `len(obj)`.
    pub fn len(&self, obj: &PyRef) -> PyResult<usize> {
        if !is_heap(obj) {
            if let Some(n) = seq::len(obj) {
                return Ok(n);
            }
        }
        if let Some(r) = self.call_special(obj, "__len__", &[])? {
            let n = self.index_big(&r)?;
            return match n.to_i64() {
                Some(n) if n >= 0 => Ok(n as usize),
                Some(_) => Err(self.value_error("__len__() should return >= 0".to_string())),
                None => {
                    Err(self
                        .overflow_error("cannot fit 'int' into an index-sized integer".to_string()))
                }
            };
        }
        if let Some(n) = seq::len(obj) {
            return Ok(n);
        }
        Err(self.type_error(format!("object of type '{}' has no len()", obj.type_name())))
    }

    /// `iter(obj)`.
    pub fn iter(&self, obj: &PyRef) -> PyResult {
        if !is_heap(obj) {
            if let Some(it) = iter::native_iter(self, obj) {
                return Ok(it);
            }
        }
        if let Some(m) = self.lookup_special(obj, "__iter__") {
            if m.is_none() {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", obj.type_name()))
                );
            }
            let it = self
                .call_special(obj, "__iter__", &[])?
                .unwrap_or_else(|| self.none.clone());
            if !self.is_iterator(&it) {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.type_name()
                )));
            }
            return Ok(it);
        }
        if let Some(it) = iter::native_iter(self, obj) {
            return Ok(it);
        }
        if self.lookup_special(obj, "__getitem__").is_some() {
            return Ok(iter::new_iter(
                self,
                IterKind::GetItem {
                    obj: obj.clone(),
                    index: std::cell::Cell::new(0),
                },
                &self.types.iterator,
            ));
        }
        Err(self.type_error(format!("'{}' object is not iterable", obj.type_name())))
    }

    pub fn is_iterator(&self, obj: &PyRef) -> bool {
        matches!(obj.payload, Payload::Iter(_) | Payload::Generator(_))
            || self.lookup_special(obj, "__next__").is_some()
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
        match &it.payload {
            Payload::Iter(_) if !is_heap(it) => iter::next_native(self, it),
            Payload::Generator(_) => crate::objects::generator::next(self, it),
            _ => match self.call_special(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => {
                    if let Payload::Iter(_) = &it.payload {
                        return iter::next_native(self, it);
                    }
                    Err(self.type_error(format!("'{}' object is not an iterator", it.type_name())))
                }
                Err(e) if self.exc_matches(&e, &self.exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
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
                IterKind::Range { next, stop, step } => {
                    let n = crate::objects::range::range_len_of(next.get(), *stop, *step);
                    seq::alloc::vec_with_capacity(self, usize::try_from(n).unwrap_or(usize::MAX))?
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

    /// `operator.index(obj)` as a BigInt.
    pub fn index_big(&self, obj: &PyRef) -> PyResult<BigInt> {
        match &obj.payload {
            Payload::Int(i) => return Ok(BigInt::from(*i)),
            Payload::BigInt(b) => return Ok((**b).clone()),
            _ => {}
        }
        if let Some(r) = self.call_special(obj, "__index__", &[])? {
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
