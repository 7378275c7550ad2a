//! The `str` methods (CPython 3.11 `Objects/unicodeobject.c` semantics).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{Payload, StrData};
use crate::objects::seq::{alloc, bind_args};
use crate::objects::str::{byte_offset, char_index, this};
use crate::objects::{dict, range};
use crate::text::str_methods as sm;
use crate::text::unicode as uc;
use crate::vm::Vm;

fn s(vm: &Vm, text: String) -> PyResult {
    Ok(vm.new_string(text))
}

fn b(vm: &Vm, v: bool) -> PyResult {
    Ok(vm.new_bool(v))
}

/// A str argument, with the plain "must be str, not X" message.
fn arg_str<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a str> {
    o.as_str()
        .ok_or_else(|| vm.type_error(format!("must be str, not {}", o.type_name())))
}

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    args.no_kwargs(vm, name)?;
    let n = args.pos().len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("str.{}() takes no arguments ({} given)", name, n)));
    }
    Ok(())
}

/// Optional `start`/`end` arguments as normalised code-point indices
/// (slice semantics); `start` may exceed `end`.
fn span(
    vm: &Vm,
    d: &StrData,
    start: Option<&PyRef>,
    end: Option<&PyRef>,
) -> PyResult<(usize, usize)> {
    let len = d.char_len() as i64;
    let norm = |o: Option<&PyRef>, dflt: i64| -> PyResult<i64> {
        let v = match o {
            None => dflt,
            Some(o) => range::slice_bound(vm, o)?.unwrap_or(dflt),
        };
        Ok(if v < 0 {
            (v.saturating_add(len)).max(0)
        } else {
            v.min(len)
        })
    };
    let a = norm(start, 0)?;
    let e = norm(end, len)?;
    Ok((a as usize, e as usize))
}

/// Shared by find/rfind/index/rindex/count: `(self, sub, start_char, end_char)`.
fn search_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a StrData, &'a str, usize, usize)> {
    let d = this(vm, args, name)?;
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    if pos.len() > 4 {
        return Err(vm.type_error(format!(
            "{}() takes at most 3 arguments ({} given)",
            name,
            pos.len() - 1
        )));
    }
    let sub = arg_str(vm, &pos[1])?;
    let (a, e) = span(vm, d, pos.get(2), pos.get(3))?;
    Ok((d, sub, a, e))
}

fn find_impl(d: &StrData, sub: &str, a: usize, e: usize, rev: bool) -> i64 {
    if a > e || a > d.char_len() {
        return -1;
    }
    let (ba, be) = (byte_offset(d, a), byte_offset(d, e));
    let hay = &d.s[ba..be];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        Some(p) => char_index(d, ba + p) as i64,
        None => -1,
    }
}

pub fn find(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, e) = search_args(vm, &args, "find")?;
    Ok(vm.new_int(find_impl(d, sub, a, e, false)))
}

pub fn rfind(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, e) = search_args(vm, &args, "rfind")?;
    Ok(vm.new_int(find_impl(d, sub, a, e, true)))
}

pub fn index(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, e) = search_args(vm, &args, "index")?;
    match find_impl(d, sub, a, e, false) {
        -1 => Err(vm.value_error("substring not found".to_string())),
        i => Ok(vm.new_int(i)),
    }
}

pub fn rindex(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, e) = search_args(vm, &args, "rindex")?;
    match find_impl(d, sub, a, e, true) {
        -1 => Err(vm.value_error("substring not found".to_string())),
        i => Ok(vm.new_int(i)),
    }
}

pub fn count(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, e) = search_args(vm, &args, "count")?;
    if a > e || a > d.char_len() {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((e - a + 1) as i64));
    }
    let hay = &d.s[byte_offset(d, a)..byte_offset(d, e)];
    Ok(vm.new_int(hay.matches(sub).count() as i64))
}

