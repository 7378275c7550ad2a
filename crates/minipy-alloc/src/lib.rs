//! The allocator entry point of minipy's object heap.
//!
//! Every Python object is allocated and freed through [`alloc`] and
//! [`dealloc`]. Today they forward to the system allocator; the memory issue
//! replaces the body with a pymalloc-style arena allocator (size classes in
//! 16-byte steps up to 512 bytes, 16 KiB pools, 1 MiB arenas) without any
//! change to the object layer, which only ever calls these two functions.

use std::alloc::{GlobalAlloc, Layout, System};

/// Allocates `layout` bytes. Returns null when memory is exhausted (the
/// caller turns that into `MemoryError`).
///
/// # Safety
/// `layout` must have a non-zero size.
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    // SAFETY: the caller guarantees a non-zero size, which is the only
    // precondition of `GlobalAlloc::alloc`.
    unsafe { System.alloc(layout) }
}

/// Frees a block obtained from [`alloc`].
///
/// # Safety
/// `ptr` must come from [`alloc`] called with the same `layout`, and must not
/// be used afterwards.
pub unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
    // SAFETY: forwarded contract: `ptr` was returned by `System.alloc(layout)`.
    unsafe { System.dealloc(ptr, layout) }
}
