//! `tuple` (CPython's `Objects/tupleobject.c`). The items live after the
//! object (`PyRef::new_tuple`, read with `obj.items()`); instances of a
//! subclass have the same layout with their own type.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::{self, args};
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, SlotId, TypeSpec};
use crate::objects::{iter, slice};
use crate::protocol::CompareOp;
use crate::vm::Vm;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (`tuplehash`, xxHash-based).
pub fn tuple_hash(vm: &Vm, items: &[PyRef]) -> PyResult<i64> {
    crate::stack::guard(vm, || {
        vm.enter()?;
        let r = tuple_hash_inner(vm, items);
        vm.leave();
        r
    })
}

fn tuple_hash_inner(vm: &Vm, items: &[PyRef]) -> PyResult<i64> {
    let mut acc = XXPRIME_5;
    for it in items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// The items of a tuple object; SystemError for another payload.
fn items<'a>(vm: &Vm, t: &'a PyRef) -> PyResult<&'a [PyRef]> {
    match &t.payload {
        Payload::Tuple(_) => Ok(t.items()),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("tuple slot called on a '{}' object", t.type_name()),
        )),
    }
}

fn is_exact(vm: &Vm, t: &PyRef) -> bool {
    t.class().is(&vm.types.tuple)
}

/// `PySequence_Tuple`: an exact tuple is itself, an exact list is copied,
/// anything else iterated (its length hint sizing the result).
pub fn sequence_tuple(vm: &Vm, v: &PyRef) -> PyResult {
    if is_exact(vm, v) {
        return Ok(v.clone());
    }
    let items = seq::collect(vm, v, 10)?;
    Ok(vm.new_tuple(items))
}

/// `tuple(iterable=(), /)` (`tuple_new` / `tuple_vectorcall`).
fn tuple_new(vm: &Vm, a: Args) -> PyResult {
    let Some((cls, rest)) = a.pos().split_first() else {
        return Err(vm.type_error("tuple.__new__(): not enough arguments".to_string()));
    };
    if args::same_slot(cls, &vm.types.tuple, SlotId::Init) {
        args::no_keywords(vm, &a, "tuple")?;
    }
    args::check_positional(vm, "tuple", rest.len(), 0, 1)?;
    let t = match rest.first() {
        Some(o) => sequence_tuple(vm, o)?,
        None => vm.empty_tuple.clone(),
    };
    if cls.is(&vm.types.tuple) {
        return Ok(t);
    }
    Ok(PyRef::new_tuple(t.items().to_vec(), cls))
}

/// `()`, `(x,)`, `(x, y)`; `(...)` for a tuple already being shown.
fn tuple_repr(vm: &Vm, t: &PyRef) -> PyResult {
    let v = items(vm, t)?;
    if v.is_empty() {
        return Ok(vm.new_str("()"));
    }
    let s = seq::repr_guard(vm, t, "(...)", || {
        let inner = seq::join_reprs(vm, v)?;
        Ok(if v.len() == 1 {
            format!("({},)", inner)
        } else {
            format!("({})", inner)
        })
    })?;
    Ok(vm.new_string(s))
}

fn tuple_hash_slot(vm: &Vm, t: &PyRef) -> PyResult<i64> {
    tuple_hash(vm, items(vm, t)?)
}

/// `tuplerichcompare`: the first pair of items that differ decides (with
/// the operator itself, so its result object is returned as is); no
/// shortcut on the lengths.
fn tuple_richcompare(vm: &Vm, v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Tuple(_), Payload::Tuple(_)) = (&v.payload, &w.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    let (a, b) = (v.items(), w.items());
    for (x, y) in a.iter().zip(b) {
        if vm.eq(x, y)? {
            continue;
        }
        return match op {
            CompareOp::Eq => Ok(vm.false_.clone()),
            CompareOp::Ne => Ok(vm.true_.clone()),
            _ => vm.compare(x, y, op),
        };
    }
    Ok(vm.new_bool(op.eval_ord(a.len().cmp(&b.len()))))
}

fn tuple_iter(vm: &Vm, t: &PyRef) -> PyResult {
    items(vm, t)?;
    Ok(iter::seqiter::tuple_iter(vm, t))
}

fn tuple_length(vm: &Vm, t: &PyRef) -> PyResult<usize> {
    Ok(items(vm, t)?.len())
}