pub fn join(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "join")?;
    args.no_kwargs(vm, "str.join")?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "str.join() takes exactly one argument ({} given)",
            pos.len() - 1
        )));
    }
    let items = match vm.iter(&pos[1]) {
        Ok(it) => {
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                alloc::push(vm, &mut v, x)?;
            }
            v
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.type_error) => {
            return Err(vm.type_error("can only join an iterable".to_string()))
        }
        Err(e) => return Err(e),
    };
    let mut size = d.s.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        let Some(x) = it.as_str() else {
            return Err(vm.type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i,
                it.type_name()
            )));
        };
        size = size.saturating_add(x.len());
    }
    if size > isize::MAX as usize {
        return Err(vm.overflow_error("join() result is too long for a Python string".to_string()));
    }
    let mut out = alloc::string_with_capacity(vm, size)?;
    for (i, it) in items.iter().enumerate() {
        let x = it.as_str().unwrap_or_default();
        if i > 0 {
            out.push_str(&d.s);
        }
        out.push_str(x);
    }
    s(vm, out)
}

fn split_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a StrData, Option<&'a str>, i64)> {
    let d = this(vm, args, name)?;
    let a = bind_args(vm, args, name, &["sep", "maxsplit"], 0)?;
    let sep = match a[0] {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => match o.as_str() {
            Some("") => return Err(vm.value_error("empty separator".to_string())),
            Some(x) => Some(x),
            None => {
                return Err(vm.type_error(format!("must be str or None, not {}", o.type_name())))
            }
        },
    };
    let max = match a[1] {
        None => -1,
        Some(o) => vm.index_i64(o)?,
    };
    Ok((d, sep, max))
}

fn ws_split<'a>(vm: &Vm, text: &'a str, max: i64) -> PyResult<Vec<&'a str>> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(uc::python_isspace);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 >= max {
            alloc::push(vm, &mut out, rest)?;
            break;
        }
        match rest.find(uc::python_isspace) {
            Some(i) => {
                alloc::push(vm, &mut out, &rest[..i])?;
                rest = rest[i..].trim_start_matches(uc::python_isspace);
            }
            None => {
                alloc::push(vm, &mut out, rest)?;
                break;
            }
        }
    }
    Ok(out)
}

fn ws_rsplit<'a>(vm: &Vm, text: &'a str, max: i64) -> PyResult<Vec<&'a str>> {
    let mut out = Vec::new();
    let mut rest = text.trim_end_matches(uc::python_isspace);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 >= max {
            alloc::push(vm, &mut out, rest)?;
            break;
        }
        match rest.rfind(uc::python_isspace) {
            Some(i) => {
                let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                alloc::push(vm, &mut out, &rest[i + c..])?;
                rest = rest[..i].trim_end_matches(uc::python_isspace);
            }
            None => {
                alloc::push(vm, &mut out, rest)?;
                break;
            }
        }
    }
    out.reverse();
    Ok(out)
}

fn str_list(vm: &Vm, parts: Vec<&str>) -> PyResult {
    let items = alloc::collect(vm, parts.into_iter().map(|p| vm.new_str(p)))?;
    Ok(vm.new_list(items))
}

pub fn split(vm: &Vm, args: Args) -> PyResult {
    let (d, sep, max) = split_args(vm, &args, "split")?;
    let parts: Vec<&str> = match sep {
        None => ws_split(vm, &d.s, max)?,
        Some(sep) if max >= 0 => alloc::collect(vm, d.s.splitn(max as usize + 1, sep))?,
        Some(sep) => alloc::collect(vm, d.s.split(sep))?,
    };
    str_list(vm, parts)
}

pub fn rsplit(vm: &Vm, args: Args) -> PyResult {
    let (d, sep, max) = split_args(vm, &args, "rsplit")?;
    let parts: Vec<&str> = match sep {
        None => ws_rsplit(vm, &d.s, max)?,
        Some(sep) if max >= 0 => {
            let mut v: Vec<&str> = alloc::collect(vm, d.s.rsplitn(max as usize + 1, sep))?;
            v.reverse();
            v
        }
        Some(sep) => alloc::collect(vm, d.s.split(sep))?,
    };
    str_list(vm, parts)
}

pub fn splitlines(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "splitlines")?;
    let a = bind_args(vm, &args, "splitlines", &["keepends"], 0)?;
    let keep = match a[0] {
        Some(o) => vm.truthy(o)?,
        None => false,
    };
    let text = &*d.s;
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if uc::is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            alloc::push(vm, &mut out, &text[start..if keep { end } else { i }])?;
            start = end;
        }
    }
    if start < text.len() {
        alloc::push(vm, &mut out, &text[start..])?;
    }
    str_list(vm, out)
}

