//! The allocator of minipy's object heap: a pymalloc-style small-object
//! allocator following CPython 3.11's `Objects/obmalloc.c`.
//!
//! Every Python object is allocated and freed through [`alloc`] and
//! [`dealloc`]; the object layer knows nothing else. With the `global`
//! feature, `PyMalloc` can also be installed as a program's
//! `#[global_allocator]`, so every other Rust allocation (list item buffers,
//! tuple slices, dict tables, string bytes, ...) takes the same path: small
//! requests come from the pools, as CPython routes `PyMem_Malloc` /
//! `PyObject_Malloc` requests of at most 512 bytes through pymalloc. The
//! `minipy` binary does not do it (yet): see "Why `global` is not the
//! default" below.
//!
//! # Layers
//!
//! ```text
//!   object heap (minipy-vm/src/heap)      PyRef::new / drop
//!   any Rust allocation (`global` only)   Vec, Box, String, HashMap, ...
//!        |  alloc(layout) / dealloc(ptr, layout) / realloc
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
//! * **Threads** (two modes, chosen by the `global` cargo feature):
//!   - default: the state is `thread_local!` (each thread has its own
//!     arenas). The object heap is single-threaded (`PyRef` is `!Send`),
//!     so [`dealloc`] must be called on the allocating thread. The state
//!     has no destructor, so it stays usable while other thread-locals are
//!     torn down; arenas still holding blocks at thread exit are leaked.
//!   - `global`: a global allocator is called from every thread, and a
//!     block may be freed on another thread than the one that allocated it
//!     (the parsed command line moves into the interpreter thread, test
//!     harnesses hand results between threads). There is then one state
//!     for the process, behind a lock — the role CPython's GIL plays for
//!     `obmalloc.c` — and `PyMalloc` implements `GlobalAlloc` on it. The
//!     lock is a test-and-test-and-set spin lock on an `AtomicBool`
//!     (`lock.rs`): uncontended, taking it is one `lock cmpxchg` and
//!     releasing it one plain release store, cheaper than
//!     `std::sync::Mutex` (whose unlock is an atomic swap that checks for
//!     sleepers) and with no poisoning to handle; under contention it spins
//!     64 times, then yields the CPU. minipy runs one interpreter thread at
//!     a time, so the lock is practically never contended. Per-thread
//!     caches (as glibc's tcache or mimalloc) would save the atomic
//!     operation but need cross-thread free queues; CPython has none.
//! * **Why `global` is not the default (measured)**: with `PyMalloc` as the
//!   `minipy` binary's global allocator, every Vec/Box/String of at most
//!   512 bytes came from the pools: instructions executed fell 5% on
//!   `alloc_small.py` and 10% on `gc_trees.py` (cachegrind), glibc's
//!   `malloc`/`_int_free`/`malloc_consolidate` left the profile, and peak RSS
//!   fell 7% (gc_trees) and 8% (mem_release, also 6% faster). But time did
//!   not follow: `alloc_small` unchanged, `gc_trees` 10–30% slower. The
//!   lock's `lock cmpxchg` is ~20% of `PyRef::new`'s samples, and
//!   `gc_trees` frees whole trees each iteration, so with the payloads in
//!   the pools too its arenas churn 2.3x more (718 arenas obtained and
//!   released over the run instead of 319; CPython: 182): system time goes
//!   from 0.1 s to 0.4 s in page faults and unmaps. With glibc's trimming
//!   disabled (`GLIBC_TUNABLES`) the churn cost vanishes and the time is
//!   on par with the default mode. Without the hookup, the lock alone costs
//!   the object heap ~2–6%, hence the thread-local default.
//! * **No recursion**: the allocator never allocates through the global
//!   allocator while holding the lock (it would deadlock): arenas and the
//!   arena table (`table.rs`) come from `System` directly, statistics are
//!   gathered into a plain struct under the lock and formatted after it is
//!   released, and the lock itself never allocates.
//! * **realloc**: a small block that still fits is returned unchanged when
//!   the new size is in the same size class or shrinks it by less than a
//!   quarter (CPython's `pymalloc_realloc` rule), so a growing `Vec` whose
//!   capacity stays within its class does not move. Crossing the 512-byte
//!   threshold either way moves the contents between the pools and the
//!   system allocator, because `dealloc` decides from the layout alone.
//!   Large-to-large (and over-aligned) requests are `System.realloc`.
//!
//! # Invariants the `unsafe` code relies on
//!
//! 0. The state is only read or written by one thread at a time: its own
//!    thread (thread-local mode), or the holder of the global lock (the one
//!    `SpinGuard` alive at a time; a block's owner obtained it through that
//!    lock, so every write the allocator made to it happened before).
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
//! 6. A block is served by the pools iff the layout it is allocated, freed
//!    or reallocated with has `size <= 512 && align <= 16` (Rust passes the
//!    allocation's current layout to `dealloc`/`realloc`), and `realloc`
//!    keeps that true by moving blocks across the threshold.

