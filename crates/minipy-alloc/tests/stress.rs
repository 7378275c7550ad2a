//! ~2 million mixed-size allocations and frees in pseudo-random order, with a
//! byte pattern checked before each free and the statistics checked against
//! the live set; the same sequence is timed against the system allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use minipy_alloc::{check_invariants, stats, SMALL_REQUEST_THRESHOLD};

const OPS: usize = 2_000_000;

/// The allocator state is global: tests that check exact counts must not
/// overlap with other tests of this binary allocating through it.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Marsaglia xorshift64.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Live {
    ptr: *mut u8,
    layout: Layout,
    tag: u8,
}

fn fill(p: *mut u8, len: usize, tag: u8) {
    // SAFETY: `p` points to `len` writable bytes owned by the test.
    let s = unsafe { std::slice::from_raw_parts_mut(p, len) };
    for (i, b) in s.iter_mut().enumerate() {
        *b = tag.wrapping_add(i as u8);
    }
}

fn check(p: *mut u8, len: usize, tag: u8) {
    // SAFETY: `p` points to `len` initialised bytes written by `fill`.
    let s = unsafe { std::slice::from_raw_parts(p, len) };
    for (i, b) in s.iter().enumerate() {
        assert_eq!(*b, tag.wrapping_add(i as u8), "corrupted block");
    }
}

fn random_layout(rng: &mut XorShift) -> Layout {
    let r = rng.below(100);
    let size = if r < 70 {
        1 + rng.below(128) as usize
    } else if r < 95 {
        1 + rng.below(SMALL_REQUEST_THRESHOLD as u64) as usize
    } else {
        SMALL_REQUEST_THRESHOLD + 1 + rng.below(4000) as usize
    };
    let align = if rng.below(50) == 0 { 32 } else { 8 };
    Layout::from_size_align(size, align).expect("layout")
}

/// Runs the sequence; `verify` checks stats against the live set.
fn run(
    alloc: unsafe fn(Layout) -> *mut u8,
    dealloc: unsafe fn(*mut u8, Layout),
    verify: bool,
) -> Duration {
    let start = Instant::now();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut live: Vec<Live> = Vec::new();
    // The live-set target swings between 0 and 150,000 blocks so arenas are
    // repeatedly filled, drained, released and re-obtained.
    let mut target = 0usize;
    for op in 0..OPS {
        if op % 200_000 == 0 {
            target = [150_000, 20_000, 100_000, 0, 60_000][(op / 200_000) % 5];
        }
        let grow = live.len() < target;
        let do_alloc = live.is_empty()
            || if grow {
                rng.below(10) < 8
            } else {
                rng.below(10) < 2
            };
        if do_alloc {
            let layout = random_layout(&mut rng);
            // SAFETY: non-zero size.
            let ptr = unsafe { alloc(layout) };
            assert!(!ptr.is_null());
            assert_eq!(ptr as usize % layout.align(), 0);
            let tag = rng.next() as u8;
            fill(ptr, layout.size(), tag);
            live.push(Live { ptr, layout, tag });
        } else {
            let i = rng.below(live.len() as u64) as usize;
            let b = live.swap_remove(i);
            check(b.ptr, b.layout.size(), b.tag);
            // SAFETY: allocated above with this layout on this thread, freed once.
            unsafe { dealloc(b.ptr, b.layout) };
        }
        if verify && op % 100_000 == 0 {
            verify_stats(&live);
        }
    }
    if verify {
        verify_stats(&live);
    }
    for b in live.drain(..) {
        check(b.ptr, b.layout.size(), b.tag);
        // SAFETY: as above.
        unsafe { dealloc(b.ptr, b.layout) };
    }
    start.elapsed()
}

fn is_small(l: &Layout) -> bool {
    l.size() <= SMALL_REQUEST_THRESHOLD && l.align() <= 16
}

