//! Native operations of the built-in sequences and containers (str, bytes,
//! list, tuple, dict, set, frozenset, range): the fast paths the protocol
//! layer tries before any dunder lookup. Written by the "sequences" helper.
//!
//! Every function here works on the *payload*, so the same code serves the
//! method tables (`list.__add__`, ...) for subclass instances.

use std::cell::Cell;

use minipy_bytecode::opcode::nb;
use minipy_bytecode::repr::{bytes_repr, str_repr};

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::{bytes, dict, dict_methods, list, range, set, str as pystr, tuple, typeobj};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn is_heap(obj: &PyRef) -> bool {
    obj.class().as_type().map(|t| t.heap).unwrap_or(false)
}

/// True when `obj`'s class is a heap type whose MRO defines `name` in Python.
pub(crate) fn user_defines(vm: &Vm, obj: &PyRef, name: &str) -> bool {
    is_heap(obj)
        && matches!(
            typeobj::lookup_str(vm, obj.class(), name).map(|m| matches!(
                m.payload,
                Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
            )),
            Some(false)
        )
}

/// CPython's message for a failed `a + b` with a sequence `a`.
pub fn concat_error(vm: &Vm, a: &PyRef, b: &PyRef) -> Option<PyRef> {
    let what = match &a.payload {
        Payload::Str(_) => "str",
        Payload::List(_) => "list",
        Payload::Tuple(_) => "tuple",
        Payload::Bytes(_) => {
            return Some(vm.type_error(format!("can't concat {} to bytes", b.type_name())))
        }
        _ => return None,
    };
    Some(vm.type_error(format!(
        "can only concatenate {} (not \"{}\") to {}",
        what,
        b.type_name(),
        what
    )))
}

/// The repetition count of `seq * n`: `Ok(None)` when `n` is not an integer.
fn repeat_count(vm: &Vm, n: &PyRef, seq_len: usize) -> PyResult<Option<usize>> {
    let v = match &n.payload {
        Payload::Int(i) => *i,
        Payload::BigInt(_) => {
            return Err(
                vm.overflow_error("cannot fit 'int' into an index-sized integer".to_string())
            );
        }
        _ => {
            if typeobj::lookup_str(vm, n.class(), "__index__").is_none() {
                return Ok(None);
            }
            vm.index_i64(n)?
        }
    };
    if v <= 0 || seq_len == 0 {
        return Ok(Some(0));
    }
    Ok(Some(v as usize))
}

fn is_seq(obj: &PyRef) -> bool {
    matches!(
        obj.payload,
        Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
    )
}

/// `seq * n`.
pub fn repeat(vm: &Vm, s: &PyRef, n: &PyRef, inplace: bool) -> PyResult<Option<PyRef>> {
    let len = len(s).unwrap_or(0);
    let Some(k) = repeat_count(vm, n, len)? else {
        return Ok(None);
    };
    // CPython: str and bytes report a length overflow as OverflowError, list and
    // tuple as MemoryError; a length that fits but cannot be allocated is MemoryError.
    let too_long = len.checked_mul(k).is_none_or(|t| t > isize::MAX as usize);
    Ok(Some(match &s.payload {
        Payload::Str(d) => {
            if too_long {
                return Err(vm.overflow_error("repeated string is too long".to_string()));
            }
            vm.new_string(alloc::repeat_str(vm, &d.s, k)?)
        }
        Payload::Bytes(b) => {
            if too_long {
                return Err(vm.overflow_error("repeated bytes are too long".to_string()));
            }
            vm.new_bytes(alloc::repeat_bytes(vm, b, k)?)
        }
        Payload::Tuple(_) => {
            let t = s.items();
            if k == 1 && s.class().is(&vm.types.tuple) {
                return Ok(Some(s.clone()));
            }
            vm.new_tuple(alloc::repeat_items(vm, t, k)?)
        }
        Payload::List(l) => {
            let items = l.borrow().clone();
            let new = alloc::repeat_items(vm, &items, k)?;
            if inplace {
                let old = std::mem::replace(&mut *l.borrow_mut(), new);
                drop(old);
                s.clone()
            } else {
                vm.new_list(new)
            }
        }
        _ => return Ok(None),
    }))
}

