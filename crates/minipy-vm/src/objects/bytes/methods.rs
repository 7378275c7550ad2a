//! The methods `bytes` and `bytearray` share (CPython's
//! `Objects/bytes_methods.c` and the byte half of `stringlib`): each takes
//! `self` of either type, works on a snapshot of its contents, and returns
//! results of `self`'s base type (`bytes` or `bytearray`, as CPython).

use std::borrow::Cow;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::{alloc, bind_args};
use crate::vm::Vm;

pub use super::transform::{
    c_int, capitalize, center, expandtabs, fromhex, isalnum, isalpha, isascii, isdigit, islower,
    isspace, istitle, isupper, ljust, lower, maketrans, rjust, swapcase, title, translate, upper,
    zfill,
};

/// The base type of a byte string's results.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bytes,
    ByteArray,
}

/// `self` of a shared method: its contents and its kind.
pub struct This<'a> {
    pub obj: &'a PyRef,
    pub data: Cow<'a, [u8]>,
    pub kind: Kind,
}

impl This<'_> {
    /// A new result of `self`'s base type.
    pub fn make(&self, vm: &Vm, v: Vec<u8>) -> PyRef {
        make(vm, self.kind, v)
    }

    /// `self` unchanged: the object itself when it is exactly `bytes`
    /// (immutable), else a copy.
    pub(super) fn unchanged(&self, vm: &Vm) -> PyRef {
        if self.kind == Kind::Bytes && self.obj.class().is(&vm.types.bytes) {
            return self.obj.clone();
        }
        self.make(vm, self.data.to_vec())
    }
}

/// A new `bytes` or `bytearray`.
pub fn make(vm: &Vm, kind: Kind, v: Vec<u8>) -> PyRef {
    match kind {
        Kind::Bytes => vm.new_bytes(v),
        Kind::ByteArray => crate::objects::bytearray::new_bytearray(vm, v, None),
    }
}

/// `self` of a shared method (the descriptor has checked its type).
pub fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<This<'a>> {
    let Some(obj) = args.pos().first() else {
        return Err(vm.type_error(format!("descriptor '{}' needs an argument", name)));
    };
    match &obj.payload {
        Payload::Bytes(b) => Ok(This {
            obj,
            data: Cow::Borrowed(b),
            kind: Kind::Bytes,
        }),
        Payload::ByteArray(b) => Ok(This {
            obj,
            data: Cow::Owned(b.borrow().clone()),
            kind: Kind::ByteArray,
        }),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' requires a 'bytes' object but received a '{}'",
            name,
            obj.type_name()
        ))),
    }
}

/// The contents of a bytes-like object (`bytes` or `bytearray`: minipy
/// has no other buffer exporters).
pub fn buffer(o: &PyRef) -> Option<Cow<'_, [u8]>> {
    match &o.payload {
        Payload::Bytes(b) => Some(Cow::Borrowed(b)),
        Payload::ByteArray(b) => Some(Cow::Owned(b.borrow().clone())),
        _ => None,
    }
}

/// A bytes-like argument, or CPython's TypeError.
pub fn need_buffer<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<Cow<'a, [u8]>> {
    buffer(o).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_name()
        ))
    })
}

/// The `sub` argument of find/count/index: a bytes-like object or a byte
/// value.
fn sub_arg<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<Cow<'a, [u8]>> {
    if let Some(b) = buffer(o) {
        return Ok(b);
    }
    if crate::objects::typeobj::lookup_str(vm, o.class(), "__index__").is_some() {
        let v = vm.index_i64(o).unwrap_or(-1);
        if !(0..256).contains(&v) {
            return Err(vm.value_error("byte must be in range(0, 256)".to_string()));
        }
        return Ok(Cow::Owned(vec![v as u8]));
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        o.type_name()
    )))
}

/// `start`/`end` as stringlib's `ADJUST_INDICES` (start is not clamped to
/// the length: a start past the end finds nothing).
fn bounds(vm: &Vm, start: Option<&PyRef>, end: Option<&PyRef>, len: usize) -> PyResult<(i64, i64)> {
    let len = len as i64;
    let get = |o: Option<&PyRef>, dflt: i64| -> PyResult<i64> {
        match o {
            None => Ok(dflt),
            Some(o) => Ok(crate::objects::range::slice_bound(vm, o)?.unwrap_or(dflt)),
        }
    };
    let mut s = get(start, 0)?;
    let mut e = get(end, len)?;
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    Ok((s, e))
}

