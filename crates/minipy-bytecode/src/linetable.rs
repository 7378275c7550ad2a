//! CPython 3.11's location table (`co_linetable`, see CPython's
//! `Objects/locations.md` / `lnotab_notes.txt`).
//!
//! The table is a sequence of entries, each covering 1–8 code units. The first
//! byte of an entry has its top bit set, a 4-bit *code* and the length - 1:
//!
//! ```text
//!   7   6 5 4 3   2 1 0
//!  +---+---------+-----+
//!  | 1 |  code   | len-1
//!  +---+---------+-----+
//! ```
//!
//! | code  | form       | payload                                               |
//! |-------|------------|-------------------------------------------------------|
//! | 0–9   | short      | 1 byte: `(col & 7) << 4 \| (end_col - col)`; col = code*8 + … ; same line |
//! | 10–12 | one line   | line delta = code - 10; 1 byte col, 1 byte end col   |
//! | 13    | no columns | signed varint line delta                              |
//! | 14    | long       | signed varint line delta, varint end-line delta, varint col+1, varint end_col+1 |
//! | 15    | none       | no location at all                                    |
//!
//! Varints are little-endian groups of 6 bits, bit 6 (0x40) meaning "more
//! follows"; signed varints store `(|v| << 1) | sign`. Line deltas are
//! relative to the line of the previous entry that had one (initially
//! `co_firstlineno`).

use crate::code::CodeObject;

/// A source location of an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line; -1 when unknown.
    pub line: i32,
    /// Last line of the span; -1 when unknown.
    pub end_line: i32,
    /// 0-based UTF-8 column offset; -1 when unknown.
    pub col: i32,
    /// End column (exclusive); -1 when unknown.
    pub end_col: i32,
}

impl Location {
    /// A location with only a line number.
    pub const fn line_only(line: i32) -> Location {
        Location {
            line,
            end_line: line,
            col: -1,
            end_col: -1,
        }
    }
}

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn first_byte(&mut self, code: u8, length: u32) {
        self.out.push(0x80 | (code << 3) | ((length - 1) as u8 & 7));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.out.push(0x40 | (val & 63) as u8);
            val >>= 6;
        }
        self.out.push(val as u8);
    }

    fn signed_varint(&mut self, val: i32) {
        let v = if val < 0 {
            ((val.unsigned_abs()) << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(v);
    }
}

/// Encodes a location table, choosing the same entry forms as CPython 3.11's
/// assembler (`write_location_info_entry`), so equal input gives equal bytes.
///
/// `entries` are consecutive instruction spans: `(length in code units, location)`.
/// `None` (or a location with `line < 0`) means "no location".
pub fn encode(firstlineno: i32, entries: &[(u32, Option<Location>)]) -> Vec<u8> {
    let mut w = Writer { out: Vec::new() };
    let mut lineno = firstlineno;
    for &(len, loc) in entries {
        let mut remaining = len;
        while remaining > 8 {
            write_entry(&mut w, &mut lineno, loc, 8);
            remaining -= 8;
        }
        if remaining > 0 {
            write_entry(&mut w, &mut lineno, loc, remaining);
        }
    }
    w.out
}

fn write_entry(w: &mut Writer, lineno: &mut i32, loc: Option<Location>, length: u32) {
    let loc = match loc {
        Some(l) if l.line >= 0 => l,
        _ => {
            w.first_byte(NONE, length);
            return;
        }
    };
    let line_delta = loc.line.wrapping_sub(*lineno);
    let (column, end_column) = (loc.col, loc.end_col);
    if column < 0 || end_column < 0 {
        if loc.end_line == loc.line || loc.end_line == -1 {
            w.first_byte(NO_COLUMNS, length);
            w.signed_varint(line_delta);
            *lineno = loc.line;
            return;
        }
    } else if loc.end_line == loc.line {
        if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
            w.first_byte(SHORT0 + (column >> 3) as u8, length);
            w.out
                .push((((column & 7) << 4) | (end_column - column)) as u8);
            return;
        }
        if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
            w.first_byte(ONE_LINE0 + line_delta as u8, length);
            w.out.push(column as u8);
            w.out.push(end_column as u8);
            *lineno = loc.line;
            return;
        }
    }
    w.first_byte(LONG, length);
    w.signed_varint(line_delta);
    w.varint(loc.end_line.wrapping_sub(loc.line).max(0) as u32);
    w.varint((column.wrapping_add(1)).max(0) as u32);
    w.varint((end_column.wrapping_add(1)).max(0) as u32);
    *lineno = loc.line;
}

