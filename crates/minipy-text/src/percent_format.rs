//! printf-style `str % args` formatting, as CPython 3.11's `PyUnicode_Format`.
//!
//! # API
//!
//! * [`parse_percent`] turns a format string into [`Piece`]s (literals and
//!   [`Conversion`]s). A parse error becomes a final [`Piece::Error`] so that it is
//!   raised at the same point CPython raises it (after the earlier conversions ran).
//!   The VM may cache the pieces of a constant format string.
//! * [`percent_format`] (or [`percent_format_pieces`]) runs them. The right operand is
//!   given as [`PercentArgs`]: `Tuple(items)` for a tuple, `Mapping(obj)` when
//!   `PyMapping_Check(obj)` holds and it is neither a tuple nor a str (dicts, lists, ...),
//!   `Single(obj)` otherwise. The VM implements [`PercentHost`]:
//!   - `get_item(mapping, key)` for `%(key)s` (`mapping[key]`, raising e.g. `KeyError`);
//!   - `convert(value, want)` returns, per [`Want`], a [`PercentValue`]: `Int` (BigInt),
//!     `Float`, `Str` (already converted by `str`/`repr`/`ascii`, or a str for `%c`), or
//!     `WrongType(type_name)` when the value has the wrong type, so that CPython's
//!     messages ("%d format: a real number is required, not str", "* wants int", ...)
//!     are produced here. Other exceptions (from `__str__`, `__int__`, ...) are the
//!     host's own `Error` and pass through unchanged.
//! * Errors produced here are [`TextError`]s converted with `From` into the host's
//!   error type: "not enough arguments for format string", "not all arguments converted
//!   during string formatting", "format requires a mapping" (TypeError), "unsupported
//!   format character 'z' (0x7a) at index 3", "incomplete format", "incomplete format
//!   key" (ValueError), "%c arg not in range(0x110000)" (OverflowError), ...

use super::float_format::{double_to_string, DtoaFlags};
use super::{type_error, value_error, TextError};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

/// What the host must compute from an argument for one conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// `%d %i %u`: `Int(int(v))` (floats truncate); `WrongType` when `v` is not a number.
    Int,
    /// `%o %x %X`: `Int(operator.index(v))`; `WrongType` when `v` is not an integer.
    Index,
    /// `%e %E %f %F %g %G`: `Float(float(v))`; `WrongType` when `v` is not a real number.
    Float,
    /// `%c`: `Str(v)` for a str (any length, checked here), `Int` for an int
    /// (`__index__`), else `WrongType`.
    Char,
    /// `%s`: `Str(str(v))`.
    Str,
    /// `%r`: `Str(repr(v))`.
    Repr,
    /// `%a`: `Str(ascii(v))`.
    Ascii,
    /// `*` width or precision: `Int` when `isinstance(v, int)`, else `WrongType`.
    Star,
}

/// The host's answer to [`PercentHost::convert`].
#[derive(Debug, Clone, PartialEq)]
pub enum PercentValue {
    Int(BigInt),
    Float(f64),
    Str(String),
    /// The value's type name (`type(v).__name__`) when it has the wrong type.
    WrongType(String),
}

/// The right operand of `%`.
pub enum PercentArgs<'a, O> {
    Tuple(&'a [O]),
    Mapping(&'a O),
    Single(&'a O),
}

/// Callbacks into the VM.
pub trait PercentHost {
    type Obj;
    type Error: From<TextError>;
    /// `mapping[key]`.
    fn get_item(&mut self, mapping: &Self::Obj, key: &str) -> Result<Self::Obj, Self::Error>;
    /// Converts `value` as `want` says (see [`Want`]).
    fn convert(&mut self, value: &Self::Obj, want: Want) -> Result<PercentValue, Self::Error>;
}

/// A width or precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    None,
    Star,
    Num(usize),
}

/// One `%` conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// `%(key)s`.
    pub key: Option<String>,
    /// `-` flag.
    pub ljust: bool,
    /// `+` flag.
    pub sign: bool,
    /// ` ` flag.
    pub blank: bool,
    /// `#` flag.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    pub width: Count,
    pub precision: Count,
    /// The conversion character (validated when run).
    pub ty: char,
    /// Code point index of `ty` in the format string.
    pub index: usize,
    /// A parse error raised after the `*` arguments of this conversion were fetched
    /// ("incomplete format", "width too big", "precision too big").
    pub error: Option<TextError>,
}

/// A piece of a parsed format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Conversion(Box<Conversion>),
    /// `%(` without its `)`: "format requires a mapping" without a mapping,
    /// else "incomplete format key". Always the last piece.
    BadKey,
}

