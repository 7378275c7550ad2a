//! The number protocol and object comparison, hashing and truth, in the
//! shape of CPython's `Objects/abstract.c` and `Objects/object.c`: each
//! operation calls the operands' type slots (`binary_op1` with its
//! subclass-first rule, `do_richcompare` with the reflected operation,
//! the sequence fallbacks of `+` and `*`), never the payload.

use minipy_bytecode::opcode::{nb, NB_OPS};

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::layout::Payload;
use crate::objects::number::UnaryOp;
use crate::objects::typeobj::slots::{SlotId, Slots, NB_BINARY_SLOTS};
use crate::objects::typeobj::{self};
use crate::protocol::CompareOp;
use crate::vm::Vm;

#[inline(always)]
fn slots(obj: &PyObject) -> &Slots {
    match &obj.class().payload {
        Payload::Type(t) => &t.slots,
        _ => empty_slots(),
    }
}

/// The slots of an object whose type is not a type object (impossible:
/// every `ob_type` is a type): none, so every protocol raises its
/// TypeError rather than dispatching anywhere.
fn empty_slots() -> &'static Slots {
    thread_local! {
        static EMPTY: &'static Slots = Box::leak(Box::new(Slots::empty()));
    }
    EMPTY.with(|e| *e)
}

impl Vm {
    /// `a <op> b` for a `BINARY_OP` argument (in-place forms included):
    /// `PyNumber_Add`, `PyNumber_InPlaceAdd`, ...
    pub fn binary_op(&self, a: &PyRef, b: &PyRef, op: u32) -> PyResult {
        let inplace = op >= nb::INPLACE_OFFSET;
        let base = if inplace { op - nb::INPLACE_OFFSET } else { op };
        let (Some(&slot), Some(&islot)) = (
            NB_BINARY_SLOTS.get(base as usize),
            NB_BINARY_SLOTS.get(op as usize),
        ) else {
            return Err(self.new_error(
                &self.exc.system_error,
                format!("bad BINARY_OP argument {}", op),
            ));
        };
        let r = if inplace {
            self.binary_iop1(a, b, islot, slot)?
        } else {
            self.binary_op1(a, b, slot)?
        };
        if !r.is(&self.not_implemented) {
            return Ok(r);
        }
        if base == nb::ADD {
            let sa = slots(a);
            let f = if inplace {
                sa.sq_inplace_concat().or_else(|| sa.sq_concat())
            } else {
                sa.sq_concat()
            };
            if let Some(f) = f {
                return f(self, a, b);
            }
        }
        if base == nb::MULTIPLY {
            let (sa, sb) = (slots(a), slots(b));
            let fa = if inplace {
                sa.sq_inplace_repeat().or_else(|| sa.sq_repeat())
            } else {
                sa.sq_repeat()
            };
            if let Some(f) = fa {
                return self.sequence_repeat(f, a, b);
            }
            if let Some(f) = sb.sq_repeat() {
                return self.sequence_repeat(f, b, a);
            }
        }
        Err(self.binop_type_error(a, b, op))
    }

    /// CPython's `binary_op1`: the left operand's slot, the right one's
    /// first when its type is a subclass that overrides it, then the right
    /// one's; NotImplemented when none applies.
    fn binary_op1(&self, v: &PyRef, w: &PyRef, id: SlotId) -> PyResult {
        if id == SlotId::NbPower {
            return self.ternary_op1(v, w, &self.none, id);
        }
        let (sv, sw) = (slots(v), slots(w));
        let slotv = sv.get(id).and_then(binary_fn);
        let mut slotw = if !w.class().is(v.class()) && !sw.same(sv, id) {
            sw.get(id).and_then(binary_fn)
        } else {
            None
        };
        if let Some(fv) = slotv {
            if let Some(fw) = slotw {
                if typeobj::is_subtype(w.class(), v.class()) {
                    let x = fw(self, v, w)?;
                    if !x.is(&self.not_implemented) {
                        return Ok(x);
                    }
                    slotw = None;
                }
            }
            let x = fv(self, v, w)?;
            if !x.is(&self.not_implemented) {
                return Ok(x);
            }
        }
        if let Some(fw) = slotw {
            return fw(self, v, w);
        }
        Ok(self.not_implemented.clone())
    }

