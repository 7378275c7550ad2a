//! `str`'s slots (CPython's `PyUnicode_Type` with `unicode_as_number`,
//! `unicode_as_sequence` and `unicode_as_mapping`) and its declaration.

use minipy_bytecode::repr::try_str_repr;

use super::{byte_offset, char_at, method_defs, slice, str_hash, str_new};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::{Payload, StrData};
use crate::objects::seq::alloc;
use crate::objects::typeobj::{slot, tpflags, Layout, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// The `StrData` of `s` (a str slot's own layout).
fn data<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<&'a StrData> {
    match &s.payload {
        Payload::Str(d) => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("str slot called on a '{}' object", s.type_name()),
        )),
    }
}

/// `unicode_repr`.
fn str_repr_slot(vm: &Vm, s: &PyRef) -> PyResult {
    let r = try_str_repr(&data(vm, s)?.s).map_err(|_| vm.memory_error())?;
    Ok(vm.new_string(r))
}

/// `unicode_str`: the object itself when exactly a str, else a copy.
fn str_str(vm: &Vm, s: &PyRef) -> PyResult {
    let d = data(vm, s)?;
    if s.class().is(&vm.types.str) {
        return Ok(s.clone());
    }
    Ok(vm.new_str(&d.s))
}

/// `unicode_hash` (cached in the payload).
fn str_hash_slot(vm: &Vm, s: &PyRef) -> PyResult<i64> {
    Ok(str_hash(data(vm, s)?))
}

/// `PyUnicode_RichCompare`: code-point order (UTF-8 byte order is the same).
fn str_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Str(x), Payload::Str(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = match op {
        CompareOp::Eq => a.is(b) || x.s == y.s,
        CompareOp::Ne => !(a.is(b) || x.s == y.s),
        _ => op.eval_ord(x.s.cmp(&y.s)),
    };
    Ok(vm.new_bool(r))
}

/// `unicode_iter`: a `str_ascii_iterator` over a compact ASCII string
/// (an exact str), else a `str_iterator` (subclass instances are never
/// compact in CPython).
fn str_iter(vm: &Vm, s: &PyRef) -> PyResult {
    let d = data(vm, s)?;
    let compact_ascii = d.is_ascii() && s.class().is(&vm.types.str);
    Ok(super::iter::new_str_iterator(vm, s, compact_ascii))
}

/// `unicode_length`.
fn str_len(vm: &Vm, s: &PyRef) -> PyResult<usize> {
    Ok(data(vm, s)?.char_len())
}

/// An index for `s[i]` (CPython's `_PyIndex_Check` then
/// `PyNumber_AsSsize_t(i, PyExc_IndexError)`); `None` for a slice.
pub fn index_of_key(vm: &Vm, key: &PyRef, type_error: fn(&str) -> String) -> PyResult<Option<i64>> {
    match &key.payload {
        Payload::Int(i) => Ok(Some(*i)),
        Payload::BigInt(_) => {
            Err(vm.index_error("cannot fit 'int' into an index-sized integer".to_string()))
        }
        Payload::Slice { .. } => Ok(None),
        _ if crate::objects::typeobj::lookup_str(vm, key.class(), "__index__").is_some() => {
            match vm.index_i64(key) {
                Ok(i) => Ok(Some(i)),
                Err(e) if vm.exc_matches(&e, &vm.exc.overflow_error) => {
                    Err(vm.index_error("cannot fit 'int' into an index-sized integer".to_string()))
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(vm.type_error(type_error(&key.type_name()))),
    }
}

/// `unicode_subscript`: one character or a slice.
fn str_subscript(vm: &Vm, s: &PyRef, key: &PyRef) -> PyResult {
    let d = data(vm, s)?;
    let Some(i) = index_of_key(vm, key, |t| {
        format!("string indices must be integers, not '{}'", t)
    })?
    else {
        return str_slice(vm, s, d, key);
    };
    let i = if i < 0 { i + d.char_len() as i64 } else { i };
    if i < 0 || i as usize >= d.char_len() {
        return Err(vm.index_error("string index out of range".to_string()));
    }
    match char_at(vm, d, i as usize)? {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut buf)))
        }
        None => Err(vm.new_error(
            &vm.exc.system_error,
            "str index within its length has no character".to_string(),
        )),
    }
}

