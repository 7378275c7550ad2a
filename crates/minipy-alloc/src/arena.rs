//! Arenas and the allocator state: the arena table, `usable_arenas` (sorted
//! by number of free pools), `nfp2lasta`, and the small-block alloc/free
//! paths (CPython's `pymalloc_alloc` / `pymalloc_free`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

use crate::pool::{self, PoolHeader, UsedPools, DUMMY_SIZE_IDX, POOL_SIZE};
use crate::table::ArenaTable;

/// Size of an arena (CPython's `USE_LARGE_ARENAS` setting).
pub const ARENA_SIZE: usize = 1 << 20;
/// Pools per arena: arenas are `POOL_SIZE`-aligned, so none is lost.
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// "No arena" in the index-linked lists.
pub const NIL: u32 = u32::MAX;

const ARENA_LAYOUT: Layout = match Layout::from_size_align(ARENA_SIZE, POOL_SIZE) {
    Ok(l) => l,
    Err(_) => panic!("arena layout"),
};

/// Bookkeeping for one arena (CPython's `struct arena_object`). The table
/// entry outlives the arena's memory: `address == null` marks an unused
/// entry, linked through `nextarena` in `unused_arena_objects`.
pub struct ArenaObject {
    /// Start of the arena's memory (`POOL_SIZE`-aligned), or null.
    pub address: *mut u8,
    /// First never-carved pool.
    pub pool_address: *mut u8,
    /// Pools that are empty or never carved.
    pub nfreepools: u32,
    /// Pools in the arena.
    pub ntotalpools: u32,
    /// Singly linked list (via `nextpool`) of empty, already carved pools.
    pub freepools: *mut PoolHeader,
    /// Neighbours in `usable_arenas` (or next in `unused_arena_objects`).
    pub nextarena: u32,
    pub prevarena: u32,
}

/// The whole allocator state of the process (behind the lock in `lib.rs`).
pub struct State {
    /// Arena table, indexed by `PoolHeader::arenaindex`; its memory comes
    /// from `System` (never from the global allocator) and is never freed.
    pub arenas: ArenaTable,
    /// Unused table entries.
    pub unused_arena_objects: u32,
    /// Arenas with at least one free pool, sorted by increasing `nfreepools`.
    pub usable_arenas: u32,
    /// `nfp2lasta[n]`: the last arena in `usable_arenas` with `n` free pools.
    pub nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    /// Used pools per size class.
    pub usedpools: UsedPools,
    /// Arenas ever obtained from the system.
    pub ntimes_arena_allocated: usize,
    /// Arenas currently held.
    pub narenas_currently_allocated: usize,
    /// Maximum of `narenas_currently_allocated`.
    pub narenas_highwater: usize,
}

// SAFETY: the raw pointers of the state point into arenas the state owns
// (obtained from `System`, which any thread may free); nothing in it is tied
// to the thread that created it. It is only reached under the global lock.
unsafe impl Send for State {}

impl State {
    pub const fn new() -> Self {
        State {
            arenas: ArenaTable::new(),
            unused_arena_objects: NIL,
            usable_arenas: NIL,
            nfp2lasta: [NIL; MAX_POOLS_IN_ARENA + 1],
            usedpools: UsedPools::new(),
            ntimes_arena_allocated: 0,
            narenas_currently_allocated: 0,
            narenas_highwater: 0,
        }
    }

