//! `bytes`: construction, codecs (utf-8, ascii, latin-1) and hashing; its
//! slots and declaration in `slots.rs`, the methods it shares with
//! `bytearray` in `methods.rs`, its iterator (and bytearray's) in `iter.rs`.

use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::{alloc, bind_args};
use crate::objects::str::{hash_bytes, methods_encode, normalize_encoding};
use crate::objects::typeobj;
use crate::vm::Vm;

mod iter;
mod method_defs;
pub mod methods;
mod slots;
mod transform;

pub use iter::{new_iterator as new_bytes_iterator, BYTEARRAY_ITERATOR_TYPE, BYTES_ITERATOR_TYPE};
pub use slots::BYTES_TYPE;

/// CPython's bytes hash (PYTHONHASHSEED=0).
pub fn bytes_hash(b: &[u8]) -> i64 {
    hash_bytes(b)
}

fn arg_text(vm: &Vm, o: Option<&PyRef>, dflt: &str, fname: &str, n: usize) -> PyResult<String> {
    match o {
        None => Ok(dflt.to_string()),
        Some(o) => o.as_str().map(|s| s.to_string()).ok_or_else(|| {
            vm.type_error(format!(
                "{}() argument {} must be str, not {}",
                fname,
                n,
                o.type_name()
            ))
        }),
    }
}

/// Decodes `data` with the named codec.
pub fn decode(vm: &Vm, data: &[u8], enc: Option<&PyRef>, errs: Option<&PyRef>) -> PyResult<String> {
    let enc = arg_text(vm, enc, "utf-8", "decode", 1)?;
    let errs = arg_text(vm, errs, "strict", "decode", 2)?;
    decode_str(vm, data, &enc, &errs)
}

pub fn decode_str(vm: &Vm, data: &[u8], enc: &str, errs: &str) -> PyResult<String> {
    let codec = normalize_encoding(enc)
        .ok_or_else(|| vm.new_error(&vm.exc.lookup_error, format!("unknown encoding: {}", enc)))?;
    match codec {
        "latin-1" => Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    out.push(b as char);
                } else {
                    match errs {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        _ => {
                            return Err(vm.new_error(
                                &vm.exc.unicode_decode_error,
                                format!(
                                    "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                                    b, i
                                ),
                            ))
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_string()),
            Err(_) if errs == "replace" => Ok(String::from_utf8_lossy(data).into_owned()),
            Err(_) if errs == "ignore" => {
                let mut out = String::new();
                let mut rest = data;
                loop {
                    match std::str::from_utf8(rest) {
                        Ok(s) => {
                            out.push_str(s);
                            break;
                        }
                        Err(e) => {
                            let good = e.valid_up_to();
                            out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                            let skip = e.error_len().unwrap_or(rest.len() - good);
                            rest = &rest[good + skip..];
                        }
                    }
                }
                Ok(out)
            }
            Err(e) => {
                let pos = e.valid_up_to();
                let byte = data.get(pos).copied().unwrap_or(0);
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let invalid_start = (0x80..0xc2).contains(&byte) || byte >= 0xf5;
                        (
                            pos + n,
                            if invalid_start {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            },
                        )
                    }
                };
                let msg = if end - pos > 1 && reason == "unexpected end of data" {
                    format!(
                        "'utf-8' codec can't decode bytes in position {}-{}: {}",
                        pos,
                        end - 1,
                        reason
                    )
                } else {
                    format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                        byte, pos, reason
                    )
                };
                Err(vm.new_error(&vm.exc.unicode_decode_error, msg))
            }
        },
    }
}