/// The first (or last) index of `sub` in `hay[a..e]`.
pub fn find_in(hay: &[u8], sub: &[u8], a: i64, e: i64, rev: bool) -> Option<usize> {
    if e - a < sub.len() as i64 || a > hay.len() as i64 {
        return None;
    }
    let (a, e) = (a as usize, e as usize);
    let win = &hay[a..e];
    if sub.is_empty() {
        return Some(if rev { e } else { a });
    }
    let n = win.len() - sub.len();
    let at = |i: usize| &win[i..i + sub.len()] == sub;
    let hit = if rev {
        (0..=n).rev().find(|&i| at(i))
    } else {
        (0..=n).find(|&i| at(i))
    };
    hit.map(|i| i + a)
}

fn search<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(This<'a>, Vec<u8>, i64, i64)> {
    let t = this(vm, args, name)?;
    let pos = args.check_method(vm, name, 1, 3)?;
    let sub = sub_arg(vm, &pos[1])?.into_owned();
    let (a, e) = bounds(vm, pos.get(2), pos.get(3), t.data.len())?;
    Ok((t, sub, a, e))
}

pub fn find(vm: &Vm, args: Args) -> PyResult {
    let (t, sub, a, e) = search(vm, &args, "find")?;
    Ok(vm.new_int(find_in(&t.data, &sub, a, e, false).map_or(-1, |i| i as i64)))
}

pub fn rfind(vm: &Vm, args: Args) -> PyResult {
    let (t, sub, a, e) = search(vm, &args, "rfind")?;
    Ok(vm.new_int(find_in(&t.data, &sub, a, e, true).map_or(-1, |i| i as i64)))
}

pub fn index(vm: &Vm, args: Args) -> PyResult {
    let (t, sub, a, e) = search(vm, &args, "index")?;
    match find_in(&t.data, &sub, a, e, false) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found".to_string())),
    }
}

pub fn rindex(vm: &Vm, args: Args) -> PyResult {
    let (t, sub, a, e) = search(vm, &args, "rindex")?;
    match find_in(&t.data, &sub, a, e, true) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found".to_string())),
    }
}

pub fn count(vm: &Vm, args: Args) -> PyResult {
    let (t, sub, a, e) = search(vm, &args, "count")?;
    if a > e || a > t.data.len() as i64 {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int(e - a + 1));
    }
    let mut n = 0;
    let mut i = a;
    while let Some(p) = find_in(&t.data, &sub, i, e, false) {
        n += 1;
        i = (p + sub.len()) as i64;
    }
    Ok(vm.new_int(n))
}

fn affix(vm: &Vm, args: Args, name: &str, end: bool) -> PyResult {
    let t = this(vm, &args, name)?;
    let pos = args.check_method(vm, name, 1, 3)?;
    let (a, e) = bounds(vm, pos.get(2), pos.get(3), t.data.len())?;
    let test = |s: &[u8]| {
        if a > t.data.len() as i64 || e - a < s.len() as i64 {
            return false;
        }
        let win = &t.data[a as usize..e as usize];
        if end {
            win.ends_with(s)
        } else {
            win.starts_with(s)
        }
    };
    if let Payload::Tuple(_) = pos[1].payload {
        for it in pos[1].items() {
            if test(&need_buffer(vm, it)?) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    match buffer(&pos[1]) {
        Some(s) => Ok(vm.new_bool(test(&s))),
        None => Err(vm.type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name,
            pos[1].type_name()
        ))),
    }
}

pub fn startswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, args, "startswith", false)
}

pub fn endswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, args, "endswith", true)
}

pub fn decode(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "decode")?;
    let a = bind_args(vm, &args, "decode", &["encoding", "errors"], 0)?;
    Ok(vm.new_string(super::decode(vm, &t.data, a[0], a[1])?))
}

pub fn hex(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "hex")?;
    let a = bind_args(vm, &args, "hex", &["sep", "bytes_per_sep"], 0)?;
    hex_of(vm, &t.data, a[0], a[1])
}