fn strip_impl(vm: &Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let d = this(vm, &args, name)?;
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            pos.len() - 1
        )));
    }
    let chars: Option<Vec<char>> = match pos.get(1) {
        None => None,
        Some(o) if o.is_none() => None,
        Some(o) => match o.as_str() {
            Some(c) => Some(c.chars().collect()),
            None => return Err(vm.type_error(format!("{} arg must be None or str", name))),
        },
    };
    let t: &str = &d.s;
    let r = match &chars {
        None => {
            let t = if left {
                t.trim_start_matches(uc::python_isspace)
            } else {
                t
            };
            if right {
                t.trim_end_matches(uc::python_isspace)
            } else {
                t
            }
        }
        Some(cs) => {
            let f = |c: char| cs.contains(&c);
            let t = if left { t.trim_start_matches(f) } else { t };
            if right {
                t.trim_end_matches(f)
            } else {
                t
            }
        }
    };
    if r.len() == d.s.len() && args.pos()[0].class().is(&vm.types.str) {
        return Ok(args.pos()[0].clone());
    }
    Ok(vm.new_str(r))
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

fn partition_impl(vm: &Vm, args: Args, name: &str, rev: bool) -> PyResult {
    let d = this(vm, &args, name)?;
    let p = crate::objects::seq::bind::self_and(vm, &args, name, 1)?;
    let sep = arg_str(vm, &p[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator".to_string()));
    }
    let found = if rev { d.s.rfind(sep) } else { d.s.find(sep) };
    let parts = match found {
        Some(i) => [&d.s[..i], sep, &d.s[i + sep.len()..]],
        None if rev => ["", "", &d.s[..]],
        None => [&d.s[..], "", ""],
    };
    Ok(vm.new_tuple(parts.iter().map(|x| vm.new_str(x)).collect()))
}

pub fn partition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "partition", false)
}
pub fn rpartition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

pub fn replace(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "replace")?;
    args.no_kwargs(vm, "replace")?;
    let pos = args.pos();
    if pos.len() < 3 || pos.len() > 4 {
        return Err(vm.type_error(format!(
            "replace expected {} arguments, got {}",
            if pos.len() < 3 {
                "at least 2"
            } else {
                "at most 3"
            },
            pos.len() - 1
        )));
    }
    let get = |i: usize| {
        pos[i].as_str().ok_or_else(|| {
            vm.type_error(format!(
                "replace() argument {} must be str, not {}",
                i,
                pos[i].type_name()
            ))
        })
    };
    let (old, new) = (get(1)?, get(2)?);
    let n = match pos.get(3) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    let limit = usize::try_from(n).unwrap_or(usize::MAX);
    // The result is sized (and allocated) before it is built, as CPython does.
    let count = d.s.matches(old).take(limit).count();
    let size = (new.len().saturating_sub(old.len()))
        .checked_mul(count)
        .and_then(|g| g.checked_add(d.s.len()))
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("replace string is too long".to_string()))?;
    let mut r = alloc::string_with_capacity(vm, size)?;
    let mut last = 0;
    for (start, part) in d.s.match_indices(old).take(limit) {
        r.push_str(&d.s[last..start]);
        r.push_str(new);
        last = start + part.len();
    }
    r.push_str(&d.s[last..]);
    s(vm, r)
}

fn affix_impl(vm: &Vm, args: Args, name: &str, end: bool) -> PyResult {
    let d = this(vm, &args, name)?;
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    // startswith/endswith word their count errors the older way.
    let n = pos.len().saturating_sub(1);
    if !(1..=3).contains(&n) {
        let (which, b) = if n < 1 { ("least", 1) } else { ("most", 3) };
        return Err(vm.type_error(format!(
            "{}() takes at {} {} argument{} ({} given)",
            name,
            which,
            b,
            if b == 1 { "" } else { "s" },
            n
        )));
    }
    let (a, e) = span(vm, d, pos.get(2), pos.get(3))?;
    let test = |sub: &str| -> bool {
        let sl = sub.chars().count();
        if a > e || e - a < sl {
            return false;
        }
        let hay = &d.s[byte_offset(d, a)..byte_offset(d, e)];
        if end {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    match &pos[1].payload {
        Payload::Str(x) => b(vm, test(&x.s)),
        Payload::Tuple(_) => {
            for it in pos[1].items() {
                match it.as_str() {
                    Some(x) => {
                        if test(x) {
                            return b(vm, true);
                        }
                    }
                    None => {
                        return Err(vm.type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            it.type_name()
                        )))
                    }
                }
            }
            b(vm, false)
        }
        _ => Err(vm.type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            pos[1].type_name()
        ))),
    }
}

