//! Integer to text and text to integer, as CPython 3.11's `int.__str__`, `bin`/`oct`/`hex`
//! and `int(str, base)`, including the integer string conversion length limit.

use super::float_format::is_number_space;
use super::unicode::decimal_value;
use super::TextError;
use num_bigint::BigInt;
use num_traits::{Num, Signed};
use std::sync::atomic::{AtomicUsize, Ordering};

/// `sys.int_info.default_max_str_digits`.
pub const INT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is not checked (`sys.int_info.str_digits_check_threshold`).
pub const INT_STR_DIGITS_CHECK_THRESHOLD: usize = 640;

/// The limit in force (`sys.set_int_max_str_digits`; 0: no limit). One per
/// process, as a process runs one interpreter.
static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(INT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`, `n` already checked (0 or at least
/// `INT_STR_DIGITS_CHECK_THRESHOLD`).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.store(n, Ordering::Relaxed);
}

/// `n` in `base` (2..=36) without prefix, lowercase digits, leading `-` when negative.
pub fn int_to_base(n: &BigInt, base: u32) -> String {
    n.to_str_radix(base)
}

/// `bin`/`oct`/`hex` (`base` 2/8/16: `0b101`, `-0o17`, `-0x1f`); other bases give
/// the plain digits.
pub fn int_to_prefixed(n: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => return int_to_base(n, base),
    };
    let digits = n.abs().to_str_radix(base);
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// The error of `str(n)` for a value longer than `max_str_digits` decimal digits
/// (`max_str_digits == 0` disables the limit).
pub fn int_to_decimal_checked(n: &BigInt, max_str_digits: usize) -> Result<String, TextError> {
    let s = n.to_string();
    let digits = s.len() - usize::from(n.is_negative());
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(TextError::Value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// Parses the digits of `int(s, base)`; returns the value and the digit count.
fn parse_int_digits(s: &str, base: u32) -> Result<(BigInt, usize), ()> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(());
    }
    let t = s.trim_matches(is_number_space);
    let mut b = Vec::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii() {
            b.push(c as u8);
        } else if let Some(d) = decimal_value(c) {
            b.push(b'0' + d as u8);
        } else {
            return Err(());
        }
    }
    let mut pos = 0;
    let mut negative = false;
    if pos < b.len() && (b[pos] == b'+' || b[pos] == b'-') {
        negative = b[pos] == b'-';
        pos += 1;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(pos) != b'0' {
            10
        } else {
            match at(pos + 1) {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(pos) == b'0' && matches!((base, at(pos + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(());
    }
    let mut digits = String::with_capacity(b.len() - pos);
    let mut prev_underscore = false;
    for &c in &b[pos..] {
        if c == b'_' {
            if prev_underscore {
                return Err(());
            }
            prev_underscore = true;
            continue;
        }
        match (c as char).to_digit(36) {
            Some(d) if d < base => digits.push(c as char),
            _ => return Err(()),
        }
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(());
    }
    if error_if_nonzero && digits.bytes().any(|c| c != b'0') {
        return Err(());
    }
    let mut n = BigInt::from_str_radix(&digits, base).map_err(|_| ())?;
    if negative {
        n = -n;
    }
    Ok((n, digits.len()))
}

/// `int(s, base)`: `base` 0 (auto-detect `0x`/`0o`/`0b`, decimal otherwise, no
/// leading zeros on non-zero values) or 2..=36; surrounding whitespace, sign,
/// PEP 515 underscores, any-script decimal digits. `Err(())` is the `ValueError`
/// (see [`parse_int_error`]); an invalid base also gives `Err(())`.
#[allow(clippy::result_unit_err)]
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ()> {
    parse_int_digits(s, base).map(|(n, _)| n)
}

/// [`parse_int`] with CPython's messages and the digit limit for bases that are not
/// powers of two (`max_str_digits == 0` disables it).
pub fn parse_int_checked(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, TextError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(TextError::Value(
            "int() base must be >= 2 and <= 36, or 0".to_string(),
        ));
    }
    match parse_int_digits(s, base) {
        Ok((n, ndigits)) => {
            let pow2 = base != 0 && base.is_power_of_two();
            let effective_pow2 = pow2 || (base == 0 && is_prefixed_pow2(s));
            if !effective_pow2
                && max_str_digits > 0
                && ndigits > INT_STR_DIGITS_CHECK_THRESHOLD
                && ndigits > max_str_digits
            {
                return Err(TextError::Value(format!(
                    "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
                     value has {ndigits} digits; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(n)
        }
        Err(()) => Err(TextError::Value(parse_int_error(s, base))),
    }
}

fn is_prefixed_pow2(s: &str) -> bool {
    let t = s.trim_start_matches(is_number_space);
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    matches!(lower.as_deref(), Some("0x" | "0o" | "0b"))
}

/// `invalid literal for int() with base 10: 'x'` (the repr cut to 200 characters).
pub fn parse_int_error(s: &str, base: u32) -> String {
    let r: String = minipy_bytecode::repr::str_repr(s)
        .chars()
        .take(200)
        .collect();
    format!("invalid literal for int() with base {base}: {r}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Option<i64> {
        parse_int(s, base)
            .ok()
            .map(|n| i64::try_from(n).unwrap_or(i64::MIN))
    }

    #[test]
    fn to_text() {
        let n = BigInt::from(-31);
        assert_eq!(int_to_prefixed(&n, 16), "-0x1f");
        assert_eq!(int_to_prefixed(&BigInt::from(5), 2), "0b101");
        assert_eq!(int_to_prefixed(&BigInt::from(0), 8), "0o0");
        assert_eq!(int_to_base(&n, 10), "-31");
        let big = BigInt::from(10).pow(4300);
        assert!(int_to_decimal_checked(&big, 4300).is_err());
        assert!(int_to_decimal_checked(&(big - 1), 4300).is_ok());
    }

    #[test]
    fn parsing() {
        let good: &[(&str, u32, i64)] = &[
            ("10", 10, 10),
            ("  -10\n", 10, -10),
            ("+1_000", 10, 1000),
            ("0x1f", 0, 31),
            ("0X1F", 16, 31),
            ("0b1", 16, 0xb1),
            ("0o17", 0, 15),
            ("0b_101", 0, 5),
            ("0_0", 0, 0),
            ("00", 0, 0),
            ("-0", 0, 0),
            ("010", 10, 10),
            ("z", 36, 35),
            ("\u{663}\u{662}", 10, 32),
            ("\u{3000}7\u{85}", 0, 7),
            ("1_2_3", 8, 83),
        ];
        for &(s, b, want) in good {
            assert_eq!(p(s, b), Some(want), "int({s:?}, {b})");
        }
        let bad: &[(&str, u32)] = &[
            ("010", 0),
            ("0_7", 0),
            ("", 10),
            ("  ", 10),
            ("1__0", 10),
            ("_1", 10),
            ("1_", 10),
            ("0x", 16),
            ("0x_", 0),
            ("0_x1", 0),
            ("- 5", 10),
            ("12", 2),
            ("1.5", 10),
            ("\x1c5", 10),
            ("5", 1),
            ("5", 37),
            ("0x__1", 0),
            ("é", 10),
        ];
        for &(s, b) in bad {
            assert_eq!(p(s, b), None, "int({s:?}, {b})");
        }
        assert_eq!(
            parse_int_error("010", 0),
            "invalid literal for int() with base 0: '010'"
        );
        let long = "1".repeat(5000);
        let err = parse_int_checked(&long, 10, INT_MAX_STR_DIGITS).unwrap_err();
        assert_eq!(err.message(), "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
        assert!(parse_int_checked(&long, 16, INT_MAX_STR_DIGITS).is_ok());
        assert!(parse_int_checked(&format!("0x{long}"), 0, INT_MAX_STR_DIGITS).is_ok());
        assert_eq!(
            parse_int_checked("1", 40, 0).unwrap_err().message(),
            "int() base must be >= 2 and <= 36, or 0"
        );
    }
}
