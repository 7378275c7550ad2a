//! The lock around the one global allocator state (the role CPython's GIL
//! plays for `obmalloc.c`): a test-and-test-and-set spin lock on an
//! `AtomicBool`. Uncontended, `lock` is one `lock cmpxchg` and unlocking is
//! one release store. It never allocates (it is used *inside* the global
//! allocator), never panics, and under contention spins briefly then yields
//! the CPU (`sched_yield`, no allocation either).

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

/// Spins before starting to yield the CPU to the lock holder.
const SPINS_BEFORE_YIELD: u32 = 64;

/// A mutual-exclusion lock without poisoning and without allocation.
pub struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the value is only reached through a `SpinGuard`, and at most one
// guard exists at a time (the `locked` flag, acquired with `Acquire` and
// released with `Release`, orders every access of one holder before those of
// the next), so sharing the lock between threads shares `T` by moving it
// between them one holder at a time: `T: Send` is what that needs.
unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    pub const fn new(value: T) -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
            value: UnsafeCell::new(value),
        }
    }

    /// Acquires the lock (spinning, then yielding, while another thread
    /// holds it). The lock is not reentrant: the holder must not call it
    /// again (the allocator never allocates through itself).
    #[inline]
    pub fn lock(&self) -> SpinGuard<'_, T> {
        if self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_contended();
        }
        SpinGuard { lock: self }
    }

    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        let mut spins = 0u32;
        loop {
            // Test before test-and-set: wait with plain loads, which keep
            // the cache line shared instead of bouncing it between cores.
            while self.locked.load(Ordering::Relaxed) {
                if spins < SPINS_BEFORE_YIELD {
                    spins += 1;
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
            if self
                .locked
                .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                return;
            }
        }
    }
}

/// Proof of holding the lock; releases it when dropped.
pub struct SpinGuard<'a, T> {
    lock: &'a SpinLock<T>,
}

impl<T> Deref for SpinGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: this guard is the only one (see `Sync` above), so no
        // mutable reference to the value exists elsewhere.
        unsafe { &*self.lock.value.get() }
    }
}

impl<T> DerefMut for SpinGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; `&mut self` makes the borrow unique.
        unsafe { &mut *self.lock.value.get() }
    }
}

impl<T> Drop for SpinGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.lock.locked.store(false, Ordering::Release);
    }
}