/// `tuplesubscript`: an index or a slice.
pub fn tuple_subscript(vm: &Vm, t: &PyRef, key: &PyRef) -> PyResult {
    let v = items(vm, t)?;
    if args::is_index(vm, key) {
        let i = args::as_ssize_index_error(vm, key)?;
        return match seq::norm_index(i, v.len()) {
            Some(j) => Ok(v[j].clone()),
            None => Err(vm.index_error("tuple index out of range".to_string())),
        };
    }
    if let Payload::Slice { .. } = key.payload {
        let (mut start, mut stop, step) = slice::unpack(vm, key)?;
        let n = slice::adjust_indices(v.len(), &mut start, &mut stop, step);
        if n == 0 {
            return Ok(vm.empty_tuple.clone());
        }
        if start == 0 && step == 1 && n == v.len() && is_exact(vm, t) {
            return Ok(t.clone());
        }
        let out = (0..n)
            .map(|k| v[(start + k as i64 * step) as usize].clone())
            .collect();
        return Ok(vm.new_tuple(out));
    }
    Err(vm.type_error(format!(
        "tuple indices must be integers or slices, not {}",
        key.type_name()
    )))
}

fn tuple_contains(vm: &Vm, t: &PyRef, x: &PyRef) -> PyResult<bool> {
    for it in items(vm, t)? {
        if vm.eq(it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `tupleconcat`.
fn tuple_concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let x = items(vm, a)?;
    if x.is_empty() && is_exact(vm, b) {
        return Ok(b.clone());
    }
    let Payload::Tuple(_) = b.payload else {
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.type_name()
        )));
    };
    let y = b.items();
    if y.is_empty() && is_exact(vm, a) {
        return Ok(a.clone());
    }
    let n = seq::alloc::size_add(vm, x.len(), y.len())?;
    let mut v = seq::alloc::vec_with_capacity(vm, n)?;
    v.extend(x.iter().cloned());
    v.extend(y.iter().cloned());
    Ok(vm.new_tuple(v))
}

/// `tuplerepeat`.
fn tuple_repeat(vm: &Vm, a: &PyRef, n: isize) -> PyResult {
    let x = items(vm, a)?;
    if (x.is_empty() || n == 1) && is_exact(vm, a) {
        return Ok(a.clone());
    }
    if x.is_empty() || n <= 0 {
        return Ok(vm.empty_tuple.clone());
    }
    Ok(vm.new_tuple(seq::alloc::repeat_items(vm, x, n as usize)?))
}

fn getnewargs(vm: &Vm, a: Args) -> PyResult {
    let t = args::noargs(vm, &a, "tuple.__getnewargs__")?;
    let copy = if is_exact(vm, t) {
        t.clone()
    } else {
        vm.new_tuple(items(vm, t)?.to_vec())
    };
    Ok(vm.new_tuple(vec![copy]))
}

fn index(vm: &Vm, a: Args) -> PyResult {
    let (t, p) = args::fastcall(vm, &a, "tuple.index", 1, 3)?;
    let v = items(vm, t)?;
    let (start, stop) = args::index_range(vm, p.get(1), p.get(2), v.len())?;
    for (i, it) in v.iter().enumerate().take(stop).skip(start) {
        if vm.eq(it, &p[0])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple".to_string()))
}

fn count(vm: &Vm, a: Args) -> PyResult {
    let (t, x) = args::onearg(vm, &a, "tuple.count")?;
    let mut n = 0;
    for it in items(vm, t)? {
        if vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// `tp_traverse`: the items, last first (as `tupletraverse`; the order
/// shapes the collector's unreachable list, hence the order finalizers
/// run in). A tuple has no `tp_clear`: the other members of its cycles
/// are cleared.
fn tuple_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    obj.items().iter().rev().for_each(|r| visit.visit(r));
}

pub static TUPLE_TYPE: TypeSpec = TypeSpec {
    name: "tuple",
    doc: Some("tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."),
    layout: Layout::Tuple,
    flags: tpflags::HAVE_GC
        | tpflags::BASETYPE
        | tpflags::TUPLE_SUBCLASS
        | tpflags::MATCH_SELF
        | tpflags::SEQUENCE,
    slots: &[
        slot::traverse(tuple_traverse),
        slot::repr(tuple_repr),
        slot::hash(tuple_hash_slot),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(tuple_richcompare),
        slot::iter(tuple_iter),
        slot::tp_new(tuple_new),
        slot::length(tuple_length),
        slot::subscript(tuple_subscript),
        slot::contains(tuple_contains),
        slot::sq_concat(tuple_concat),
        slot::sq_repeat(tuple_repeat),
    ],
    methods: &[
        MethodDef::method("__getnewargs__", getnewargs).doc("__getnewargs__($self, /)\n--\n\n"),
        MethodDef::method("index", index).doc("index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
        MethodDef::method("count", count).doc("count($self, value, /)\n--\n\nReturn number of occurrences of value."),
        MethodDef::class("__class_getitem__", crate::objects::genericalias::class_getitem)
            .doc("See PEP 585"),
    ],
    getsets: &[],
};