    /// Obtains a new arena from the system and returns its table index, or
    /// `None` when memory is exhausted (CPython's `new_arena`).
    fn new_arena(&mut self) -> Option<u32> {
        // SAFETY: ARENA_LAYOUT has a non-zero size.
        let address = unsafe { System.alloc(ARENA_LAYOUT) };
        if address.is_null() {
            return None;
        }
        let obj = ArenaObject {
            address,
            pool_address: address,
            nfreepools: MAX_POOLS_IN_ARENA as u32,
            ntotalpools: MAX_POOLS_IN_ARENA as u32,
            freepools: ptr::null_mut(),
            nextarena: NIL,
            prevarena: NIL,
        };
        let idx = if self.unused_arena_objects != NIL {
            let idx = self.unused_arena_objects;
            self.unused_arena_objects = self.arenas[idx as usize].nextarena;
            self.arenas[idx as usize] = obj;
            idx
        } else {
            if !self.arenas.push(obj) {
                // SAFETY: `address` came from `System.alloc(ARENA_LAYOUT)`
                // just above and was never handed out.
                unsafe { System.dealloc(address, ARENA_LAYOUT) };
                return None;
            }
            (self.arenas.len() - 1) as u32
        };
        self.ntimes_arena_allocated += 1;
        self.narenas_currently_allocated += 1;
        self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);
        Some(idx)
    }

    /// Gives arena `idx` (entirely free, already unlinked) back to the system.
    fn free_arena(&mut self, idx: u32) {
        let ao = &mut self.arenas[idx as usize];
        // SAFETY: `address` came from `System.alloc(ARENA_LAYOUT)` and no
        // block of the arena is allocated (all its pools are free).
        unsafe { System.dealloc(ao.address, ARENA_LAYOUT) };
        ao.address = ptr::null_mut();
        ao.pool_address = ptr::null_mut();
        ao.freepools = ptr::null_mut();
        ao.nextarena = self.unused_arena_objects;
        ao.prevarena = NIL;
        self.unused_arena_objects = idx;
        self.narenas_currently_allocated -= 1;
    }

    /// Allocates a block of class `szidx`; null when out of memory.
    ///
    /// # Safety
    /// The state's invariants hold (they are only changed by these methods).
    pub unsafe fn malloc_small(&mut self, szidx: usize) -> *mut u8 {
        let pool = self.usedpools.head(szidx);
        if !pool.is_null() {
            // SAFETY: pools on a used list are live and have a free block.
            let (bp, full) = unsafe { pool::take_block(pool) };
            if full {
                // SAFETY: `pool` is the head of class `szidx`'s list.
                unsafe { self.usedpools.unlink(szidx, pool) };
            }
            return bp;
        }
        // SAFETY: forwarded invariants.
        unsafe { self.allocate_from_new_pool(szidx) }
    }

    /// No used pool for the class: take a pool from the first usable arena.
    ///
    /// # Safety
    /// As [`State::malloc_small`].
    unsafe fn allocate_from_new_pool(&mut self, szidx: usize) -> *mut u8 {
        if self.usable_arenas == NIL {
            let Some(idx) = self.new_arena() else {
                return ptr::null_mut();
            };
            self.usable_arenas = idx;
            self.nfp2lasta[self.arenas[idx as usize].nfreepools as usize] = idx;
        }
        let ai = self.usable_arenas;
        let nf = self.arenas[ai as usize].nfreepools as usize;
        // The head arena loses a free pool: fix `nfp2lasta`.
        if self.nfp2lasta[nf] == ai {
            self.nfp2lasta[nf] = NIL;
        }
        if nf > 1 {
            self.nfp2lasta[nf - 1] = ai;
        }
        let ao = &mut self.arenas[ai as usize];
        let pool;
        if !ao.freepools.is_null() {
            // Reuse an empty pool of this arena before carving a new one.
            pool = ao.freepools;
            // SAFETY: pools on an arena's free list are live pool headers.
            ao.freepools = unsafe { (*pool).nextpool };
        } else {
            pool = ao.pool_address.cast::<PoolHeader>();
            ao.pool_address = ao.pool_address.wrapping_add(POOL_SIZE);
            // SAFETY: nfreepools > 0 and no free pool, so a never-carved pool
            // remains inside the arena at `pool`; it is POOL_SIZE-aligned.
            unsafe {
                (*pool).arenaindex = ai;
                (*pool).szidx = DUMMY_SIZE_IDX;
                (*pool).freeblock = ptr::null_mut();
                (*pool).count = 0;
            }
        }
        ao.nfreepools -= 1;
        if ao.nfreepools == 0 {
            // Arena full: it leaves `usable_arenas`.
            let next = ao.nextarena;
            ao.nextarena = NIL;
            self.usable_arenas = next;
            if next != NIL {
                self.arenas[next as usize].prevarena = NIL;
            }
        }
        // SAFETY: `pool` is a live, empty, unlinked pool of arena `ai`.
        let bp = unsafe { pool::init_pool(pool, szidx) };
        // SAFETY: as above; every class holds >= 31 blocks, so the pool has
        // free blocks left and belongs on the used list.
        unsafe { self.usedpools.push_front(szidx, pool) };
        bp
    }

    /// Frees a small block (CPython's `pymalloc_free`).
    ///
    /// # Safety
    /// `p` must be a block returned by [`State::malloc_small`] of this state
    /// and not freed since.
    pub unsafe fn free_small(&mut self, p: *mut u8) {
        let pool = pool::pool_addr(p);
        // SAFETY: `p` lies in a live pool of this state, so its header is valid.
        let (was_full, empty) = unsafe { pool::put_block(pool, p) };
        // SAFETY: as above.
        let szidx = unsafe { (*pool).szidx } as usize;
        if was_full {
            // Full -> used (or straight to empty when the class holds one
            // block, which no class does; handled for generality).
            // SAFETY: a full pool is on no list.
            unsafe { self.usedpools.push_front(szidx, pool) };
        }
        if empty {
            // SAFETY: the pool is on class `szidx`'s used list.
            unsafe { self.usedpools.unlink(szidx, pool) };
            self.insert_to_freepool(pool);
        }
    }

    /// An used pool became empty: put it on its arena's free list and keep
    /// `usable_arenas` sorted; release the arena if it is entirely free.
    fn insert_to_freepool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: `pool` is a live pool header (caller just emptied it).
        let ai = unsafe { (*pool).arenaindex };
        let ao = &mut self.arenas[ai as usize];
        // SAFETY: as above; the pool is unlinked from every list.
        unsafe { (*pool).nextpool = ao.freepools };
        ao.freepools = pool;
        let old_nf = ao.nfreepools as usize;
        let lastnf = self.nfp2lasta[old_nf];
        if lastnf == ai {
            // `ai` was the rightmost arena with old_nf free pools.
            let prev = self.arenas[ai as usize].prevarena;
            self.nfp2lasta[old_nf] =
                if prev != NIL && self.arenas[prev as usize].nfreepools as usize == old_nf {
                    prev
                } else {
                    NIL
                };
        }
        let ao = &mut self.arenas[ai as usize];
        ao.nfreepools += 1;
        let nf = ao.nfreepools as usize;

        if nf == ao.ntotalpools as usize && ao.nextarena != NIL {
            // Case 1: the arena is entirely free: unlink and release it,
            // unless it is the last of `usable_arenas` (bpo-37257: keeping
            // one wholly free arena avoids obtaining and releasing an arena
            // on every iteration of a loop that allocates one object).
            let (prev, next) = (ao.prevarena, ao.nextarena);
            if prev == NIL {
                self.usable_arenas = next;
            } else {
                self.arenas[prev as usize].nextarena = next;
            }
            if next != NIL {
                self.arenas[next as usize].prevarena = prev;
            }
            self.free_arena(ai);
            return;
        }
        if nf == 1 {
            // Case 2: the arena was full; it has the fewest free pools, so it
            // goes at the head of `usable_arenas`.
            let head = self.usable_arenas;
            ao.nextarena = head;
            ao.prevarena = NIL;
            if head != NIL {
                self.arenas[head as usize].prevarena = ai;
            }
            self.usable_arenas = ai;
            if self.nfp2lasta[1] == NIL {
                self.nfp2lasta[1] = ai;
            }
            return;
        }
        if self.nfp2lasta[nf] == NIL {
            self.nfp2lasta[nf] = ai;
        }
        if lastnf == ai {
            // Case 4: still in order.
            return;
        }
        // Case 3: move the arena right, just after `lastnf` (the last arena
        // with old_nf free pools).
        let (prev, next) = (ao.prevarena, ao.nextarena);
        if prev == NIL {
            self.usable_arenas = next;
        } else {
            self.arenas[prev as usize].nextarena = next;
        }
        if next != NIL {
            self.arenas[next as usize].prevarena = prev;
        }
        let after = self.arenas[lastnf as usize].nextarena;
        let ao = &mut self.arenas[ai as usize];
        ao.prevarena = lastnf;
        ao.nextarena = after;
        if after != NIL {
            self.arenas[after as usize].prevarena = ai;
        }
        self.arenas[lastnf as usize].nextarena = ai;
    }

    /// Releases every wholly free arena (those CPython's rule keeps);
    /// returns how many were released.
    pub fn release_free_arenas(&mut self) -> usize {
        let mut released = 0;
        let mut i = self.usable_arenas;
        while i != NIL {
            let a = &self.arenas[i as usize];
            let next = a.nextarena;
            if a.nfreepools == a.ntotalpools {
                let prev = a.prevarena;
                if prev == NIL {
                    self.usable_arenas = next;
                } else {
                    self.arenas[prev as usize].nextarena = next;
                }
                if next != NIL {
                    self.arenas[next as usize].prevarena = prev;
                }
                self.free_arena(i);
                released += 1;
            }
            i = next;
        }
        // No arena with every pool free is left in the list.
        self.nfp2lasta[MAX_POOLS_IN_ARENA] = NIL;
        released
    }

    /// Checks the sortedness of `usable_arenas` and `nfp2lasta` (tests).
    pub fn check_usable_arenas(&self) -> bool {
        let mut i = self.usable_arenas;
        let mut prev = NIL;
        let mut last_nf = 0;
        while i != NIL {
            let a = &self.arenas[i as usize];
            if a.prevarena != prev || a.nfreepools < last_nf || a.nfreepools == 0 {
                return false;
            }
            let n = a.nfreepools as usize;
            let is_last =
                a.nextarena == NIL || self.arenas[a.nextarena as usize].nfreepools as usize != n;
            if is_last != (self.nfp2lasta[n] == i) {
                return false;
            }
            last_nf = a.nfreepools;
            prev = i;
            i = a.nextarena;
        }
        true
    }
}
