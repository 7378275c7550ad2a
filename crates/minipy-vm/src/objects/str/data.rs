//! A `str` object's data: its UTF-8 text, and for a non-ASCII string
//! PEP 393's view of it — the *kind* (the width that holds its widest code
//! point: latin-1, UCS-2 or UCS-4, CPython's `PyUnicode_KIND`) and, built
//! on the first access by index, the code points at that width, so that
//! `s[i]` and `s[a:b]` cost O(1) and O(b - a) whatever the string holds.
//!
//! ```text
//!   StrData (32 bytes, in the object)        Wide (boxed, non-ASCII only)
//!   +----------------------------+           +------------------------+
//!   | s: Box<str>   UTF-8 text   |    +----> | char_len: usize        |
//!   | wide: Option<Box<Wide>> ---+----+      | kind: Kind             |
//!   | hash: Cell<i64>  (-1: not  |           | units: OnceCell<Units> |
//!   |        computed yet)       |           |  (Latin1 | Ucs2 | Ucs4)|
//!   +----------------------------+           +------------------------+
//! ```
//!
//! Invariants: `wide` is None iff `s` is ASCII (then the code points are
//! `s`'s bytes, CPython's compact ASCII); otherwise `char_len` counts
//! `s`'s code points, `kind` is the width of the widest, and `units`,
//! once set, holds exactly those code points. Whoever changes `s` (only
//! `str::append`, on a string nothing else references) keeps them.
//!
//! Where minipy differs still: the UTF-8 text is the primary form (CPython
//! keeps the kind-width data and makes UTF-8 on demand), so a str cannot
//! hold a lone surrogate (`'\ud800'`) yet.

use std::cell::{Cell, OnceCell};
use std::collections::TryReserveError;

/// PEP 393's kinds: the width of a string's code points.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    Ascii,
    Latin1,
    Ucs2,
    Ucs4,
}

impl Kind {
    /// The kind that holds code point `c`.
    pub fn of_char(c: char) -> Kind {
        match c as u32 {
            0..=0x7f => Kind::Ascii,
            0x80..=0xff => Kind::Latin1,
            0x100..=0xffff => Kind::Ucs2,
            _ => Kind::Ucs4,
        }
    }
}

/// The code points of a non-ASCII string at its kind's width.
pub enum Units {
    Latin1(Box<[u8]>),
    Ucs2(Box<[u16]>),
    Ucs4(Box<[u32]>),
}

impl Units {
    /// The code point at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<char> {
        let c = match self {
            Units::Latin1(u) => *u.get(i)? as u32,
            Units::Ucs2(u) => *u.get(i)? as u32,
            Units::Ucs4(u) => *u.get(i)?,
        };
        // Built from a `str`'s chars (invariant above): always a char.
        char::from_u32(c)
    }
}

/// A non-ASCII string's length, kind and (lazily) code points.
pub struct Wide {
    char_len: usize,
    kind: Kind,
    units: OnceCell<Units>,
}

/// A `str` object's data (see the module comment).
pub struct StrData {
    pub s: Box<str>,
    wide: Option<Box<Wide>>,
    /// Cached hash; `-1` when not computed yet.
    pub hash: Cell<i64>,
}

fn scan(s: &str) -> Option<Box<Wide>> {
    if s.is_ascii() {
        return None;
    }
    let (mut n, mut max) = (0, 0u32);
    for c in s.chars() {
        n += 1;
        max = max.max(c as u32);
    }
    Some(Box::new(Wide {
        char_len: n,
        kind: Kind::of_char(char::from_u32(max).unwrap_or('\u{10ffff}')),
        units: OnceCell::new(),
    }))
}

fn collect<T>(s: &str, n: usize, f: impl Fn(char) -> T) -> Result<Box<[T]>, TryReserveError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)?;
    v.extend(s.chars().map(f));
    Ok(v.into_boxed_slice())
}

impl StrData {
    pub fn new(s: Box<str>) -> StrData {
        let wide = scan(&s);
        StrData {
            s,
            wide,
            hash: Cell::new(-1),
        }
    }

    /// Compact ASCII (every code point below 128).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.wide.is_none()
    }

    /// Number of code points (Python's `len`).
    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.wide {
            None => self.s.len(),
            Some(w) => w.char_len,
        }
    }

    /// PEP 393's kind of the string.
    pub fn kind(&self) -> Kind {
        self.wide.as_ref().map_or(Kind::Ascii, |w| w.kind)
    }

    /// The code points of a non-ASCII string at its kind's width, built on
    /// the first call (None for an ASCII string: its bytes are its code
    /// points); `Err` when that buffer cannot be allocated.
    pub fn units(&self) -> Result<Option<&Units>, TryReserveError> {
        let Some(w) = &self.wide else {
            return Ok(None);
        };
        if let Some(u) = w.units.get() {
            return Ok(Some(u));
        }
        let n = w.char_len;
        let u = match w.kind {
            Kind::Ascii | Kind::Latin1 => Units::Latin1(collect(&self.s, n, |c| c as u8)?),
            Kind::Ucs2 => Units::Ucs2(collect(&self.s, n, |c| c as u16)?),
            Kind::Ucs4 => Units::Ucs4(collect(&self.s, n, |c| c as u32)?),
        };
        Ok(Some(w.units.get_or_init(|| u)))
    }

    /// Appends `tail` (the only mutation of a str's text: `str::append`,
    /// on a string nothing else references). Its length and kind are
    /// updated in O(1); the code-point buffer and hash are dropped, to be
    /// rebuilt when next asked for. `Err` (text unchanged) when the text's
    /// buffer cannot grow.
    pub fn push(&mut self, tail: &StrData) -> Result<(), TryReserveError> {
        let mut s = String::from(std::mem::take(&mut self.s));
        let grown = s.try_reserve_exact(tail.s.len());
        if grown.is_ok() {
            s.push_str(&tail.s);
        }
        self.s = s.into_boxed_str();
        grown?;
        self.hash.set(-1);
        let len = self.char_len();
        match &mut self.wide {
            Some(w) => {
                w.char_len += tail.char_len();
                w.kind = w.kind.max(tail.kind());
                w.units = OnceCell::new();
            }
            None if tail.wide.is_some() => {
                self.wide = Some(Box::new(Wide {
                    char_len: len + tail.char_len(),
                    kind: tail.kind(),
                    units: OnceCell::new(),
                }));
            }
            None => {}
        }
        Ok(())
    }
}