fn verify_stats(live: &[Live]) {
    let s = stats();
    let small = live.iter().filter(|b| is_small(&b.layout)).count();
    assert_eq!(s.small_blocks_in_use(), small);
    assert_eq!(s.large_blocks_in_use, live.len() - small);
    let bytes: usize = live
        .iter()
        .filter(|b| is_small(&b.layout))
        .map(|b| (b.layout.size() + 15) & !15)
        .sum();
    assert_eq!(s.bytes_in_allocated_blocks, bytes);
    // Everything in the live arenas is accounted for.
    let total = s.bytes_in_allocated_blocks
        + s.bytes_in_available_blocks
        + s.unused_pools * minipy_alloc::POOL_SIZE
        + s.bytes_lost_to_pool_headers
        + s.bytes_lost_to_quantization;
    assert_eq!(total, s.arenas_allocated_current * minipy_alloc::ARENA_SIZE);
    assert_eq!(
        s.arenas_reclaimed,
        s.arenas_allocated_total - s.arenas_allocated_current
    );
    assert!(check_invariants());
}

unsafe fn system_alloc(l: Layout) -> *mut u8 {
    // SAFETY: non-zero size (forwarded).
    unsafe { System.alloc(l) }
}

unsafe fn system_dealloc(p: *mut u8, l: Layout) {
    // SAFETY: `p` came from `System.alloc(l)` (forwarded).
    unsafe { System.dealloc(p, l) }
}

#[test]
fn stress_two_million_mixed_blocks() {
    let _serial = serial();
    std::thread::spawn(|| {
        let t = run(minipy_alloc::alloc, minipy_alloc::dealloc, true);
        let s = stats();
        assert_eq!(s.small_blocks_in_use(), 0);
        assert_eq!(s.large_blocks_in_use, 0);
        // At most the one wholly free arena CPython's rule keeps.
        assert!(s.arenas_allocated_current <= 1, "arena leak");
        assert_eq!(
            s.unused_pools,
            s.arenas_allocated_current * minipy_alloc::MAX_POOLS_IN_ARENA
        );
        minipy_alloc::release_free_arenas();
        let s = stats();
        assert_eq!(s.arenas_allocated_current, 0, "arena leak");
        assert!(s.arenas_allocated_total >= s.arenas_highwater_mark);
        eprintln!(
            "pymalloc (with stats checks): {t:?}; arenas total {} highwater {}",
            s.arenas_allocated_total, s.arenas_highwater_mark
        );
    })
    .join()
    .expect("stress thread panicked");
}

/// Timing comparison; run with `cargo test -p minipy-alloc --release -- --ignored --nocapture`.
#[test]
#[ignore]
fn stress_timing_vs_system() {
    let _serial = serial();
    std::thread::spawn(|| {
        let sys = run(system_alloc, system_dealloc, false);
        let py = run(minipy_alloc::alloc, minipy_alloc::dealloc, false);
        let sys2 = run(system_alloc, system_dealloc, false);
        let py2 = run(minipy_alloc::alloc, minipy_alloc::dealloc, false);
        eprintln!("system: {sys:?} / {sys2:?}   pymalloc: {py:?} / {py2:?}");
    })
    .join()
    .expect("timing thread panicked");
}

/// bpo-37257's pathological loop: one block allocated and freed on an
/// otherwise empty allocator would obtain and release an arena every
/// iteration if the last wholly free arena were not kept.
#[test]
#[ignore]
fn timing_arena_thrash_loop() {
    let _serial = serial();
    std::thread::spawn(|| {
        let l = Layout::from_size_align(32, 8).expect("layout");
        let n = 200_000;
        let start = Instant::now();
        for _ in 0..n {
            // SAFETY: non-zero size; freed at once with the same layout.
            unsafe { minipy_alloc::dealloc(std::hint::black_box(minipy_alloc::alloc(l)), l) };
        }
        let py = start.elapsed();
        let start = Instant::now();
        for _ in 0..n {
            // SAFETY: as above, system allocator.
            unsafe { system_dealloc(std::hint::black_box(system_alloc(l)), l) };
        }
        let sys = start.elapsed();
        let s = stats();
        eprintln!(
            "thrash loop x{n}: pymalloc {py:?} ({} arenas) system {sys:?}",
            s.arenas_allocated_total
        );
    })
    .join()
    .expect("timing thread panicked");
}
