//! `bytes`: construction, codecs (utf-8, ascii, latin-1), hashing and the
//! common methods.

use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::list::index_bounds;
use crate::objects::seq::dunders::{self as d, self_and};
use crate::objects::seq::{alloc, bind_args};
use crate::objects::str::{hash_bytes, methods_encode, normalize_encoding};
use crate::objects::typeobj;
use crate::vm::Vm;

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
        Payload::Bytes(sub) => Ok(find(b, sub, 0, b.len(), false).is_some()),
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

fn find(hay: &[u8], sub: &[u8], a: usize, e: usize, rev: bool) -> Option<usize> {
    if a > e || e > hay.len() || sub.len() > e - a {
        return None;
    }
    let win = &hay[a..e];
    let n = win.len() - sub.len();
    if rev {
        (0..=n)
            .rev()
            .find(|&i| &win[i..i + sub.len()] == sub)
            .map(|i| i + a)
    } else {
        (0..=n)
            .find(|&i| &win[i..i + sub.len()] == sub)
            .map(|i| i + a)
    }
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

/// A bytes-like argument (bytes only in minipy).
fn arg_bytes<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a [u8]> {
    match &o.payload {
        Payload::Bytes(b) => Ok(b),
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_name()
        ))),
    }
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
            Payload::Int(n) => {
                if *n < 0 {
                    return Err(vm.value_error("negative count".to_string()));
                }
                alloc::zeroed_bytes(vm, *n as usize)?
            }
            _ => {
                if typeobj::lookup_str(vm, o.class(), "__bytes__").is_some() {
                    let r = vm.call_method(o, "__bytes__", &[])?;
                    arg_bytes(vm, &r)
                        .map_err(|_| {
                            vm.type_error(format!(
                                "__bytes__ returned non-bytes (type {})",
                                r.type_name()
                            ))
                        })?
                        .to_vec()
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

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [u8]> {
    match args.pos().first().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Ok(b),
        Some(_) => Err(vm.type_error(format!(
            "descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object",
            name,
            args.pos()[0].type_name()
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

fn b_decode(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "decode")?;
    let a = bind_args(vm, &args, "decode", &["encoding", "errors"], 0)?;
    Ok(vm.new_string(decode(vm, b, a[0], a[1])?))
}

fn b_hex(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "hex")?;
    let a = bind_args(vm, &args, "hex", &["sep", "bytes_per_sep"], 0)?;
    let hex: Vec<String> = b.iter().map(|x| format!("{:02x}", x)).collect();
    match a[0] {
        None => Ok(vm.new_string(hex.concat())),
        Some(sep) => {
            let sep = sep.as_str().unwrap_or("");
            let per = match a[1] {
                Some(n) => vm.index_i64(n)?,
                None => 1,
            };
            let per_abs = per.unsigned_abs().max(1) as usize;
            let mut groups: Vec<String> = Vec::new();
            if per > 0 {
                // Groups counted from the right.
                let first = hex.len() % per_abs;
                if first > 0 {
                    groups.push(hex[..first].concat());
                }
                for c in hex[first..].chunks(per_abs) {
                    groups.push(c.concat());
                }
            } else {
                for c in hex.chunks(per_abs) {
                    groups.push(c.concat());
                }
            }
            Ok(vm.new_string(groups.join(sep)))
        }
    }
}

fn search<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a [u8], Vec<u8>, usize, usize)> {
    let b = this(vm, args, name)?;
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    let sub = match &pos[1].payload {
        Payload::Int(i) if (0..256).contains(i) => vec![*i as u8],
        Payload::Int(_) => return Err(vm.value_error("byte must be in range(0, 256)".to_string())),
        _ => arg_bytes(vm, &pos[1])?.to_vec(),
    };
    let (a, e) = index_bounds(vm, pos.get(2), pos.get(3), b.len())?;
    Ok((b, sub, a, e))
}

fn b_find(vm: &Vm, args: Args) -> PyResult {
    let (b, sub, a, e) = search(vm, &args, "find")?;
    Ok(vm.new_int(find(b, &sub, a, e, false).map(|i| i as i64).unwrap_or(-1)))
}
fn b_rfind(vm: &Vm, args: Args) -> PyResult {
    let (b, sub, a, e) = search(vm, &args, "rfind")?;
    Ok(vm.new_int(find(b, &sub, a, e, true).map(|i| i as i64).unwrap_or(-1)))
}
fn b_index(vm: &Vm, args: Args) -> PyResult {
    let (b, sub, a, e) = search(vm, &args, "index")?;
    match find(b, &sub, a, e, false) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found".to_string())),
    }
}
fn b_count(vm: &Vm, args: Args) -> PyResult {
    let (b, sub, a, e) = search(vm, &args, "count")?;
    if a > e {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((e - a + 1) as i64));
    }
    let mut n = 0;
    let mut i = a;
    while let Some(p) = find(b, &sub, i, e, false) {
        n += 1;
        i = p + sub.len();
    }
    Ok(vm.new_int(n))
}

fn affix(vm: &Vm, args: Args, name: &str, end: bool) -> PyResult {
    let b = this(vm, &args, name)?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 4 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    let (a, e) = index_bounds(vm, pos.get(2), pos.get(3), b.len())?;
    let win: &[u8] = if a <= e { &b[a..e] } else { &[] };
    let test = |s: &[u8]| {
        if a > e {
            return false;
        }
        if end {
            win.ends_with(s)
        } else {
            win.starts_with(s)
        }
    };
    match &pos[1].payload {
        Payload::Bytes(s) => Ok(vm.new_bool(test(s))),
        Payload::Tuple(_) => {
            for it in pos[1].items() {
                if test(arg_bytes(vm, it)?) {
                    return Ok(vm.true_.clone());
                }
            }
            Ok(vm.false_.clone())
        }
        _ => Err(vm.type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name,
            pos[1].type_name()
        ))),
    }
}

