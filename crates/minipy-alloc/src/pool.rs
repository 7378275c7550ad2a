//! Size classes, the pool header and the block-level operations of a pool.
//!
//! A pool is one `POOL_SIZE` (16 KiB) page of an arena, aligned on
//! `POOL_SIZE`, whose first `POOL_OVERHEAD` bytes hold a [`PoolHeader`] and
//! whose remaining bytes are carved into blocks of one size class.

use std::mem::size_of;
use std::ptr;

/// Every block is aligned (and sized) on this many bytes.
pub const ALIGNMENT: usize = 16;
/// `log2(ALIGNMENT)`.
pub const ALIGNMENT_SHIFT: u32 = 4;
/// Requests of at most this many bytes are served from pools.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: 16, 32, ..., 512.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Size of a pool (CPython's `USE_LARGE_POOLS` setting on 64-bit).
pub const POOL_SIZE: usize = 16 * 1024;
/// Mask selecting the offset of an address inside its pool.
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;
/// Bytes at the start of each pool used by the header (rounded up to `ALIGNMENT`).
pub const POOL_OVERHEAD: usize = (size_of::<PoolHeader>() + ALIGNMENT - 1) & !(ALIGNMENT - 1);
/// `szidx` of a freshly carved pool that never served any class.
pub const DUMMY_SIZE_IDX: u32 = 0xffff;

/// Size class index of a request of `nbytes` (1..=512) bytes.
#[inline]
pub const fn size_class(nbytes: usize) -> usize {
    (nbytes - 1) >> ALIGNMENT_SHIFT
}

/// Block size of size class `idx` (CPython's `INDEX2SIZE`).
#[inline]
pub const fn class_size(idx: usize) -> usize {
    (idx + 1) << ALIGNMENT_SHIFT
}

/// Blocks a pool of class `idx` holds (CPython's `NUMBLOCKS`).
#[inline]
pub const fn blocks_per_pool(idx: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / class_size(idx)
}

/// Header at the start of every pool (CPython's `struct pool_header`).
#[repr(C)]
pub struct PoolHeader {
    /// Number of allocated blocks in the pool (`ref.count`).
    pub count: u32,
    /// Head of the singly linked list of free blocks (linked through each
    /// free block's first word); null when the pool is full.
    pub freeblock: *mut u8,
    /// Next pool in the class's used list, or in the arena's free list.
    pub nextpool: *mut PoolHeader,
    /// Previous pool in the class's used list (null at the head).
    pub prevpool: *mut PoolHeader,
    /// Index of the owning arena in the arena table.
    pub arenaindex: u32,
    /// Size class of the blocks, or `DUMMY_SIZE_IDX`.
    pub szidx: u32,
    /// Offset of the next never-used block.
    pub nextoffset: u32,
    /// Largest valid `nextoffset`.
    pub maxnextoffset: u32,
}

const _: () = assert!(POOL_OVERHEAD == 48);
const _: () = assert!(POOL_OVERHEAD <= POOL_SIZE);

/// The header of the pool containing `p` (CPython's `POOL_ADDR`).
///
/// Pure address arithmetic (provenance is kept); dereferencing the result is
/// only valid when `p` lies in a live pool.
#[inline]
pub fn pool_addr(p: *mut u8) -> *mut PoolHeader {
    p.wrapping_sub(p as usize & POOL_SIZE_MASK).cast()
}

/// Reads the "next free block" link stored in a free block.
///
/// # Safety
/// `bp` must be a free block (at least 16 bytes, 16-aligned) of a live pool.
#[inline]
unsafe fn next_free(bp: *mut u8) -> *mut u8 {
    // SAFETY: blocks are ALIGNMENT-aligned and at least ALIGNMENT bytes, so a
    // pointer-sized aligned read is in bounds; free blocks always hold a link.
    unsafe { ptr::read(bp.cast::<*mut u8>()) }
}

/// Writes the "next free block" link into a free block.
///
/// # Safety
/// As [`next_free`]; the block must not be in use by the caller's client.
#[inline]
unsafe fn set_next_free(bp: *mut u8, next: *mut u8) {
    // SAFETY: see `next_free`; the block is owned by the allocator.
    unsafe { ptr::write(bp.cast::<*mut u8>(), next) }
}