#![deny(unsafe_op_in_unsafe_fn)]

mod arena;
#[cfg(feature = "global")]
mod lock;
mod oom;
mod pool;
mod stats;
mod table;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

pub use arena::{ARENA_SIZE, MAX_POOLS_IN_ARENA};
pub use oom::{notify as notify_oom, set_oom_hook, OomNotify};
pub use pool::{
    blocks_per_pool, class_size, size_class, ALIGNMENT, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD,
    POOL_SIZE, SMALL_REQUEST_THRESHOLD,
};
pub use stats::{debug_allocator_stats, ClassStats, Stats};

/// The allocator state of the process (invariant 0).
#[cfg(feature = "global")]
static STATE: lock::SpinLock<arena::State> = lock::SpinLock::new(arena::State::new());

/// Runs `f` on the state, holding the global lock (invariant 0).
#[cfg(feature = "global")]
#[inline]
fn with_state<R>(f: impl FnOnce(&mut arena::State) -> R) -> R {
    f(&mut STATE.lock())
}

#[cfg(not(feature = "global"))]
thread_local! {
    /// The calling thread's allocator state (without the `global` feature).
    static STATE: std::cell::RefCell<arena::State> =
        const { std::cell::RefCell::new(arena::State::new()) };
}

/// Runs `f` on the calling thread's state (without the `global` feature:
/// blocks must be freed on the thread that allocated them).
#[cfg(not(feature = "global"))]
#[inline]
fn with_state<R>(f: impl FnOnce(&mut arena::State) -> R) -> R {
    STATE.with(|s| f(&mut s.borrow_mut()))
}
/// Blocks currently served by the system allocator (> 512 bytes or
/// over-aligned); counted outside the lock.
static LARGE_BLOCKS: AtomicUsize = AtomicUsize::new(0);
/// Bytes in those blocks.
static LARGE_BYTES: AtomicUsize = AtomicUsize::new(0);

/// Whether `layout` is served by the pools.
#[inline]
fn is_small(layout: Layout) -> bool {
    layout.size() <= SMALL_REQUEST_THRESHOLD && layout.align() <= ALIGNMENT
}

/// A block of the pools for `size` (<= 512) bytes; null when out of memory.
#[inline]
fn alloc_small(size: usize) -> *mut u8 {
    let szidx = size_class(size.max(1));
    with_state(|state| {
        // SAFETY: the state is held exclusively (invariant 0); its
        // invariants are maintained by its methods, which never allocate
        // through the global allocator (no re-entry).
        unsafe { state.malloc_small(szidx) }
    })
}

#[inline]
fn count_large(size: usize) {
    LARGE_BLOCKS.fetch_add(1, Ordering::Relaxed);
    LARGE_BYTES.fetch_add(size, Ordering::Relaxed);
}

#[inline]
fn uncount_large(size: usize) {
    LARGE_BLOCKS.fetch_sub(1, Ordering::Relaxed);
    LARGE_BYTES.fetch_sub(size, Ordering::Relaxed);
}

/// Allocates `layout` bytes. Returns null when memory is exhausted (the
/// caller turns that into `MemoryError`).
///
/// # Safety
/// `layout` must have a non-zero size.
#[inline]
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    let p = if is_small(layout) {
        alloc_small(layout.size())
    } else {
        // SAFETY: the caller guarantees a non-zero size, which is the only
        // precondition of `GlobalAlloc::alloc`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count_large(layout.size());
        }
        p
    };
    if p.is_null() {
        oom::notify();
    }
    p
}

/// Frees a block obtained from [`alloc`].
///
/// # Safety
/// `ptr` must come from [`alloc`] (or `PyMalloc`) with the same `layout`,
/// on the same thread unless the `global` feature is on, and must not be
/// used afterwards.
#[inline]
pub unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
    if is_small(layout) {
        with_state(|state| {
            // SAFETY: same layout => same path (invariant 6), so `ptr` is a
            // live block of this state's pools, freed once; the state is
            // held exclusively.
            unsafe { state.free_small(ptr) }
        });
        return;
    }
    uncount_large(layout.size());
    // SAFETY: forwarded contract: `ptr` was returned by `System.alloc(layout)`.
    unsafe { System.dealloc(ptr, layout) }
}