/// An iterator over the entries of a location table, yielding
/// `(start unit, end unit, location)`; never allocates, never panics
/// (a truncated table simply ends the iteration).
#[derive(Clone, Debug)]
pub struct Entries<'a> {
    table: &'a [u8],
    pos: usize,
    unit: u32,
    computed_line: i32,
}

impl<'a> Entries<'a> {
    /// Iterates the table of a code whose first line is `firstlineno`.
    pub fn new(firstlineno: i32, table: &'a [u8]) -> Self {
        Entries {
            table,
            pos: 0,
            unit: 0,
            computed_line: firstlineno,
        }
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut val = (b & 63) as u32;
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift >= 32 {
                return None;
            }
            val |= ((b & 63) as u32) << shift;
        }
        Some(val)
    }

    fn signed_varint(&mut self) -> Option<i32> {
        let uval = self.varint()?;
        let mag = (uval >> 1) as i32;
        Some(if uval & 1 != 0 {
            mag.wrapping_neg()
        } else {
            mag
        })
    }
}

impl Iterator for Entries<'_> {
    type Item = (u32, u32, Option<Location>);

    fn next(&mut self) -> Option<Self::Item> {
        let first = self.byte()?;
        let code = (first >> 3) & 15;
        let start = self.unit;
        let end = start + (first & 7) as u32 + 1;
        self.unit = end;
        let loc = match code {
            NONE => None,
            LONG => {
                let delta = self.signed_varint()?;
                self.computed_line = self.computed_line.wrapping_add(delta);
                let line = self.computed_line;
                let end_line = line.wrapping_add(self.varint()? as i32);
                let col = self.varint()? as i32 - 1;
                let end_col = self.varint()? as i32 - 1;
                Some(Location {
                    line,
                    end_line,
                    col,
                    end_col,
                })
            }
            NO_COLUMNS => {
                let delta = self.signed_varint()?;
                self.computed_line = self.computed_line.wrapping_add(delta);
                Some(Location::line_only(self.computed_line))
            }
            10..=12 => {
                self.computed_line = self.computed_line.wrapping_add((code - ONE_LINE0) as i32);
                let col = self.byte()? as i32;
                let end_col = self.byte()? as i32;
                Some(Location {
                    line: self.computed_line,
                    end_line: self.computed_line,
                    col,
                    end_col,
                })
            }
            _ => {
                let second = self.byte()? as i32;
                let col = ((code as i32) << 3) | (second >> 4);
                Some(Location {
                    line: self.computed_line,
                    end_line: self.computed_line,
                    col,
                    end_col: col + (second & 15),
                })
            }
        };
        Some((start, end, loc))
    }
}

/// Decodes a whole location table into `(start unit, end unit, location)`.
pub fn decode(firstlineno: i32, table: &[u8]) -> Vec<(u32, u32, Option<Location>)> {
    Entries::new(firstlineno, table).collect()
}

/// A Python-level position tuple: `None` where CPython gives `None`.
pub type Position = (Option<i32>, Option<i32>, Option<i32>, Option<i32>);

fn opt(v: i32) -> Option<i32> {
    (v >= 0).then_some(v)
}

impl CodeObject {
    /// The entries of `co_linetable`.
    pub fn linetable_entries(&self) -> Entries<'_> {
        Entries::new(self.co_firstlineno as i32, &self.co_linetable)
    }

    /// The location of the instruction at code unit `unit_index`.
    pub fn location(&self, unit_index: usize) -> Option<Location> {
        let unit = u32::try_from(unit_index).ok()?;
        self.linetable_entries()
            .find(|&(start, end, _)| start <= unit && unit < end)
            .and_then(|(_, _, loc)| loc)
    }

    /// The line of the instruction at code unit `unit_index` (`PyCode_Addr2Line`).
    pub fn addr2line(&self, unit_index: usize) -> Option<i32> {
        self.location(unit_index).and_then(|l| opt(l.line))
    }

    /// `code.co_lines()`: `(start byte offset, end byte offset, line)`, one
    /// per table entry, exactly as CPython 3.11 yields them.
    pub fn co_lines(&self) -> Vec<(u32, u32, Option<i32>)> {
        self.linetable_entries()
            .map(|(s, e, loc)| (s * 2, e * 2, loc.and_then(|l| opt(l.line))))
            .collect()
    }

    /// `code.co_positions()`: one `(line, end_line, col, end_col)` per code unit.
    pub fn co_positions(&self) -> Vec<Position> {
        let mut out = Vec::with_capacity(self.co_code.len());
        for (s, e, loc) in self.linetable_entries() {
            let p = match loc {
                Some(l) => (opt(l.line), opt(l.end_line), opt(l.col), opt(l.end_col)),
                None => (None, None, None, None),
            };
            for _ in s..e {
                out.push(p);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
