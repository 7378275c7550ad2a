//! minipy's allocator installed as the process's `#[global_allocator]`:
//! every Rust allocation of this test binary (the harness's too) goes
//! through it. Checks cross-thread frees, concurrent use, `realloc` across
//! size classes and the 512-byte threshold, over-aligned and zeroed requests.

use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout};
use std::sync::mpsc;

use minipy_alloc::{check_invariants, stats, PyMalloc, SMALL_REQUEST_THRESHOLD};

#[global_allocator]
static GLOBAL: PyMalloc = PyMalloc;

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).expect("layout")
}

fn fill(p: *mut u8, len: usize, tag: u8) {
    // SAFETY: `p` points to `len` writable bytes owned by the test.
    let s = unsafe { std::slice::from_raw_parts_mut(p, len) };
    for (i, b) in s.iter_mut().enumerate() {
        *b = tag.wrapping_add(i as u8);
    }
}

fn check(p: *const u8, len: usize, tag: u8) {
    // SAFETY: `p` points to `len` initialised bytes written by `fill`.
    let s = unsafe { std::slice::from_raw_parts(p, len) };
    for (i, b) in s.iter().enumerate() {
        assert_eq!(*b, tag.wrapping_add(i as u8), "corrupted block");
    }
}

#[test]
fn std_collections_use_the_pools() {
    let v: Vec<Box<[u8; 100]>> = (0..20_000).map(|i| Box::new([i as u8; 100])).collect();
    // 20,000 blocks of class 6 (112 bytes) at least, whatever else runs.
    let s = stats();
    assert!(s.classes[minipy_alloc::size_class(100)].blocks_in_use >= 20_000);
    assert!(v.iter().enumerate().all(|(i, b)| b[99] == i as u8));
    let strings: Vec<String> = (0..10_000).map(|i| format!("string number {i}")).collect();
    assert_eq!(strings[1234], "string number 1234");
    drop(v);
    drop(strings);
    assert!(check_invariants());
}

#[test]
fn blocks_freed_on_another_thread() {
    let (tx, rx) = mpsc::channel::<Vec<String>>();
    let consumer = std::thread::spawn(move || {
        let mut n = 0usize;
        for batch in rx {
            for (i, s) in batch.iter().enumerate() {
                assert_eq!(s, &format!("item {i}"));
            }
            n += batch.len();
            // Dropped here: allocated by the producer thread.
        }
        n
    });
    for _ in 0..200 {
        let batch: Vec<String> = (0..500).map(|i| format!("item {i}")).collect();
        tx.send(batch).expect("send");
    }
    drop(tx);
    assert_eq!(consumer.join().expect("consumer"), 100_000);
    assert!(check_invariants());
}

/// Marsaglia xorshift64.
fn xorshift(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}

#[test]
fn concurrent_threads_mixed_sizes() {
    let threads: Vec<_> = (0..4u64)
        .map(|t| {
            std::thread::spawn(move || {
                let mut rng = 0x9E37_79B9_7F4A_7C15 ^ (t + 1);
                let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
                for _ in 0..200_000 {
                    if live.len() < 5_000 && !xorshift(&mut rng).is_multiple_of(3) {
                        let size = 1 + (xorshift(&mut rng) % 700) as usize;
                        let l = layout(size, 8);
                        // SAFETY: non-zero size.
                        let p = unsafe { alloc(l) };
                        assert!(!p.is_null());
                        let tag = xorshift(&mut rng) as u8;
                        fill(p, size, tag);
                        live.push((p, l, tag));
                    } else if !live.is_empty() {
                        let i = (xorshift(&mut rng) % live.len() as u64) as usize;
                        let (p, l, tag) = live.swap_remove(i);
                        check(p, l.size(), tag);
                        // SAFETY: allocated above with `l`, freed once.
                        unsafe { dealloc(p, l) };
                    }
                }
                // Hand the survivors to the joining thread as addresses.
                live.into_iter()
                    .map(|(p, l, tag)| (p as usize, l, tag))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for t in threads {
        for (p, l, tag) in t.join().expect("worker") {
            check(p as *const u8, l.size(), tag);
            // SAFETY: allocated by the worker with `l`; freed once, here.
            unsafe { dealloc(p as *mut u8, l) };
        }
    }
    assert!(check_invariants());
}

#[test]
fn realloc_within_a_class_keeps_the_block() {
    let l = layout(20, 8);
    // SAFETY: non-zero sizes; each pointer is used with its current layout.
    unsafe {
        let p = alloc(l);
        fill(p, 20, 7);
        // 20 -> 32 bytes: still class 1 (32-byte blocks).
        let q = realloc(p, l, 32);
        assert_eq!(q, p);
        // Shrinking within the class too.
        let r = realloc(q, layout(32, 8), 17);
        assert_eq!(r, p);
        check(r, 17, 7);
        // 17 -> 33: class 2, moves.
        let s = realloc(r, layout(17, 8), 33);
        check(s, 17, 7);
        // Shrinking by less than a quarter keeps the block (CPython's rule):
        // 48-byte block, 40 bytes requested.
        let t = realloc(s, layout(33, 8), 40);
        assert_eq!(t, s);
        let u = realloc(t, layout(40, 8), 37);
        assert_eq!(u, s);
        // Shrinking to a quarter of it moves.
        let w = realloc(u, layout(37, 8), 8);
        assert_ne!(w, s);
        check(w, 8, 7);
        dealloc(w, layout(8, 8));
    }
}

#[test]
fn realloc_across_the_threshold() {
    // SAFETY: non-zero sizes; each pointer is used with its current layout.
    unsafe {
        let p = alloc(layout(500, 8));
        fill(p, 500, 3);
        let big = SMALL_REQUEST_THRESHOLD + 100;
        let q = realloc(p, layout(500, 8), big);
        check(q, 500, 3);
        fill(q, big, 4);
        let r = realloc(q, layout(big, 8), 10_000);
        check(r, big, 4);
        let s = realloc(r, layout(10_000, 8), 100);
        check(s, 100, 4);
        assert_eq!(s as usize % 16, 0);
        dealloc(s, layout(100, 8));
    }
    // A growing Vec goes through all of these.
    let mut v: Vec<u64> = Vec::new();
    for i in 0..100_000u64 {
        v.push(i);
    }
    assert!(v.iter().enumerate().all(|(i, &x)| x == i as u64));
    v.truncate(10);
    v.shrink_to_fit();
    assert_eq!(v, (0..10).collect::<Vec<u64>>());
}

#[test]
fn overaligned_and_zeroed() {
    for align in [32, 64, 4096] {
        for size in [1, 16, 100, 512, 4000] {
            let l = layout(size, align);
            // SAFETY: non-zero size; freed with the same layout.
            unsafe {
                let p = alloc(l);
                assert_eq!(p as usize % align, 0);
                fill(p, size, 9);
                let q = realloc(p, l, size * 3);
                assert_eq!(q as usize % align, 0);
                check(q, size, 9);
                dealloc(q, layout(size * 3, align));
            }
        }
    }
    for size in [1, 24, 300, 512, 513, 100_000] {
        let l = layout(size, 8);
        // SAFETY: non-zero size; freed with the same layout.
        unsafe {
            // A dirty block of the same class first, so the zeroed request
            // likely reuses it.
            let d = alloc(l);
            fill(d, size, 0xAA);
            dealloc(d, l);
            let p = alloc_zeroed(l);
            assert!(std::slice::from_raw_parts(p, size).iter().all(|&b| b == 0));
            dealloc(p, l);
        }
    }
}
