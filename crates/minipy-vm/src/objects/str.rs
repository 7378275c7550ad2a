//! `str`: construction, hashing, code-point indexing, and the method table
//! (algorithms in `str/methods.rs`, formatting in `str/format.rs`).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::{bytes, range};
use crate::text::TextError;
use crate::vm::Vm;

mod data;
mod format;
mod iter;
mod method_defs;
mod methods;
mod slots;

pub use data::{Kind, StrData, Units};
pub use format::{ascii_string, bytes_percent_format, format_str, format_value, percent_format};
pub use iter::{new_str_iterator, self_iter, STR_ASCII_ITERATOR_TYPE, STR_ITERATOR_TYPE};
pub use methods::{encode_str as methods_encode, normalize_encoding};
pub use slots::{index_of_key, STR_TYPE};

/// A `TextError` from the text algorithms as a Python exception.
pub fn text_err(vm: &Vm, e: TextError) -> PyRef {
    match e {
        TextError::Type(m) => vm.type_error(m),
        TextError::Value(m) => vm.value_error(m),
        TextError::Overflow(m) => vm.overflow_error(m),
        TextError::Memory => vm.memory_error(),
    }
}

// ----- hashing ---------------------------------------------------------------

/// SipHash-1-3 as CPython 3.11 uses it for str and bytes.
pub fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v2 = v2.wrapping_add(v3);
            v1 = v1.rotate_left(13) ^ v0;
            v3 = v3.rotate_left(16) ^ v2;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v1);
            v0 = v0.wrapping_add(v3);
            v1 = v1.rotate_left(17) ^ v2;
            v3 = v3.rotate_left(21) ^ v0;
            v2 = v2.rotate_left(32);
        };
    }
    let b0 = (src.len() as u64) << 56;
    let mut chunks = src.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mi = u64::from_le_bytes(w);
        v3 ^= mi;
        round!();
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    let b = b0 | u64::from_le_bytes(t);
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// CPython's hash of raw data (`_Py_HashBytes` with PYTHONHASHSEED=0).
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let h = siphash13(0, 0, data) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `str` hash: the data in its canonical representation
/// (latin-1, UCS-2 or UCS-4), cached in `StrData.hash`.
pub fn str_hash(d: &StrData) -> i64 {
    let h = d.hash.get();
    if h != -1 {
        return h;
    }
    let h = compute_str_hash(&d.s, d.is_ascii());
    d.hash.set(h);
    h
}

