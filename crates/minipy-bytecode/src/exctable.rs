//! CPython 3.11's exception table (`co_exceptiontable`, see CPython's
//! `Objects/exception_handling_notes.txt`).
//!
//! Each entry is four numbers — `start`, `size`, `target`, `depth_lasti =
//! depth << 1 | lasti` — all in code units. Each number is written as a
//! varint of 6-bit groups, most significant group first, bit 6 (0x40)
//! meaning "more follows". Bit 7 (0x80) marks the first byte of an entry.
//! Entries are sorted by `start` and do not overlap.

/// One protected range: an exception raised by an instruction in
/// `start..end` pops the value stack to `depth`, pushes the offset of the
/// raising instruction if `lasti`, pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First code unit covered.
    pub start: u32,
    /// One past the last code unit covered.
    pub end: u32,
    /// Code unit of the handler.
    pub target: u32,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Whether the handler expects the raising instruction's offset pushed.
    pub lasti: bool,
}

const CONTINUATION: u8 = 0x40;
const ENTRY_START: u8 = 0x80;

fn write_item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    let value = value & ((1 << 30) - 1);
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | CONTINUATION | msb);
            msb = 0;
        }
    }
    out.push(((value & 0x3f) as u8) | msb);
}

/// Encodes entries exactly as CPython 3.11's assembler does.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 4);
    for e in entries {
        write_item(&mut out, e.start, ENTRY_START);
        write_item(&mut out, e.end.saturating_sub(e.start), 0);
        write_item(&mut out, e.target, 0);
        write_item(&mut out, (e.depth << 1) | e.lasti as u32, 0);
    }
    out
}

/// Reads one varint at `*pos`; `None` at the end of the table.
fn read_item(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val = (b & 0x3f) as u32;
    while b & CONTINUATION != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = (val << 6) | (b & 0x3f) as u32;
    }
    Some(val)
}

fn read_entry(table: &[u8], pos: &mut usize) -> Option<ExceptionTableEntry> {
    let start = read_item(table, pos)?;
    let size = read_item(table, pos)?;
    let target = read_item(table, pos)?;
    let dl = read_item(table, pos)?;
    Some(ExceptionTableEntry {
        start,
        end: start.saturating_add(size),
        target,
        depth: dl >> 1,
        lasti: dl & 1 != 0,
    })
}

/// An iterator over the entries of a table (stops at a truncated entry).
#[derive(Clone, Debug)]
pub struct Entries<'a> {
    table: &'a [u8],
    pos: usize,
}

impl<'a> Entries<'a> {
    pub fn new(table: &'a [u8]) -> Self {
        Entries { table, pos: 0 }
    }
}

impl Iterator for Entries<'_> {
    type Item = ExceptionTableEntry;

    fn next(&mut self) -> Option<ExceptionTableEntry> {
        read_entry(self.table, &mut self.pos)
    }
}

/// Decodes a whole table.
pub fn decode(table: &[u8]) -> Vec<ExceptionTableEntry> {
    Entries::new(table).collect()
}

/// The handler covering the instruction at code unit `unit_index`, if any
/// (`get_exception_handler` in ceval.c). Scans without allocating.
pub fn find_handler(table: &[u8], unit_index: u32) -> Option<ExceptionTableEntry> {
    let mut pos = 0;
    while pos < table.len() {
        let start = read_item(table, &mut pos)?;
        if start > unit_index {
            return None;
        }
        let size = read_item(table, &mut pos)?;
        if start.saturating_add(size) > unit_index {
            let target = read_item(table, &mut pos)?;
            let dl = read_item(table, &mut pos)?;
            return Some(ExceptionTableEntry {
                start,
                end: start.saturating_add(size),
                target,
                depth: dl >> 1,
                lasti: dl & 1 != 0,
            });
        }
        // Skip to the next entry start.
        while pos < table.len() && table[pos] & ENTRY_START == 0 {
            pos += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests;