/// Parses a printf-style format string (see the module docs).
pub fn parse_percent(fmt: &str) -> Vec<Piece> {
    let c: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut pos = 0;
    while pos < c.len() {
        if c[pos] != '%' {
            lit.push(c[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if c.get(pos) == Some(&'%') {
            lit.push('%');
            pos += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut lit)));
        }
        match parse_conversion(&c, &mut pos) {
            Some(conv) => {
                let stop = conv.error.is_some();
                pieces.push(Piece::Conversion(Box::new(conv)));
                if stop {
                    return pieces;
                }
            }
            None => {
                pieces.push(Piece::BadKey);
                return pieces;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Literal(lit));
    }
    pieces
}

/// `unicode_format_arg_parse`, after the `%`. `None` for an unterminated key.
fn parse_conversion(c: &[char], pos: &mut usize) -> Option<Conversion> {
    let mut conv = Conversion {
        key: None,
        ljust: false,
        sign: false,
        blank: false,
        alt: false,
        zero: false,
        width: Count::None,
        precision: Count::None,
        ty: '\0',
        index: 0,
        error: None,
    };
    let mut exhausted = false;
    let mut ch = '\0';
    let mut next = |pos: &mut usize, ch: &mut char, exhausted: &mut bool| -> bool {
        if *exhausted {
            return false;
        }
        match c.get(*pos) {
            Some(&x) => {
                *ch = x;
                *pos += 1;
                true
            }
            None => {
                *exhausted = true;
                false
            }
        }
    };
    if c.get(*pos) == Some(&'(') {
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 {
            let &x = c.get(*pos)?;
            if x == ')' {
                depth -= 1;
            } else if x == '(' {
                depth += 1;
            }
            ch = x;
            *pos += 1;
        }
        conv.key = Some(c[start..*pos - 1].iter().collect());
    }
    while next(pos, &mut ch, &mut exhausted) {
        match ch {
            '-' => conv.ljust = true,
            '+' => conv.sign = true,
            ' ' => conv.blank = true,
            '#' => conv.alt = true,
            '0' => conv.zero = true,
            _ => break,
        }
    }
    let digits = |first: char,
                  pos: &mut usize,
                  ch: &mut char,
                  exhausted: &mut bool,
                  next: &mut dyn FnMut(&mut usize, &mut char, &mut bool) -> bool,
                  limit: usize|
     -> Option<usize> {
        let mut n = first as usize - '0' as usize;
        while next(pos, ch, exhausted) {
            let Some(d) = ch.to_digit(10) else { break };
            n = n
                .checked_mul(10)?
                .checked_add(d as usize)
                .filter(|&v| v <= limit)?;
        }
        Some(n)
    };
    if ch == '*' && !exhausted {
        conv.width = Count::Star;
        next(pos, &mut ch, &mut exhausted);
    } else if ch.is_ascii_digit() && !exhausted {
        match digits(
            ch,
            pos,
            &mut ch,
            &mut exhausted,
            &mut next,
            isize::MAX as usize,
        ) {
            Some(n) => conv.width = Count::Num(n),
            None => {
                conv.error = Some(value_error("width too big"));
                return Some(conv);
            }
        }
    }
    if ch == '.' && !exhausted {
        conv.precision = Count::Num(0);
        next(pos, &mut ch, &mut exhausted);
        if ch == '*' && !exhausted {
            conv.precision = Count::Star;
            next(pos, &mut ch, &mut exhausted);
        } else if ch.is_ascii_digit() && !exhausted {
            match digits(
                ch,
                pos,
                &mut ch,
                &mut exhausted,
                &mut next,
                i32::MAX as usize,
            ) {
                Some(n) => conv.precision = Count::Num(n),
                None => {
                    conv.error = Some(value_error("precision too big"));
                    return Some(conv);
                }
            }
        }
    }
    if !exhausted && matches!(ch, 'h' | 'l' | 'L') {
        next(pos, &mut ch, &mut exhausted);
    }
    if exhausted {
        conv.error = Some(value_error("incomplete format"));
    }
    conv.ty = ch;
    conv.index = pos.saturating_sub(1);
    Some(conv)
}

enum Current<'a, O> {
    Tuple(&'a [O]),
    One(&'a O),
    Owned(O),
}

struct Args<'a, O> {
    cur: Current<'a, O>,
    argidx: isize,
    arglen: isize,
    dict: Option<&'a O>,
}

impl<O> Args<'_, O> {
    fn next(&mut self) -> Result<&O, TextError> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            match &self.cur {
                Current::Tuple(items) if i >= 0 => {
                    if let Some(v) = items.get(i as usize) {
                        return Ok(v);
                    }
                }
                Current::One(v) => return Ok(v),
                Current::Owned(v) => return Ok(v),
                Current::Tuple(_) => {}
            }
        }
        Err(type_error("not enough arguments for format string"))
    }
}

