//! Float to text and text to float, as CPython 3.11's `PyOS_double_to_string`,
//! `float.__round__` and `float(str)`.

use super::unicode::{decimal_value, python_isspace};
use super::TextError;

/// Flags of [`double_to_string`] (`Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always add a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: add `.0` when the result looks like an int.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (`#`).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `-0` becomes `0` (the `z` option).
    pub no_neg_0: bool,
}

/// `str(float)`: identical to `repr(float)` in Python 3.
pub fn float_str(x: f64) -> String {
    minipy_bytecode::repr::float_repr(x)
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    minipy_bytecode::repr::float_repr(x)
}

/// Splits Rust's `{:e}`-style output `d.ddde[-]x` into digits (trailing zeros
/// stripped; `"0"` for zero) and the decimal point position.
fn digits_from_exp(s: &str) -> (String, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    if digits == "0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// Splits Rust's fixed output `ddd.ddd` into digits (leading and trailing zeros
/// stripped; empty when the value rounded to zero) and the decimal point position.
fn digits_from_fixed(s: &str) -> (String, i64) {
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s, ""));
    let all: String = int_part.chars().chain(frac_part.chars()).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let trimmed = all[lead..].trim_end_matches('0');
    if trimmed.is_empty() {
        return (String::new(), -(frac_part.len() as i64));
    }
    (trimmed.to_string(), int_part.len() as i64 - lead as i64)
}

