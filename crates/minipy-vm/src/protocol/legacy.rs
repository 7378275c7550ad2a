//! Transitional: the protocol implementations from before the slot
//! tables, kept for the built-in types not yet declared through a
//! `TypeSpec` (`TypeData::legacy`). Each dispatches on the payload first
//! and on dunder lookups second. The slot-based protocols in `ops.rs`,
//! `seq.rs`, `repr.rs` call these only when an operand's type is legacy;
//! this file goes away when the last built-in type has its spec.

use minipy_bytecode::opcode::{nb, NB_OPS};
use minipy_bytecode::repr::float_repr;
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::number::{self, UnaryOp};
use crate::objects::{dict, iter, seq, typeobj};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// `(__op__, __rop__, __iop__)` for each binary `NB_*` operator.
const DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

fn is_heap(obj: &PyRef) -> bool {
    obj.class().as_type().map(|t| t.heap).unwrap_or(false)
}

fn pointer_hash(obj: &PyRef) -> i64 {
    crate::protocol::ops::pointer_hash(obj)
}

impl Vm {
    /// `a <op> b` for a `BINARY_OP` argument (in-place forms included).
    pub(crate) fn legacy_binary_op(&self, a: &PyRef, b: &PyRef, op: u32) -> PyResult {
        if !is_heap(a) && !is_heap(b) {
            if let Some(r) = number::binary(self, a, b, op)? {
                return Ok(r);
            }
            if let Some(r) = seq::binary(self, a, b, op)? {
                return Ok(r);
            }
            if let Some(r) = self.binary_special(a, b, op)? {
                return Ok(r);
            }
            return Err(self.binary_type_error(a, b, op));
        }
        match self.binary_special(a, b, op)? {
            Some(r) => Ok(r),
            None => {
                // `list += x` falls back to extending (sq_inplace_concat),
                // whose error is the iteration's.
                if op == nb::ADD + nb::INPLACE_OFFSET && !is_heap(a) {
                    if let Payload::List(l) = &a.payload {
                        let items = self.iterate(b)?;
                        l.borrow_mut().extend(items);
                        return Ok(a.clone());
                    }
                }
                Err(self.binary_type_error(a, b, op))
            }
        }
    }

