//! `sys.getsizeof` / `object.__sizeof__`: the memory an object really
//! occupies in minipy — its block from the allocator plus the buffers its
//! payload owns (list and tuple item arrays, dict tables) — except a str,
//! which reports CPython's size (see `cpython_str_size`).
//! An instance's inline namespace (see `heap::INLINE_DICT`) is part of the
//! instance and counted with it; a materialised `__dict__` is not.

use std::mem::size_of;

use crate::heap::{PyObject, PyRef, INLINE_DICT};
use crate::objects::dict::{DictData, Entry};
use crate::objects::layout::Payload;

fn table_size(d: &DictData) -> usize {
    size_of::<std::cell::RefCell<DictData>>()
        + d.indices_len() * size_of::<u32>()
        + d.entries.capacity() * size_of::<Option<Entry>>()
}

fn namespace_size(d: &PyRef) -> usize {
    if d.has_flag(INLINE_DICT) {
        basic_size(d)
    } else {
        0
    }
}

/// What CPython 3.11 reports for a str (`unicode___sizeof__`), which
/// programs use to reason about text: PEP 393's compact ASCII object (48
/// bytes) or compact object (72), or for a subclass the non-compact object
/// (80; `sys.getsizeof` adds the pre-header, see [`getsizeof`]), plus the
/// code
/// points at the kind's width and a terminating one. (The UTF-8 cache
/// CPython may add is never counted: minipy's text is UTF-8 already.)
fn cpython_str_size(obj: &PyObject, s: &crate::objects::str::StrData) -> usize {
    use crate::objects::str::Kind;
    let width = match s.kind() {
        Kind::Ascii | Kind::Latin1 => 1,
        Kind::Ucs2 => 2,
        Kind::Ucs4 => 4,
    };
    let header = if crate::objects::layout::is_heap_instance(obj) {
        80
    } else if s.is_ascii() {
        48
    } else {
        72
    };
    header + (s.char_len() + 1) * width
}

/// `sys.getsizeof(obj)` for a built-in `__sizeof__`: [`basic_size`], which
/// for minipy's own layouts already counts the GC head; a str subclass
/// instance adds CPython's pre-header (`_PyType_PreHeaderSize`: the
/// 16-byte `PyGC_Head` and the managed dict's two words), as
/// `sys.getsizeof` does.
pub fn getsizeof(obj: &PyObject) -> usize {
    let gc_head = match obj.payload {
        Payload::Str(_) if crate::objects::layout::is_heap_instance(obj) => {
            if obj.class().has_flag(crate::heap::TYPE_MANAGED_DICT) {
                32
            } else {
                16
            }
        }
        _ => 0,
    };
    basic_size(obj) + gc_head
}

/// The object's size in bytes.
pub fn basic_size(obj: &PyObject) -> usize {
    let extra = match &obj.payload {
        Payload::Str(s) => return cpython_str_size(obj, s),
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.try_borrow().map_or(0, |b| b.capacity()),
        Payload::BigInt(b) => {
            size_of::<num_bigint::BigInt>() + (b.bits() as usize).div_ceil(64) * 8
        }
        Payload::List(v) => v
            .try_borrow()
            .map_or(0, |v| v.capacity() * size_of::<PyRef>()),
        // (A tuple's items are in its block: `block_size` counts them.)
        Payload::Dict(d) | Payload::Set(d) => d.try_borrow().map_or(0, |d| table_size(&d)),
        Payload::Instance(inst) => {
            // The values block: a capacity word and the cells, in
            // 16-byte size classes.
            let cap = inst.capacity();
            let values = if cap == 0 {
                0
            } else {
                ((cap + 1) * size_of::<Option<PyRef>>()).next_multiple_of(16)
            };
            values + inst.dict().as_ref().map(namespace_size).unwrap_or(0)
        }
        Payload::Function(_) => size_of::<crate::objects::function::Function>(),
        Payload::Builtin(_) => size_of::<crate::objects::function::BuiltinFunction>(),
        Payload::Type(_) => size_of::<crate::objects::typeobj::TypeData>(),
        Payload::Generator(_) => size_of::<crate::objects::generator::GeneratorData>(),
        Payload::Exception(_) => size_of::<crate::objects::layout::ExceptionData>(),
        Payload::WeakRef(_) => size_of::<crate::objects::layout::WeakRefData>(),
        _ => 0,
    };
    let managed = obj
        .managed_dict()
        .and_then(|s| {
            s.try_borrow()
                .ok()
                .and_then(|d| d.as_ref().map(namespace_size))
        })
        .unwrap_or(0);
    obj.block_size() + extra + managed
}