fn not_all_converted() -> TextError {
    type_error("not all arguments converted during string formatting")
}

/// Parses and runs `fmt % args`.
pub fn percent_format<H: PercentHost>(
    host: &mut H,
    fmt: &str,
    args: PercentArgs<'_, H::Obj>,
) -> Result<String, H::Error> {
    percent_format_pieces(host, &parse_percent(fmt), args)
}

/// Runs already parsed pieces (see [`parse_percent`]).
pub fn percent_format_pieces<H: PercentHost>(
    host: &mut H,
    pieces: &[Piece],
    args: PercentArgs<'_, H::Obj>,
) -> Result<String, H::Error> {
    let mut st = match args {
        PercentArgs::Tuple(items) => Args {
            cur: Current::Tuple(items),
            argidx: 0,
            arglen: items.len() as isize,
            dict: None,
        },
        PercentArgs::Mapping(m) => Args {
            cur: Current::One(m),
            argidx: -2,
            arglen: -1,
            dict: Some(m),
        },
        PercentArgs::Single(v) => Args {
            cur: Current::One(v),
            argidx: -2,
            arglen: -1,
            dict: None,
        },
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Literal(s) => push_str(&mut out, s)?,
            Piece::BadKey => {
                return Err(match st.dict {
                    None => type_error("format requires a mapping"),
                    Some(_) => value_error("incomplete format key"),
                }
                .into())
            }
            Piece::Conversion(conv) => {
                run_conversion(host, &mut st, conv, &mut out)?;
                if st.dict.is_some() && st.argidx < st.arglen {
                    return Err(not_all_converted().into());
                }
            }
        }
    }
    if st.argidx < st.arglen && st.dict.is_none() {
        return Err(not_all_converted().into());
    }
    Ok(out)
}

fn star_value<H: PercentHost>(
    host: &mut H,
    st: &mut Args<'_, H::Obj>,
    what: &str,
) -> Result<i64, H::Error> {
    let v = st.next()?;
    match host.convert(v, Want::Star)? {
        PercentValue::Int(n) => {
            let limit = if what == "int" {
                i32::MAX as i64
            } else {
                i64::MAX
            };
            n.to_i64().filter(|v| v.abs() <= limit).ok_or_else(|| {
                TextError::Overflow(format!("Python int too large to convert to C {what}")).into()
            })
        }
        _ => Err(type_error("* wants int").into()),
    }
}