/// `bytes.hex(sep, bytes_per_sep)` of `data` (`_Py_strhex_impl`).
pub fn hex_of(vm: &Vm, data: &[u8], sep: Option<&PyRef>, per: Option<&PyRef>) -> PyResult {
    let hex: Vec<String> = data.iter().map(|x| format!("{:02x}", x)).collect();
    let Some(sep) = sep else {
        return Ok(vm.new_string(hex.concat()));
    };
    let sep: String = match (&sep.payload, buffer(sep)) {
        (Payload::Str(s), _) => s.s.to_string(),
        (_, Some(b)) => b.iter().map(|&c| c as char).collect(),
        _ => {
            return Err(vm.type_error(format!(
                "sep must be str or bytes., not {}",
                sep.type_name()
            )))
        }
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1.".to_string()));
    }
    if !sep.is_ascii() {
        return Err(vm.value_error("sep must be ASCII.".to_string()));
    }
    let per = match per {
        Some(n) => vm.index_i64(n)?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_string(hex.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let first = hex.len() % k;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        for c in hex[first..].chunks(k) {
            groups.push(c.concat());
        }
    } else {
        for c in hex.chunks(k) {
            groups.push(c.concat());
        }
    }
    Ok(vm.new_string(groups.join(&sep)))
}

pub fn join(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "join")?;
    let p = args.check_method(vm, "join", 1, 1)?;
    let items = vm.iterate(&p[1])?;
    let mut parts = Vec::with_capacity(items.len());
    let mut size = t.data.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        let Some(x) = buffer(it) else {
            return Err(vm.type_error(format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                it.type_name()
            )));
        };
        size = size.saturating_add(x.len());
        parts.push(x);
    }
    if size > isize::MAX as usize {
        return Err(vm.overflow_error("join() result is too long".to_string()));
    }
    let mut out = alloc::vec_with_capacity(vm, size)?;
    for (i, x) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&t.data);
        }
        out.extend_from_slice(x);
    }
    Ok(t.make(vm, out))
}

/// ASCII whitespace (`Py_ISSPACE`).
pub fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn strip_impl(vm: &Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let t = this(vm, &args, name)?;
    let pos = args.check_method(vm, name, 0, 1)?;
    let chars = match pos.get(1) {
        Some(o) if !o.is_none() => Some(need_buffer(vm, o)?),
        _ => None,
    };
    let strip = |c: u8| match &chars {
        None => is_ws(c),
        Some(cs) => cs.contains(&c),
    };
    let b = &t.data;
    let (mut a, mut e) = (0, b.len());
    if left {
        while a < e && strip(b[a]) {
            a += 1;
        }
    }
    if right {
        while e > a && strip(b[e - 1]) {
            e -= 1;
        }
    }
    if a == 0 && e == b.len() {
        return Ok(t.unchanged(vm));
    }
    Ok(t.make(vm, b[a..e].to_vec()))
}

pub fn strip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}

pub fn lstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}

pub fn rstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

/// `split`/`rsplit` arguments: the separator (None = whitespace) and the
/// maximum number of splits (negative = no limit).
fn split_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Option<Cow<'a, [u8]>>, i64)> {
    let a = bind_args(vm, args, name, &["sep", "maxsplit"], 0)?;
    let max = match a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let sep = match a[0] {
        Some(o) if !o.is_none() => {
            let s = need_buffer(vm, o)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator".to_string()));
            }
            Some(s)
        }
        _ => None,
    };
    Ok((sep, max))
}

pub fn split(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "split")?;
    let (sep, max) = split_args(vm, &args, "split")?;
    let b = &t.data;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                if i >= b.len() {
                    break;
                }
                if parts.len() >= max {
                    let mut e = b.len();
                    while e > i && is_ws(b[e - 1]) {
                        e -= 1;
                    }
                    parts.push(&b[i..e]);
                    break;
                }
                let s = i;
                while i < b.len() && !is_ws(b[i]) {
                    i += 1;
                }
                parts.push(&b[s..i]);
            }
        }
        Some(sep) => {
            let mut start = 0;
            while parts.len() < max {
                let Some(p) = find_in(b, sep, start as i64, b.len() as i64, false) else {
                    break;
                };
                parts.push(&b[start..p]);
                start = p + sep.len();
            }
            parts.push(&b[start..]);
        }
    }
    Ok(vm.new_list(parts.into_iter().map(|p| t.make(vm, p.to_vec())).collect()))
}