fn b_startswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, args, "startswith", false)
}
fn b_endswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, args, "endswith", true)
}

fn b_join(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "join")?;
    let p = self_and(vm, &args, "join", 1)?;
    let items = vm.iterate(&p[1])?;
    let mut size = b.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        let Payload::Bytes(x) = &it.payload else {
            return Err(vm.type_error(format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                it.type_name()
            )));
        };
        size = size.saturating_add(x.len());
    }
    if size > isize::MAX as usize {
        return Err(vm.overflow_error("join() result is too long".to_string()));
    }
    let mut out = alloc::vec_with_capacity(vm, size)?;
    for (i, it) in items.iter().enumerate() {
        let Payload::Bytes(x) = &it.payload else {
            continue;
        };
        if i > 0 {
            out.extend_from_slice(b);
        }
        out.extend_from_slice(x);
    }
    Ok(vm.new_bytes(out))
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn strip_impl(vm: &Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let b = this(vm, &args, name)?;
    let pos = args.pos();
    let chars: Option<&[u8]> = match pos.get(1) {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => Some(arg_bytes(vm, o)?),
    };
    let strip = |c: u8| match chars {
        None => is_ws(c),
        Some(cs) => cs.contains(&c),
    };
    let mut a = 0;
    let mut e = b.len();
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
    Ok(vm.new_bytes(b[a..e].to_vec()))
}

fn b_strip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}
fn b_lstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}
fn b_rstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

fn b_split(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "split")?;
    let a = bind_args(vm, &args, "split", &["sep", "maxsplit"], 0)?;
    let max = match a[1] {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match a[0].filter(|o| !o.is_none()) {
        None => {
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                if i >= b.len() {
                    break;
                }
                if max >= 0 && parts.len() as i64 >= max {
                    let mut e = b.len();
                    while e > i && is_ws(b[e - 1]) {
                        e -= 1;
                    }
                    parts.push(b[i..e].to_vec());
                    break;
                }
                let s = i;
                while i < b.len() && !is_ws(b[i]) {
                    i += 1;
                }
                parts.push(b[s..i].to_vec());
            }
        }
        Some(sep) => {
            let sep = arg_bytes(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator".to_string()));
            }
            let mut start = 0;
            while let Some(p) = find(b, sep, start, b.len(), false) {
                if max >= 0 && parts.len() as i64 >= max {
                    break;
                }
                parts.push(b[start..p].to_vec());
                start = p + sep.len();
            }
            parts.push(b[start..].to_vec());
        }
    }
    Ok(vm.new_list(parts.into_iter().map(|p| vm.new_bytes(p)).collect()))
}