/// Resizes a block obtained from [`alloc`] with `layout` to `new_size`
/// bytes (same alignment); null (the old block untouched) when out of memory.
///
/// # Safety
/// As [`GlobalAlloc::realloc`]: `ptr` comes from [`alloc`] with `layout`,
/// `new_size` is non-zero and, rounded up to the alignment, fits `isize`.
pub unsafe fn realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    let align = layout.align();
    if align > ALIGNMENT {
        // Over-aligned: always the system allocator's.
        // SAFETY: forwarded contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            uncount_large(layout.size());
            count_large(new_size);
        }
        return p;
    }
    let old_small = layout.size() <= SMALL_REQUEST_THRESHOLD;
    let new_small = new_size <= SMALL_REQUEST_THRESHOLD;
    if old_small && new_small {
        // SAFETY: `ptr` is a live block of the pools (invariant 6), so its
        // pool header is initialised; `szidx` is only written while a pool
        // holds no block, and this one holds `ptr`, so it is stable.
        let szidx = unsafe { (*pool::pool_addr(ptr)).szidx } as usize;
        let size = class_size(szidx);
        if new_size <= size && (size_class(new_size) == szidx || 4 * new_size > 3 * size) {
            return ptr;
        }
    } else if !old_small && !new_small {
        // SAFETY: forwarded contract; the block came from `System`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            uncount_large(layout.size());
            count_large(new_size);
        }
        return p;
    }
    // Move: to another size class, or across the 512-byte threshold.
    // SAFETY: `new_size` is non-zero and valid with `align` (contract).
    let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, align) };
    // SAFETY: non-zero size.
    let p = unsafe { alloc(new_layout) };
    if !p.is_null() {
        // SAFETY: both blocks are live, distinct, and at least
        // `min(old, new)` bytes long; then the old one is freed once with
        // its own layout.
        unsafe {
            std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
            dealloc(ptr, layout);
        }
    }
    p
}

/// minipy's allocator as a `#[global_allocator]` (feature `global`):
///
/// ```ignore
/// #[global_allocator]
/// static GLOBAL: minipy_alloc::PyMalloc = minipy_alloc::PyMalloc;
/// ```
#[cfg(feature = "global")]
pub struct PyMalloc;

// SAFETY: `alloc` returns blocks of at least `layout.size()` bytes aligned on
// `layout.align()` (pool blocks are 16-aligned and only serve align <= 16;
// other requests go to `System`), never handed out twice while live;
// `dealloc`/`realloc` route a block to the allocator that produced it
// (invariant 6); nothing here panics or allocates through the global
// allocator.
#[cfg(feature = "global")]
unsafe impl GlobalAlloc for PyMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: `GlobalAlloc` callers pass a non-zero size.
        unsafe { alloc(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract (same layout as the allocation).
        unsafe { dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_small(layout) {
            let p = alloc_small(layout.size());
            if !p.is_null() {
                // SAFETY: `p` is a fresh block of at least `layout.size()` bytes.
                unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
            }
            return p;
        }
        // SAFETY: non-zero size (contract); `calloc` can skip the memset
        // for fresh pages.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count_large(layout.size());
        }
        p
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe { realloc(ptr, layout, new_size) }
    }
}

/// The allocator's statistics (the calling thread's state, or the process's
/// with the `global` feature).
pub fn stats() -> Stats {
    let mut s = with_state(|state| stats::collect(state));
    s.large_blocks_in_use = LARGE_BLOCKS.load(Ordering::Relaxed);
    s.large_bytes_in_use = LARGE_BYTES.load(Ordering::Relaxed);
    s
}

/// The allocator section of `sys._debugmallocstats()` (CPython 3.11 layout).
/// The report is formatted after the lock is released (it allocates).
pub fn debugmallocstats() -> String {
    stats::report(&stats())
}

/// Returns every wholly free arena to the system (the one `usable_arenas`
/// keeps to avoid thrashing); returns how many.
pub fn release_free_arenas() -> usize {
    with_state(|state| state.release_free_arenas())
}

/// Checks the ordering invariants of `usable_arenas` (for tests).
pub fn check_invariants() -> bool {
    with_state(|state| state.check_usable_arenas())
}
