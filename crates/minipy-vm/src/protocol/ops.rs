//! Operators: binary and unary arithmetic, rich comparison, truth, hashing,
//! membership. Built-in operands take the native fast paths (objects::number,
//! objects::seq); user types go through their special methods with
//! CPython's reflected-operand rules.

use minipy_bytecode::opcode::{nb, NB_OPS};

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::number::{self, UnaryOp};
use crate::objects::{seq, typeobj};
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

impl Vm {
    /// `a <op> b` for a `BINARY_OP` argument (in-place forms included).
    pub fn binary_op(&self, a: &PyRef, b: &PyRef, op: u32) -> PyResult {
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
    pub fn unary_op(&self, a: &PyRef, op: UnaryOp) -> PyResult {
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
    pub fn truthy(&self, obj: &PyRef) -> PyResult<bool> {
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

    /// `a == b` as a bool.
    pub fn eq(&self, a: &PyRef, b: &PyRef) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::objects::dict::fast_eq(a, b) {
            return Ok(r);
        }
        self.compare_bool(a, b, CompareOp::Eq)
    }

    pub fn compare_bool(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
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
    pub fn compare(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
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
    pub fn hash(&self, obj: &PyRef) -> PyResult<i64> {
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

    /// Hash of a `str` object (never fails).
    #[inline]
    pub fn str_hash(&self, s: &PyRef) -> i64 {
        match &s.payload {
            Payload::Str(d) => {
                let h = d.hash.get();
                if h != -1 {
                    return h;
                }
                let h = str_hash_of(&d.s);
                d.hash.set(h);
                h
            }
            _ => pointer_hash(s),
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
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
}

/// CPython's `_Py_HashPointer`: the address rotated by 4 bits.
pub fn pointer_hash(obj: &PyRef) -> i64 {
    let a = obj.addr();
    let h = a.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of a string's contents: CPython's SipHash-1-3 with the key of
/// `PYTHONHASHSEED=0` (see objects/str.rs), so set and dict orders of
/// strings match CPython run with that seed.
pub fn str_hash_of(s: &str) -> i64 {
    crate::objects::str::str_hash_of(s)
}
