//! Malformed number literals, in the words and at the columns of CPython
//! 3.11's tokenizer (`tok_get`'s number branch, `tok_decimal_tail`,
//! `verify_end_of_number` in Parser/tokenizer.c). rustpython-parser's lexer
//! reports these as a generic token error (or lexes `1__0` as `1` and a
//! name), so when parsing fails the source is scanned for the first bad
//! literal before the failure point: the tokenizer would have stopped there.

/// A bad literal: the message and CPython's 0-based error columns as byte
/// offsets into the source (`offset - 1`, `end_offset - 1`).
pub(crate) struct NumberError {
    pub msg: String,
    pub start: usize,
    pub end: usize,
}

fn ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The keywords that may follow a number without a space (`1if x else 2`:
/// a DeprecationWarning in 3.11, not an error).
fn keyword_follows(b: &[u8], i: usize) -> bool {
    let rest = &b[i..];
    ["and", "else", "for", "if", "in", "is", "not", "or"]
        .iter()
        .any(|k| rest.starts_with(k.as_bytes()))
}

/// The first malformed number literal that starts before `limit`.
pub(crate) fn first_bad_number(source: &str, limit: usize) -> Option<NumberError> {
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() && i <= limit {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'\'' || c == b'"' {
            i = skip_string(b, i);
            continue;
        }
        if ident_char(c) && !c.is_ascii_digit() {
            while i < b.len() && ident_char(b[i]) {
                i += 1;
            }
            // A prefixed string (b'', rb"", f'') is skipped whole.
            if i < b.len() && (b[i] == b'\'' || b[i] == b'"') {
                i = skip_string(b, i);
            }
            continue;
        }
        let starts_number =
            c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts_number {
            i += 1;
            continue;
        }
        match number(b, i) {
            Ok(end) => i = end,
            Err(e) => return Some(e),
        }
    }
    None
}

fn skip_string(b: &[u8], start: usize) -> usize {
    let q = b[start];
    let triple = b.get(start + 1) == Some(&q) && b.get(start + 2) == Some(&q);
    let mut i = start + if triple { 3 } else { 1 };
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if triple {
            if b[i] == q && b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                return i + 3;
            }
        } else if b[i] == q || b[i] == b'\n' {
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

fn err(msg: impl Into<String>, start: usize, end: usize) -> NumberError {
    NumberError {
        msg: msg.into(),
        start,
        end,
    }
}

/// `tok_decimal_tail`: digits with single underscores between them, from
/// `i` (a digit). Ok(end) or the error at the offending character.
fn decimal_tail(b: &[u8], mut i: usize) -> Result<usize, NumberError> {
    loop {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if b.get(i) != Some(&b'_') {
            return Ok(i);
        }
        i += 1;
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            // CPython backs up to the character after the underscore.
            return Err(err("invalid decimal literal", i - 1, i - 1));
        }
    }
}

/// `verify_end_of_number`: what follows a literal may not be an identifier
/// character (except the keywords above).
fn end_of_number(b: &[u8], i: usize, kind: &str) -> Result<usize, NumberError> {
    match b.get(i) {
        Some(&c) if ident_char(c) && !keyword_follows(b, i) => {
            Err(err(format!("invalid {kind} literal"), i - 1, i - 1))
        }
        _ => Ok(i),
    }
}

/// Digits of base `radix` after `0x`/`0o`/`0b` at `i`.
fn radix_digits(b: &[u8], mut i: usize, radix: u32, kind: &str) -> Result<usize, NumberError> {
    let digit = |c: u8| (c as char).is_digit(radix);
    loop {
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
        match b.get(i) {
            Some(&c) if digit(c) => {}
            Some(&c) if c.is_ascii_digit() => {
                return Err(err(
                    format!("invalid digit '{}' in {kind} literal", c as char),
                    i,
                    i,
                ))
            }
            _ => return Err(err(format!("invalid {kind} literal"), i - 1, i - 1)),
        }
        while b.get(i).is_some_and(|&c| digit(c)) {
            i += 1;
        }
        match b.get(i) {
            Some(b'_') => continue,
            Some(&c) if c.is_ascii_digit() => {
                return Err(err(
                    format!("invalid digit '{}' in {kind} literal", c as char),
                    i,
                    i,
                ))
            }
            _ => return end_of_number(b, i, kind),
        }
    }
}

/// One number literal starting at `s`: Ok(its end) or its error.
fn number(b: &[u8], s: usize) -> Result<usize, NumberError> {
    let mut i = s;
    if b[s] == b'0' {
        match b.get(s + 1).map(u8::to_ascii_lowercase) {
            Some(b'x') => return radix_digits(b, s + 2, 16, "hexadecimal"),
            Some(b'o') => return radix_digits(b, s + 2, 8, "octal"),
            Some(b'b') => return radix_digits(b, s + 2, 2, "binary"),
            _ => {}
        }
        // Leading zeros: only zeros (and underscores) unless a float.
        let mut nonzero = false;
        i += 1;
        loop {
            while b.get(i) == Some(&b'0') {
                i += 1;
            }
            if b.get(i) == Some(&b'_') {
                i += 1;
                if !b.get(i).is_some_and(u8::is_ascii_digit) {
                    return Err(err("invalid decimal literal", i - 1, i - 1));
                }
                continue;
            }
            break;
        }
        let zeros_end = i;
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            nonzero = true;
            i = decimal_tail(b, i)?;
        }
        let c = b.get(i).copied();
        if matches!(c, Some(b'.' | b'e' | b'E' | b'j' | b'J')) {
            return fraction(b, i);
        }
        if nonzero {
            return Err(err(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                s,
                zeros_end,
            ));
        }
        return end_of_number(b, i, "decimal");
    }
    if b[s] != b'.' {
        i = decimal_tail(b, s)?;
    }
    fraction(b, i)
}

/// The fraction, exponent and imaginary suffix of a decimal number from
/// `i`, then its end.
fn fraction(b: &[u8], mut i: usize) -> Result<usize, NumberError> {
    if b.get(i) == Some(&b'.') {
        i += 1;
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            i = decimal_tail(b, i)?;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let e = i;
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
            if !b.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(err("invalid decimal literal", i - 1, i - 1));
            }
        } else if !b.get(i).is_some_and(u8::is_ascii_digit) {
            // Backed up to the `e`, which cannot end a number.
            return end_of_number(b, e, "decimal");
        }
        i = decimal_tail(b, i)?;
    }
    if matches!(b.get(i), Some(b'j' | b'J')) {
        return end_of_number(b, i + 1, "imaginary");
    }
    end_of_number(b, i, "decimal")
}
