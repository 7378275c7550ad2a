//! What happens when an allocation fails.
//!
//! A request minipy makes through a fallible path (`try_reserve`, the
//! heap's `try_*` constructors) turns a null into `MemoryError`. A request
//! made through an infallible path (`Vec::push`, `String::with_capacity`,
//! ...) ends in Rust's allocation-failure handler, which prints "memory
//! allocation of N bytes failed" and aborts; stable Rust cannot hook that
//! handler. What it can do is see the null first: [`OomNotify`] wraps the
//! process's allocator and calls the hook set by [`set_oom_hook`] whenever
//! an allocation returns null, before the caller learns of it. minipy's VM
//! sets a hook that writes out buffered `sys.stdout` text, so an abort never
//! loses what the program printed before it.
//!
//! The hook runs inside the allocator: it must not allocate (a nested
//! failure is not reported again — [`IN_HOOK`] guards re-entry) and must
//! not take locks an allocating caller may hold.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The hook's address (a `fn()`), or 0 for none.
static HOOK: AtomicUsize = AtomicUsize::new(0);
/// Set while the hook runs, so a failure inside it does not re-enter it.
static IN_HOOK: AtomicBool = AtomicBool::new(false);

/// Sets the function called when an allocation fails (replacing any
/// earlier one).
pub fn set_oom_hook(hook: fn()) {
    HOOK.store(hook as usize, Ordering::Release);
}

/// Calls the hook, if one is set and it is not already running.
#[cold]
pub fn notify() {
    let h = HOOK.load(Ordering::Acquire);
    if h == 0 || IN_HOOK.swap(true, Ordering::AcqRel) {
        return;
    }
    // SAFETY: a non-zero `HOOK` was stored from a `fn()` by `set_oom_hook`;
    // function pointers and `usize` have the same size on every target Rust
    // supports with `std`.
    let f: fn() = unsafe { std::mem::transmute::<usize, fn()>(h) };
    f();
    IN_HOOK.store(false, Ordering::Release);
}

/// An allocator that forwards to `A` and calls [`notify`] when `A` returns
/// null:
///
/// ```ignore
/// #[global_allocator]
/// static GLOBAL: minipy_alloc::OomNotify<std::alloc::System> =
///     minipy_alloc::OomNotify(std::alloc::System);
/// ```
pub struct OomNotify<A>(pub A);

#[inline(always)]
fn checked(p: *mut u8) -> *mut u8 {
    if p.is_null() {
        notify();
    }
    p
}

// SAFETY: every method forwards to `A` with the caller's arguments and
// returns `A`'s result unchanged; `notify` neither touches the block nor
// allocates through the global allocator (the hook is called at most once
// at a time, and a nested failure inside it returns null straight away).
unsafe impl<A: GlobalAlloc> GlobalAlloc for OomNotify<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        checked(unsafe { self.0.alloc(layout) })
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        checked(unsafe { self.0.alloc_zeroed(layout) })
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        checked(unsafe { self.0.realloc(ptr, layout, new_size) })
    }
}
