//! Pure text algorithms with CPython 3.11's exact results, over plain Rust values
//! (no Python objects): float/int formatting and parsing, the format-spec
//! mini-language, printf-style `%` formatting and `str` method semantics.
//! The VM wraps these into Python objects and exceptions; this crate
//! depends on no part of it.
#![forbid(unsafe_code)]

pub mod float_format;
pub mod format_spec;
pub mod int_format;
pub mod percent_format;
pub mod str_methods;
pub mod unicode;
#[rustfmt::skip]
pub mod unicode_tables;

use std::fmt;

/// An error with the Python exception type it must be raised as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// `TypeError(msg)`.
    Type(String),
    /// `ValueError(msg)`.
    Value(String),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `MemoryError()`: a result too large to allocate.
    Memory,
}

impl TextError {
    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            TextError::Type(m) | TextError::Value(m) | TextError::Overflow(m) => m,
            TextError::Memory => "",
        }
    }

    /// The Python exception type name (`"TypeError"`, `"ValueError"`, `"OverflowError"`).
    pub fn type_name(&self) -> &'static str {
        match self {
            TextError::Type(_) => "TypeError",
            TextError::Value(_) => "ValueError",
            TextError::Overflow(_) => "OverflowError",
            TextError::Memory => "MemoryError",
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

pub(crate) fn value_error(msg: impl Into<String>) -> TextError {
    TextError::Value(msg.into())
}

/// An empty `String` with room for `n` bytes, or `TextError::Memory` when the
/// allocator refuses (CPython's `PyErr_NoMemory` for an oversized result).
pub(crate) fn string_with_capacity(n: usize) -> Result<String, TextError> {
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| TextError::Memory)?;
    Ok(s)
}

/// `n * size` bytes for `n` characters of `size` bytes, `TextError::Memory` on overflow.
pub(crate) fn chars_size(n: usize, size: usize) -> Result<usize, TextError> {
    n.checked_mul(size)
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or(TextError::Memory)
}

pub(crate) fn type_error(msg: impl Into<String>) -> TextError {
    TextError::Type(msg.into())
}