/// `s[a:b:c]`: the object itself for a whole exact str, else a new str.
fn str_slice(vm: &Vm, s: &PyRef, d: &StrData, key: &PyRef) -> PyResult {
    let (start, stop, step) = crate::objects::range::slice_indices(vm, key, d.char_len())?;
    let n = crate::objects::range::slice_length(start, stop, step);
    if n == d.char_len() && step == 1 && s.class().is(&vm.types.str) {
        return Ok(s.clone());
    }
    if n == 0 {
        return Ok(vm.new_str(""));
    }
    if step == 1 && d.is_ascii() {
        return Ok(vm.new_str(&d.s[start as usize..stop as usize]));
    }
    Ok(vm.new_string(slice(vm, d, key)?))
}

/// `PyUnicode_Contains`.
fn str_contains(vm: &Vm, s: &PyRef, item: &PyRef) -> PyResult<bool> {
    let d = data(vm, s)?;
    match &item.payload {
        Payload::Str(x) => Ok(d.s.contains(&*x.s)),
        _ => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.type_name()
        ))),
    }
}

/// `PyUnicode_Concat` (`sq_concat`).
fn str_concat(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Payload::Str(x), Payload::Str(y)) = (&a.payload, &b.payload) else {
        let bad = if matches!(a.payload, Payload::Str(_)) {
            b
        } else {
            a
        };
        return Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            bad.type_name()
        )));
    };
    if y.s.is_empty() && a.class().is(&vm.types.str) {
        return Ok(a.clone());
    }
    if x.s.is_empty() && b.class().is(&vm.types.str) {
        return Ok(b.clone());
    }
    let mut s = alloc::string_with_capacity(vm, alloc::size_add(vm, x.s.len(), y.s.len())?)?;
    s.push_str(&x.s);
    s.push_str(&y.s);
    Ok(vm.new_string(s))
}

/// `unicode_repeat` (`sq_repeat`).
fn str_repeat(vm: &Vm, s: &PyRef, n: isize) -> PyResult {
    let d = data(vm, s)?;
    if n <= 0 || d.s.is_empty() {
        return Ok(vm.new_str(""));
    }
    if n == 1 && s.class().is(&vm.types.str) {
        return Ok(s.clone());
    }
    let k = n as usize;
    if d.char_len()
        .checked_mul(k)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.overflow_error("repeated string is too long".to_string()));
    }
    Ok(vm.new_string(alloc::repeat_str(vm, &d.s, k)?))
}

/// `unicode_mod` (`nb_remainder`): `format % args` when the left operand
/// is a str.
fn str_mod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Payload::Str(d) = &a.payload else {
        return Ok(vm.not_implemented.clone());
    };
    let r = super::percent_format(vm, &d.s, b)?;
    if !d.s.contains('%') {
        // CPython's writer hands back the format object itself when it is
        // copied whole (`S('x') % ()` is the same `S`).
        return Ok(a.clone());
    }
    Ok(vm.new_string(r))
}

/// Byte offset of code-point index `i` (for the iterators).
pub(super) fn offset_of(d: &StrData, i: usize) -> usize {
    byte_offset(d, i)
}

pub static STR_TYPE: TypeSpec = TypeSpec {
    name: "str",
    doc: Some("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'."),
    layout: Layout::Str,
    flags: tpflags::BASETYPE | tpflags::UNICODE_SUBCLASS | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(str_repr_slot),
        slot::hash(str_hash_slot),
        slot::str(str_str),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(str_richcompare),
        slot::iter(str_iter),
        slot::nb_remainder(str_mod),
        slot::length(str_len),
        slot::subscript(str_subscript),
        slot::sq_concat(str_concat),
        slot::sq_repeat(str_repeat),
        slot::contains(str_contains),
        slot::tp_new(str_new),
    ],
    methods: method_defs::METHODS,
    getsets: &[],
};
