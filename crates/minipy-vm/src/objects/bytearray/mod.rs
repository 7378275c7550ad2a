//! `bytearray`: the mutable bytes sequence (`Payload::ByteArray`), CPython's
//! `Objects/bytearrayobject.c`: its slots (`bytearray_as_sequence`,
//! `bytearray_as_mapping`, `bytearray_as_number`), its mutating methods and
//! its declaration. The read-only methods it shares with `bytes` are in
//! `objects/bytes/methods.rs`; `memoryview` is in `memoryview.rs`.

use std::cell::RefCell;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::bytes::methods::{buffer, need_buffer};
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::alloc;
use crate::objects::slice;
use crate::objects::typeobj::{slot, tpflags, Layout, TypeSpec};
use crate::objects::{bytes, typeobj};
use crate::protocol::CompareOp;
use crate::vm::Vm;

mod memoryview;
mod method_defs;

pub use memoryview::MEMORYVIEW_TYPE;

/// A new `bytearray` of type `cls`.
pub fn new_bytearray(vm: &Vm, data: Vec<u8>, cls: Option<&PyRef>) -> PyRef {
    PyRef::new(
        Payload::ByteArray(RefCell::new(data)),
        cls.unwrap_or(&vm.types.bytearray),
    )
}

/// The contents of a bytes-like object (`bytes` or `bytearray`).
pub fn bytes_like(o: &PyRef) -> Option<Vec<u8>> {
    buffer(o).map(|b| b.into_owned())
}

/// The buffer of `b` (a bytearray slot's own layout).
fn data<'a>(vm: &Vm, b: &'a PyRef) -> PyResult<&'a RefCell<Vec<u8>>> {
    match &b.payload {
        Payload::ByteArray(d) => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("bytearray slot called on a '{}' object", b.type_name()),
        )),
    }
}

/// `bytearray.__new__` (`PyType_GenericNew`): an empty bytearray of `cls`;
/// `__init__` fills it.
fn bytearray_new(vm: &Vm, args: Args) -> PyResult {
    let cls = match args.pos().first() {
        Some(c) => c.clone(),
        None => return Err(vm.type_error("bytearray.__new__(): not enough arguments".to_string())),
    };
    Ok(new_bytearray(vm, Vec::new(), Some(&cls)))
}

/// `bytearray.__init__(source=b'', encoding=..., errors=...)`: the same
/// argument forms as `bytes(...)`; replaces the contents.
fn bytearray_init(vm: &Vm, obj: &PyRef, args: Args) -> PyResult<()> {
    let d = data(vm, obj)?;
    let pos = args.pos();
    let new = match pos.first() {
        Some(o) if pos.len() == 1 && !args.has_kwargs() => match &o.payload {
            Payload::ByteArray(b) => Some(b.borrow().clone()),
            Payload::Int(n) if *n >= 0 => Some(alloc::zeroed_bytes(vm, *n as usize)?),
            // Iterated one item at a time (no length-hint preallocation), with
            // bytearray's own range message.
            Payload::List(_) | Payload::Tuple(_) | Payload::Range { .. } => Some(bytes_of(vm, o)?),
            _ => None,
        },
        _ => None,
    };
    let new = match new {
        Some(v) => v,
        None => {
            let mut v: Vec<PyRef> = Vec::with_capacity(args.args.len() + 1);
            v.push(vm.types.bytes.clone());
            v.extend(args.args.iter().cloned());
            let r = bytes::bytes_new(vm, Args::with_kw(&v, args.kwnames))?;
            need_buffer(vm, &r)?.into_owned()
        }
    };
    let old = std::mem::replace(&mut *d.borrow_mut(), new);
    drop(old);
    Ok(())
}

/// `bytearray_repr`: `bytearray(b'...')`, with the subclass name.
fn ba_repr(vm: &Vm, b: &PyRef) -> PyResult {
    let d = data(vm, b)?;
    Ok(vm.new_string(repr_of(&b.type_name(), &d.borrow())))
}

