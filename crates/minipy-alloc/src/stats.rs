//! Statistics over the allocator state and the `sys._debugmallocstats()`
//! report (allocator section of CPython 3.11's `_PyObject_DebugMallocStats`).

use std::fmt::Write;

use crate::arena::{State, ARENA_SIZE};
use crate::pool::{
    blocks_per_pool, class_size, PoolHeader, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE,
    POOL_SIZE_MASK, SMALL_REQUEST_THRESHOLD,
};

/// Per size class numbers (one row of the report's table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Pools of this class holding at least one block (used or full).
    pub num_pools: usize,
    /// Allocated blocks.
    pub blocks_in_use: usize,
    /// Free blocks in those pools (including never-carved ones).
    pub avail_blocks: usize,
}

/// Snapshot of the (process-wide) allocator.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Indexed by size class (block size `16 * (i + 1)`).
    pub classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    pub arenas_allocated_total: usize,
    pub arenas_reclaimed: usize,
    pub arenas_highwater_mark: usize,
    pub arenas_allocated_current: usize,
    pub bytes_in_allocated_blocks: usize,
    pub bytes_in_available_blocks: usize,
    /// Empty or never-carved pools in live arenas.
    pub unused_pools: usize,
    pub bytes_lost_to_pool_headers: usize,
    pub bytes_lost_to_quantization: usize,
    /// Always 0: arenas are requested `POOL_SIZE`-aligned.
    pub bytes_lost_to_arena_alignment: usize,
    /// Blocks of more than 512 bytes (or over-aligned) served by the system
    /// allocator (not part of CPython's report).
    pub large_blocks_in_use: usize,
    /// Bytes in those blocks.
    pub large_bytes_in_use: usize,
}

impl Stats {
    /// Allocated small blocks, all classes.
    pub fn small_blocks_in_use(&self) -> usize {
        self.classes.iter().map(|c| c.blocks_in_use).sum()
    }
}

/// Walks every pool of every live arena (as `_PyObject_DebugMallocStats`).
/// Runs under the allocator lock, so it must not allocate. The large-block
/// counters are filled in by the caller.
pub fn collect(state: &State) -> Stats {
    let mut s = Stats::default();
    let mut narenas = 0;
    let mut numfreepools = 0;
    for ao in state.arenas.iter() {
        if ao.address.is_null() {
            continue;
        }
        narenas += 1;
        numfreepools += ao.nfreepools as usize;
        debug_assert_eq!(ao.address as usize & POOL_SIZE_MASK, 0);
        let mut base = ao.address;
        while base < ao.pool_address {
            let p = base.cast::<PoolHeader>();
            // SAFETY: every pool below `pool_address` of a live arena has been
            // carved, so its header was initialised and the memory is live.
            let (count, szidx) = unsafe { ((*p).count as usize, (*p).szidx as usize) };
            base = base.wrapping_add(POOL_SIZE);
            if count == 0 {
                continue;
            }
            let c = &mut s.classes[szidx];
            c.num_pools += 1;
            c.blocks_in_use += count;
            c.avail_blocks += blocks_per_pool(szidx) - count;
        }
    }
    for (i, c) in s.classes.iter().enumerate() {
        let size = class_size(i);
        s.bytes_in_allocated_blocks += c.blocks_in_use * size;
        s.bytes_in_available_blocks += c.avail_blocks * size;
        s.bytes_lost_to_pool_headers += c.num_pools * POOL_OVERHEAD;
        s.bytes_lost_to_quantization += c.num_pools * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    s.arenas_allocated_total = state.ntimes_arena_allocated;
    s.arenas_reclaimed = state.ntimes_arena_allocated - narenas;
    s.arenas_highwater_mark = state.narenas_highwater;
    s.arenas_allocated_current = narenas;
    s.unused_pools = numfreepools;
    s
}

/// One line of `sys._debugmallocstats()` for a freelist or other pool of
/// fixed-size blocks (CPython's `_PyDebugAllocatorStats`): e.g.
/// `100 free PyFloatObjects * 24 bytes each = 2,400`.
pub fn debug_allocator_stats(
    out: &mut String,
    block_name: &str,
    num_blocks: usize,
    sizeof_block: usize,
) {
    let msg = format!(
        "{:>48} ",
        format!(
            "{} {}s * {} bytes each",
            num_blocks, block_name, sizeof_block
        )
    );
    printone(out, &msg, num_blocks * sizeof_block);
}

/// One `msg = value` line: message padded to 35 columns, `=`, then the value
/// with thousands separators right-aligned in 21 columns (CPython's `printone`).
fn printone(out: &mut String, msg: &str, value: usize) -> usize {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let _ = writeln!(out, "{msg:<35}={grouped:>21}");
    value
}

/// The allocator section of CPython 3.11's `sys._debugmallocstats()` report.
pub fn report(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes.\n"
    );
    out.push_str("class   size   num pools   blocks in use  avail blocks\n");
    out.push_str("-----   ----   ---------   -------------  ------------\n");
    for (i, c) in s.classes.iter().enumerate() {
        if c.num_pools == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "{:5} {:6} {:11} {:15} {:13}",
            i,
            class_size(i),
            c.num_pools,
            c.blocks_in_use,
            c.avail_blocks
        );
    }
    out.push('\n');
    printone(
        &mut out,
        "# arenas allocated total",
        s.arenas_allocated_total,
    );
    printone(&mut out, "# arenas reclaimed", s.arenas_reclaimed);
    printone(&mut out, "# arenas highwater mark", s.arenas_highwater_mark);
    printone(
        &mut out,
        "# arenas allocated current",
        s.arenas_allocated_current,
    );
    let msg = format!(
        "{} arenas * {} bytes/arena",
        s.arenas_allocated_current, ARENA_SIZE
    );
    printone(&mut out, &msg, s.arenas_allocated_current * ARENA_SIZE);
    out.push('\n');
    let mut total = printone(
        &mut out,
        "# bytes in allocated blocks",
        s.bytes_in_allocated_blocks,
    );
    total += printone(
        &mut out,
        "# bytes in available blocks",
        s.bytes_in_available_blocks,
    );
    let msg = format!("{} unused pools * {} bytes", s.unused_pools, POOL_SIZE);
    total += printone(&mut out, &msg, s.unused_pools * POOL_SIZE);
    total += printone(
        &mut out,
        "# bytes lost to pool headers",
        s.bytes_lost_to_pool_headers,
    );
    total += printone(
        &mut out,
        "# bytes lost to quantization",
        s.bytes_lost_to_quantization,
    );
    total += printone(
        &mut out,
        "# bytes lost to arena alignment",
        s.bytes_lost_to_arena_alignment,
    );
    printone(&mut out, "Total", total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printone_layout() {
        let mut s = String::new();
        printone(&mut s, "# arenas allocated total", 4);
        printone(&mut s, "4 arenas * 1048576 bytes/arena", 4_194_304);
        assert_eq!(
            s,
            "# arenas allocated total           =                    4\n\
             4 arenas * 1048576 bytes/arena     =            4,194,304\n"
        );
    }
}
