//! `bytearray`: the mutable bytes sequence (`Payload::ByteArray`). The
//! read-only methods (find, split, strip, decode, hex...) reuse the `bytes`
//! implementations on a snapshot of the contents; their `bytes` results are
//! turned back into `bytearray`s where CPython returns one.

use std::cell::RefCell;

use minipy_bytecode::repr::bytes_repr;

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::range;
use crate::objects::seq::dunders::self_and;
use crate::objects::seq::{norm_index, seq_index};
use crate::objects::{bytes, typeobj};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A new `bytearray` of type `cls`.
pub fn new_bytearray(vm: &Vm, data: Vec<u8>, cls: Option<&PyRef>) -> PyRef {
    PyRef::new(
        Payload::ByteArray(RefCell::new(data)),
        cls.unwrap_or(&vm.types.bytearray),
    )
}

/// The contents of a bytes-like object (`bytes` or `bytearray`).
pub fn bytes_like(o: &PyRef) -> Option<Vec<u8>> {
    match &o.payload {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

fn need_bytes_like(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    bytes_like(o).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_name()
        ))
    })
}

/// `bytearray(...)`: the same argument forms as `bytes(...)`.
pub fn bytearray_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = pos
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.bytearray.clone());
    let data = match pos.get(1) {
        Some(o) if pos.len() == 2 && !args.has_kwargs() => match &o.payload {
            Payload::ByteArray(b) => Some(b.borrow().clone()),
            Payload::Int(n) if *n >= 0 && *n <= (1 << 32) => Some(vec![0u8; *n as usize]),
            // Iterated one item at a time (no length-hint preallocation), with
            // bytearray's own range message.
            Payload::List(_) | Payload::Tuple(_) | Payload::Range { .. } => Some(bytes_of(vm, o)?),
            _ => None,
        },
        _ => None,
    };
    let data = match data {
        Some(d) => d,
        None => {
            let mut v: Vec<PyRef> = args.args.to_vec();
            if v.is_empty() {
                v.push(vm.types.bytes.clone());
            } else {
                v[0] = vm.types.bytes.clone();
            }
            let r = bytes::bytes_new(vm, Args::with_kw(&v, args.kwnames))?;
            need_bytes_like(vm, &r)?
        }
    };
    Ok(new_bytearray(vm, data, Some(&cls)))
}

/// `memoryview(obj)`: the type exists (for `isinstance` and ABC
/// registration) but minipy has no buffer protocol to view.
pub fn memoryview_new(vm: &Vm, args: Args) -> PyResult {
    let a = crate::objects::seq::bind_args(vm, &args, "memoryview", &["object"], 1)?;
    match a[0] {
        Some(o) if bytes_like(o).is_some() => Err(vm.new_error(
            &vm.exc.not_implemented_error,
            "memoryview objects are not supported by minipy".to_string(),
        )),
        Some(o) => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.type_name()
        ))),
        None => {
            Err(vm
                .type_error("memoryview() missing required argument 'object' (pos 1)".to_string()))
        }
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    match args.pos().first().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => Ok(b),
        Some(_) => Err(vm.type_error(format!(
            "descriptor '{}' for 'bytearray' objects doesn't apply to a '{}' object",
            name,
            args.pos()[0].type_name()
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

/// `self` plus exactly `n` positional arguments.
fn method<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    n: usize,
) -> PyResult<(&'a RefCell<Vec<u8>>, &'a [PyRef])> {
    let b = this(vm, args, name)?;
    let p = self_and(vm, args, name, n)?;
    Ok((b, p))
}

/// `repr(bytearray)`: `bytearray(b'...')` (the subclass name for subclasses).
pub fn repr(obj: &PyRef) -> String {
    match &obj.payload {
        Payload::ByteArray(b) => format!("{}({})", obj.type_name(), bytes_repr(&b.borrow())),
        _ => String::new(),
    }
}

/// A value stored into a bytearray: an int in `range(0, 256)`.
fn byte_value(vm: &Vm, v: &PyRef) -> PyResult<u8> {
    if !matches!(v.payload, Payload::Int(_) | Payload::BigInt(_))
        && typeobj::lookup_str(vm, v.class(), "__index__").is_none()
    {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )));
    }
    match vm.index_i64(v) {
        Ok(i) if (0..256).contains(&i) => Ok(i as u8),
        Ok(_) => Err(vm.value_error("byte must be in range(0, 256)".to_string())),
        Err(e) if vm.exc_matches(&e, &vm.exc.overflow_error) => {
            Err(vm.value_error("byte must be in range(0, 256)".to_string()))
        }
        Err(e) => Err(e),
    }
}

