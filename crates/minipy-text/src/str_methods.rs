//! `str` method semantics over `&str`, by Unicode code points, as CPython 3.11.
//! Indices (`start`, `end`, results of `find`) are code point indices with slice
//! semantics (`None` = omitted; negatives count from the end). `index`/`rindex` are
//! `find`/`rfind` plus the VM raising `ValueError("substring not found")`.

pub use super::unicode::python_isspace;
use super::unicode::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_linebreak, is_lower,
    is_numeric, is_printable, is_titlecase, is_upper, is_xid_continue, is_xid_start, push_casefold,
    push_title,
};
use super::{string_with_capacity, value_error, TextError};

/// Number of code points.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point index `cp` (clamped to the end).
fn byte_at(s: &str, cp: usize) -> usize {
    if s.is_ascii() {
        cp.min(s.len())
    } else {
        s.char_indices().nth(cp).map_or(s.len(), |(i, _)| i)
    }
}

/// `ADJUST_INDICES`: normalizes `start`/`end` for a string of `len` code points.
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (isize, isize) {
    let len = len as isize;
    let mut end = end.unwrap_or(isize::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The window `s[start:end]` (after adjustment) with its code point start, or `None`
/// when it cannot contain `sub`.
fn window<'a>(
    s: &'a str,
    sub: &str,
    start: Option<isize>,
    end: Option<isize>,
) -> Option<(&'a str, isize)> {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - start < char_len(sub) as isize {
        return None;
    }
    let bs = byte_at(s, start as usize);
    let be = bs + byte_at(&s[bs..], (end - start) as usize);
    Some((&s[bs..be], start))
}

/// `str.find`: code point index or -1.
pub fn find(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    match window(s, sub, start, end) {
        Some((w, base)) => w
            .find(sub)
            .map_or(-1, |b| base + char_len(&w[..b]) as isize),
        None => -1,
    }
}

/// `str.rfind`: code point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    match window(s, sub, start, end) {
        Some((w, base)) => w
            .rfind(sub)
            .map_or(-1, |b| base + char_len(&w[..b]) as isize),
        None => -1,
    }
}

/// `str.count` (non-overlapping).
pub fn count(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> usize {
    match window(s, sub, start, end) {
        Some((w, _)) if sub.is_empty() => char_len(w) + 1,
        Some((w, _)) => w.matches(sub).count(),
        None => 0,
    }
}

/// `tailmatch`: shared by `startswith` (`at_end == false`) and `endswith`.
fn tailmatch(s: &str, sub: &str, start: Option<isize>, end: Option<isize>, at_end: bool) -> bool {
    let (start, end) = adjust_indices(start, end, char_len(s));
    let sub_len = char_len(sub) as isize;
    if end - sub_len < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let bs = byte_at(s, start as usize);
    let be = bs + byte_at(&s[bs..], (end - start) as usize);
    let w = &s[bs..be];
    if at_end {
        w.ends_with(sub)
    } else {
        w.starts_with(sub)
    }
}

/// `str.startswith(prefix, start, end)` for one prefix (the VM loops over tuples).
pub fn startswith(s: &str, prefix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `str.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

fn empty_separator() -> TextError {
    value_error("empty separator")
}

/// `str.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn split<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: isize,
) -> Result<Vec<&'a str>, TextError> {
    let mut maxcount = if maxsplit < 0 { isize::MAX } else { maxsplit };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s;
            while maxcount > 0 {
                rest = rest.trim_start_matches(python_isspace);
                if rest.is_empty() {
                    return Ok(out);
                }
                let end = rest.find(python_isspace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
                maxcount -= 1;
            }
            let rest = rest.trim_start_matches(python_isspace);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = s;
            while maxcount > 0 {
                let Some(pos) = rest.find(sep) else { break };
                out.push(&rest[..pos]);
                rest = &rest[pos + sep.len()..];
                maxcount -= 1;
            }
            out.push(rest);
        }
    }
    Ok(out)
}

/// `str.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: isize,
) -> Result<Vec<&'a str>, TextError> {
    let mut maxcount = if maxsplit < 0 { isize::MAX } else { maxsplit };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s;
            while maxcount > 0 {
                rest = rest.trim_end_matches(python_isspace);
                if rest.is_empty() {
                    out.reverse();
                    return Ok(out);
                }
                let start = rest.rfind(python_isspace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(&rest[start..]);
                rest = &rest[..start];
                maxcount -= 1;
            }
            let rest = rest.trim_end_matches(python_isspace);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = s;
            while maxcount > 0 {
                let Some(pos) = rest.rfind(sep) else { break };
                out.push(&rest[pos + sep.len()..]);
                rest = &rest[..pos];
                maxcount -= 1;
            }
            out.push(rest);
        }
    }
    out.reverse();
    Ok(out)
}

