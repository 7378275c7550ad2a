//! The format-spec mini-language of `format()` / `str.format` / f-strings for `int`,
//! `float` and `str`, as CPython 3.11's `Python/formatter_unicode.c`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! Entry points: [`format_int_spec`], [`format_float_spec`], [`format_str_spec`] take the
//! spec text; or parse once with [`FormatSpec::parse`] and call [`format_int`],
//! [`format_float`], [`format_str`]. Errors carry CPython's messages and exception types
//! (almost all `ValueError`; `OverflowError` for `%c`-range and int-to-float overflow).
//! An empty spec means `str(value)`: the callers here return the plain text, but for
//! `bool` (and other subclasses) the VM should call `str()` itself.

use super::float_format::{double_to_string, float_repr, DtoaFlags};
use super::int_format::{int_to_base, int_to_decimal_checked, max_str_digits};
use super::unicode::decimal_value;
use super::{chars_size, string_with_capacity, value_error, TextError};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (default `' '`).
    pub fill: char,
    /// `'<'`, `'>'`, `'='` or `'^'` (default depends on the type).
    pub align: char,
    /// `'+'`, `'-'`, `' '`, or `None`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Thousands separator: `','` or `'_'`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type; `'\0'` when omitted (and the type has no default).
    pub ty: char,
    /// `type(obj).__name__`, for messages.
    pub type_name: String,
}

fn is_alignment_token(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn code_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `Unknown format code 'd' for object of type 'float'`.
pub fn unknown_presentation_type(ty: char, type_name: &str) -> TextError {
    value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_text(ty)
    ))
}

/// Reads decimal digits (any script) at `pos`; `Ok(None)` when there are none.
fn get_integer(spec: &[char], pos: &mut usize) -> Result<Option<usize>, TextError> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(d) = spec.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        any = true;
        *pos += 1;
    }
    Ok(any.then_some(acc))
}