fn b_replace(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "replace")?;
    let pos = args.pos();
    if pos.len() < 3 || pos.len() > 4 {
        return Err(vm.type_error(format!(
            "replace expected at least 2 arguments, got {}",
            pos.len() - 1
        )));
    }
    let old = arg_bytes(vm, &pos[1])?;
    let new = arg_bytes(vm, &pos[2])?;
    let mut n = match pos.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    if old.is_empty() {
        for &c in b.iter() {
            if n != 0 {
                out.extend_from_slice(new);
                n -= 1;
            }
            out.push(c);
        }
        if n != 0 {
            out.extend_from_slice(new);
        }
        return Ok(vm.new_bytes(out));
    }
    while n != 0 {
        match find(b, old, i, b.len(), false) {
            Some(p) => {
                out.extend_from_slice(&b[i..p]);
                out.extend_from_slice(new);
                i = p + old.len();
                n -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(vm.new_bytes(out))
}

fn map_impl(vm: &Vm, args: Args, name: &str, f: fn(u8) -> u8) -> PyResult {
    let b = this(vm, &args, name)?;
    self_and(vm, &args, name, 0)?;
    Ok(vm.new_bytes(b.iter().map(|&c| f(c)).collect()))
}

fn b_upper(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "upper", |c| c.to_ascii_uppercase())
}
fn b_lower(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "lower", |c| c.to_ascii_lowercase())
}

fn pred(vm: &Vm, args: Args, name: &str, f: fn(&u8) -> bool) -> PyResult {
    let b = this(vm, &args, name)?;
    self_and(vm, &args, name, 0)?;
    Ok(vm.new_bool(!b.is_empty() && b.iter().all(f)))
}

fn b_isdigit(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isdigit", |c| c.is_ascii_digit())
}
fn b_isalpha(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalpha", |c| c.is_ascii_alphabetic())
}
fn b_isalnum(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalnum", |c| c.is_ascii_alphanumeric())
}
fn b_isspace(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isspace", |c| is_ws(*c))
}

fn b_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_bytes(b.to_vec())]))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__len__", d::d_len),
    ("__getitem__", d::d_getitem),
    ("__contains__", d::d_contains),
    ("__iter__", d::d_iter),
    ("__add__", d::d_add),
    ("__mul__", d::d_mul),
    ("__rmul__", d::d_rmul),
    ("__mod__", d::d_mod),
    ("__rmod__", d::d_rmod),
    ("__eq__", d::d_eq),
    ("__ne__", d::d_ne),
    ("__lt__", d::d_lt),
    ("__le__", d::d_le),
    ("__gt__", d::d_gt),
    ("__ge__", d::d_ge),
    ("__hash__", d::d_hash),
    ("__repr__", d::d_repr),
    ("__getnewargs__", b_getnewargs),
    ("decode", b_decode),
    ("hex", b_hex),
    ("find", b_find),
    ("rfind", b_rfind),
    ("index", b_index),
    ("count", b_count),
    ("startswith", b_startswith),
    ("endswith", b_endswith),
    ("join", b_join),
    ("strip", b_strip),
    ("lstrip", b_lstrip),
    ("rstrip", b_rstrip),
    ("split", b_split),
    ("replace", b_replace),
    ("upper", b_upper),
    ("lower", b_lower),
    ("isdigit", b_isdigit),
    ("isalpha", b_isalpha),
    ("isalnum", b_isalnum),
    ("isspace", b_isspace),
];

fn fromhex(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "fromhex", 1)?;
    let Some(s) = p[1].as_str() else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            p[1].type_name()
        )));
    };
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    pos
                )));
            }
        }
        i += 2;
    }
    let cls = &p[0];
    if cls.is(&vm.types.bytes) {
        Ok(vm.new_bytes(out))
    } else {
        vm.call_args(cls, &[vm.new_bytes(out)])
    }
}

pub const CLASS_METHODS: &[(&str, NativeFn)] = &[("fromhex", fromhex)];
