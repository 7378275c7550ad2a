//! The allocator of minipy's object heap: a pymalloc-style small-object
//! allocator following CPython 3.11's `Objects/obmalloc.c`.
//!
//! Every Python object is allocated and freed through [`alloc`] and
//! [`dealloc`]; the object layer knows nothing else.
//!
//! # Layers
//!
//! ```text
//!   object heap (minipy-vm/src/heap)      PyRef::new / drop
//!        |  alloc(layout) / dealloc(ptr, layout)
//!        v
//!   size <= 512 and align <= 16 ? ---- no ----> system allocator (std::alloc::System)
//!        | yes
//!        v
//!   pymalloc: usedpools[class] -> pool (16 KiB) -> block
//!        |  no used pool for the class
//!        v
//!   usable_arenas (sorted by nfreepools) -> arena (1 MiB = 64 pools)
//!        |  no usable arena
//!        v
//!   system allocator: one 1 MiB block aligned on 16 KiB per arena
//! ```
//!
//! # Size classes
//!
//! A request of `n` bytes (1..=512) uses class `(n - 1) >> 4`, whose blocks
//! are `16 * (class + 1)` bytes; a pool of class `c` holds
//! `(16384 - 48) / size` blocks (the 48-byte pool header comes first):
//!
//! | class | size | blocks/pool |   | class | size | blocks/pool |
//! |------:|-----:|------------:|---|------:|-----:|------------:|
//! |     0 |   16 |        1021 |   |    16 |  272 |          60 |
//! |     1 |   32 |         510 |   |    17 |  288 |          56 |
//! |     2 |   48 |         340 |   |    18 |  304 |          53 |
//! |     3 |   64 |         255 |   |    19 |  320 |          51 |
//! |     4 |   80 |         204 |   |    20 |  336 |          48 |
//! |     5 |   96 |         170 |   |    21 |  352 |          46 |
//! |     6 |  112 |         145 |   |    22 |  368 |          44 |
//! |     7 |  128 |         127 |   |    23 |  384 |          42 |
//! |     8 |  144 |         113 |   |    24 |  400 |          40 |
//! |     9 |  160 |         102 |   |    25 |  416 |          39 |
//! |    10 |  176 |          92 |   |    26 |  432 |          37 |
//! |    11 |  192 |          85 |   |    27 |  448 |          36 |
//! |    12 |  208 |          78 |   |    28 |  464 |          35 |
//! |    13 |  224 |          72 |   |    29 |  480 |          34 |
//! |    14 |  240 |          68 |   |    30 |  496 |          32 |
//! |    15 |  256 |          63 |   |    31 |  512 |          31 |
//!
//! # Pools and their states
//!
//! * **used**: some blocks allocated, some free; linked in `usedpools[class]`
//!   (allocation always takes the first used pool of the class).
//! * **full**: every block allocated; on no list.
//! * **empty**: no block allocated; on its arena's `freepools` list (it keeps
//!   its class and free list, so reusing it for the same class is cheap).
//!   Never-carved pools past the arena's `pool_address` count as empty too.
//!
//! ```text
//!   empty --alloc (no used pool of the class)--> used
//!   used  --alloc takes the last free block-----> full
//!   full  --free one block----------------------> used   (pushed at the front)
//!   used  --free the last allocated block-------> empty  (arena's freepools)
//! ```
//!
//! Empty pools of an arena are reused before new pools are carved. Arenas
//! with free pools form `usable_arenas`, sorted by increasing `nfreepools`
//! (`nfp2lasta[n]` = last arena with `n` free pools keeps re-sorting O(1)),
//! so the fullest arenas are used first and the emptiest get a chance to
//! become entirely free: an arena whose 64 pools are all empty is returned
//! to the system at once, except (CPython's rule, bpo-37257) when it is the
//! last arena of `usable_arenas`: that one wholly free arena is kept, because
//! returning it makes a loop that allocates and frees one object obtain and
//! release a whole arena per iteration (measured: 18 us per iteration instead
//! of ~50 ns). [`release_free_arenas`] returns the kept arena on demand.
//!
//! # Choices
//!
//! * **Finding the pool of a block**: arenas are requested from the system
//!   with a 16 KiB alignment, so the pool header of a block is its address
//!   rounded down to 16 KiB (no pool is lost to alignment, unlike CPython's
//!   mmap'ed arenas, and no side table or radix tree is needed).
//! * **Which path frees a pointer**: [`dealloc`] receives the `Layout` used by
//!   [`alloc`], so `size <= 512 && align <= 16` decides it exactly; no need
//!   for CPython's `address_in_range`.
//! * **Threads**: the state is `thread_local!` (each thread has its own
//!   arenas). The object heap is single-threaded (`PyRef` is `!Send`), and
//!   the contract of [`dealloc`] requires freeing on the allocating thread.
//!   The state has no destructor (`ManuallyDrop` arena table), so it stays
//!   usable while other thread-locals are torn down; arenas still holding
//!   blocks when a thread exits are leaked, never freed under live objects.
//!
//! # Invariants the `unsafe` code relies on
//!
//! 1. Every arena in the table with a non-null `address` is a live
//!    `ARENA_SIZE` allocation aligned on `POOL_SIZE`; pools below
//!    `pool_address` have an initialised header whose `arenaindex` names it.
//! 2. A pool is on exactly one of: `usedpools[szidx]` (0 < count < max, its
//!    free list non-empty), no list (full), its arena's `freepools`
//!    (count == 0). Every block on a free list is inside its pool and not
//!    handed out; the first word of a free block is the next-free link.
//! 3. An arena is released only when all its pools are empty, so no live
//!    block and no list ever points into released memory.
//! 4. `usable_arenas` holds exactly the live arenas with 0 < nfreepools,
//!    sorted ascending; `nfp2lasta[n]` is the last of them with `n`.
//! 5. Blocks are 16-aligned and at least 16 bytes, so the free-list link (a
//!    pointer) fits and is aligned.

