//! The byte-string methods that map or test bytes one at a time (CPython's
//! `Objects/bytes_methods.c`: the ASCII case maps and predicates) and the
//! padding, tab, translation and hex-parsing methods, shared by `bytes`
//! and `bytearray` like the rest of `methods.rs`.

use super::methods::{buffer, is_ws, make, need_buffer, this, Kind};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::seq::{alloc, bind_args};
use crate::vm::Vm;

/// A method that maps each byte of a copy of the data in place (the copy is
/// allocated fallibly: `MemoryError`).
fn map_impl(vm: &Vm, args: Args, name: &str, f: fn(&mut [u8])) -> PyResult {
    let t = this(vm, &args, name)?;
    args.check_method(vm, name, 0, 0)?;
    let mut out = alloc::copy_bytes(vm, &t.data)?;
    f(&mut out);
    Ok(t.make(vm, out))
}

pub fn upper(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "upper", |b| b.make_ascii_uppercase())
}

pub fn lower(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "lower", |b| b.make_ascii_lowercase())
}

pub fn swapcase(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "swapcase", |b| {
        for c in b.iter_mut() {
            *c = match *c {
                b'a'..=b'z' => c.to_ascii_uppercase(),
                b'A'..=b'Z' => c.to_ascii_lowercase(),
                _ => *c,
            };
        }
    })
}

pub fn capitalize(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "capitalize", |b| {
        for (i, c) in b.iter_mut().enumerate() {
            *c = if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
        }
    })
}

pub fn title(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "title", |b| {
        let mut prev_cased = false;
        for c in b.iter_mut() {
            let alpha = c.is_ascii_alphabetic();
            if alpha {
                *c = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
            }
            prev_cased = alpha;
        }
    })
}

fn pred(vm: &Vm, args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    let t = this(vm, &args, name)?;
    args.check_method(vm, name, 0, 0)?;
    Ok(vm.new_bool(f(&t.data)))
}

pub fn isalnum(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalnum", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric())
    })
}

pub fn isalpha(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalpha", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic())
    })
}

pub fn isascii(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isascii", |b| b.is_ascii())
}

pub fn isdigit(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isdigit", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_digit())
    })
}

pub fn isspace(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isspace", |b| {
        !b.is_empty() && b.iter().all(|&c| is_ws(c))
    })
}

pub fn islower(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "islower", |b| {
        b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())
    })
}

pub fn isupper(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isupper", |b| {
        b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())
    })
}

pub fn istitle(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "istitle", |b| {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// The `width` and `fillchar` of center/ljust/rjust.
fn pad_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(usize, u8)> {
    let p = args.check_method(vm, name, 1, 2)?;
    let width = vm.index_i64(&p[1])?.max(0) as usize;
    let fill = match p.get(2) {
        None => b' ',
        Some(f) => match buffer(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    f.type_name()
                )))
            }
        },
    };
    Ok((width, fill))
}

fn pad(vm: &Vm, args: Args, name: &str, left_share: fn(usize, usize) -> usize) -> PyResult {
    let t = this(vm, &args, name)?;
    let (width, fill) = pad_args(vm, &args, name)?;
    let n = t.data.len();
    if width <= n {
        return Ok(t.unchanged(vm));
    }
    let left = left_share(width - n, width);
    let mut out = alloc::vec_with_capacity(vm, width)?;
    out.resize(left, fill);
    out.extend_from_slice(&t.data);
    out.resize(width, fill);
    Ok(t.make(vm, out))
}

pub fn center(vm: &Vm, args: Args) -> PyResult {
    // CPython's `pad(self, marg / 2 + (marg & width & 1), ...)`.
    pad(vm, args, "center", |marg, width| {
        marg / 2 + (marg & width & 1)
    })
}

pub fn ljust(vm: &Vm, args: Args) -> PyResult {
    pad(vm, args, "ljust", |_, _| 0)
}

pub fn rjust(vm: &Vm, args: Args) -> PyResult {
    pad(vm, args, "rjust", |marg, _| marg)
}

