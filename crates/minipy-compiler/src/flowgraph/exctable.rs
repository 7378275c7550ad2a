//! Temporary stand-in for `minipy_bytecode::exctable::encode` (3.11 format).

pub(crate) struct Entry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

fn item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | 64 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

pub(crate) fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        item(&mut out, e.start, 128);
        item(&mut out, e.end - e.start, 0);
        item(&mut out, e.target, 0);
        item(&mut out, (e.depth << 1) | u32::from(e.lasti), 0);
    }
    out
}
