//! Behaviour of pools and arenas, observed through `stats()`. The allocator
//! state is global (one per process), so the tests, which check exact
//! counts, run one at a time (`SERIAL`), each leaving the allocator empty
//! for the next. This test binary does not install the global allocator, so
//! only the tests' own `alloc`/`dealloc` calls reach the pools. Each test
//! still runs on a thread of its own (the state does not depend on it).

use std::alloc::Layout;
use std::sync::Mutex;

use minipy_alloc::{
    alloc, blocks_per_pool, check_invariants, dealloc, release_free_arenas, size_class, stats,
};

/// Serialises the tests of this binary (they share the allocator state).
static SERIAL: Mutex<()> = Mutex::new(());

fn on_fresh_thread(f: fn()) {
    // A failed test poisons the lock; the others still run (and may then
    // fail on the state it left behind, which the first failure explains).
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    std::thread::spawn(f).join().expect("test thread panicked");
}

fn pool_of(p: *mut u8) -> usize {
    p as usize & !(minipy_alloc::POOL_SIZE - 1)
}

fn layout(size: usize) -> Layout {
    Layout::from_size_align(size, 8).expect("layout")
}

fn take(size: usize, n: usize) -> Vec<*mut u8> {
    (0..n)
        .map(|_| {
            // SAFETY: non-zero size.
            let p = unsafe { alloc(layout(size)) };
            assert!(!p.is_null());
            p
        })
        .collect()
}

fn give(size: usize, ps: &[*mut u8]) {
    for &p in ps {
        // SAFETY: allocated by `take` with the same layout, freed once.
        unsafe { dealloc(p, layout(size)) };
    }
}

#[test]
fn pool_fills_goes_full_and_back_to_used() {
    on_fresh_thread(|| {
        let c = size_class(64);
        let n = blocks_per_pool(c);
        let first = take(64, n);
        assert!(first.iter().all(|&p| pool_of(p) == pool_of(first[0])));
        let s = stats();
        assert_eq!(
            (
                s.classes[c].num_pools,
                s.classes[c].blocks_in_use,
                s.classes[c].avail_blocks
            ),
            (1, n, 0)
        );
        // The pool is full: the next block comes from a second pool.
        let extra = take(64, 1);
        assert_ne!(pool_of(extra[0]), pool_of(first[0]));
        assert_eq!(stats().classes[c].num_pools, 2);
        // Freeing one block makes the full pool used again, at the front.
        give(64, &first[10..11]);
        let again = take(64, 1);
        assert_eq!(again[0], first[10]);
        assert!(check_invariants());
        give(64, &first[..10]);
        give(64, &first[11..]);
        give(64, &extra);
        give(64, &again);
        let s = stats();
        assert_eq!(s.small_blocks_in_use(), 0);
        // The last wholly free arena is kept (bpo-37257) until released.
        assert_eq!(s.arenas_allocated_current, 1);
        assert_eq!(release_free_arenas(), 1);
        assert_eq!(stats().arenas_allocated_current, 0);
    });
}

#[test]
fn empty_pools_reused_before_new_pools() {
    on_fresh_thread(|| {
        let a = take(16, blocks_per_pool(0)); // fills pool 0
        let b = take(16, 1); // pool 1
        let s = stats();
        assert_eq!(s.unused_pools, minipy_alloc::MAX_POOLS_IN_ARENA - 2);
        give(16, &a); // pool 0 becomes empty
        let s = stats();
        assert_eq!(s.unused_pools, minipy_alloc::MAX_POOLS_IN_ARENA - 1);
        assert_eq!(s.classes[0].num_pools, 1);
        // Another class takes the empty pool rather than carving pool 2.
        let c = take(200, 1);
        assert_eq!(pool_of(c[0]), pool_of(a[0]));
        assert_eq!(stats().unused_pools, minipy_alloc::MAX_POOLS_IN_ARENA - 2);
        give(200, &c);
        give(16, &b);
        assert_eq!(stats().arenas_allocated_current, 1);
        assert_eq!(release_free_arenas(), 1);
        assert_eq!(stats().arenas_allocated_current, 0);
    });
}