/// `a + b` for sequences of the same kind.
fn concat(vm: &Vm, a: &PyRef, b: &PyRef, inplace: bool) -> PyResult<Option<PyRef>> {
    let r = match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => {
            let mut s = String::with_capacity(x.s.len() + y.s.len());
            s.push_str(&x.s);
            s.push_str(&y.s);
            vm.new_string(s)
        }
        (Payload::Bytes(x), Payload::Bytes(y)) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            vm.new_bytes(v)
        }
        (Payload::Tuple(_), Payload::Tuple(_)) => {
            let (x, y) = (a.items(), b.items());
            if y.is_empty() && a.class().is(&vm.types.tuple) {
                return Ok(Some(a.clone()));
            }
            if x.is_empty() && b.class().is(&vm.types.tuple) {
                return Ok(Some(b.clone()));
            }
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            vm.new_tuple(v)
        }
        (Payload::List(x), _) if inplace => {
            let items = vm.iterate(b)?;
            x.borrow_mut().extend(items);
            a.clone()
        }
        (Payload::List(x), Payload::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            vm.new_list(v)
        }
        _ => {
            if user_defines(vm, b, "__radd__") {
                return Ok(None);
            }
            if let (Payload::Bytes(_), Payload::Str(_)) | (Payload::Str(_), Payload::Bytes(_)) =
                (&a.payload, &b.payload)
            {
                if let Payload::Bytes(_) = a.payload {
                    return Err(vm.type_error(format!("can't concat {} to bytes", b.type_name())));
                }
            }
            return match concat_error(vm, a, b) {
                Some(e) if !is_heap(b) => Err(e),
                _ => Ok(None),
            };
        }
    };
    Ok(Some(r))
}

/// Concatenation, repetition, `str % args`, `list += iterable`, set algebra
/// (`| & - ^`), dict `|`. `Ok(None)` = not supported for these operands.
pub fn binary(vm: &Vm, a: &PyRef, b: &PyRef, op: u32) -> PyResult<Option<PyRef>> {
    let inplace = op >= nb::INPLACE_OFFSET;
    let base = if inplace { op - nb::INPLACE_OFFSET } else { op };
    match base {
        nb::ADD => {
            if is_seq(a) {
                return concat(vm, a, b, inplace);
            }
            Ok(None)
        }
        nb::MULTIPLY => {
            if is_seq(a) {
                if user_defines(vm, b, "__rmul__") {
                    return Ok(None);
                }
                let r = if is_seq(b) {
                    None
                } else {
                    repeat(vm, a, b, inplace)?
                };
                if r.is_none() && !is_heap(b) {
                    return Err(vm.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        b.type_name()
                    )));
                }
                return Ok(r);
            }
            if is_seq(b) && !matches!(a.payload, Payload::Float(_) | Payload::Complex(..)) {
                return repeat(vm, b, a, false);
            }
            Ok(None)
        }
        nb::REMAINDER => match &a.payload {
            Payload::Str(d) => {
                let s = pystr::percent_format(vm, &d.s, b)?;
                Ok(Some(vm.new_string(s)))
            }
            Payload::Bytes(d) => {
                let r = bytes::percent_format(vm, d, b)?;
                Ok(Some(vm.new_bytes(r)))
            }
            _ => Ok(None),
        },
        nb::OR | nb::AND | nb::SUBTRACT | nb::XOR => {
            if matches!(a.payload, Payload::DictView { .. })
                || matches!(b.payload, Payload::DictView { .. })
            {
                return dict_methods::view_binary(vm, a, b, base);
            }
            if let (Payload::Set(_), Payload::Set(_)) = (&a.payload, &b.payload) {
                return set::set_binary(vm, a, b, base, inplace).map(Some);
            }
            if base == nb::OR {
                if let Payload::Dict(_) = a.payload {
                    if inplace {
                        dict_methods::update_from(vm, a, b)?;
                        return Ok(Some(a.clone()));
                    }
                    if let Payload::Dict(_) = b.payload {
                        let r = vm.new_dict();
                        dict::merge(vm, &r, a)?;
                        dict::merge(vm, &r, b)?;
                        return Ok(Some(r));
                    }
                }
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}

/// Lexicographic comparison of two item slices (CPython's list_richcompare).
pub fn compare_items(vm: &Vm, a: &[PyRef], b: &[PyRef], op: CompareOp) -> PyResult<bool> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(op == CompareOp::Ne);
    }
    let n = a.len().min(b.len());
    for i in 0..n {
        let (x, y) = (&a[i], &b[i]);
        if x.is(y) || vm.eq(x, y)? {
            continue;
        }
        return match op {
            CompareOp::Eq => Ok(false),
            CompareOp::Ne => Ok(true),
            _ => vm.compare_bool(x, y, op),
        };
    }
    Ok(op.eval_ord(a.len().cmp(&b.len())))
}

