//! `Values`: an instance's namespace values, one thin pointer to a block
//! of the object allocator (CPython 3.11's `PyDictValues`, allocated with
//! `PyMem_Malloc`, i.e. pymalloc).
//!
//! ```text
//!   InstanceData.values ──> +-----------+----------+----------+-----
//!   (8 bytes, None when     | cap: usize| value 0  | value 1  | ...   cap values
//!    the class shares no    +-----------+----------+----------+-----
//!    keys yet)                block from minipy_alloc: 8 + 8*cap bytes
//! ```
//!
//! Why not `Box<[Option<Ref<P>>]>`: that is a fat pointer (16 bytes in the
//! payload) and a glibc allocation; a thin pointer keeps the instance
//! payload small and the block comes from the same pools as the objects
//! (no malloc lock, no chunk header, counted by `sys.getallocatedblocks`).
//!
//! Invariants relied upon by the `unsafe` blocks:
//!
//! V1. `ptr`, when Some, points to a live block allocated by
//!     [`block_layout`]`(cap)` whose first word is `cap`, followed by `cap`
//!     initialised `Option<Ref<P>>` cells; the block is owned by this
//!     `Values` alone and freed exactly once, by `drop`.
//! V2. `cap > 0` whenever `ptr` is Some.
//! V3. `Values` is only reached through `&self`/`&mut self` (it lives in a
//!     `RefCell`), so slices handed out never alias a mutation.

use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::{Ref, Trace};

/// The namespace values of one instance (see the module comment).
pub struct Values<P: Trace> {
    ptr: Option<NonNull<usize>>,
    /// Owns `Option<Ref<P>>` cells.
    _cells: PhantomData<Option<Ref<P>>>,
}

fn block_layout(cap: usize) -> Option<Layout> {
    Layout::array::<usize>(cap.checked_add(1)?).ok()
}

impl<P: Trace> Values<P> {
    /// No values (no allocation).
    pub const fn empty() -> Values<P> {
        Values {
            ptr: None,
            _cells: PhantomData,
        }
    }

    /// `cap` empty cells (no allocation when `cap` is 0).
    pub fn with_capacity(cap: usize) -> Values<P> {
        const { assert!(std::mem::size_of::<Option<Ref<P>>>() == std::mem::size_of::<usize>()) };
        if cap == 0 {
            return Values::empty();
        }
        let Some(layout) = block_layout(cap) else {
            std::alloc::handle_alloc_error(Layout::new::<usize>());
        };
        // SAFETY: `layout` is non-zero-sized (at least two words).
        let p = unsafe { minipy_alloc::alloc(layout) } as *mut usize;
        let Some(nn) = NonNull::new(p) else {
            std::alloc::handle_alloc_error(layout);
        };
        // SAFETY: the block holds 1 + cap words, aligned for usize; the
        // first is the capacity, the rest become None cells (V1).
        // `Option<Ref<P>>` is one word (asserted above).
        unsafe {
            p.write(cap);
            let cells = p.add(1) as *mut Option<Ref<P>>;
            for i in 0..cap {
                cells.add(i).write(None);
            }
        }
        Values {
            ptr: Some(nn),
            _cells: PhantomData,
        }
    }

    /// Number of cells.
    #[inline]
    pub fn capacity(&self) -> usize {
        match self.ptr {
            // SAFETY: V1: the first word of a live block is its capacity.
            Some(p) => unsafe { *p.as_ptr() },
            None => 0,
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[Option<Ref<P>>] {
        match self.ptr {
            // SAFETY: V1: `cap` initialised cells follow the header; V3:
            // the shared borrow of `self` keeps them unaliased by writes.
            Some(p) => unsafe {
                std::slice::from_raw_parts(p.as_ptr().add(1) as *const Option<Ref<P>>, *p.as_ptr())
            },
            None => &[],
        }
    }

    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [Option<Ref<P>>] {
        match self.ptr {
            // SAFETY: V1 as above; `&mut self` makes the access exclusive.
            Some(p) => unsafe {
                std::slice::from_raw_parts_mut(
                    p.as_ptr().add(1) as *mut Option<Ref<P>>,
                    *p.as_ptr(),
                )
            },
            None => &mut [],
        }
    }

    /// Grows to at least `cap` cells, keeping the values.
    pub fn grow(&mut self, cap: usize) {
        if cap <= self.capacity() {
            return;
        }
        let mut bigger = Values::with_capacity(cap);
        for (dst, src) in bigger.as_mut_slice().iter_mut().zip(self.as_mut_slice()) {
            *dst = src.take();
        }
        *self = bigger;
    }
}

impl<P: Trace> Drop for Values<P> {
    fn drop(&mut self) {
        let Some(p) = self.ptr.take() else {
            return;
        };
        // SAFETY: V1: live block with `cap` initialised cells, now owned by
        // this function alone (`ptr` was taken, so nothing can reach the
        // block while the references dropped here run finalizers).
        let cells = unsafe {
            std::slice::from_raw_parts_mut(p.as_ptr().add(1) as *mut Option<Ref<P>>, *p.as_ptr())
        };
        let cap = cells.len();
        for c in cells.iter_mut() {
            drop(c.take());
        }
        if let Some(layout) = block_layout(cap) {
            // SAFETY: V1: allocated by `with_capacity(cap)` with this
            // layout; all cells are None (nothing left to drop); freed once.
            unsafe { minipy_alloc::dealloc(p.as_ptr() as *mut u8, layout) };
        }
    }
}