pub fn zfill(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "zfill")?;
    let p = args.check_method(vm, "zfill", 1, 1)?;
    let width = vm.index_i64(&p[1])?.max(0) as usize;
    let b = &t.data;
    if width <= b.len() {
        return Ok(t.unchanged(vm));
    }
    let fill = width - b.len();
    let mut out = alloc::vec_with_capacity(vm, width)?;
    let sign = matches!(b.first(), Some(b'+') | Some(b'-'));
    if sign {
        out.push(b[0]);
    }
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(if sign { &b[1..] } else { b });
    Ok(t.make(vm, out))
}

/// An argument CPython converts to a C `int`.
pub fn c_int(vm: &Vm, o: &crate::heap::PyRef) -> PyResult<i32> {
    let v = vm.index_big(o)?;
    num_traits::ToPrimitive::to_i32(&v)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int".to_string()))
}

pub fn expandtabs(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "expandtabs")?;
    let a = bind_args(vm, &args, "expandtabs", &["tabsize"], 0)?;
    let tab = match a[0] {
        Some(o) => c_int(vm, o)? as i64,
        None => 8,
    };
    let mut out = alloc::vec_with_capacity(vm, t.data.len())?;
    let mut col: i64 = 0;
    for &c in t.data.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    alloc::reserve(vm, &mut out, n as usize)?;
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(t.make(vm, out))
}

pub fn translate(vm: &Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "translate")?;
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "translate expected at most 2 arguments, got {}",
            pos.len() - 1
        )));
    }
    let mut table_arg = pos.get(1);
    let mut delete_arg = pos.get(2);
    for (k, v) in args.kwargs() {
        match k {
            "delete" if delete_arg.is_none() => delete_arg = Some(v),
            _ => {
                return Err(vm.type_error(format!(
                    "translate() got an unexpected keyword argument '{}'",
                    k
                )))
            }
        }
    }
    let Some(table_o) = table_arg.take() else {
        return Err(vm.type_error("translate expected at least 1 argument, got 0".to_string()));
    };
    let table = if table_o.is_none() {
        None
    } else {
        let tb = need_buffer(vm, table_o)?;
        if tb.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long".to_string()));
        }
        Some(tb)
    };
    let delete = match delete_arg {
        Some(d) => need_buffer(vm, d)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> = t
        .data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &table {
            Some(tb) => tb[c as usize],
            None => c,
        })
        .collect();
    Ok(t.make(vm, out))
}

/// `bytes.maketrans(frm, to)` (a static method of bytes and bytearray).
pub fn maketrans(vm: &Vm, args: Args) -> PyResult {
    let p = args.check(vm, "maketrans", 2, 2)?;
    let frm = need_buffer(vm, &p[0])?;
    let to = need_buffer(vm, &p[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length".to_string()));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in frm.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    Ok(vm.new_bytes(table))
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)` (class methods):
/// the type's own instance, or `cls(result)` for a subclass.
pub fn fromhex(vm: &Vm, args: Args) -> PyResult {
    let p = args.check_method(vm, "fromhex", 1, 1)?;
    let Some(s) = p[1].as_str() else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            p[1].type_name()
        )));
    };
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let hexval = |c: u8| (c as char).to_digit(16);
    // Positions count code points (CPython reports them in the str).
    let pos_of = |byte: usize| s[..byte].chars().count();
    while i < b.len() {
        if is_ws(b[i]) {
            i += 1;
            continue;
        }
        let hi = hexval(b[i]);
        let lo = b.get(i + 1).and_then(|&c| hexval(c));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    pos_of(at.min(b.len()))
                )));
            }
        }
        i += 2;
    }
    let cls = &p[0];
    let t = &vm.types;
    if cls.is(&t.bytes) {
        return Ok(vm.new_bytes(out));
    }
    let base = if crate::objects::typeobj::is_subtype(cls, &t.bytearray) {
        make(vm, Kind::ByteArray, out)
    } else {
        vm.new_bytes(out)
    };
    if cls.is(&t.bytearray) {
        return Ok(base);
    }
    vm.call_args(cls, &[base])
}