pub fn startswith(vm: &Vm, args: Args) -> PyResult {
    affix_impl(vm, args, "startswith", false)
}
pub fn endswith(vm: &Vm, args: Args) -> PyResult {
    affix_impl(vm, args, "endswith", true)
}

fn map_impl(
    vm: &Vm,
    args: Args,
    name: &str,
    f: fn(&str) -> Result<String, minipy_text::TextError>,
) -> PyResult {
    let d = this(vm, &args, name)?;
    no_args(vm, &args, name)?;
    s(
        vm,
        f(&d.s).map_err(|e| crate::objects::str::text_err(vm, e))?,
    )
}

pub fn upper(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "upper", sm::upper)
}
pub fn lower(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "lower", sm::lower)
}
pub fn casefold(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "casefold", sm::casefold)
}
pub fn capitalize(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "capitalize", sm::capitalize)
}
pub fn title(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "title", sm::title)
}
pub fn swapcase(vm: &Vm, args: Args) -> PyResult {
    map_impl(vm, args, "swapcase", sm::swapcase)
}

fn pad_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let pos = args.check_method(vm, name, 1, 2)?;
    let w = vm.index_i64(&pos[1])?.max(0) as usize;
    let fill = match pos.get(2) {
        None => ' ',
        Some(o) => match o.as_str() {
            Some(f) => {
                let mut it = f.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(vm.type_error(
                            "The fill character must be exactly one character long".to_string(),
                        ))
                    }
                }
            }
            None => {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    o.type_name()
                )))
            }
        },
    };
    Ok((w, fill))
}

fn padded(vm: &Vm, d: &StrData, left: usize, right: usize, fill: char) -> PyResult<String> {
    let pad = alloc::size_mul(vm, left.saturating_add(right), fill.len_utf8())?;
    let mut o = alloc::string_with_capacity(vm, alloc::size_add(vm, pad, d.s.len())?)?;
    o.extend(std::iter::repeat_n(fill, left));
    o.push_str(&d.s);
    o.extend(std::iter::repeat_n(fill, right));
    Ok(o)
}

fn pad_impl(vm: &Vm, args: Args, name: &str) -> PyResult {
    let d = this(vm, &args, name)?;
    let (w, fill) = pad_args(vm, &args, name)?;
    if d.char_len() >= w {
        if args.pos()[0].class().is(&vm.types.str) {
            return Ok(args.pos()[0].clone());
        }
        return Ok(vm.new_str(&d.s));
    }
    let marg = w - d.char_len();
    let (l, r) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let l = marg / 2 + (marg & w & 1);
            (l, marg - l)
        }
    };
    s(vm, padded(vm, d, l, r, fill)?)
}

pub fn center(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "center")
}
pub fn ljust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "ljust")
}
pub fn rjust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, args, "rjust")
}

pub fn zfill(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "zfill")?;
    let p = crate::objects::seq::bind::self_and(vm, &args, "zfill", 1)?;
    let w = vm.index_i64(&p[1])?.max(0) as usize;
    if d.char_len() >= w {
        return Ok(vm.new_str(&d.s));
    }
    let fill = w - d.char_len();
    let mut o = alloc::string_with_capacity(vm, alloc::size_add(vm, fill, d.s.len())?)?;
    let t: &str = &d.s;
    let rest = if t.starts_with('+') || t.starts_with('-') {
        o.push_str(&t[..1]);
        &t[1..]
    } else {
        t
    };
    o.extend(std::iter::repeat_n('0', fill));
    o.push_str(rest);
    s(vm, o)
}

pub fn expandtabs(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "expandtabs")?;
    let a = bind_args(vm, &args, "expandtabs", &["tabsize"], 0)?;
    let tab = match a[0] {
        Some(o) => i32::try_from(vm.index_i64(o)?).map_err(|_| {
            vm.overflow_error("Python int too large to convert to C int".to_string())
        })?,
        None => 8,
    };
    let tab = i64::from(tab);
    let mut o = String::with_capacity(d.s.len());
    let mut col: i64 = 0;
    for c in d.s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    alloc::reserve_str(vm, &mut o, n as usize)?;
                    o.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                o.push(c);
                col = 0;
            }
            _ => {
                o.push(c);
                col += 1;
            }
        }
    }
    s(vm, o)
}