/// `name(b'...')`: CPython's `bytearray_repr`, which unlike `bytes_repr`
/// escapes `'` even inside double quotes.
fn repr_of(name: &str, d: &[u8]) -> String {
    let mut quote = '\'';
    for &c in d.iter() {
        if c == b'"' {
            quote = '\'';
            break;
        }
        if c == b'\'' {
            quote = '"';
        }
    }
    let mut out = format!("{}(b{}", name, quote);
    for &c in d.iter() {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0..=31 | 127..=255 => out.push_str(&format!("\\x{:02x}", c)),
            _ => out.push(c as char),
        }
    }
    out.push(quote);
    out.push(')');
    out
}

/// `bytearray_richcompare`: against any bytes-like object.
fn richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(op.eval_ord(x.as_ref().cmp(y.as_ref()))))
}

fn iter(vm: &Vm, b: &PyRef) -> PyResult {
    data(vm, b)?;
    Ok(crate::objects::bytes::new_bytes_iterator(
        vm,
        b,
        &vm.types.bytearray_iterator,
    ))
}

fn length(vm: &Vm, b: &PyRef) -> PyResult<usize> {
    Ok(data(vm, b)?.borrow().len())
}

fn index_of(vm: &Vm, key: &PyRef) -> PyResult<Option<i64>> {
    crate::objects::str::index_of_key(vm, key, |t| {
        format!("bytearray indices must be integers or slices, not {}", t)
    })
}

/// `bytearray_subscript`: an int, or a new bytearray for a slice.
fn subscript(vm: &Vm, b: &PyRef, key: &PyRef) -> PyResult {
    let d = data(vm, b)?;
    match index_of(vm, key)? {
        Some(i) => {
            let d = d.borrow();
            let j = if i < 0 { i + d.len() as i64 } else { i };
            if j < 0 || j as usize >= d.len() {
                return Err(vm.index_error("bytearray index out of range".to_string()));
            }
            Ok(vm.new_int(d[j as usize] as i64))
        }
        None => {
            // The bounds first (their `__index__` may run Python code that
            // resizes `b`), then only the selected bytes are copied.
            let (start, _, step, n) = slice_bounds(vm, d, key)?;
            let d = d.borrow();
            let out: Vec<u8> = if step == 1 {
                d[start as usize..start as usize + n].to_vec()
            } else {
                (0..n)
                    .map(|k| d[(start + k as i64 * step) as usize])
                    .collect()
            };
            drop(d);
            Ok(new_bytearray(vm, out, None))
        }
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

/// The normalised bounds of slice `key` over `b`'s current length, and
/// the number of positions it selects (`PySlice_Unpack`, then
/// `PySlice_AdjustIndices` with the length as it is after any `__index__`
/// call).
fn slice_bounds(vm: &Vm, d: &RefCell<Vec<u8>>, key: &PyRef) -> PyResult<(i64, i64, i64, usize)> {
    let (mut start, mut stop, step) = slice::unpack(vm, key)?;
    let n = slice::adjust_indices(d.borrow().len(), &mut start, &mut stop, step);
    Ok((start, stop, step, n))
}

/// Replaces the slice `(start, stop, step)` (normalised, selecting `n`
/// positions) of `data` with `new` (list-like semantics: step 1 slices may
/// change the length, extended slices may not). Costs O(len - start +
/// len(new)) for a step 1 slice, as CPython's memmove.
fn assign_slice(
    vm: &Vm,
    data: &mut Vec<u8>,
    (start, stop, step, n): (i64, i64, i64, usize),
    new: Vec<u8>,
) -> PyResult<()> {
    if step == 1 {
        let a = start.max(0) as usize;
        let e = (stop.max(start).max(0) as usize).min(data.len());
        data.splice(a..e, new);
        return Ok(());
    }
    if n != new.len() {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            n
        )));
    }
    for (k, v) in new.into_iter().enumerate() {
        data[(start + k as i64 * step) as usize] = v;
    }
    Ok(())
}