/// `str.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut next = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                next += 1;
            }
        }
        out.push(&s[start..if keepends { next } else { i }]);
        start = next;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `str.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(python_isspace),
        Some(set) => s.trim_matches(|c| set.contains(c)),
    }
}

/// `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(python_isspace),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(python_isspace),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `str.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `str.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// `str.replace(old, new, count)`; `count < 0` means all.
pub fn replace(s: &str, old: &str, new: &str, count: isize) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (char_len(s) + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, limit)
    }
}

/// `str.removeprefix`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `str.removesuffix`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// Room for `extra` more bytes in `out` (amortised growth), or
/// `TextError::Memory`: every case mapping pushes through it, so a result
/// too large to allocate raises `MemoryError` instead of aborting.
#[inline]
fn room(out: &mut String, extra: usize) -> Result<(), TextError> {
    if out.capacity() - out.len() < extra {
        out.try_reserve(extra).map_err(|_| TextError::Memory)?;
    }
    Ok(())
}

/// The most UTF-8 bytes one character's case mapping produces (three
/// characters of four bytes).
const MAX_MAPPED: usize = 12;

/// The characters of `s`, or `TextError::Memory`.
fn chars_of(s: &str) -> Result<Vec<char>, TextError> {
    let mut v = Vec::new();
    v.try_reserve_exact(char_len(s))
        .map_err(|_| TextError::Memory)?;
    v.extend(s.chars());
    Ok(v)
}

/// `str.upper`.
pub fn upper(s: &str) -> Result<String, TextError> {
    let mut out = string_with_capacity(s.len())?;
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_uppercase();
        return Ok(out);
    }
    for c in s.chars() {
        room(&mut out, MAX_MAPPED)?;
        out.extend(c.to_uppercase());
    }
    Ok(out)
}

/// `str.lower` (with the final sigma rule).
pub fn lower(s: &str) -> Result<String, TextError> {
    let mut out = string_with_capacity(s.len())?;
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return Ok(out);
    }
    if s.contains('\u{3a3}') {
        let chars = chars_of(s)?;
        for i in 0..chars.len() {
            room(&mut out, MAX_MAPPED)?;
            push_lower_at(&mut out, &chars, i);
        }
    } else {
        for c in s.chars() {
            room(&mut out, MAX_MAPPED)?;
            out.extend(c.to_lowercase());
        }
    }
    Ok(out)
}

/// `str.casefold`.
pub fn casefold(s: &str) -> Result<String, TextError> {
    let mut out = string_with_capacity(s.len())?;
    for c in s.chars() {
        room(&mut out, MAX_MAPPED)?;
        push_casefold(&mut out, c);
    }
    Ok(out)
}

/// Lowercases `chars[i]`, applying the final sigma rule (`handle_capital_sigma`).
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| is_cased(c));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        final_sigma = after.is_none_or(|&c| !is_cased(c));
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

/// `str.swapcase`.
pub fn swapcase(s: &str) -> Result<String, TextError> {
    let chars = chars_of(s)?;
    let mut out = string_with_capacity(s.len())?;
    for (i, &c) in chars.iter().enumerate() {
        room(&mut out, MAX_MAPPED)?;
        if is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// `str.capitalize`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> Result<String, TextError> {
    let chars = chars_of(s)?;
    let mut out = string_with_capacity(s.len())?;
    for i in 0..chars.len() {
        room(&mut out, MAX_MAPPED)?;
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    Ok(out)
}

/// `str.title`.
pub fn title(s: &str) -> Result<String, TextError> {
    let chars = chars_of(s)?;
    let mut out = string_with_capacity(s.len())?;
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        room(&mut out, MAX_MAPPED)?;
        if previous_is_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    Ok(out)
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `str.center(width, fillchar)`.
pub fn center(s: &str, width: isize, fill: char) -> String {
    let len = char_len(s) as isize;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(s, left as usize, (marg - left) as usize, fill)
}

/// `str.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: isize, fill: char) -> String {
    let len = char_len(s) as isize;
    if width <= len {
        return s.to_string();
    }
    padded(s, 0, (width - len) as usize, fill)
}

/// `str.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: isize, fill: char) -> String {
    let len = char_len(s) as isize;
    if width <= len {
        return s.to_string();
    }
    padded(s, (width - len) as usize, 0, fill)
}

/// `str.zfill(width)`.
pub fn zfill(s: &str, width: isize) -> String {
    let len = char_len(s) as isize;
    if width <= len {
        return s.to_string();
    }
    let fill = (width - len) as usize;
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut out = String::with_capacity(width as usize);
            out.push(sign);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(&s[1..]);
            out
        }
        _ => padded(s, fill, 0, '0'),
    }
}

/// `str.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: isize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: isize = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    out
}

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isspace`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, python_isspace)
}

/// `str.isalpha`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `str.isalnum`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

/// `str.isdecimal`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `str.isdigit`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `str.isnumeric`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `str.isprintable` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `str.isascii` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `str.isidentifier`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}

/// `str.isupper`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        if is_upper(c) {
            cased = true;
        }
    }
    cased
}

/// `str.islower`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        if is_lower(c) {
            cased = true;
        }
    }
    cased
}

/// `str.istitle`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

#[cfg(test)]
mod tests;