fn pred(vm: &Vm, args: Args, name: &str, empty: bool, f: fn(&str) -> bool) -> PyResult {
    let d = this(vm, &args, name)?;
    no_args(vm, &args, name)?;
    if d.s.is_empty() {
        return b(vm, empty);
    }
    b(vm, f(&d.s))
}

pub fn isalpha(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalpha", false, |t| t.chars().all(uc::is_alpha))
}
pub fn isalnum(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isalnum", false, |t| t.chars().all(uc::is_alnum))
}
pub fn isdigit(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isdigit", false, |t| t.chars().all(uc::is_digit))
}
pub fn isdecimal(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isdecimal", false, |t| {
        t.chars().all(uc::is_decimal)
    })
}
pub fn isnumeric(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isnumeric", false, |t| {
        t.chars().all(uc::is_numeric)
    })
}
pub fn isspace(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isspace", false, |t| {
        t.chars().all(uc::python_isspace)
    })
}
pub fn isascii(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isascii", true, |t| t.is_ascii())
}
pub fn isprintable(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isprintable", true, |t| {
        t.chars().all(uc::is_printable)
    })
}
pub fn isidentifier(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isidentifier", false, |t| {
        let mut it = t.chars();
        match it.next() {
            Some(c) if c == '_' || uc::is_xid_start(c) => it.all(uc::is_xid_continue),
            _ => false,
        }
    })
}
pub fn isupper(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "isupper", false, |t| {
        let mut cased = false;
        for c in t.chars() {
            if uc::is_lower(c) || uc::is_titlecase(c) {
                return false;
            }
            cased |= uc::is_upper(c);
        }
        cased
    })
}
pub fn islower(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "islower", false, |t| {
        let mut cased = false;
        for c in t.chars() {
            if uc::is_upper(c) || uc::is_titlecase(c) {
                return false;
            }
            cased |= uc::is_lower(c);
        }
        cased
    })
}
pub fn istitle(vm: &Vm, args: Args) -> PyResult {
    pred(vm, args, "istitle", false, |t| {
        let (mut cased, mut prev) = (false, false);
        for c in t.chars() {
            if uc::is_upper(c) || uc::is_titlecase(c) {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if uc::is_lower(c) {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn fix_impl(vm: &Vm, args: Args, name: &str, suffix: bool) -> PyResult {
    let d = this(vm, &args, name)?;
    let p = crate::objects::seq::bind::self_and(vm, &args, name, 1)?;
    let Some(x) = p[1].as_str() else {
        return Err(vm.type_error(format!(
            "{}() argument must be str, not {}",
            name,
            p[1].type_name()
        )));
    };
    let r = if suffix {
        d.s.strip_suffix(x)
    } else {
        d.s.strip_prefix(x)
    };
    Ok(vm.new_str(r.unwrap_or(&d.s)))
}

pub fn removeprefix(vm: &Vm, args: Args) -> PyResult {
    fix_impl(vm, args, "removeprefix", false)
}
pub fn removesuffix(vm: &Vm, args: Args) -> PyResult {
    fix_impl(vm, args, "removesuffix", true)
}

/// Canonical codec name, or `None` when unknown.
pub fn normalize_encoding(enc: &str) -> Option<&'static str> {
    let e: String = enc
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    match e.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Some("utf-8"),
        "ascii" | "us_ascii" | "646" => Some("ascii"),
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" | "latin" | "8859" | "cp819" => {
            Some("latin-1")
        }
        _ => None,
    }
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

/// `str.encode` for the codecs minipy knows.
pub fn encode_str(vm: &Vm, text: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = normalize_encoding(enc)
        .ok_or_else(|| vm.new_error(&vm.exc.lookup_error, format!("unknown encoding: {}", enc)))?;
    if codec == "utf-8" {
        return alloc::copy_bytes(vm, text.as_bytes());
    }
    let limit: u32 = if codec == "ascii" { 128 } else { 256 };
    let mut out = alloc::vec_with_capacity(vm, text.len())?;
    let chars: Vec<char> = alloc::collect(vm, text.chars())?;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                let mut j = i;
                while j < chars.len() && chars[j] as u32 >= limit {
                    j += 1;
                }
                let msg = if j - i == 1 {
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                        codec, char_escape(c), i, limit
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {}-{}: ordinal not in range({})",
                        codec, i, j - 1, limit
                    )
                };
                return Err(vm.new_error(&vm.exc.unicode_encode_error, msg));
            }
        }
        i += 1;
    }
    Ok(out)
}