/// Lexicographic comparison of two lists, re-reading them after every item
/// comparison (a user `__eq__` may mutate them).
fn compare_lists(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<bool> {
    let get = |o: &PyRef, i: usize| -> Option<PyRef> {
        match &o.payload {
            Payload::List(l) => l.borrow().get(i).cloned(),
            _ => None,
        }
    };
    let la = len(a).unwrap_or(0);
    let lb = len(b).unwrap_or(0);
    if la != lb && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(op == CompareOp::Ne);
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (get(a, i), get(b, i)) else {
            break;
        };
        if !(x.is(&y) || vm.eq(&x, &y)?) {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => vm.compare_bool(&x, &y, op),
            };
        }
        i += 1;
    }
    Ok(op.eval_ord(len(a).unwrap_or(0).cmp(&len(b).unwrap_or(0))))
}

/// Lexicographic / set / dict comparison; `Ok(None)` = not supported.
pub fn compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<Option<bool>> {
    let eq_only = matches!(op, CompareOp::Eq | CompareOp::Ne);
    let r = match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => op.eval_ord(x.s.cmp(&y.s)),
        (Payload::Bytes(x), Payload::Bytes(y)) => op.eval_ord(x.cmp(y)),
        (Payload::Tuple(_), Payload::Tuple(_)) => {
            let (x, y) = (a.items(), b.items());
            enter(vm, " in comparison")?;
            let r = compare_items(vm, x, y, op);
            vm.leave();
            r?
        }
        (Payload::List(_), Payload::List(_)) => {
            enter(vm, " in comparison")?;
            let r = compare_lists(vm, a, b, op);
            vm.leave();
            r?
        }
        (Payload::Dict(_), Payload::Dict(_)) if eq_only => {
            enter(vm, " in comparison")?;
            let e = dict_methods::dict_eq(vm, a, b);
            vm.leave();
            let e = e?;
            e == (op == CompareOp::Eq)
        }
        (Payload::Set(_), Payload::Set(_)) => set::set_compare(vm, a, b, op)?,
        (Payload::Range { .. }, Payload::Range { .. }) if eq_only => {
            range::range_equals(a, b) == (op == CompareOp::Eq)
        }
        (Payload::DictView { .. }, _) | (_, Payload::DictView { .. }) => {
            return dict_methods::view_compare(vm, a, b, op)
        }
        (Payload::Slice { .. }, Payload::Slice { .. }) => return Ok(None),
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// An index argument for list/tuple/str/bytes subscription.
pub fn seq_index(vm: &Vm, key: &PyRef, what: &str) -> PyResult<Option<i64>> {
    match &key.payload {
        Payload::Int(i) => Ok(Some(*i)),
        Payload::BigInt(_) => {
            Err(vm.index_error("cannot fit 'int' into an index-sized integer".to_string()))
        }
        Payload::Slice { .. } => Ok(None),
        _ => {
            if typeobj::lookup_str(vm, key.class(), "__index__").is_none() {
                return Err(vm.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    key.type_name()
                )));
            }
            vm.index_i64(key).map(Some)
        }
    }
}

