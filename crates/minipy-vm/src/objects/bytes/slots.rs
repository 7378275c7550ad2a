//! `bytes`' slots (CPython's `PyBytes_Type` with `bytes_as_number`,
//! `bytes_as_sequence` and `bytes_as_mapping`) and its declaration.

use minipy_bytecode::repr::bytes_repr;

use super::methods::buffer;
use super::{bytes_contains, bytes_hash, bytes_new, method_defs};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::alloc;
use crate::objects::typeobj::{slot, tpflags, Layout, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// The contents of `b` (a bytes slot's own layout).
fn data<'a>(vm: &Vm, b: &'a PyRef) -> PyResult<&'a [u8]> {
    match &b.payload {
        Payload::Bytes(d) => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("bytes slot called on a '{}' object", b.type_name()),
        )),
    }
}

/// `bytes_repr` (also `tp_str`: minipy has no `-b` BytesWarning).
fn repr(vm: &Vm, b: &PyRef) -> PyResult {
    Ok(vm.new_string(bytes_repr(data(vm, b)?)))
}

fn hash(vm: &Vm, b: &PyRef) -> PyResult<i64> {
    Ok(bytes_hash(data(vm, b)?))
}

/// `bytes_richcompare`: bytes against bytes only.
fn richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Bytes(x), Payload::Bytes(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(op.eval_ord(x.cmp(y))))
}

fn iter(vm: &Vm, b: &PyRef) -> PyResult {
    data(vm, b)?;
    Ok(super::new_bytes_iterator(vm, b, &vm.types.bytes_iterator))
}

fn length(vm: &Vm, b: &PyRef) -> PyResult<usize> {
    Ok(data(vm, b)?.len())
}

/// `bytes_subscript`: an int, or bytes for a slice.
fn subscript(vm: &Vm, b: &PyRef, key: &PyRef) -> PyResult {
    let d = data(vm, b)?;
    let index = crate::objects::str::index_of_key(vm, key, |t| {
        format!("byte indices must be integers or slices, not {}", t)
    })?;
    match index {
        Some(i) => {
            let j = if i < 0 { i + d.len() as i64 } else { i };
            if j < 0 || j as usize >= d.len() {
                return Err(vm.index_error("index out of range".to_string()));
            }
            Ok(vm.new_int(d[j as usize] as i64))
        }
        None => {
            let (s, e, st) = crate::objects::range::slice_indices(vm, key, d.len())?;
            let n = crate::objects::range::slice_length(s, e, st);
            if n == d.len() && st == 1 && b.class().is(&vm.types.bytes) {
                return Ok(b.clone());
            }
            if st == 1 {
                return Ok(vm.new_bytes(d[s as usize..s as usize + n].to_vec()));
            }
            Ok(vm.new_bytes((0..n).map(|i| d[(s + i as isize * st) as usize]).collect()))
        }
    }
}

fn contains(vm: &Vm, b: &PyRef, x: &PyRef) -> PyResult<bool> {
    bytes_contains(vm, data(vm, b)?, x)
}

/// `bytes_concat`: any two bytes-like operands make bytes.
fn concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            b.type_name(),
            a.type_name()
        )));
    };
    if y.is_empty() && a.class().is(&vm.types.bytes) {
        return Ok(a.clone());
    }
    if x.is_empty() && b.class().is(&vm.types.bytes) {
        return Ok(b.clone());
    }
    let mut v = alloc::vec_with_capacity(vm, x.len().saturating_add(y.len()))?;
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Ok(vm.new_bytes(v))
}

/// `bytes_repeat`.
fn repeat(vm: &Vm, b: &PyRef, n: isize) -> PyResult {
    let d = data(vm, b)?;
    if n <= 0 || d.is_empty() {
        return Ok(vm.new_bytes(Vec::new()));
    }
    if n == 1 && b.class().is(&vm.types.bytes) {
        return Ok(b.clone());
    }
    let k = n as usize;
    if d.len()
        .checked_mul(k)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.overflow_error("repeated bytes are too long".to_string()));
    }
    Ok(vm.new_bytes(alloc::repeat_bytes(vm, d, k)?))
}

/// `bytes_mod` (`nb_remainder`): `bytes % args` when the left operand is
/// bytes.
fn remainder(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Payload::Bytes(d) = &a.payload else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bytes(super::percent_format(vm, d, b)?))
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a [u8])> {
    let p = args.check_method(vm, name, 0, 0)?;
    Ok((&p[0], data(vm, &p[0])?))
}

/// `bytes.__getnewargs__`.
pub(super) fn bytes_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = this(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_bytes(d.to_vec())]))
}

/// `bytes.__bytes__`: the object itself when exactly bytes, else a copy.
pub(super) fn bytes_bytes(vm: &Vm, args: Args) -> PyResult {
    let (b, d) = this(vm, &args, "__bytes__")?;
    if b.class().is(&vm.types.bytes) {
        return Ok(b.clone());
    }
    Ok(vm.new_bytes(d.to_vec()))
}

pub static BYTES_TYPE: TypeSpec = TypeSpec {
    name: "bytes",
    doc: Some("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer"),
    layout: Layout::Bytes,
    flags: tpflags::BASETYPE | tpflags::BYTES_SUBCLASS | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(repr),
        slot::hash(hash),
        slot::str(repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(richcompare),
        slot::iter(iter),
        slot::nb_remainder(remainder),
        slot::length(length),
        slot::subscript(subscript),
        slot::sq_concat(concat),
        slot::sq_repeat(repeat),
        slot::contains(contains),
        slot::tp_new(bytes_new),
    ],
    methods: method_defs::METHODS,
    getsets: &[],
};