/// The bytes of an iterable of ints or a bytes-like object.
fn bytes_of(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(o) {
        return Ok(b);
    }
    if o.as_str().is_some() {
        return Err(vm.type_error("cannot extend bytearray with str".to_string()));
    }
    let mut out = Vec::new();
    let it = vm.iter(o)?;
    while let Some(x) = vm.next(&it)? {
        out.push(byte_value(vm, &x)?);
    }
    Ok(out)
}

fn ba_len(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "__len__", 0)?;
    Ok(vm.new_int(b.borrow().len() as i64))
}

fn ba_getitem(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__getitem__", 1)?;
    match seq_index(vm, &p[1], "bytearray")? {
        Some(i) => {
            let b = b.borrow();
            match norm_index(i, b.len()) {
                Some(j) => Ok(vm.new_int(b[j] as i64)),
                None => Err(vm.index_error("bytearray index out of range".to_string())),
            }
        }
        None => {
            let data = b.borrow().clone();
            let pos = range::slice_positions(vm, &p[1], data.len())?;
            Ok(new_bytearray(
                vm,
                pos.into_iter()
                    .filter_map(|i| data.get(i).copied())
                    .collect(),
                None,
            ))
        }
    }
}

/// Replaces the slice `key` of `data` with `new` (list-like semantics:
/// step 1 slices may change the length, extended slices may not).
fn assign_slice(vm: &Vm, data: &mut Vec<u8>, key: &PyRef, new: Vec<u8>) -> PyResult<()> {
    let (start, stop, step) = range::slice_indices(vm, key, data.len())?;
    if step == 1 {
        let a = start.max(0) as usize;
        let e = (stop.max(start).max(0) as usize).min(data.len());
        data.splice(a..e, new);
        return Ok(());
    }
    let pos = range::slice_positions(vm, key, data.len())?;
    if pos.len() != new.len() {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            pos.len()
        )));
    }
    for (i, v) in pos.into_iter().zip(new) {
        if let Some(x) = data.get_mut(i) {
            *x = v;
        }
    }
    Ok(())
}

fn ba_setitem(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__setitem__", 2)?;
    match seq_index(vm, &p[1], "bytearray")? {
        Some(i) => {
            let v = byte_value(vm, &p[2])?;
            let mut b = b.borrow_mut();
            match norm_index(i, b.len()) {
                Some(j) => b[j] = v,
                None => return Err(vm.index_error("bytearray index out of range".to_string())),
            }
        }
        None => {
            if matches!(p[2].payload, Payload::Int(_) | Payload::BigInt(_)) {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
                        .to_string(),
                ));
            }
            let new = bytes_of(vm, &p[2])?;
            let mut data = b.borrow().clone();
            assign_slice(vm, &mut data, &p[1], new)?;
            *b.borrow_mut() = data;
        }
    }
    Ok(vm.none.clone())
}

fn ba_delitem(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__delitem__", 1)?;
    match seq_index(vm, &p[1], "bytearray")? {
        Some(i) => {
            let mut b = b.borrow_mut();
            match norm_index(i, b.len()) {
                Some(j) => {
                    b.remove(j);
                }
                None => {
                    return Err(vm.index_error("bytearray index out of range".to_string()));
                }
            }
        }
        None => {
            let data = b.borrow().clone();
            let pos = range::slice_positions(vm, &p[1], data.len())?;
            let mut keep = vec![true; data.len()];
            for i in pos {
                if let Some(k) = keep.get_mut(i) {
                    *k = false;
                }
            }
            *b.borrow_mut() = data
                .into_iter()
                .zip(keep)
                .filter_map(|(x, k)| k.then_some(x))
                .collect();
        }
    }
    Ok(vm.none.clone())
}

fn ba_contains(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__contains__", 1)?;
    let data = b.borrow().clone();
    let r = match &p[1].payload {
        Payload::ByteArray(x) => {
            let x = x.borrow().clone();
            bytes::bytes_contains(vm, &data, &vm.new_bytes(x))?
        }
        _ => bytes::bytes_contains(vm, &data, &p[1])?,
    };
    Ok(vm.new_bool(r))
}

fn ba_iter(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__iter__", 0)?;
    this(vm, &args, "__iter__")?;
    Ok(crate::objects::seq::seq_iter(vm, &p[0]))
}

fn ba_repr(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__repr__", 0)?;
    this(vm, &args, "__repr__")?;
    Ok(vm.new_string(repr(&p[0])))
}