impl FormatSpec {
    /// `parse_internal_render_format_spec`: `default_type` is `'d'` for int, `'\0'` for
    /// float, `'s'` for str; `default_align` is `'>'` for numbers and `'<'` for str.
    pub fn parse(
        spec: &str,
        type_name: &str,
        default_type: char,
        default_align: char,
    ) -> Result<FormatSpec, TextError> {
        let s: Vec<char> = spec.chars().collect();
        let end = s.len();
        let mut pos = 0;
        let mut f = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_type,
            type_name: type_name.to_string(),
        };
        let mut fill_specified = false;
        let mut align_specified = false;
        if end >= 2 && is_alignment_token(s[1]) {
            f.align = s[1];
            f.fill = s[0];
            fill_specified = true;
            align_specified = true;
            pos = 2;
        } else if end >= 1 && is_alignment_token(s[0]) {
            f.align = s[0];
            align_specified = true;
            pos = 1;
        }
        if pos < end && matches!(s[pos], ' ' | '+' | '-') {
            f.sign = Some(s[pos]);
            pos += 1;
        }
        if pos < end && s[pos] == 'z' {
            f.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && s[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        if !fill_specified && pos < end && s[pos] == '0' {
            f.fill = '0';
            if !align_specified && default_align == '>' {
                f.align = '=';
            }
            pos += 1;
        }
        f.width = get_integer(&s, &mut pos)?;
        let both = || value_error("Cannot specify both ',' and '_'.");
        if pos < end && s[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < end && s[pos] == '_' {
            if f.grouping.is_some() {
                return Err(both());
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < end && s[pos] == ',' && f.grouping == Some('_') {
            return Err(both());
        }
        if pos < end && s[pos] == '.' {
            pos += 1;
            f.precision = get_integer(&s, &mut pos)?;
            if f.precision.is_none() {
                return Err(value_error("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            f.ty = s[pos];
        }
        if let Some(sep) = f.grouping {
            let ok = match f.ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
                'b' | 'o' | 'x' | 'X' => sep == '_',
                _ => false,
            };
            if !ok {
                return Err(value_error(format!(
                    "Cannot specify '{sep}' with {}.",
                    code_text(f.ty)
                )));
            }
        }
        Ok(f)
    }

    fn width_i(&self) -> i64 {
        self.width.map_or(-1, |w| w as i64)
    }
}

/// The pieces of a formatted number: `<sign><prefix><digits>[.<remainder>]`.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right, zero-padding
/// (with separators) up to `min_width`.
fn insert_grouping(
    digits: &str,
    min_width: i64,
    sep: Option<(char, i64)>,
) -> Result<String, TextError> {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    let Some((sep, group)) = sep else {
        let l = remaining.max(min_width).max(1);
        let zeros = (l - remaining).max(0) as usize;
        let mut out = string_with_capacity(zeros.saturating_add(digits.len()))?;
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(digits);
        return Ok(out);
    };
    let total = (min_width.max(0) as usize).saturating_add(d.len() * 2 + 1);
    let mut rev: Vec<char> = Vec::new();
    rev.try_reserve_exact(total)
        .map_err(|_| TextError::Memory)?;
    let mut end = d.len();
    let mut use_sep = false;
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if use_sep {
            rev.push(sep);
        }
        let start = end - n_chars as usize;
        rev.extend(d[start..end].iter().rev());
        rev.extend(std::iter::repeat_n('0', n_zeros as usize));
        use_sep = true;
        remaining -= n_chars;
        end = start;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    Ok(rev.iter().rev().collect())
}

/// `calc_number_widths` + `fill_number`.
fn render_number(
    p: &NumberParts<'_>,
    spec: &FormatSpec,
    group: Option<(char, i64)>,
    toupper: bool,
) -> Result<String, TextError> {
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_sign = i64::from(sign.is_some());
    let n_prefix = p.prefix.chars().count() as i64;
    let n_decimal = i64::from(p.has_decimal);
    let n_remainder = p.remainder.chars().count() as i64;
    let non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    let width = spec.width_i();
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digit
    } else {
        0
    };
    // Room for the whole result first, so an impossible width fails fast with
    // MemoryError (CPython allocates the result before filling it).
    let width_bytes = chars_size(width.max(0) as usize, spec.fill.len_utf8())?;
    let text_bytes = p.prefix.len() + 2 * p.digits.len() + p.remainder.len() + 2;
    let mut out = string_with_capacity(width_bytes.saturating_add(text_bytes))?;
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(p.digits, min_width, group)?
    };
    let n_padding = width - (non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let fill = |out: &mut String, n: i64| out.extend(std::iter::repeat_n(spec.fill, n as usize));
    fill(&mut out, lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    if toupper {
        out.push_str(&p.prefix.to_ascii_uppercase());
    } else {
        out.push_str(p.prefix);
    }
    fill(&mut out, spad);
    if toupper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    fill(&mut out, rpad);
    Ok(out)
}

/// `format(n, spec)` for an int with a parsed spec (`format_long_internal`, or the float
/// path for `e E f F g G %`).
pub fn format_int(n: &BigInt, spec: &FormatSpec) -> Result<String, TextError> {
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = n.to_f64().filter(|x| x.is_finite()).ok_or_else(|| {
                TextError::Overflow("int too large to convert to float".to_string())
            })?;
            return format_float(x, spec);
        }
        other => return Err(unknown_presentation_type(other, &spec.type_name)),
    }
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if n.to_i64().is_none() {
            return Err(TextError::Overflow(
                "Python int too large to convert to C long".to_string(),
            ));
        }
        let c = n
            .to_u32()
            .and_then(char::from_u32)
            .or_else(|| {
                // Lone surrogates cannot live in a Rust string; show U+FFFD.
                n.to_u32().filter(|&v| v <= 0x10ffff).map(|_| '\u{fffd}')
            })
            .ok_or_else(|| TextError::Overflow("%c arg not in range(0x110000)".to_string()))?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: c.encode_utf8(&mut buf),
        };
        return render_number(&parts, spec, None, false);
    }
    let (base, prefix) = match spec.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let abs = n.abs();
    let digits = if base == 10 {
        int_to_decimal_checked(&abs, max_str_digits())?
    } else {
        int_to_base(&abs, base)
    };
    let parts = NumberParts {
        negative: n.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    let group = spec.grouping.map(|c| {
        let size = if matches!(spec.ty, 'b' | 'o' | 'x' | 'X') {
            4
        } else {
            3
        };
        (c, size)
    });
    render_number(&parts, spec, group, spec.ty == 'X')
}

/// `format(x, spec)` for a float with a parsed spec (`format_float_internal`).
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, TextError> {
    let mut ty = spec.ty;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_presentation_type(ty, &spec.type_name));
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = body.split_at(n_digits);
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, after),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let group = spec.grouping.map(|c| (c, 3));
    render_number(&parts, spec, group, false)
}

/// `format(s, spec)` for a str with a parsed spec (`format_string_internal`).
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, TextError> {
    if spec.ty != 's' {
        return Err(unknown_presentation_type(spec.ty, &spec.type_name));
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = s.chars().count();
    let mut text = s;
    if let Some(p) = spec.precision {
        if len > p {
            len = p;
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            text = &s[..cut];
        }
    }
    pad(text, len, spec.width, spec.align, spec.fill)
}

/// `calc_padding` + fill: pads `text` (of `len` code points) to `width`.
/// `TextError::Memory` when the padded text cannot be allocated.
pub fn pad(
    text: &str,
    len: usize,
    width: Option<usize>,
    align: char,
    fill: char,
) -> Result<String, TextError> {
    let total = width.map_or(len, |w| w.max(len));
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let pad_bytes = chars_size(total - len, fill.len_utf8())?;
    let mut out = string_with_capacity(pad_bytes.saturating_add(text.len()))?;
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

/// `int.__format__(n, spec)`; `type_name` is `type(n).__name__` for messages.
pub fn format_int_spec(n: &BigInt, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return int_to_decimal_checked(n, max_str_digits());
    }
    format_int(n, &FormatSpec::parse(spec, type_name, 'd', '>')?)
}

/// `float.__format__(x, spec)`.
pub fn format_float_spec(x: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    format_float(x, &FormatSpec::parse(spec, type_name, '\0', '>')?)
}

/// `str.__format__(s, spec)`.
pub fn format_str_spec(s: &str, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &FormatSpec::parse(spec, type_name, 's', '<')?)
}

#[cfg(test)]
mod tests;