/// `unicode_format_arg` for one conversion.
fn run_conversion<H: PercentHost>(
    host: &mut H,
    st: &mut Args<'_, H::Obj>,
    conv: &Conversion,
    out: &mut String,
) -> Result<(), H::Error> {
    if let Some(key) = &conv.key {
        let Some(dict) = st.dict else {
            return Err(type_error("format requires a mapping").into());
        };
        let value = host.get_item(dict, key)?;
        st.cur = Current::Owned(value);
        st.arglen = -1;
        st.argidx = -2;
    }
    let mut ljust = conv.ljust;
    let width: i64 = match conv.width {
        Count::None => -1,
        Count::Num(n) => n as i64,
        Count::Star => {
            let w = star_value(host, st, "ssize_t")?;
            if w < 0 {
                ljust = true;
            }
            w.abs()
        }
    };
    let prec: i64 = match conv.precision {
        Count::None => -1,
        Count::Num(n) => n as i64,
        Count::Star => star_value(host, st, "int")?.max(0),
    };
    if let Some(e) = &conv.error {
        return Err(e.clone().into());
    }
    let ty = conv.ty;
    let v = st.next()?;
    let (text, numeric) = match ty {
        's' | 'r' | 'a' => {
            let want = match ty {
                's' => Want::Str,
                'r' => Want::Repr,
                _ => Want::Ascii,
            };
            let s = match host.convert(v, want)? {
                PercentValue::Str(s) | PercentValue::WrongType(s) => s,
                PercentValue::Int(n) => super::int_format::int_to_decimal_checked(
                    &n,
                    super::int_format::max_str_digits(),
                )?,
                PercentValue::Float(f) => super::float_format::float_repr(f),
            };
            (s, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let index = matches!(ty, 'o' | 'x' | 'X');
            let want = if index { Want::Index } else { Want::Int };
            match host.convert(v, want)? {
                PercentValue::Int(n) => (format_long(&n, conv.alt, prec, ty)?, true),
                PercentValue::WrongType(name) | PercentValue::Str(name) => {
                    let what = if index {
                        "an integer is required"
                    } else {
                        "a real number is required"
                    };
                    return Err(type_error(format!("%{ty} format: {what}, not {name}")).into());
                }
                PercentValue::Float(f) => match BigInt::from_f64(f.trunc()) {
                    Some(n) if !index => (format_long(&n, conv.alt, prec, ty)?, true),
                    _ => {
                        return Err(type_error(format!(
                            "%{ty} format: an integer is required, not float"
                        ))
                        .into())
                    }
                },
            }
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match host.convert(v, Want::Float)? {
                PercentValue::Float(x) => x,
                PercentValue::Int(n) => n.to_f64().filter(|x| x.is_finite()).ok_or_else(|| {
                    TextError::Overflow("int too large to convert to float".to_string())
                })?,
                PercentValue::WrongType(name) | PercentValue::Str(name) => {
                    return Err(type_error(format!("must be real number, not {name}")).into())
                }
            };
            let flags = DtoaFlags {
                alt: conv.alt,
                ..DtoaFlags::default()
            };
            let p = if prec < 0 { 6 } else { prec as usize };
            (double_to_string(x, ty, p, flags), true)
        }
        'c' => {
            let c = match host.convert(v, Want::Char)? {
                PercentValue::Str(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(type_error("%c requires int or char").into()),
                    }
                }
                PercentValue::Int(n) => match n.to_u32().filter(|&v| v <= 0x10ffff) {
                    Some(v) => char::from_u32(v).unwrap_or('\u{fffd}'),
                    None => {
                        return Err(TextError::Overflow(
                            "%c arg not in range(0x110000)".to_string(),
                        )
                        .into())
                    }
                },
                _ => return Err(type_error("%c requires int or char").into()),
            };
            (c.to_string(), false)
        }
        _ => {
            let shown = if (31..=126).contains(&(ty as u32)) {
                ty
            } else {
                '?'
            };
            return Err(value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                ty as u32, conv.index
            ))
            .into());
        }
    };
    output(out, conv, ty, &text, numeric, width, prec, ljust)?;
    Ok(())
}

/// `_PyUnicode_FormatLong`.
/// A decimal conversion obeys `sys.set_int_max_str_digits`, as `str(n)`.
fn format_long(n: &BigInt, alt: bool, prec: i64, ty: char) -> Result<String, TextError> {
    let (base, prefix) = match ty {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        super::int_format::int_to_decimal_checked(&n.abs(), super::int_format::max_str_digits())?
    } else {
        n.abs().to_str_radix(base)
    };
    let mut s = String::with_capacity(digits.len() + 4);
    if n.is_negative() {
        s.push('-');
    }
    if alt {
        s.push_str(prefix);
    }
    let numdigits = digits.len() as i64;
    if prec > numdigits {
        s.extend(std::iter::repeat_n('0', (prec - numdigits) as usize));
    }
    s.push_str(&digits);
    if ty == 'X' {
        s = s.to_ascii_uppercase();
    }
    Ok(s)
}

/// Appends `s` to `out`, growing it fallibly (`TextError::Memory`).
fn push_str(out: &mut String, s: &str) -> Result<(), TextError> {
    out.try_reserve(s.len()).map_err(|_| TextError::Memory)?;
    out.push_str(s);
    Ok(())
}

/// `unicode_format_arg_output`.
#[allow(clippy::too_many_arguments)]
fn output(
    out: &mut String,
    conv: &Conversion,
    ty: char,
    text: &str,
    numeric: bool,
    width: i64,
    prec: i64,
    ljust: bool,
) -> Result<(), TextError> {
    let mut width = width;
    let mut sign = numeric;
    let fill = if sign && conv.zero { '0' } else { ' ' };
    let mut len = super::str_methods::char_len(text) as i64;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(conv.sign || conv.blank) {
        push_str(out, text)?;
        return Ok(());
    }
    let mut chars = Vec::new();
    chars
        .try_reserve_exact(len as usize)
        .map_err(|_| TextError::Memory)?;
    chars.extend(text.chars());
    // The padded result must fit before filling (CPython: MemoryError).
    let room = super::chars_size(width.max(0) as usize, 1)?.saturating_add(text.len());
    out.try_reserve(room).map_err(|_| TextError::Memory)?;
    if matches!(ty, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ if conv.sign => signchar = '+',
            _ if conv.blank => signchar = ' ',
            _ => sign = false,
        }
    }
    if width < len {
        width = len;
    }
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = conv.alt && matches!(ty, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