fn ba_add(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__add__", 1)?;
    let Some(other) = bytes_like(&p[1]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", p[1].type_name())));
    };
    let mut data = b.borrow().clone();
    data.extend(other);
    Ok(new_bytearray(vm, data, None))
}

fn ba_iadd(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__iadd__", 1)?;
    let Some(other) = bytes_like(&p[1]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", p[1].type_name())));
    };
    b.borrow_mut().extend(other);
    Ok(p[0].clone())
}

fn repeat_count(vm: &Vm, n: &PyRef, len: usize) -> PyResult<usize> {
    if typeobj::lookup_str(vm, n.class(), "__index__").is_none() {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_name()
        )));
    }
    let k = vm.index_i64(n)?.max(0) as usize;
    if len.saturating_mul(k) > (1 << 32) {
        return Err(vm.memory_error());
    }
    Ok(k)
}

fn ba_mul(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__mul__", 1)?;
    let data = b.borrow().clone();
    let k = repeat_count(vm, &p[1], data.len())?;
    Ok(new_bytearray(vm, data.repeat(k), None))
}

fn ba_imul(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__imul__", 1)?;
    let data = b.borrow().clone();
    let k = repeat_count(vm, &p[1], data.len())?;
    *b.borrow_mut() = data.repeat(k);
    Ok(p[0].clone())
}

fn compare(vm: &Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    let (b, p) = method(vm, &args, name, 1)?;
    let Some(other) = bytes_like(&p[1]) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = b.borrow().as_slice().cmp(other.as_slice());
    Ok(vm.new_bool(op.eval_ord(ord)))
}

fn ba_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn ba_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn ba_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn ba_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn ba_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn ba_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

fn ba_append(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "append", 1)?;
    let v = byte_value(vm, &p[1])?;
    b.borrow_mut().push(v);
    Ok(vm.none.clone())
}

fn ba_extend(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "extend", 1)?;
    let new = bytes_of(vm, &p[1]).map_err(|e| {
        if vm.exc_matches(&e, &vm.exc.type_error)
            && typeobj::lookup_str(vm, p[1].class(), "__iter__").is_none()
            && bytes_like(&p[1]).is_none()
            && p[1].as_str().is_none()
        {
            vm.type_error(format!("can't extend bytearray with {}", p[1].type_name()))
        } else {
            e
        }
    })?;
    b.borrow_mut().extend(new);
    Ok(vm.none.clone())
}

fn ba_insert(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "insert", 2)?;
    let i = vm.index_i64(&p[1])?;
    let v = byte_value(vm, &p[2])?;
    let mut b = b.borrow_mut();
    let n = b.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(at as usize, v);
    Ok(vm.none.clone())
}

fn ba_pop(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "pop")?;
    args.no_kwargs(vm, "pop")?;
    let p = args.pos();
    if p.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            p.len() - 1
        )));
    }
    let i = match p.get(1) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let mut b = b.borrow_mut();
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray".to_string()));
    }
    match norm_index(i, b.len()) {
        Some(j) => Ok(vm.new_int(b.remove(j) as i64)),
        None => Err(vm.index_error("pop index out of range".to_string())),
    }
}

fn ba_remove(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "remove", 1)?;
    let v = byte_value(vm, &p[1])?;
    let mut b = b.borrow_mut();
    match b.iter().position(|x| *x == v) {
        Some(j) => {
            b.remove(j);
            Ok(vm.none.clone())
        }
        None => Err(vm.value_error("value not found in bytearray".to_string())),
    }
}

fn ba_clear(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "clear", 0)?;
    b.borrow_mut().clear();
    Ok(vm.none.clone())
}

fn ba_reverse(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "reverse", 0)?;
    b.borrow_mut().reverse();
    Ok(vm.none.clone())
}

fn ba_copy(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "copy", 0)?;
    Ok(new_bytearray(vm, b.borrow().clone(), None))
}

fn ba_reduce(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__reduce__", 0)?;
    let s: String = b.borrow().iter().map(|&c| c as char).collect();
    let state = vm.exposed_dict(&p[0]).unwrap_or_else(|| vm.none.clone());
    Ok(vm.new_tuple(vec![
        p[0].class().clone(),
        vm.new_tuple(vec![vm.new_string(s), vm.new_str("latin-1")]),
        state,
    ]))
}