    /// The special-method protocol: `__iop__`, then `__op__`/`__rop__` with
    /// the subclass-first rule.
    fn binary_special(&self, a: &PyRef, b: &PyRef, op: u32) -> PyResult<Option<PyRef>> {
        let inplace = op >= nb::INPLACE_OFFSET;
        let base = if inplace { op - nb::INPLACE_OFFSET } else { op } as usize;
        let Some(&(name, rname, iname)) = DUNDERS.get(base) else {
            return Ok(None);
        };
        if inplace {
            if let Some(r) = self.call_special(a, iname, std::slice::from_ref(b))? {
                if !r.is(&self.not_implemented) {
                    return Ok(Some(r));
                }
            }
        }
        let ta = a.class();
        let tb = b.class();
        let same = ta.is(tb);
        let b_first = !same
            && typeobj::is_subtype(tb, ta)
            && self.lookup_special(b, rname).is_some()
            && !self
                .lookup_special(b, rname)
                .zip(self.lookup_special(a, rname))
                .map(|(x, y)| x.is(&y))
                .unwrap_or(false);
        if b_first {
            if let Some(r) = self.call_special(b, rname, std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(r) = self.call_special(a, name, std::slice::from_ref(b))? {
            if !r.is(&self.not_implemented) {
                return Ok(Some(r));
            }
        }
        if !same && !b_first {
            if let Some(r) = self.call_special(b, rname, std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    fn binary_type_error(&self, a: &PyRef, b: &PyRef, op: u32) -> PyRef {
        let sym = NB_OPS.get(op as usize).map(|x| x.1).unwrap_or("?");
        if op == nb::POWER || op == nb::POWER + nb::INPLACE_OFFSET {
            return self.type_error(format!(
                "unsupported operand type(s) for {} or pow(): '{}' and '{}'",
                sym,
                a.type_name(),
                b.type_name()
            ));
        }
        if (op == nb::ADD || op == nb::ADD + nb::INPLACE_OFFSET) && !is_heap(a) {
            if let Some(e) = seq::concat_error(self, a, b) {
                return e;
            }
        }
        if op == nb::MULTIPLY || op == nb::MULTIPLY + nb::INPLACE_OFFSET {
            let seq_a = matches!(
                a.payload,
                Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
            );
            let seq_b = matches!(
                b.payload,
                Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
            );
            if seq_a && !seq_b {
                return self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.type_name()
                ));
            }
            if seq_b && !seq_a {
                return self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    a.type_name()
                ));
            }
        }
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            a.type_name(),
            b.type_name()
        ))
    }

    /// `-a`, `+a`, `~a`.
    pub(crate) fn legacy_unary_op(&self, a: &PyRef, op: UnaryOp) -> PyResult {
        if !is_heap(a) {
            if let Some(r) = number::unary(self, a, op)? {
                return Ok(r);
            }
        }
        let (name, sym) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
        };
        match self.call_special(a, name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!(
                "bad operand type for unary {}: '{}'",
                sym,
                a.type_name()
            ))),
        }
    }

    /// `bool(obj)`.
    pub(crate) fn legacy_truthy(&self, obj: &PyRef) -> PyResult<bool> {
        match &obj.payload {
            Payload::Int(i) => return Ok(*i != 0),
            Payload::None => return Ok(false),
            Payload::Str(s) => return Ok(!s.s.is_empty()),
            Payload::List(l) => return Ok(!l.borrow().is_empty()),
            Payload::Tuple(_) => return Ok(!obj.items().is_empty()),
            Payload::Float(f) => return Ok(*f != 0.0),
            Payload::BigInt(_) => return Ok(true),
            Payload::Dict(d) | Payload::Set(d) if !is_heap(obj) => {
                return Ok(!d.borrow().is_empty())
            }
            _ => {}
        }
        if !is_heap(obj) {
            if let Some(n) = seq::len(obj) {
                return Ok(n != 0);
            }
            if let Payload::Complex(re, im) = obj.payload {
                return Ok(re != 0.0 || im != 0.0);
            }
            if !matches!(obj.payload, Payload::Instance(_)) {
                return Ok(true);
            }
        }
        if let Some(r) = self.call_special(obj, "__bool__", &[])? {
            return match &r.payload {
                Payload::Int(i) if r.class().is(&self.types.bool) => Ok(*i != 0),
                _ => Err(self.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    r.type_name()
                ))),
            };
        }
        if self.lookup_special(obj, "__len__").is_some() {
            return Ok(self.len(obj)? != 0);
        }
        Ok(true)
    }

    pub(crate) fn legacy_compare_bool(
        &self,
        a: &PyRef,
        b: &PyRef,
        op: CompareOp,
    ) -> PyResult<bool> {
        if !is_heap(a) && !is_heap(b) {
            if let Some(r) = number::compare(a, b, op) {
                return Ok(r);
            }
            if let Some(r) = seq::compare(self, a, b, op)? {
                return Ok(r);
            }
        }
        let r = self.compare(a, b, op)?;
        if let Payload::Int(i) = r.payload {
            if r.class().is(&self.types.bool) {
                return Ok(i != 0);
            }
        }
        self.truthy(&r)
    }

    /// Rich comparison returning an object (`COMPARE_OP`).
    pub(crate) fn legacy_compare(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
        if !is_heap(a) && !is_heap(b) {
            if let Some(r) = number::compare(a, b, op) {
                return Ok(self.new_bool(r));
            }
            if let Some(r) = seq::compare(self, a, b, op)? {
                return Ok(self.new_bool(r));
            }
        }
        self.enter()?;
        let r = self.compare_special(a, b, op);
        self.leave();
        r
    }

    fn compare_special(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
        let ta = a.class();
        let tb = b.class();
        let swapped = op.swapped();
        let reflected_first = !ta.is(tb)
            && typeobj::is_subtype(tb, ta)
            && self.lookup_special(b, swapped.dunder()).is_some();
        if reflected_first {
            if let Some(r) = self.call_special(b, swapped.dunder(), std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, op.dunder(), std::slice::from_ref(b))? {
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !reflected_first {
            if let Some(r) = self.call_special(b, swapped.dunder(), std::slice::from_ref(a))? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(self.new_bool(a.is(b))),
            CompareOp::Ne => Ok(self.new_bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// `hash(obj)`.
    pub(crate) fn legacy_hash(&self, obj: &PyRef) -> PyResult<i64> {
        if let Payload::WeakRef(_) = &obj.payload {
            // weakref.ref hashes as its referent; proxies are unhashable.
            if let Some(h) = self.lookup_special(obj, "__hash__") {
                if matches!(h.payload, Payload::Builtin(_)) {
                    let r = self.call_args(&h, std::slice::from_ref(obj))?;
                    return Ok(r.as_small_int().unwrap_or(-1));
                }
            }
        }
        if !is_heap(obj) {
            if let Payload::Str(_) = &obj.payload {
                return Ok(self.str_hash(obj));
            }
            if let Some(h) = number::hash(obj) {
                return Ok(h);
            }
            if let Some(h) = seq::hash(self, obj)? {
                return Ok(h);
            }
            match &obj.payload {
                Payload::List(_)
                | Payload::Dict(_)
                | Payload::Set(_)
                | Payload::Slice { .. }
                | Payload::ByteArray(_) => {
                    return Err(self.type_error(format!("unhashable type: '{}'", obj.type_name())))
                }
                Payload::Instance(_) => {}
                _ => return Ok(pointer_hash(obj)),
            }
        }
        match self.lookup_special(obj, "__hash__") {
            Some(h) if h.is_none() => {
                Err(self.type_error(format!("unhashable type: '{}'", obj.type_name())))
            }
            Some(h) if !matches!(h.payload, Payload::Builtin(_)) => {
                let r = self.call_args(&h, std::slice::from_ref(obj))?;
                match &r.payload {
                    Payload::Int(i) => Ok(if *i == -1 { -2 } else { *i }),
                    Payload::BigInt(_) => number::hash(&r).ok_or_else(|| {
                        self.type_error("__hash__ method should return an integer".to_string())
                    }),
                    _ => {
                        Err(self.type_error("__hash__ method should return an integer".to_string()))
                    }
                }
            }
            _ => {
                // Built-in hash of the payload (subclass instances) or identity.
                if let Payload::Str(_) = &obj.payload {
                    return Ok(self.str_hash(obj));
                }
                if let Some(h) = number::hash(obj) {
                    return Ok(h);
                }
                if let Some(h) = seq::hash(self, obj)? {
                    return Ok(h);
                }
                if matches!(
                    obj.payload,
                    Payload::List(_) | Payload::Dict(_) | Payload::Set(_)
                ) {
                    return Err(self.type_error(format!("unhashable type: '{}'", obj.type_name())));
                }
                Ok(pointer_hash(obj))
            }
        }
    }

    /// `item in container`.
    pub(crate) fn legacy_contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
        if !is_heap(container) {
            if let Some(r) = seq::contains(self, container, item)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_special(container, "__contains__", std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        let has_iter = self.lookup_special(container, "__iter__").is_some()
            || self.lookup_special(container, "__getitem__").is_some()
            || !is_heap(container);
        if !has_iter {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            )));
        }
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) if self.exc_matches(&e, &self.exc.type_error) => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    container.type_name()
                )))
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `obj[key]`.
    pub(crate) fn legacy_getitem(&self, obj: &PyRef, key: &PyRef) -> PyResult {
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
                return crate::objects::genericalias::call_prelude(
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
    pub(crate) fn legacy_setitem(&self, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<()> {
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
    pub(crate) fn legacy_delitem(&self, obj: &PyRef, key: &PyRef) -> PyResult<()> {
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
    pub(crate) fn legacy_len(&self, obj: &PyRef) -> PyResult<usize> {
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
    pub(crate) fn legacy_iter(&self, obj: &PyRef) -> PyResult {
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

    /// `next(it)`: `Ok(None)` when exhausted.
    pub(crate) fn legacy_next(&self, it: &PyRef) -> PyResult<Option<PyRef>> {
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

    pub(crate) fn legacy_repr(&self, obj: &PyRef) -> PyResult<PyRef> {
        if let Some(m) = self.lookup_special(obj, "__repr__") {
            let native_instance_repr = match &m.payload {
                Payload::Builtin(b) => {
                    matches!(obj.payload, Payload::Instance(_))
                        && b.owner.as_deref() != Some("object")
                }
                _ => false,
            };
            if native_instance_repr
                || !matches!(
                    m.payload,
                    Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
                )
            {
                self.enter()?;
                let r = self.call_args(&m, std::slice::from_ref(obj));
                self.leave();
                let r = r?;
                if r.as_str().is_none() {
                    return Err(self.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        r.type_name()
                    )));
                }
                return Ok(r);
            }
        }
        let s = self.native_repr(obj)?;
        Ok(self.new_string(s))
    }

    /// The built-in repr of the payload (what `object.__repr__`,
    /// `int.__repr__`... produce).
    pub fn native_repr(&self, obj: &PyRef) -> PyResult<String> {
        let s = match &obj.payload {
            Payload::None => "None".to_string(),
            Payload::NotImplemented => "NotImplemented".to_string(),
            Payload::Ellipsis => "Ellipsis".to_string(),
            Payload::Int(i)
                if obj.class().is(&self.types.bool)
                    || obj
                        .class()
                        .as_type()
                        .map(|t| t.layout == crate::objects::typeobj::Layout::Bool)
                        .unwrap_or(false) =>
            {
                if *i != 0 { "True" } else { "False" }.to_string()
            }
            Payload::Int(_) | Payload::BigInt(_) => crate::objects::int::int_str(self, obj)?,
            Payload::Float(f) => float_repr(*f),
            Payload::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow().as_str().unwrap_or("?"),
                obj.addr()
            ),
            Payload::Builtin(b) => match &b.self_ {
                Some(s) if !matches!(s.payload, Payload::Module { .. }) => {
                    if s.as_type().is_some() {
                        format!(
                            "<built-in method {} of type object at {:#x}>",
                            b.name,
                            s.addr()
                        )
                    } else {
                        format!(
                            "<built-in method {} of {} object at {:#x}>",
                            b.name,
                            s.type_name(),
                            s.addr()
                        )
                    }
                }
                _ => match &b.owner {
                    Some(o) => format!("<method '{}' of '{}' objects>", b.name, o),
                    None => format!("<built-in function {}>", b.name),
                },
            },
            Payload::BoundMethod { func, self_ } => {
                let q = self.getattr_opt(func, &self.intern("__qualname__"))?;
                let q = q
                    .and_then(|q| q.as_str().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".into());
                format!("<bound method {} of {}>", q, self.repr_string(self_)?)
            }
            Payload::Type(t) => {
                let module = dict::get_str(self, &t.dict, &self.intern("__module__"))
                    .and_then(|m| m.as_str().map(|s| s.to_string()));
                match module {
                    Some(m) if m != "builtins" => {
                        format!("<class '{}.{}'>", m, t.qualname.borrow())
                    }
                    _ => format!("<class '{}'>", t.qualname.borrow()),
                }
            }
            Payload::WeakRef(_) => crate::objects::weakref::repr_string(self, obj),
            Payload::Module { dict: d } => {
                let name = dict::get_str(self, d, &self.intern("__name__"))
                    .and_then(|n| n.as_str().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".into());
                match dict::get_str(self, d, &self.intern("__file__"))
                    .and_then(|f| f.as_str().map(|s| s.to_string()))
                {
                    Some(f) => format!("<module '{}' from '{}'>", name, f),
                    None => format!("<module '{}' (built-in)>", name),
                }
            }
            Payload::Exception(_) => crate::objects::exceptions::exc_repr(self, obj)?,
            Payload::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.co_name,
                obj.addr(),
                c.code.co_filename,
                c.code.co_firstlineno
            ),
            Payload::Generator(g) => {
                format!("<generator object {} at {:#x}>", g.qualname(), obj.addr())
            }
            Payload::Cell(c) => match &*c.borrow() {
                Some(v) => format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    obj.addr(),
                    v.type_name(),
                    v.addr()
                ),
                None => format!("<cell at {:#x}: empty>", obj.addr()),
            },
            Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::Range { .. }
            | Payload::DictView { .. }
            | Payload::Slice { .. } => {
                if let Payload::Complex(..) = obj.payload {
                    return Ok(crate::objects::float::complex_repr(obj));
                }
                match seq::repr(self, obj)? {
                    Some(s) => s,
                    None => self.default_repr(obj),
                }
            }
            Payload::ByteArray(_) => crate::objects::bytearray::repr(obj),
            Payload::MappingProxy(_) => crate::objects::mappingproxy::repr(self, obj)?,
            Payload::Super { ty, obj: o, .. } => {
                let tn = ty
                    .as_type()
                    .map(|t| t.name().to_string())
                    .unwrap_or_default();
                match o {
                    Some(o) => format!("<super: <class '{}'>, <{} object>>", tn, o.type_name()),
                    None => format!("<super: <class '{}'>, NULL>", tn),
                }
            }
            _ => self.default_repr(obj),
        };
        Ok(s)
    }

    /// `str(obj)`.
    pub(crate) fn legacy_str(&self, obj: &PyRef) -> PyResult<PyRef> {
        if obj.class().is(&self.types.str) {
            return Ok(obj.clone());
        }
        let mro = obj
            .class()
            .as_type()
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        let key = self.intern("__str__");
        for cls in &mro {
            let Some(t) = cls.as_type() else { continue };
            let Some(m) = dict::get_str(self, &t.dict, &key) else {
                continue;
            };
            if matches!(
                m.payload,
                Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
            ) {
                return match &obj.payload {
                    Payload::Exception(_) if !cls.is(&self.types.object) => {
                        let s = crate::objects::exceptions::exc_str(self, obj)?;
                        Ok(self.new_string(s))
                    }
                    Payload::Str(s) if !cls.is(&self.types.object) => Ok(self.new_str(&s.s)),
                    Payload::MappingProxy(m) if !cls.is(&self.types.object) => self.str(m),
                    Payload::WeakRef(_) if crate::objects::weakref::is_proxy(obj) => {
                        let target = crate::objects::weakref::proxy_target(self, obj)?;
                        self.str(&target)
                    }
                    _ => self.repr(obj),
                };
            }
            self.enter()?;
            let r = self.call_args(&m, std::slice::from_ref(obj));
            self.leave();
            let r = r?;
            if r.as_str().is_none() {
                return Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    r.type_name()
                )));
            }
            return Ok(r);
        }
        self.repr(obj)
    }
}