/// `x in bytes`.
pub fn bytes_contains(vm: &Vm, b: &[u8], x: &PyRef) -> PyResult<bool> {
    match &x.payload {
        Payload::Bytes(_) | Payload::ByteArray(_) => {
            let sub = methods::need_buffer(vm, x)?;
            Ok(methods::find_in(b, &sub, 0, b.len() as i64, false).is_some())
        }
        Payload::Int(i) => {
            if !(0..256).contains(i) {
                return Err(vm.value_error("byte must be in range(0, 256)".to_string()));
            }
            Ok(b.contains(&(*i as u8)))
        }
        _ => {
            if typeobj::lookup_str(vm, x.class(), "__index__").is_some() {
                let i = vm.index_i64(x)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("byte must be in range(0, 256)".to_string()));
                }
                return Ok(b.contains(&(i as u8)));
            }
            Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                x.type_name()
            )))
        }
    }
}

/// `bytes % args`.
pub fn percent_format(vm: &Vm, fmt: &[u8], args: &PyRef) -> PyResult<Vec<u8>> {
    crate::objects::str::bytes_percent_format(vm, fmt, args)
}

fn bytes_of_iterable(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    for it in vm.iterate(o)? {
        let v = vm.index_i64(&it)?;
        if !(0..256).contains(&v) {
            return Err(vm.value_error("bytes must be in range(0, 256)".to_string()));
        }
        out.push(v as u8);
    }
    Ok(out)
}

pub fn bytes_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.bytes.clone());
    let a = bind_args(vm, &args, "bytes", &["source", "encoding", "errors"], 0)?;
    let data: Vec<u8> = match (a[0], a[1], a[2]) {
        (None, None, None) => Vec::new(),
        (Some(o), None, None) => match &o.payload {
            Payload::Str(_) => {
                return Err(vm.type_error("string argument without an encoding".to_string()))
            }
            Payload::Bytes(b) => {
                if cls.is(&vm.types.bytes) && o.class().is(&vm.types.bytes) {
                    return Ok(o.clone());
                }
                b.to_vec()
            }
            Payload::ByteArray(b) => b.borrow().clone(),
            Payload::Int(n) => {
                if *n < 0 {
                    return Err(vm.value_error("negative count".to_string()));
                }
                alloc::zeroed_bytes(vm, *n as usize)?
            }
            _ => {
                if typeobj::lookup_str(vm, o.class(), "__bytes__").is_some() {
                    let r = vm.call_method(o, "__bytes__", &[])?;
                    match &r.payload {
                        Payload::Bytes(b) => b.to_vec(),
                        _ => {
                            return Err(vm.type_error(format!(
                                "__bytes__ returned non-bytes (type {})",
                                r.type_name()
                            )))
                        }
                    }
                } else if typeobj::lookup_str(vm, o.class(), "__index__").is_some() {
                    let n = vm.index_big(o)?.to_i64().ok_or_else(|| {
                        vm.overflow_error(
                            "cannot fit 'int' into an index-sized integer".to_string(),
                        )
                    })?;
                    if n < 0 {
                        return Err(vm.value_error("negative count".to_string()));
                    }
                    alloc::zeroed_bytes(vm, n as usize)?
                } else if matches!(o.payload, Payload::Float(_)) {
                    return Err(vm.type_error(format!(
                        "cannot convert '{}' object to bytes",
                        o.type_name()
                    )));
                } else {
                    bytes_of_iterable(vm, o)?
                }
            }
        },
        (Some(o), enc, errs) => match o.as_str() {
            Some(s) => {
                let enc = arg_text(vm, enc, "utf-8", "bytes", 2)?;
                let errs = arg_text(vm, errs, "strict", "bytes", 3)?;
                methods_encode(vm, s, &enc, &errs)?
            }
            None => {
                return Err(vm.type_error(if enc.is_some() {
                    "encoding without a string argument".to_string()
                } else {
                    "errors without a string argument".to_string()
                }))
            }
        },
        (None, _, _) => return Err(vm.type_error("encoding without a string argument".to_string())),
    };
    if cls.is(&vm.types.bytes) {
        Ok(vm.new_bytes(data))
    } else {
        Ok(PyRef::new(Payload::Bytes(data.into_boxed_slice()), &cls))
    }
}