#[test]
fn fully_freed_arena_is_released() {
    on_fresh_thread(|| {
        // 512-byte blocks: 31 per pool, 64 pools per arena; take 3 arenas' worth.
        let per_arena = blocks_per_pool(31) * minipy_alloc::MAX_POOLS_IN_ARENA;
        // The arena counters are cumulative over the process (earlier tests
        // of this binary obtained and released arenas too): measure from here.
        let base = stats();
        assert_eq!(base.arenas_allocated_current, 0);
        let blocks = take(512, 3 * per_arena);
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 3);
        assert_eq!(s.arenas_highwater_mark, base.arenas_highwater_mark.max(3));
        assert_eq!(s.unused_pools, 0);
        // Free the middle arena's blocks: it becomes wholly free but is the
        // last usable arena, so it is kept (bpo-37257).
        give(512, &blocks[per_arena..2 * per_arena]);
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 3);
        assert_eq!(s.unused_pools, minipy_alloc::MAX_POOLS_IN_ARENA);
        assert!(check_invariants());
        // Half of the first arena: it becomes usable, sorted before the empty one.
        give(512, &blocks[..per_arena / 2]);
        assert!(check_invariants());
        // The rest of the first arena: wholly free and not last: released.
        give(512, &blocks[per_arena / 2..per_arena]);
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 2);
        assert_eq!(s.arenas_reclaimed, base.arenas_reclaimed + 1);
        assert!(check_invariants());
        let more = take(512, 10);
        give(512, &more);
        give(512, &blocks[2 * per_arena..]);
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 1);
        assert_eq!(s.small_blocks_in_use(), 0);
        assert_eq!(release_free_arenas(), 1);
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 0);
        assert_eq!(s.arenas_allocated_total, base.arenas_allocated_total + 3);
        assert_eq!(s.arenas_reclaimed, base.arenas_reclaimed + 3);
    });
}

#[test]
fn large_and_overaligned_requests_use_the_system_allocator() {
    on_fresh_thread(|| {
        let big = Layout::from_size_align(513, 8).expect("layout");
        let aligned = Layout::from_size_align(64, 32).expect("layout");
        // SAFETY: non-zero sizes; freed with the same layouts below.
        unsafe {
            let p = alloc(big);
            let q = alloc(aligned);
            assert_eq!(q as usize % 32, 0);
            let s = stats();
            assert_eq!((s.large_blocks_in_use, s.large_bytes_in_use), (2, 577));
            assert_eq!(s.arenas_allocated_current, 0);
            dealloc(p, big);
            dealloc(q, aligned);
        }
        assert_eq!(stats().large_blocks_in_use, 0);
    });
}

#[test]
fn debugmallocstats_layout() {
    on_fresh_thread(|| {
        // The arena counters are cumulative over the process (earlier tests
        // of this binary may have obtained and released arenas).
        let base = stats();
        assert_eq!(base.arenas_allocated_current, 0);
        let a = take(16, 106);
        let report = minipy_alloc::debugmallocstats();
        let expected = format!(
            "\
Small block threshold = 512, in 32 size classes.

class   size   num pools   blocks in use  avail blocks
-----   ----   ---------   -------------  ------------
    0     16           1             106           915

# arenas allocated total           ={:>21}
# arenas reclaimed                 ={:>21}
# arenas highwater mark            ={:>21}
# arenas allocated current         =                    1
1 arenas * 1048576 bytes/arena     =            1,048,576

# bytes in allocated blocks        =                1,696
# bytes in available blocks        =               14,640
63 unused pools * 16384 bytes      =            1,032,192
# bytes lost to pool headers       =                   48
# bytes lost to quantization       =                    0
# bytes lost to arena alignment    =                    0
Total                              =            1,048,576
",
            base.arenas_allocated_total + 1,
            base.arenas_reclaimed,
            base.arenas_highwater_mark.max(1)
        );
        assert_eq!(report, expected);
        give(16, &a);
        release_free_arenas();
    });
}