/// Deletes the positions of the slice `(start, stop, step)` from `data`:
/// O(len - start) for a step 1 slice (`del b[-1:]` is O(1)), O(len) for an
/// extended one.
fn delete_slice(data: &mut Vec<u8>, (start, stop, step, n): (i64, i64, i64, usize)) {
    if step == 1 {
        let a = start.max(0) as usize;
        let e = (stop.max(start).max(0) as usize).min(data.len());
        data.drain(a..e);
        return;
    }
    let mut keep = vec![true; data.len()];
    for k in 0..n {
        keep[(start + k as i64 * step) as usize] = false;
    }
    let mut k = keep.into_iter();
    data.retain(|_| k.next().unwrap_or(true));
}

/// `bytearray_ass_subscript`: `b[i] = v`, `b[a:b] = iterable`, `del b[...]`.
fn ass_subscript(vm: &Vm, b: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = data(vm, b)?;
    match (index_of(vm, key)?, value) {
        (Some(i), value) => {
            let v = value.as_ref().map(|v| byte_value(vm, v)).transpose()?;
            let mut d = d.borrow_mut();
            let j = if i < 0 { i + d.len() as i64 } else { i };
            if j < 0 || j as usize >= d.len() {
                return Err(vm.index_error("bytearray index out of range".to_string()));
            }
            match v {
                Some(v) => d[j as usize] = v,
                None => {
                    d.remove(j as usize);
                }
            }
            Ok(())
        }
        (None, Some(value)) => {
            if matches!(value.payload, Payload::Int(_) | Payload::BigInt(_)) {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
                        .to_string(),
                ));
            }
            let new = bytes_of(vm, &value)?;
            let bounds = slice_bounds(vm, d, key)?;
            assign_slice(vm, &mut d.borrow_mut(), bounds, new)
        }
        (None, None) => {
            let bounds = slice_bounds(vm, d, key)?;
            delete_slice(&mut d.borrow_mut(), bounds);
            Ok(())
        }
    }
}

fn contains(vm: &Vm, b: &PyRef, x: &PyRef) -> PyResult<bool> {
    let snapshot = alloc::copy_bytes(vm, &data(vm, b)?.borrow())?;
    bytes::bytes_contains(vm, &snapshot, x)
}

/// `PyByteArray_Concat` (`sq_concat`): a new bytearray.
fn concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            b.type_name(),
            a.type_name()
        )));
    };
    let mut v = alloc::vec_with_capacity(vm, x.len().saturating_add(y.len()))?;
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Ok(new_bytearray(vm, v, None))
}

/// `bytearray_iconcat` (`sq_inplace_concat`).
fn inplace_concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let d = data(vm, a)?;
    let Some(y) = buffer(b) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            b.type_name(),
            a.type_name()
        )));
    };
    let y = alloc::copy_bytes(vm, &y)?;
    let mut v = d.borrow_mut();
    alloc::reserve(vm, &mut v, y.len())?;
    v.extend_from_slice(&y);
    Ok(a.clone())
}

fn repeated(vm: &Vm, d: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    if d.len()
        .checked_mul(n as usize)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.memory_error());
    }
    alloc::repeat_bytes(vm, d, n as usize)
}

/// `bytearray_repeat`.
fn repeat(vm: &Vm, b: &PyRef, n: isize) -> PyResult {
    let v = repeated(vm, &data(vm, b)?.borrow(), n)?;
    Ok(new_bytearray(vm, v, None))
}

/// `bytearray_irepeat`.
fn inplace_repeat(vm: &Vm, b: &PyRef, n: isize) -> PyResult {
    let d = data(vm, b)?;
    let new = repeated(vm, &d.borrow(), n)?;
    let old = std::mem::replace(&mut *d.borrow_mut(), new);
    drop(old);
    Ok(b.clone())
}

/// `bytearray_mod` (`nb_remainder`): `bytearray % args` when the left
/// operand is a bytearray.
fn remainder(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Payload::ByteArray(d) = &a.payload else {
        return Ok(vm.not_implemented.clone());
    };
    let fmt = d.borrow().clone();
    Ok(new_bytearray(vm, bytes::percent_format(vm, &fmt, b)?, None))
}

// ----- the mutating methods --------------------------------------------------------

/// `self` (a bytearray) and its `n` more positional arguments.
fn method<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a RefCell<Vec<u8>>, &'a [PyRef])> {
    let p = args.check_method(vm, name, min, max)?;
    Ok((data(vm, &p[0])?, p))
}

