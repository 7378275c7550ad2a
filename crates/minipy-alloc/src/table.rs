//! The arena table (CPython's `arenas` array of `arena_object`s): a
//! growable array whose memory comes straight from the system allocator,
//! never from the global allocator — it grows while the allocator state is
//! locked, and a `Vec` would re-enter the allocator (deadlock).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::arena::ArenaObject;

/// Entries in the first table (CPython's `INITIAL_ARENA_OBJECTS`).
const INITIAL_ARENA_OBJECTS: usize = 16;

/// A `Vec<ArenaObject>` allocated with `System`, never freed (the table
/// lives as long as the process; entries of released arenas are reused).
pub struct ArenaTable {
    ptr: NonNull<ArenaObject>,
    len: usize,
    cap: usize,
}

impl ArenaTable {
    pub const fn new() -> Self {
        ArenaTable {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
        }
    }

    /// Appends `obj`; `false` when the system allocator cannot grow the table.
    pub fn push(&mut self, obj: ArenaObject) -> bool {
        if self.len == self.cap && !self.grow() {
            return false;
        }
        // SAFETY: len < cap, so slot `len` lies inside the allocation.
        unsafe { self.ptr.as_ptr().add(self.len).write(obj) };
        self.len += 1;
        true
    }

    /// Doubles the capacity (CPython doubles its table too).
    fn grow(&mut self) -> bool {
        let new_cap = if self.cap == 0 {
            INITIAL_ARENA_OBJECTS
        } else {
            self.cap * 2
        };
        let Ok(new_layout) = Layout::array::<ArenaObject>(new_cap) else {
            return false;
        };
        let p = if self.cap == 0 {
            // SAFETY: the layout has a non-zero size (new_cap >= 16).
            unsafe { System.alloc(new_layout) }
        } else {
            let Ok(old_layout) = Layout::array::<ArenaObject>(self.cap) else {
                return false;
            };
            // SAFETY: `ptr` was allocated by `System` with `old_layout`
            // (same element type, capacity `cap`); the new size is non-zero
            // and fits `isize` (Layout::array checked it).
            unsafe { System.realloc(self.ptr.as_ptr().cast(), old_layout, new_layout.size()) }
        };
        match NonNull::new(p.cast::<ArenaObject>()) {
            Some(p) => {
                self.ptr = p;
                self.cap = new_cap;
                true
            }
            None => false,
        }
    }
}

impl Deref for ArenaTable {
    type Target = [ArenaObject];
    #[inline]
    fn deref(&self) -> &[ArenaObject] {
        // SAFETY: `ptr` is dangling-but-aligned when len == 0, otherwise the
        // first `len` entries are initialised (written by `push`).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl DerefMut for ArenaTable {
    #[inline]
    fn deref_mut(&mut self) -> &mut [ArenaObject] {
        // SAFETY: as in `deref`; `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}