    /// CPython's `binary_iop1`: the in-place slot of `v`, then `binary_op1`.
    fn binary_iop1(&self, v: &PyRef, w: &PyRef, iid: SlotId, id: SlotId) -> PyResult {
        match slots(v).get(iid) {
            Some(typeobj::SlotFn::Binary(f)) => {
                let x = f(self, v, w)?;
                if !x.is(&self.not_implemented) {
                    return Ok(x);
                }
            }
            Some(typeobj::SlotFn::Ternary(f)) => {
                let x = f(self, v, w, &self.none)?;
                if !x.is(&self.not_implemented) {
                    return Ok(x);
                }
            }
            _ => {}
        }
        self.binary_op1(v, w, id)
    }

    /// CPython's `ternary_op` without the error: `pow(v, w, z)` through
    /// `nb_power` of `v`, `w`, then `z`.
    fn ternary_op1(&self, v: &PyRef, w: &PyRef, z: &PyRef, id: SlotId) -> PyResult {
        let (sv, sw) = (slots(v), slots(w));
        let slotv = sv.nb_power();
        let mut slotw = if !w.class().is(v.class()) && !sw.same(sv, id) {
            sw.nb_power()
        } else {
            None
        };
        if let Some(fv) = slotv {
            if let Some(fw) = slotw {
                if typeobj::is_subtype(w.class(), v.class()) {
                    let x = fw(self, v, w, z)?;
                    if !x.is(&self.not_implemented) {
                        return Ok(x);
                    }
                    slotw = None;
                }
            }
            let x = fv(self, v, w, z)?;
            if !x.is(&self.not_implemented) {
                return Ok(x);
            }
        }
        if let Some(fw) = slotw {
            let x = fw(self, v, w, z)?;
            if !x.is(&self.not_implemented) {
                return Ok(x);
            }
        }
        if !z.is_none() {
            let sz = slots(z);
            let dup = sz.same(sv, id) || sz.same(sw, id);
            if let (Some(fz), false) = (sz.nb_power(), dup) {
                return fz(self, v, w, z);
            }
        }
        Ok(self.not_implemented.clone())
    }