fn compute_str_hash(s: &str, ascii: bool) -> i64 {
    if ascii {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 2);
    for c in s.chars() {
        let c = c as u32;
        if max < 256 {
            buf.push(c as u8);
        } else if max < 65536 {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// Hash of a Rust string with CPython's algorithm.
pub fn str_hash_of(s: &str) -> i64 {
    compute_str_hash(s, s.is_ascii())
}

// ----- code-point indexing -----------------------------------------------------

/// The character at code-point index `i` (O(1): see `str/data.rs`).
pub fn char_at(vm: &Vm, d: &StrData, i: usize) -> PyResult<Option<char>> {
    Ok(match units(vm, d)? {
        None => d.s.as_bytes().get(i).map(|&b| b as char),
        Some(u) => u.get(i),
    })
}

/// `d.units()` with `MemoryError` when its buffer cannot be allocated.
pub fn units<'a>(vm: &Vm, d: &'a StrData) -> PyResult<Option<&'a Units>> {
    d.units().map_err(|_| vm.memory_error())
}

/// Byte offset of code-point index `ci` (clamped to the end).
pub fn byte_offset(d: &StrData, ci: usize) -> usize {
    if d.is_ascii() {
        ci.min(d.s.len())
    } else {
        d.s.char_indices()
            .nth(ci)
            .map(|(b, _)| b)
            .unwrap_or(d.s.len())
    }
}

/// Code-point index of byte offset `bi`.
pub fn char_index(d: &StrData, bi: usize) -> usize {
    if d.is_ascii() {
        bi
    } else {
        d.s[..bi].chars().count()
    }
}

/// `s[slice]`.
pub fn slice(vm: &Vm, d: &StrData, key: &PyRef) -> PyResult<String> {
    let (start, stop, step) = range::slice_indices(vm, key, d.char_len())?;
    let n = range::slice_length(start, stop, step);
    if n == 0 {
        return Ok(String::new());
    }
    let Some(u) = units(vm, d)? else {
        let bytes = d.s.as_bytes();
        if step == 1 {
            return Ok(d.s[start as usize..stop as usize].to_string());
        }
        let mut out = crate::objects::seq::alloc::string_with_capacity(vm, n)?;
        out.extend((0..n).map(|i| bytes[(start + i as isize * step) as usize] as char));
        return Ok(out);
    };
    // (At most 4 UTF-8 bytes a code point; the kind bounds it better.)
    let width = match d.kind() {
        Kind::Ascii => 1,
        Kind::Latin1 => 2,
        Kind::Ucs2 => 3,
        Kind::Ucs4 => 4,
    };
    let cap = crate::objects::seq::alloc::size_mul(vm, n, width)?;
    let mut out = crate::objects::seq::alloc::string_with_capacity(vm, cap)?;
    for i in 0..n {
        let Some(c) = u.get((start + i as isize * step) as usize) else {
            return Err(vm.new_error(
                &vm.exc.system_error,
                "str slice index within its length has no character".to_string(),
            ));
        };
        out.push(c);
    }
    Ok(out)
}

/// `PyUnicode_Append(&a, b)` for two exact strs, called by `BINARY_OP`
/// (3.11's `BINARY_OP_INPLACE_ADD_UNICODE`) once the local that held `a`
/// has let go of it: when `a` is then the only reference, its buffer is
/// resized in place (CPython's `resize_compact`: a `realloc` of the same
/// block, which the allocator amortises by growing into the free space
/// after it), so `s += c` in a loop is linear; otherwise a new str, as
/// `a + b`. The cached hash is dropped with the old contents.
pub fn append(vm: &Vm, mut a: PyRef, b: &PyRef) -> PyResult {
    let Payload::Str(y) = &b.payload else {
        return vm.binary_op(&a, b, minipy_bytecode::opcode::nb::ADD);
    };
    if y.s.is_empty() {
        return Ok(a);
    }
    match PyRef::get_mut(&mut a) {
        Some(Payload::Str(d)) => {
            d.push(y).map_err(|_| vm.memory_error())?;
            Ok(a)
        }
        _ => vm.binary_op(&a, b, minipy_bytecode::opcode::nb::ADD),
    }
}

/// The `StrData` of `self` for a str method.
pub(crate) fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a StrData> {
    match args.pos().first().map(|o| &o.payload) {
        Some(Payload::Str(d)) => Ok(d),
        Some(_) => Err(vm.type_error(format!(
            "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
            name,
            args.pos()[0].type_name()
        ))),
        None => Err(vm.type_error(format!("unbound method str.{}() needs an argument", name))),
    }
}

/// A new str of class `cls` (a str subclass) or plain `str`.
pub fn new_str_of(vm: &Vm, cls: &PyRef, s: String) -> PyRef {
    if cls.is(&vm.types.str) {
        vm.new_string(s)
    } else {
        PyRef::new(Payload::Str(StrData::new(s.into_boxed_str())), cls)
    }
}

pub fn str_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = match pos.first() {
        Some(c) => c.clone(),
        None => vm.types.str.clone(),
    };
    let b = crate::objects::seq::bind_args(vm, &args, "str", &["object", "encoding", "errors"], 0)?;
    let s = match (b[0], b[1], b[2]) {
        (None, None, None) => String::new(),
        (Some(o), None, None) => {
            if cls.is(&vm.types.str) {
                return vm.str(o);
            }
            vm.str_string(o)?
        }
        (o, enc, errs) => {
            let o = match o {
                Some(o) => o,
                None => return Ok(new_str_of(vm, &cls, String::new())),
            };
            match &o.payload {
                Payload::Bytes(data) => bytes::decode(vm, data, enc, errs)?,
                Payload::Str(_) => {
                    return Err(vm.type_error("decoding str is not supported".to_string()))
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        o.type_name()
                    )))
                }
            }
        }
    };
    Ok(new_str_of(vm, &cls, s))
}

/// `str.__getnewargs__`.
fn str_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__getnewargs__")?;
    args.check_method(vm, "__getnewargs__", 0, 0)?;
    Ok(vm.new_tuple(vec![vm.new_str(&d.s)]))
}

/// `str.__sizeof__`: minipy's real size (see `objects/sizeof.rs`).
fn str_sizeof(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args, "__sizeof__")?;
    let p = args.check_method(vm, "__sizeof__", 0, 0)?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(&p[0]) as i64))
}

#[cfg(test)]
mod tests {
    use super::{hash_bytes, str_hash_of};

    #[test]
    fn hashes_match_cpython_with_hashseed_0() {
        assert_eq!(str_hash_of("abc"), -4594863902769663758);
        assert_eq!(str_hash_of("é"), 6047309291227476195);
        assert_eq!(str_hash_of("日本"), 6243316497235261705);
        assert_eq!(str_hash_of("😀"), -3536540696076613844);
        assert_eq!(str_hash_of(""), 0);
        assert_eq!(str_hash_of(&"a".repeat(20)), 3291541819775287794);
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
    }
}
