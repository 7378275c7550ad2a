//! Unicode character properties as CPython 3.11 (Unicode 14.0) defines them for `str`
//! methods. Table-driven where Python's definition differs from Rust's `char` methods.

use super::unicode_tables as tables;
use std::cmp::Ordering;

fn in_ranges(table: &[(u32, u32)], cp: u32) -> Option<(u32, u32)> {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()
        .map(|i| table[i])
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `Py_UNICODE_ISSPACE`: the characters `str.isspace()` / `str.split()` treat as whitespace.
pub fn python_isspace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `Py_UNICODE_ISLINEBREAK`: line boundaries of `str.splitlines()`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.isalpha()` for one character (general categories L*).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(tables::ALPHA, c as u32).is_some()
}

/// `str.isdecimal()` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit (any script), as `int()` and `float()` accept them.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    in_ranges(tables::DECIMAL, cp).map(|(lo, _)| (cp - lo) % 10)
}

/// `str.isdigit()` for one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(tables::DIGIT, c as u32).is_some()
}

/// `str.isnumeric()` for one character.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(tables::NUMERIC, c as u32).is_some()
}

/// `str.isalnum()` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// First character of an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(tables::XID_START, c as u32).is_some()
}

/// Subsequent character of an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(tables::XID_CONTINUE, c as u32).is_some()
}

/// `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    minipy_bytecode::repr::is_printable(c)
}

/// Titlecase letters (category Lt).
pub fn is_titlecase(c: char) -> bool {
    matches!(
        c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
            | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// `Py_UNICODE_ISUPPER` (the Uppercase property).
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// `Py_UNICODE_ISLOWER` (the Lowercase property).
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// The Cased property.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Case-ignorable characters (for the final sigma rule); an approximation of
/// the Case_Ignorable property: apostrophes, dots, colons, modifiers and marks.
pub fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{a8}'
            | '\u{ad}'
            | '\u{af}'
            | '\u{b4}'
            | '\u{b7}'
            | '\u{b8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
    ) || matches!(c as u32, 0x2B0..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x200B..=0x200F)
}

/// Full titlecase mapping of one character.
pub fn push_title(out: &mut String, c: char) {
    match lookup_map(tables::TITLE, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}

/// Full case folding of one character (`str.casefold`).
pub fn push_casefold(out: &mut String, c: char) {
    match lookup_map(tables::CASEFOLD, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties() {
        assert!(is_alpha('é') && !is_alpha('\u{902}') && is_alpha('中'));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1D7D9}'), Some(1));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('一') && !is_digit('一'));
        assert!(is_xid_start('_') && !is_xid_start('1') && is_xid_continue('1'));
        assert!(python_isspace('\u{1c}') && !python_isspace('\u{200b}'));
        let mut s = String::new();
        push_casefold(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        push_title(&mut s, 'ß');
        assert_eq!(s, "ssǅSs");
    }
}