/// Initialises `pool` (never used before, or empty) for class `szidx` and
/// returns its first block, or reuses the free list of an empty pool of the
/// same class.
///
/// # Safety
/// `pool` must be the aligned start of a pool inside a live arena, with no
/// allocated block (`count == 0`), not linked in any list.
pub unsafe fn init_pool(pool: *mut PoolHeader, szidx: usize) -> *mut u8 {
    // SAFETY: the caller guarantees `pool` is a writable, unshared pool header.
    let h = unsafe { &mut *pool };
    h.count = 1;
    if h.szidx as usize == szidx {
        // Empty pool reused for its old class: its free list still threads
        // every block that was ever carved.
        let bp = h.freeblock;
        // SAFETY: a pool with `count == 0` that served class `szidx` has at
        // least one free block on its list (it held at least one).
        h.freeblock = unsafe { next_free(bp) };
        return bp;
    }
    let size = class_size(szidx);
    h.szidx = szidx as u32;
    let base = pool.cast::<u8>();
    let bp = base.wrapping_add(POOL_OVERHEAD);
    h.nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
    h.maxnextoffset = (POOL_SIZE - size) as u32;
    h.freeblock = bp.wrapping_add(size);
    // SAFETY: POOL_OVERHEAD + 2 * size <= POOL_SIZE for every class (512 * 2 +
    // 48 < 16384), so the second block lies inside the pool.
    unsafe { set_next_free(h.freeblock, ptr::null_mut()) };
    bp
}

/// Takes one block from a used pool (its free list is non-empty). Returns the
/// block and whether the pool became full.
///
/// # Safety
/// `pool` must be a live pool header in a used list (`freeblock` non-null).
pub unsafe fn take_block(pool: *mut PoolHeader) -> (*mut u8, bool) {
    // SAFETY: caller guarantees a live pool header.
    let h = unsafe { &mut *pool };
    let bp = h.freeblock;
    h.count += 1;
    // SAFETY: `bp` is the head of the pool's free list, hence a free block.
    h.freeblock = unsafe { next_free(bp) };
    if !h.freeblock.is_null() {
        return (bp, false);
    }
    // Free list exhausted: carve the next never-used block if any.
    if h.nextoffset <= h.maxnextoffset {
        let nb = pool.cast::<u8>().wrapping_add(h.nextoffset as usize);
        h.nextoffset += class_size(h.szidx as usize) as u32;
        h.freeblock = nb;
        // SAFETY: nextoffset <= POOL_SIZE - size, so the block is in the pool
        // and has never been handed out.
        unsafe { set_next_free(nb, ptr::null_mut()) };
        return (bp, false);
    }
    (bp, true)
}

/// Returns block `p` to its pool's free list. Returns `(was_full, now_empty)`.
///
/// # Safety
/// `p` must be a block of the live pool `pool`, currently allocated.
pub unsafe fn put_block(pool: *mut PoolHeader, p: *mut u8) -> (bool, bool) {
    // SAFETY: caller guarantees a live pool header.
    let h = unsafe { &mut *pool };
    let last = h.freeblock;
    // SAFETY: `p` is an allocated block being returned; it is now ours.
    unsafe { set_next_free(p, last) };
    h.freeblock = p;
    h.count -= 1;
    (last.is_null(), h.count == 0)
}

/// Per-class lists of used pools (pools with both allocated and free blocks),
/// CPython's `usedpools`; doubly linked, null-terminated.
pub struct UsedPools {
    heads: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
}

impl UsedPools {
    pub const fn new() -> Self {
        UsedPools {
            heads: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
        }
    }

    /// First used pool of class `idx`, or null.
    #[inline]
    pub fn head(&self, idx: usize) -> *mut PoolHeader {
        self.heads[idx]
    }

    /// Links `pool` at the front of class `idx`'s list.
    ///
    /// # Safety
    /// `pool` must be a live pool header not linked in any list.
    pub unsafe fn push_front(&mut self, idx: usize, pool: *mut PoolHeader) {
        let next = self.heads[idx];
        // SAFETY: `pool` is live and unlinked; `next` is null or a live pool
        // of the list (list members are live: pools leave it before their
        // arena is released).
        unsafe {
            (*pool).nextpool = next;
            (*pool).prevpool = ptr::null_mut();
            if !next.is_null() {
                (*next).prevpool = pool;
            }
        }
        self.heads[idx] = pool;
    }

    /// Unlinks `pool` from class `idx`'s list.
    ///
    /// # Safety
    /// `pool` must currently be linked in class `idx`'s list.
    pub unsafe fn unlink(&mut self, idx: usize, pool: *mut PoolHeader) {
        // SAFETY: `pool` and its neighbours are live members of the list.
        unsafe {
            let (prev, next) = ((*pool).prevpool, (*pool).nextpool);
            if prev.is_null() {
                self.heads[idx] = next;
            } else {
                (*prev).nextpool = next;
            }
            if !next.is_null() {
                (*next).prevpool = prev;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_class_mapping() {
        assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
        assert_eq!(size_class(1), 0);
        assert_eq!(size_class(16), 0);
        assert_eq!(size_class(17), 1);
        assert_eq!(size_class(512), 31);
        for n in 1..=SMALL_REQUEST_THRESHOLD {
            let c = size_class(n);
            assert!(class_size(c) >= n && class_size(c) - n < ALIGNMENT);
        }
        // CPython 3.11 numbers: 1021 blocks of 16 bytes, 31 of 512.
        assert_eq!(blocks_per_pool(0), 1021);
        assert_eq!(blocks_per_pool(31), 31);
    }
}