pub fn encode(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "encode")?;
    let a = bind_args(vm, &args, "encode", &["encoding", "errors"], 0)?;
    let get = |o: Option<&PyRef>, n: usize, dflt: &'static str| -> PyResult<String> {
        match o {
            None => Ok(dflt.to_string()),
            Some(o) => o.as_str().map(|x| x.to_string()).ok_or_else(|| {
                vm.type_error(format!(
                    "encode() argument {} must be str, not {}",
                    n,
                    o.type_name()
                ))
            }),
        }
    };
    let enc = get(a[0], 1, "utf-8")?;
    let errs = get(a[1], 2, "strict")?;
    Ok(vm.new_bytes(encode_str(vm, &d.s, &enc, &errs)?))
}

pub fn translate(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "translate")?;
    let p = crate::objects::seq::bind::self_and(vm, &args, "translate", 1)?;
    let table = &p[1];
    let mut o = String::with_capacity(d.s.len());
    for c in d.s.chars() {
        let key = vm.new_int(c as i64);
        match vm.getitem(table, &key) {
            Ok(v) => match &v.payload {
                Payload::None => {}
                Payload::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                    Some(ch) => o.push(ch),
                    None => {
                        return Err(vm.value_error(
                            "character mapping must be in range(0x110000)".to_string(),
                        ))
                    }
                },
                Payload::Str(x) => o.push_str(&x.s),
                _ => {
                    return Err(vm.type_error(
                        "character mapping must return integer, None or str".to_string(),
                    ))
                }
            },
            Err(e) if vm.exc_matches(&e, &vm.exc.lookup_error) => o.push(c),
            Err(e) => return Err(e),
        }
    }
    s(vm, o)
}

pub fn maketrans(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "maketrans")?;
    let pos = args.pos();
    let out = vm.new_dict();
    match pos.len() {
        1 => {
            if !matches!(pos[0].payload, Payload::Dict(_)) {
                return Err(vm.type_error(
                    "if you give only one argument to maketrans it must be a dict".to_string(),
                ));
            }
            for (k, v) in dict::items(&pos[0]) {
                let key = match &k.payload {
                    Payload::Int(_) => k.clone(),
                    Payload::Str(x) if x.char_len() == 1 => {
                        vm.new_int(x.s.chars().next().map(|c| c as i64).unwrap_or(0))
                    }
                    Payload::Str(_) => {
                        return Err(vm.value_error(
                            "string keys in translate table must be of length 1".to_string(),
                        ))
                    }
                    _ => {
                        return Err(vm.type_error(
                            "keys in translate table must be strings or integers".to_string(),
                        ))
                    }
                };
                dict::set_item(vm, &out, key, v)?;
            }
        }
        2 | 3 => {
            let (Some(x), Some(y)) = (pos[0].as_str(), pos[1].as_str()) else {
                return Err(
                    vm.type_error("first two maketrans arguments must be strings".to_string())
                );
            };
            if x.chars().count() != y.chars().count() {
                return Err(vm.value_error(
                    "the first two maketrans arguments must have equal length".to_string(),
                ));
            }
            for (a, b2) in x.chars().zip(y.chars()) {
                dict::set_item(vm, &out, vm.new_int(a as i64), vm.new_int(b2 as i64))?;
            }
            if let Some(z) = pos.get(2) {
                let Some(z) = z.as_str() else {
                    return Err(vm.type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        z.type_name()
                    )));
                };
                for c in z.chars() {
                    dict::set_item(vm, &out, vm.new_int(c as i64), vm.none.clone())?;
                }
            }
        }
        n => {
            return Err(vm.type_error(format!(
                "maketrans() takes at {} ({} given)",
                if n == 0 {
                    "least 1 argument"
                } else {
                    "most 3 arguments"
                },
                n
            )))
        }
    }
    Ok(out)
}