/// Calls the `bytes` method `name` on a snapshot of self (bytearray
/// arguments are passed as bytes); `wrap` turns bytes results (also inside
/// a list) into bytearrays.
fn delegate(vm: &Vm, args: &Args, name: &str, wrap: bool) -> PyResult {
    let b = this(vm, args, name)?;
    let Some(f) = bytes::METHODS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
    else {
        return Err(vm.attribute_error(format!("'bytearray' object has no attribute '{}'", name)));
    };
    let mut v: Vec<PyRef> = Vec::with_capacity(args.args.len());
    v.push(vm.new_bytes(b.borrow().clone()));
    for a in args.args.iter().skip(1) {
        v.push(match &a.payload {
            Payload::ByteArray(x) => vm.new_bytes(x.borrow().clone()),
            Payload::Tuple(_)
                if a.items()
                    .iter()
                    .any(|i| matches!(i.payload, Payload::ByteArray(_))) =>
            {
                vm.new_tuple(
                    a.items()
                        .iter()
                        .map(|i| match bytes_like(i) {
                            Some(d) => vm.new_bytes(d),
                            None => i.clone(),
                        })
                        .collect(),
                )
            }
            _ => a.clone(),
        });
    }
    let r = f(vm, Args::with_kw(&v, args.kwnames))?;
    if !wrap {
        return Ok(r);
    }
    Ok(match &r.payload {
        Payload::Bytes(d) => new_bytearray(vm, d.to_vec(), None),
        Payload::List(items) => {
            let items: Vec<PyRef> = items
                .borrow()
                .iter()
                .map(|i| match &i.payload {
                    Payload::Bytes(d) => new_bytearray(vm, d.to_vec(), None),
                    _ => i.clone(),
                })
                .collect();
            vm.new_list(items)
        }
        _ => r,
    })
}

macro_rules! delegated {
    ($($f:ident => $name:literal, $wrap:expr;)*) => {
        $(fn $f(vm: &Vm, args: Args) -> PyResult {
            delegate(vm, &args, $name, $wrap)
        })*
    };
}

delegated! {
    ba_decode => "decode", false;
    ba_hex => "hex", false;
    ba_find => "find", false;
    ba_rfind => "rfind", false;
    ba_index => "index", false;
    ba_count => "count", false;
    ba_startswith => "startswith", false;
    ba_endswith => "endswith", false;
    ba_join => "join", true;
    ba_strip => "strip", true;
    ba_lstrip => "lstrip", true;
    ba_rstrip => "rstrip", true;
    ba_split => "split", true;
    ba_replace => "replace", true;
    ba_upper => "upper", true;
    ba_lower => "lower", true;
    ba_isdigit => "isdigit", false;
    ba_isalpha => "isalpha", false;
    ba_isalnum => "isalnum", false;
    ba_isspace => "isspace", false;
    ba_mod => "__mod__", true;
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__len__", ba_len),
    ("__getitem__", ba_getitem),
    ("__setitem__", ba_setitem),
    ("__delitem__", ba_delitem),
    ("__contains__", ba_contains),
    ("__iter__", ba_iter),
    ("__repr__", ba_repr),
    ("__str__", ba_repr),
    ("__add__", ba_add),
    ("__iadd__", ba_iadd),
    ("__mul__", ba_mul),
    ("__rmul__", ba_mul),
    ("__imul__", ba_imul),
    ("__mod__", ba_mod),
    ("__eq__", ba_eq),
    ("__ne__", ba_ne),
    ("__lt__", ba_lt),
    ("__le__", ba_le),
    ("__gt__", ba_gt),
    ("__ge__", ba_ge),
    ("__reduce__", ba_reduce),
    ("append", ba_append),
    ("extend", ba_extend),
    ("insert", ba_insert),
    ("pop", ba_pop),
    ("remove", ba_remove),
    ("clear", ba_clear),
    ("reverse", ba_reverse),
    ("copy", ba_copy),
    ("decode", ba_decode),
    ("hex", ba_hex),
    ("find", ba_find),
    ("rfind", ba_rfind),
    ("index", ba_index),
    ("count", ba_count),
    ("startswith", ba_startswith),
    ("endswith", ba_endswith),
    ("join", ba_join),
    ("strip", ba_strip),
    ("lstrip", ba_lstrip),
    ("rstrip", ba_rstrip),
    ("split", ba_split),
    ("replace", ba_replace),
    ("upper", ba_upper),
    ("lower", ba_lower),
    ("isdigit", ba_isdigit),
    ("isalpha", ba_isalpha),
    ("isalnum", ba_isalnum),
    ("isspace", ba_isspace),
];