    /// `pow(v, w, z)` with a modulus (`PyNumber_Power`).
    pub fn power(&self, v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult {
        if z.is_none() {
            return self.binary_op(v, w, nb::POWER);
        }
        let r = self.ternary_op1(v, w, z, SlotId::NbPower)?;
        if !r.is(&self.not_implemented) {
            return Ok(r);
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            v.type_name(),
            w.type_name(),
            z.type_name()
        )))
    }

    /// `divmod(v, w)` (`PyNumber_Divmod`): `nb_divmod` by `binary_op1`.
    pub fn divmod(&self, v: &PyRef, w: &PyRef) -> PyResult {
        let r = self.binary_op1(v, w, SlotId::NbDivmod)?;
        if !r.is(&self.not_implemented) {
            return Ok(r);
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            v.type_name(),
            w.type_name()
        )))
    }

    /// `abs(v)` (`PyNumber_Absolute`): `nb_absolute`.
    pub fn absolute(&self, v: &PyRef) -> PyResult {
        match slots(v).nb_absolute() {
            Some(f) => f(self, v),
            None => {
                Err(self.type_error(format!("bad operand type for abs(): '{}'", v.type_name())))
            }
        }
    }

    /// CPython's `sequence_repeat`: `seq * n` with an index `n`.
    fn sequence_repeat(&self, f: typeobj::slots::RepeatFn, seq: &PyRef, n: &PyRef) -> PyResult {
        if slots(n).nb_index().is_none() {
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            )));
        }
        let count = self.index_ssize(n)?;
        f(self, seq, count)
    }

    /// `operator.index(n)` as a `Py_ssize_t`, OverflowError beyond it.
    pub fn index_ssize(&self, n: &PyRef) -> PyResult<isize> {
        if let Payload::Int(i) = n.payload {
            return isize::try_from(i).map_err(|_| self.ssize_overflow());
        }
        let b = self.index_big(n)?;
        num_traits::ToPrimitive::to_isize(&b).ok_or_else(|| self.ssize_overflow())
    }

    fn ssize_overflow(&self) -> PyRef {
        self.overflow_error("cannot fit 'int' into an index-sized integer".to_string())
    }

    fn binop_type_error(&self, a: &PyRef, b: &PyRef, op: u32) -> PyRef {
        let sym = NB_OPS.get(op as usize).map(|x| x.1).unwrap_or("?");
        let sym = if op == nb::POWER { "** or pow()" } else { sym };
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            a.type_name(),
            b.type_name()
        ))
    }

    /// `-a`, `+a`, `~a` (`PyNumber_Negative`, ...).
    pub fn unary_op(&self, a: &PyRef, op: UnaryOp) -> PyResult {
        let s = slots(a);
        let (f, sym) = match op {
            UnaryOp::Neg => (s.nb_negative(), "-"),
            UnaryOp::Pos => (s.nb_positive(), "+"),
            UnaryOp::Invert => (s.nb_invert(), "~"),
        };
        match f {
            Some(f) => f(self, a),
            None => Err(self.type_error(format!(
                "bad operand type for unary {}: '{}'",
                sym,
                a.type_name()
            ))),
        }
    }

    /// `bool(obj)` (`PyObject_IsTrue`): `nb_bool`, else a length, else true.
    pub fn truthy(&self, obj: &PyRef) -> PyResult<bool> {
        if obj.is(&self.true_) {
            return Ok(true);
        }
        if obj.is(&self.false_) || obj.is_none() {
            return Ok(false);
        }
        let s = slots(obj);
        if let Some(f) = s.nb_bool() {
            return f(self, obj);
        }
        if let Some(f) = s.length() {
            return Ok(f(self, obj)? != 0);
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

    /// `PyObject_RichCompareBool`: identity implies equality.
    pub fn compare_bool(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
        if a.is(b) {
            match op {
                CompareOp::Eq => return Ok(true),
                CompareOp::Ne => return Ok(false),
                _ => {}
            }
        }
        let r = self.compare(a, b, op)?;
        if r.is(&self.true_) {
            return Ok(true);
        }
        if r.is(&self.false_) {
            return Ok(false);
        }
        self.truthy(&r)
    }

    /// Rich comparison returning an object (`PyObject_RichCompare`,
    /// `COMPARE_OP`).
    pub fn compare(&self, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
        crate::stack::guard(self, || {
            crate::objects::seq::enter(self, " in comparison")?;
            let r = self.do_richcompare(a, b, op);
            self.leave();
            r
        })
    }

    /// CPython's `do_richcompare`: the reflected operation of a subclass
    /// right operand first, then the left's, then the right's; `==`/`!=`
    /// fall back to identity.
    fn do_richcompare(&self, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
        let mut checked_reverse = false;
        if !v.class().is(w.class()) && typeobj::is_subtype(w.class(), v.class()) {
            if let Some(f) = slots(w).richcompare() {
                checked_reverse = true;
                let r = f(self, w, v, op.swapped())?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = slots(v).richcompare() {
            let r = f(self, v, w, op)?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = slots(w).richcompare() {
                let r = f(self, w, v, op.swapped())?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(self.new_bool(v.is(w))),
            CompareOp::Ne => Ok(self.new_bool(!v.is(w))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                v.type_name(),
                w.type_name()
            ))),
        }
    }

    /// `hash(obj)` (`PyObject_Hash`).
    pub fn hash(&self, obj: &PyRef) -> PyResult<i64> {
        if let Payload::Str(_) = &obj.payload {
            if obj.class().is(&self.types.str) {
                return Ok(self.str_hash(obj));
            }
        }
        match slots(obj).hash() {
            Some(f) => f(self, obj),
            None => hash_not_implemented(self, obj),
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

    /// `item in container` (`PySequence_Contains`): `sq_contains`, else a
    /// search by iteration.
    pub fn contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
        match slots(container).contains() {
            Some(f) => f(self, container, item),
            None => self.iter_search_contains(container, item),
        }
    }

    /// CPython's `_PySequence_IterSearch(..., PY_ITERSEARCH_CONTAINS)`.
    pub fn iter_search_contains(&self, container: &PyRef, item: &PyRef) -> PyResult<bool> {
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
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// A binary number slot's function (`nb_power` is ternary, handled apart).
fn binary_fn(f: typeobj::SlotFn) -> Option<typeobj::slots::BinaryFn> {
    match f {
        typeobj::SlotFn::Binary(f) => Some(f),
        _ => None,
    }
}

/// `PyObject_HashNotImplemented`: the hash slot of unhashable types.
pub fn hash_not_implemented(vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", obj.type_name())))
}

/// CPython's `_Py_HashPointer`: the address rotated by 4 bits.
pub fn pointer_hash(obj: &PyObject) -> i64 {
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