fn ba_append(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "append", 1, 1)?;
    let v = byte_value(vm, &p[1])?;
    b.borrow_mut().push(v);
    Ok(vm.none.clone())
}

fn ba_extend(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "extend", 1, 1)?;
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
    let (b, p) = method(vm, &args, "insert", 2, 2)?;
    let i = vm.index_i64(&p[1])?;
    let v = byte_value(vm, &p[2])?;
    let mut b = b.borrow_mut();
    let n = b.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(at as usize, v);
    Ok(vm.none.clone())
}

fn ba_pop(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "pop", 0, 1)?;
    let i = match p.get(1) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let mut b = b.borrow_mut();
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray".to_string()));
    }
    let j = if i < 0 { i + b.len() as i64 } else { i };
    if j < 0 || j as usize >= b.len() {
        return Err(vm.index_error("pop index out of range".to_string()));
    }
    Ok(vm.new_int(b.remove(j as usize) as i64))
}

fn ba_remove(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "remove", 1, 1)?;
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
    let (b, _) = method(vm, &args, "clear", 0, 0)?;
    b.borrow_mut().clear();
    Ok(vm.none.clone())
}

fn ba_reverse(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "reverse", 0, 0)?;
    b.borrow_mut().reverse();
    Ok(vm.none.clone())
}

fn ba_copy(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "copy", 0, 0)?;
    Ok(new_bytearray(vm, b.borrow().clone(), None))
}

/// `B.__alloc__()`: the allocated size (contents plus the terminator).
fn ba_alloc(vm: &Vm, args: Args) -> PyResult {
    let (b, _) = method(vm, &args, "__alloc__", 0, 0)?;
    let n = b.borrow().len();
    Ok(vm.new_int(if n == 0 { 0 } else { n as i64 + 1 }))
}

/// `bytearray.__sizeof__`: minipy's real size (see `objects/sizeof.rs`).
fn ba_sizeof(vm: &Vm, args: Args) -> PyResult {
    let (_, p) = method(vm, &args, "__sizeof__", 0, 0)?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(&p[0]) as i64))
}

/// `_common_reduce`: `(cls, (latin-1 str, 'latin-1') or (bytes,), state)`.
fn reduce_common(vm: &Vm, obj: &PyRef, b: &RefCell<Vec<u8>>, proto: i64) -> PyResult {
    let state = vm.exposed_dict(obj).unwrap_or_else(|| vm.none.clone());
    let data = b.borrow().clone();
    let args = if proto < 3 {
        let s: String = data.iter().map(|&c| c as char).collect();
        vm.new_tuple(vec![vm.new_string(s), vm.new_str("latin-1")])
    } else {
        vm.new_tuple(vec![vm.new_bytes(data)])
    };
    Ok(vm.new_tuple(vec![obj.class().clone(), args, state]))
}

fn ba_reduce(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__reduce__", 0, 0)?;
    reduce_common(vm, &p[0], b, 2)
}

fn ba_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    let (b, p) = method(vm, &args, "__reduce_ex__", 0, 1)?;
    let proto = match p.get(1) {
        Some(o) => crate::objects::bytes::methods::c_int(vm, o)? as i64,
        None => 0,
    };
    reduce_common(vm, &p[0], b, proto)
}

pub static BYTEARRAY_TYPE: TypeSpec = TypeSpec {
    name: "bytearray",
    doc: Some("bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer"),
    layout: Layout::ByteArray,
    flags: tpflags::BASETYPE | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(ba_repr),
        slot::str(ba_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(richcompare),
        slot::iter(iter),
        slot::init(bytearray_init),
        slot::nb_remainder(remainder),
        slot::length(length),
        slot::subscript(subscript),
        slot::ass_subscript(ass_subscript),
        slot::sq_concat(concat),
        slot::sq_repeat(repeat),
        slot::contains(contains),
        slot::sq_inplace_concat(inplace_concat),
        slot::sq_inplace_repeat(inplace_repeat),
        slot::tp_new(bytearray_new),
    ],
    methods: method_defs::METHODS,
    getsets: &[],
};