pub fn rsplit(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "rsplit")?;
    let (sep, max) = split_args(vm, &args, "rsplit")?;
    let b = &t.data;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut e = b.len();
            while e > 0 {
                while e > 0 && is_ws(b[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if parts.len() >= max {
                    let mut s = 0;
                    while s < e && is_ws(b[s]) {
                        s += 1;
                    }
                    parts.push(&b[s..e]);
                    break;
                }
                let end = e;
                while e > 0 && !is_ws(b[e - 1]) {
                    e -= 1;
                }
                parts.push(&b[e..end]);
            }
        }
        Some(sep) => {
            let mut end = b.len();
            while parts.len() < max {
                let Some(p) = find_in(b, sep, 0, end as i64, true) else {
                    break;
                };
                parts.push(&b[p + sep.len()..end]);
                end = p;
            }
            parts.push(&b[..end]);
        }
    }
    parts.reverse();
    Ok(vm.new_list(parts.into_iter().map(|p| t.make(vm, p.to_vec())).collect()))
}

pub fn splitlines(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "splitlines")?;
    let a = bind_args(vm, &args, "splitlines", &["keepends"], 0)?;
    let keep = match a[0] {
        Some(o) => vm.truthy(o)?,
        None => false,
    };
    let b = &t.data;
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let s = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(t.make(vm, b[s..eol].to_vec()));
    }
    Ok(vm.new_list(out))
}

fn partition_impl(vm: &Vm, args: Args, name: &str, rev: bool) -> PyResult {
    let t = this(vm, &args, name)?;
    let p = args.check_method(vm, name, 1, 1)?;
    let sep = need_buffer(vm, &p[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator".to_string()));
    }
    let b = &t.data;
    let empty = || t.make(vm, Vec::new());
    Ok(match find_in(b, &sep, 0, b.len() as i64, rev) {
        Some(i) => vm.new_tuple(vec![
            t.make(vm, b[..i].to_vec()),
            t.make(vm, sep.to_vec()),
            t.make(vm, b[i + sep.len()..].to_vec()),
        ]),
        None if rev => vm.new_tuple(vec![empty(), empty(), t.unchanged(vm)]),
        None => vm.new_tuple(vec![t.unchanged(vm), empty(), empty()]),
    })
}

pub fn partition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "partition", false)
}

pub fn rpartition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

pub fn replace(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "replace")?;
    let pos = args.check_method(vm, "replace", 2, 3)?;
    let old = need_buffer(vm, &pos[1])?;
    let new = need_buffer(vm, &pos[2])?;
    let mut n = match pos.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let b = &t.data;
    // The result's size first (CPython: OverflowError/MemoryError, never an
    // abort while growing).
    let mut hits = if old.is_empty() {
        b.len() + 1
    } else {
        let mut k = 0;
        let mut i = 0;
        while let Some(p) = find_in(b, &old, i as i64, b.len() as i64, false) {
            k += 1;
            i = p + old.len();
        }
        k
    };
    if n >= 0 {
        hits = hits.min(n as usize);
    }
    let size = alloc::size_mul(vm, hits, new.len())?;
    let size = alloc::size_add(vm, b.len() - hits * old.len(), size)?;
    if size > isize::MAX as usize {
        return Err(vm.overflow_error("replace bytes is too long".to_string()));
    }
    let mut out = alloc::vec_with_capacity(vm, size)?;
    if old.is_empty() {
        for &c in b.iter() {
            if n != 0 {
                out.extend_from_slice(&new);
                n -= 1;
            }
            out.push(c);
        }
        if n != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(t.make(vm, out));
    }
    let mut i = 0;
    while n != 0 {
        match find_in(b, &old, i as i64, b.len() as i64, false) {
            Some(p) => {
                out.extend_from_slice(&b[i..p]);
                out.extend_from_slice(&new);
                i = p + old.len();
                n -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(t.make(vm, out))
}

pub fn removeprefix(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "removeprefix")?;
    let p = args.check_method(vm, "removeprefix", 1, 1)?;
    let pre = need_buffer(vm, &p[1])?;
    match t.data.strip_prefix(&*pre) {
        Some(rest) if !pre.is_empty() => Ok(t.make(vm, rest.to_vec())),
        _ => Ok(t.unchanged(vm)),
    }
}

pub fn removesuffix(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "removesuffix")?;
    let p = args.check_method(vm, "removesuffix", 1, 1)?;
    let suf = need_buffer(vm, &p[1])?;
    match t.data.strip_suffix(&*suf) {
        Some(rest) if !suf.is_empty() => Ok(t.make(vm, rest.to_vec())),
        _ => Ok(t.unchanged(vm)),
    }
}