#![deny(unsafe_op_in_unsafe_fn)]

mod arena;
mod pool;
mod stats;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;

pub use arena::{ARENA_SIZE, MAX_POOLS_IN_ARENA};
pub use pool::{
    blocks_per_pool, class_size, size_class, ALIGNMENT, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD,
    POOL_SIZE, SMALL_REQUEST_THRESHOLD,
};
pub use stats::{ClassStats, Stats};

thread_local! {
    static STATE: RefCell<arena::State> = const { RefCell::new(arena::State::new()) };
}

/// Whether `layout` is served by the pools.
#[inline]
fn is_small(layout: Layout) -> bool {
    layout.size() <= SMALL_REQUEST_THRESHOLD && layout.align() <= ALIGNMENT
}

/// Allocates `layout` bytes. Returns null when memory is exhausted (the
/// caller turns that into `MemoryError`).
///
/// # Safety
/// `layout` must have a non-zero size.
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    if is_small(layout) {
        let szidx = size_class(layout.size().max(1));
        return STATE.with(|s| {
            // SAFETY: the state's invariants are maintained by its methods;
            // nothing re-enters the allocator while it is borrowed.
            unsafe { s.borrow_mut().malloc_small(szidx) }
        });
    }
    // SAFETY: the caller guarantees a non-zero size, which is the only
    // precondition of `GlobalAlloc::alloc`.
    let p = unsafe { System.alloc(layout) };
    if !p.is_null() {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.large_blocks += 1;
            s.large_bytes += layout.size();
        });
    }
    p
}

/// Frees a block obtained from [`alloc`].
///
/// # Safety
/// `ptr` must come from [`alloc`] called with the same `layout` on the same
/// thread, and must not be used afterwards.
pub unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
    if is_small(layout) {
        STATE.with(|s| {
            // SAFETY: `ptr` came from `malloc_small` of this thread's state
            // (same layout => same path, same thread) and is freed once.
            unsafe { s.borrow_mut().free_small(ptr) }
        });
        return;
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.large_blocks -= 1;
        s.large_bytes -= layout.size();
    });
    // SAFETY: forwarded contract: `ptr` was returned by `System.alloc(layout)`.
    unsafe { System.dealloc(ptr, layout) }
}

/// The calling thread's allocator statistics.
pub fn stats() -> Stats {
    STATE.with(|s| stats::collect(&s.borrow()))
}

/// The allocator section of `sys._debugmallocstats()` (CPython 3.11 layout).
pub fn debugmallocstats() -> String {
    stats::report(&stats())
}

/// Returns every wholly free arena of the calling thread to the system (the
/// one `usable_arenas` keeps to avoid thrashing); returns how many.
pub fn release_free_arenas() -> usize {
    STATE.with(|s| s.borrow_mut().release_free_arenas())
}

/// Checks the ordering invariants of `usable_arenas` (for tests).
pub fn check_invariants() -> bool {
    STATE.with(|s| s.borrow().check_usable_arenas())
}