/// `_Py_dg_dtoa` for finite `|x|`: mode 0 (shortest), 2 (`ndigits` significant
/// digits) or 3 (`ndigits` past the decimal point). Returns digits and `decpt`.
fn dtoa(x: f64, mode: u8, ndigits: i64) -> (String, i64) {
    let a = x.abs();
    match mode {
        0 => {
            let (digits, decpt) = minipy_bytecode::repr::float_shortest_digits(a);
            (digits, i64::from(decpt))
        }
        2 => {
            let p = ndigits.max(1) as usize - 1;
            digits_from_exp(&format!("{a:.p$e}"))
        }
        _ => {
            let p = ndigits.max(0) as usize;
            digits_from_fixed(&format!("{a:.p$}"))
        }
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r` ignores `precision`). Any other code is treated as `r`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let mut precision = precision as i64;
    let (code, mode) = match code.to_ascii_lowercase() {
        'e' => {
            precision += 1;
            ('e', 2)
        }
        'f' => ('f', 3),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            ('g', 2)
        }
        _ => ('r', 0),
    };
    let mut out = String::new();
    if x.is_nan() || x.is_infinite() {
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (digits, mut decpt) = dtoa(x, mode, precision);
    let digits = digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let text = std::str::from_utf8(digits).unwrap_or("");
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text[..decpt as usize]);
        out.push('.');
        out.push_str(&text[decpt as usize..]);
    } else {
        out.push_str(text);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// `round(x, ndigits)` for a float: correctly rounded, ties to even on the exact
/// binary value (CPython's `double_round`). Errors with `OverflowError` when the
/// result is too large ("rounded value too large to represent").
pub fn round_half_even(x: f64, ndigits: i64) -> Result<f64, TextError> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (digits, decpt) = if ndigits >= 0 {
        dtoa(x, 3, ndigits)
    } else {
        round_integer_digits(x.abs(), (-ndigits) as usize)
    };
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}0{digits}e{}", decpt - digits.len() as i64);
    let rounded: f64 = text.parse().unwrap_or(0.0);
    if rounded.is_infinite() {
        return Err(TextError::Overflow(
            "rounded value too large to represent".to_string(),
        ));
    }
    Ok(rounded)
}

/// Rounds finite `a >= 0` to a multiple of `10**k` (half to even on the exact value);
/// returns dtoa-style digits and decimal point position.
fn round_integer_digits(a: f64, k: usize) -> (String, i64) {
    let int_part = a.trunc();
    let frac_nonzero = a != int_part;
    let ip = format!("{int_part:.0}");
    let ip = if ip == "0" { String::new() } else { ip };
    if ip.len() < k {
        return (String::new(), 0);
    }
    let cut = ip.len() - k;
    let (head, tail) = ip.split_at(cut);
    let tail = tail.as_bytes();
    let mut half = vec![b'0'; k];
    half[0] = b'5';
    let round_up = match tail.cmp(&half[..]) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            frac_nonzero || head.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1)
        }
    };
    let mut head: Vec<u8> = head.bytes().collect();
    if round_up {
        let mut i = head.len();
        loop {
            if i == 0 {
                head.insert(0, b'1');
                break;
            }
            i -= 1;
            if head[i] == b'9' {
                head[i] = b'0';
            } else {
                head[i] += 1;
                break;
            }
        }
    }
    let s = String::from_utf8(head).unwrap_or_default();
    let s = s.trim_start_matches('0');
    let decpt = s.len() as i64 + k as i64;
    (s.to_string(), decpt)
}

/// Is `c` whitespace that `int()`/`float()` strip (ASCII whitespace except
/// `\x1c`-`\x1f`, or any non-ASCII Python whitespace)?
pub(crate) fn is_number_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        python_isspace(c)
    }
}

/// Checks `digit (_? digit)*` and appends the digits (underscores dropped).
fn take_digitpart(s: &[u8], pos: &mut usize, out: &mut String) -> bool {
    let start = *pos;
    while *pos < s.len() {
        let b = s[*pos];
        if b.is_ascii_digit() {
            out.push(b as char);
            *pos += 1;
        } else if b == b'_' && *pos > start && *pos + 1 < s.len() && s[*pos + 1].is_ascii_digit() {
            *pos += 1;
        } else {
            break;
        }
    }
    *pos > start
}

/// `float(s)` for a `str`: Python's float literal syntax with surrounding whitespace,
/// PEP 515 underscores, any-script decimal digits, and `inf`/`infinity`/`nan` with an
/// optional sign (case-insensitive). `None` means "could not convert string to float".
pub fn parse_float(s: &str) -> Option<f64> {
    let trimmed = s.trim_matches(is_number_space);
    let mut ascii = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if let Some(d) = decimal_value(c) {
            ascii.push(char::from_digit(d, 10)?);
        } else {
            return None;
        }
    }
    let b = ascii.as_bytes();
    let mut pos = 0;
    let mut clean = String::with_capacity(b.len());
    if pos < b.len() && (b[pos] == b'+' || b[pos] == b'-') {
        clean.push(b[pos] as char);
        pos += 1;
    }
    let rest = ascii[pos..].to_ascii_lowercase();
    if rest == "inf" || rest == "infinity" {
        return Some(if clean == "-" {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if rest == "nan" {
        return Some(if clean == "-" { -f64::NAN } else { f64::NAN });
    }
    let int_digits = take_digitpart(b, &mut pos, &mut clean);
    let mut frac_digits = false;
    if pos < b.len() && b[pos] == b'.' {
        clean.push('.');
        pos += 1;
        frac_digits = take_digitpart(b, &mut pos, &mut clean);
    }
    if !int_digits && !frac_digits {
        return None;
    }
    if pos < b.len() && (b[pos] == b'e' || b[pos] == b'E') {
        clean.push('e');
        pos += 1;
        if pos < b.len() && (b[pos] == b'+' || b[pos] == b'-') {
            clean.push(b[pos] as char);
            pos += 1;
        }
        if !take_digitpart(b, &mut pos, &mut clean) {
            return None;
        }
    }
    if pos != b.len() {
        return None;
    }
    clean.parse().ok()
}

/// The `ValueError` message of a failed `float(s)`: `could not convert string to float: 'x'`.
pub fn parse_float_error(s: &str) -> String {
    format!(
        "could not convert string to float: {}",
        minipy_bytecode::repr::str_repr(s)
    )
}

#[cfg(test)]
mod tests;