/// Normalises a possibly negative index against `len`.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

fn items_slice(vm: &Vm, items: &[PyRef], key: &PyRef) -> PyResult<Vec<PyRef>> {
    let pos = range::slice_positions(vm, key, items.len())?;
    Ok(pos
        .into_iter()
        .filter_map(|p| items.get(p).cloned())
        .collect())
}

/// `obj[key]` for built-in containers; `Ok(None)` = obj is not one.
pub fn getitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    let r = match &obj.payload {
        Payload::List(l) => match seq_index(vm, key, "list")? {
            Some(i) => {
                let l = l.borrow();
                match norm_index(i, l.len()) {
                    Some(j) => l[j].clone(),
                    None => return Err(vm.index_error("list index out of range".to_string())),
                }
            }
            None => {
                let items = l.borrow().clone();
                vm.new_list(items_slice(vm, &items, key)?)
            }
        },
        Payload::Tuple(_) => {
            let t = obj.items();
            match seq_index(vm, key, "tuple")? {
                Some(i) => match norm_index(i, t.len()) {
                    Some(j) => t[j].clone(),
                    None => return Err(vm.index_error("tuple index out of range".to_string())),
                },
                None => {
                    let (s, e, st) = range::slice_indices(vm, key, t.len())?;
                    if s == 0 && st == 1 && e as usize == t.len() && obj.class().is(&vm.types.tuple)
                    {
                        return Ok(Some(obj.clone()));
                    }
                    vm.new_tuple(items_slice(vm, t, key)?)
                }
            }
        }
        Payload::Str(d) => match seq_index(vm, key, "string")? {
            Some(i) => match norm_index(i, d.char_len).and_then(|j| pystr::char_at(d, j)) {
                Some(c) => {
                    let mut buf = [0u8; 4];
                    vm.new_str(c.encode_utf8(&mut buf))
                }
                None => return Err(vm.index_error("string index out of range".to_string())),
            },
            None => vm.new_string(pystr::slice(vm, d, key)?),
        },
        Payload::Bytes(b) => match seq_index(vm, key, "byte")? {
            Some(i) => match norm_index(i, b.len()) {
                Some(j) => vm.new_int(b[j] as i64),
                None => return Err(vm.index_error("index out of range".to_string())),
            },
            None => {
                let pos = range::slice_positions(vm, key, b.len())?;
                vm.new_bytes(pos.into_iter().map(|p| b[p]).collect())
            }
        },
        Payload::Range { .. } => range::range_subscript(vm, obj, key)?,
        Payload::Dict(_) => dict_methods::dict_getitem(vm, obj, key)?,
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `obj[key] = value`; `Ok(false)` = obj is not a built-in container.
pub fn setitem(vm: &Vm, obj: &PyRef, key: &PyRef, value: PyRef) -> PyResult<bool> {
    match &obj.payload {
        Payload::List(_) => list::list_ass_subscript(vm, obj, key, Some(value))?,
        Payload::Dict(_) => dict::set_item(vm, obj, key.clone(), value)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// `del obj[key]`; `Ok(false)` = obj is not a built-in container.
pub fn delitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<bool> {
    match &obj.payload {
        Payload::List(_) => list::list_ass_subscript(vm, obj, key, None)?,
        Payload::Dict(_) => {
            if dict::del_item(vm, obj, key)?.is_none() {
                return Err(vm.key_error(key.clone()));
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `x in items` by identity or `==`.
pub fn items_contain(vm: &Vm, items: &[PyRef], x: &PyRef) -> PyResult<bool> {
    for it in items {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `item in container`; `Ok(None)` = container is not built-in.
pub fn contains(vm: &Vm, container: &PyRef, item: &PyRef) -> PyResult<Option<bool>> {
    let r = match &container.payload {
        Payload::Str(d) => match &item.payload {
            Payload::Str(x) => d.s.contains(&*x.s),
            _ => {
                return Err(vm.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                )))
            }
        },
        Payload::Bytes(b) => bytes::bytes_contains(vm, b, item)?,
        Payload::List(l) => {
            // Re-read after each comparison: `__eq__` may mutate the list.
            let mut i = 0;
            loop {
                let Some(x) = l.borrow().get(i).cloned() else {
                    break false;
                };
                if x.is(item) || vm.eq(&x, item)? {
                    break true;
                }
                i += 1;
            }
        }
        Payload::Tuple(_) => items_contain(vm, container.items(), item)?,
        Payload::Dict(_) | Payload::Set(_) => set::table_contains(vm, container, item)?,
        Payload::Range { .. } => range::range_contains(vm, container, item)?,
        Payload::DictView { .. } => dict_methods::view_contains(vm, container, item)?,
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `len(obj)` for built-in containers.
pub fn len(obj: &PyRef) -> Option<usize> {
    match &obj.payload {
        Payload::Str(d) => Some(d.char_len),
        Payload::Bytes(b) => Some(b.len()),
        Payload::List(l) => Some(l.borrow().len()),
        Payload::Tuple(_) => Some(obj.items().len()),
        Payload::Dict(d) | Payload::Set(d) => Some(d.borrow().len()),
        Payload::DictView { dict: d, .. } => Some(dict::len(d)),
        Payload::Range { start, stop, step } => {
            let n = range::range_len_of(
                start.as_small_int()?,
                stop.as_small_int()?,
                step.as_small_int()?,
            );
            if n > i64::MAX as i128 {
                None
            } else {
                Some(n as usize)
            }
        }
        _ => None,
    }
}

/// `vm.enter()` with CPython's context-specific RecursionError message.
pub fn enter(vm: &Vm, what: &str) -> PyResult<()> {
    if vm.thread.depth.get() + 1 > vm.recursion_limit.get() {
        return Err(vm.new_error(
            &vm.exc.recursion_error,
            format!("maximum recursion depth exceeded{}", what),
        ));
    }
    vm.enter()
}

/// Runs `f` unless `obj`'s repr is already in progress (then `placeholder`).
pub fn repr_guard(
    vm: &Vm,
    obj: &PyRef,
    placeholder: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let addr = obj.addr();
    if vm.repr_stack.borrow().contains(&addr) {
        return Ok(placeholder.to_string());
    }
    enter(vm, " while getting the repr of an object")?;
    vm.repr_stack.borrow_mut().push(addr);
    let r = f();
    {
        let mut st = vm.repr_stack.borrow_mut();
        if let Some(p) = st.iter().rposition(|&a| a == addr) {
            st.remove(p);
        }
    }
    vm.leave();
    r
}

/// `", "`-joined reprs.
pub fn join_reprs(vm: &Vm, items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(it)?);
    }
    Ok(out)
}

/// `repr(obj)` for built-in containers and strings; `Ok(None)` = not one.
pub fn repr(vm: &Vm, obj: &PyRef) -> PyResult<Option<String>> {
    let s = match &obj.payload {
        Payload::Str(d) => str_repr(&d.s),
        Payload::Bytes(b) => bytes_repr(b),
        Payload::List(l) => repr_guard(vm, obj, "[...]", || {
            // Items are re-read one at a time: a repr may mutate the list.
            let mut out = String::from("[");
            let mut i = 0;
            while let Some(x) = l.borrow().get(i).cloned() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr_string(&x)?);
                i += 1;
            }
            out.push(']');
            Ok(out)
        })?,
        Payload::Tuple(_) => {
            let t = obj.items();
            if t.is_empty() {
                "()".to_string()
            } else {
                repr_guard(vm, obj, "(...)", || {
                    let inner = join_reprs(vm, t)?;
                    Ok(if t.len() == 1 {
                        format!("({},)", inner)
                    } else {
                        format!("({})", inner)
                    })
                })?
            }
        }
        Payload::Dict(_) => dict_methods::dict_repr(vm, obj)?,
        Payload::Set(_) => set::set_repr(vm, obj)?,
        Payload::Range { .. } | Payload::Slice { .. } => {
            let r = vm.repr(obj)?;
            r.as_str().unwrap_or_default().to_string()
        }
        Payload::DictView { .. } => dict_methods::view_repr(vm, obj)?,
        _ => return Ok(None),
    };
    Ok(Some(s))
}

/// `hash()` of str, bytes, tuple, frozenset; `Ok(None)` = not one of them.
/// Lists, dicts and sets are unhashable: the protocol layer reports that.
pub fn hash(vm: &Vm, obj: &PyRef) -> PyResult<Option<i64>> {
    let h = match &obj.payload {
        Payload::Str(d) => pystr::str_hash(d),
        Payload::Bytes(b) => bytes::bytes_hash(b),
        Payload::Tuple(_) => tuple::tuple_hash(vm, obj.items())?,
        Payload::Set(_) if !typeobj::is_subtype(obj.class(), &vm.types.set) => {
            set::frozenset_hash(vm, obj)?
        }
        Payload::Range { .. } => vm.hash(obj)?,
        _ => return Ok(None),
    };
    Ok(Some(h))
}

/// A sequence iterator (`list_iterator`, `tuple_iterator`, `str_ascii_iterator`).
pub fn seq_iter(vm: &Vm, obj: &PyRef) -> PyRef {
    let ty = match &obj.payload {
        Payload::List(_) => &vm.types.list_iterator,
        Payload::Tuple(_) => &vm.types.tuple_iterator,
        Payload::Str(_) => &vm.types.str_iterator,
        Payload::Bytes(_) => &vm.types.bytes_iterator,
        Payload::ByteArray(_) => &vm.types.bytearray_iterator,
        _ => &vm.types.iterator,
    };
    PyRef::new(
        Payload::iter(IterKind::Seq {
            seq: obj.clone(),
            index: Cell::new(0),
        }),
        ty,
    )
}

/// The items of a list or tuple (of any class), copied.
pub fn fast_items(obj: &PyRef) -> Option<Vec<PyRef>> {
    match &obj.payload {
        Payload::List(l) => Some(l.borrow().clone()),
        Payload::Tuple(_) => Some(obj.items().to_vec()),
        _ => None,
    }
}

/// `PySequence_List(iterable)` as a vector: the items of an exact list or
/// tuple, else the iteration of `iterable`, sized by its length hint
/// (`PyObject_LengthHint(iterable, default_hint)`, which may call
/// `__len__` or `__length_hint__`).
pub fn collect(vm: &Vm, iterable: &PyRef, default_hint: usize) -> PyResult<Vec<PyRef>> {
    let c = iterable.class();
    if c.is(&vm.types.list) || c.is(&vm.types.tuple) {
        if let Some(items) = fast_items(iterable) {
            return Ok(items);
        }
    }
    let it = vm.iter(iterable)?;
    let hint = vm.length_hint(iterable, default_hint)?;
    let mut v = Vec::new();
    alloc::reserve(vm, &mut v, hint)?;
    while let Some(x) = vm.next(&it)? {
        v.push(x);
    }
    Ok(v)
}

pub mod alloc;
pub mod args;
pub mod dunders;
pub use dunders::bind_args;
