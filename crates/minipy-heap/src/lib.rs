//! minipy's object heap: object header, reference counting, allocation,
//! destruction (finalizer, weakref callbacks, trashcan), and, in its
//! modules, CPython 3.11's generational cycle collector ([`gc`]), weakref
//! lists ([`weakref`]), freelists ([`freelist`]) and inline-values blocks
//! ([`values`]). It is generic over the payload type `P` (a [`Trace`]
//! implementation), so it knows nothing of Python's types; all of the
//! interpreter's `unsafe` code is here.
//!
//! ```text
//!            instances of user subclasses of built-in types only
//!            +------------------------------------------+
//!  alloc --> | DictSlot: RefCell<Option<Ref<P>>>        |  16 bytes  (3.11's managed dict)
//!            +------------------------------------------+
//!            container objects only (payload.is_container() or a DictSlot)
//!            +------------------------------------------+
//!            | GcHead   prev, next  (collector's lists)  |  16 bytes
//!            |          gc_refs                         |   8 bytes
//!            +------------------------------------------+ <-- Ref<P> points here
//!            | ob_refcnt: u32 | ob_flags: u32           |   8 bytes  \
//!            | ob_type: *Object<P> (owned reference)    |   8 bytes   > Object<P>
//!            | payload: P (the program's enum)          |            /
//!            +------------------------------------------+
//!            instances of classes with __slots__: slot cells; tuples: items
//!            +------------------------------------------+
//!            | n x SlotCell: Cell<Option<Ref<P>>>       |  8n bytes (n in ob_flags)
//!            |   or n x Ref<P> (tuple items)            |  8n bytes (n in the payload's Items)
//!            +------------------------------------------+
//! ```
//!
//! Every object starts with a header holding a non-atomic reference count
//! and its type, like CPython's `PyObject`. Objects that can take part in
//! reference cycles (lists, dicts, instances, functions, ...) carry a
//! [`GcHead`] *before* the object, like CPython's `PyGC_Head`, so the cycle
//! collector can link them into generation lists without touching the types.
//!
//! Ownership follows CPython's owned/borrowed distinction through Rust's:
//!
//! * [`Ref`] is an *owned* (strong) reference: `clone` increments the
//!   count, `drop` decrements it; when it reaches zero the object is
//!   destroyed on the spot (payload dropped, type reference released, memory
//!   returned through `minipy_alloc`), so finalisation happens at the same
//!   point as in CPython.
//! * `&Object<P>` is a *borrowed* reference: valid while some owner lives.
//!   It derefs to its payload, so payload methods are object methods.
//!
//! Invariants relied upon by the `unsafe` blocks below (the payload's own
//! obligations are the numbered safety rules of [`Trace`]):
//!
//! 1. A `Ref` always points to a live, fully initialised `Object` allocated
//!    by [`Ref::new`] (or its siblings); the count it holds is included in
//!    `ob_refcnt`.
//! 2. `ob_refcnt > 0` while any `Ref` exists; the object is freed exactly
//!    once, by the `drop` that brings the count to zero (or by the trashcan
//!    that the drop deferred it to).
//! 3. The heap is single-threaded (`Ref` is `!Send`/`!Sync` because it
//!    holds a raw pointer), so `Cell` counts need no atomics; a thread
//!    holds objects of one payload type only (`Trace` rule 4).
//! 4. `ob_type` holds an owned reference to a type object, released when the
//!    object is destroyed. Type objects created at start-up are *immortal*
//!    (their count never reaches zero), which breaks the `type(type) is
//!    type` self-reference.
//! 5. `HAS_GC_HEAD` is set iff a `GcHead` precedes the object, and
//!    `HAS_DICT_SLOT` iff a `DictSlot` precedes that (it implies
//!    `HAS_GC_HEAD`); the layout used to free is recomputed from the flags.
//! 6. The header bits from `CELLS_SHIFT` up hold the number `n` of
//!    initialised [`SlotCell`]s that follow the object in its block (the
//!    `__slots__` values of an instance); `n` is set at allocation and
//!    never changes, so the layout to free is recomputed from it too.
//! 7. A tuple's items are the `len` initialised `Ref`s that follow the
//!    object in its block ([`Items`], made only by [`Ref::new_tuple`] and
//!    reported back by `Trace::items`, rule 1); they are never changed,
//!    and dropped when the object is freed.
//!
//! Destruction can recurse (a list holding the only reference to a list ...).
//! Like CPython's "trashcan", destruction deeper than [`TRASHCAN_DEPTH`]
//! nested deallocations is deferred to a queue drained by the outermost one,
//! so dropping a million-long linked list cannot overflow the Rust stack.
//!
//! Why a crate of its own: the interpreter (`minipy-vm`) is then entirely
//! safe Rust (`#![forbid(unsafe_code)]`), and the heap can be tested on
//! its own, with a ten-line payload and no Python (`tests/`).

mod trace;

pub mod freelist;
pub mod gc;
pub mod values;
pub mod weakref;

use std::alloc::Layout;
use std::cell::Cell;
use std::fmt;
use std::ptr::NonNull;

pub use trace::{Freelist, Trace, WeakParts};

/// The collector's link header, placed before container objects.
#[repr(C)]
pub struct GcHead {
    pub prev: Cell<usize>,
    pub next: Cell<usize>,
    pub gc_refs: Cell<isize>,
}

/// Header flag: a `GcHead` precedes the object.
pub const HAS_GC_HEAD: u32 = 1;
/// Header flag: the object is never freed.
pub const IMMORTAL: u32 = 2;
/// Header flag: `__del__` already ran (PEP 442: at most once).
pub const FINALIZED: u32 = 4;
/// Header flag: a `DictSlot` (the instance `__dict__` of a user subclass of
/// a built-in type) precedes the `GcHead`.
pub const HAS_DICT_SLOT: u32 = 8;

/// Header flag on a *type* object: its instances get a `DictSlot`
/// (set once, when the type is created; read on every allocation).
pub const TYPE_MANAGED_DICT: u32 = 16;

/// The managed `__dict__` slot placed before the object.
pub type DictSlot<P> = std::cell::RefCell<Option<Ref<P>>>;

/// Collector flag: the object is in the set being collected (`gc_refs`
/// holds its count of references from outside that set).
pub const COLLECTING: u32 = 32;
/// Collector flag: tentatively (then definitely) unreachable.
pub const UNREACHABLE: u32 = 64;
/// On a `dict`: the namespace of one instance, owned by it alone (3.11's
/// "inline values"). Never tracked itself; the instance's traversal covers
/// its contents. Cleared when Python code gets hold of the dict
/// (`obj.__dict__`), which "materialises" it. (The heap only reads it to
/// leave such dicts out of the collector's allocation count.)
pub const INLINE_DICT: u32 = 128;
/// The object is weakly referenced (see `weakref`).
pub const HAS_WEAKREFS: u32 = 256;
/// On a *type* object: its instances support weak references.
pub const TYPE_WEAKREFABLE: u32 = 512;

const IMMORTAL_REFCNT: u32 = 1 << 30;

/// Nested deallocations beyond this depth are deferred (CPython's trashcan).
pub const TRASHCAN_DEPTH: usize = 200;

/// Every object: header then payload.
#[repr(C)]
pub struct Object<P> {
    ob_refcnt: Cell<u32>,
    ob_flags: Cell<u32>,
    ob_type: Cell<NonNull<Object<P>>>,
    pub payload: P,
}

const _: () = assert!(std::mem::size_of::<GcHead>() == 24);
const _: () = assert!(std::mem::size_of::<Object<()>>() == 16);

/// An owned (strong) reference to an object.
#[repr(transparent)]
pub struct Ref<P: Trace> {
    ptr: NonNull<Object<P>>,
}

/// Header bits from here up hold the number of trailing cells (instances'
/// `__slots__` values, stored after the object as CPython stores them).
const CELLS_SHIFT: u32 = 16;
/// Most trailing cells an object can have.
pub const MAX_CELLS: usize = (u32::MAX >> CELLS_SHIFT) as usize;

/// A trailing cell (one `__slots__` value).
pub type SlotCell<P> = Cell<Option<Ref<P>>>;

/// A new reference to the value in `cell` (left in place).
#[inline]
pub fn cell_get<P: Trace>(cell: &SlotCell<P>) -> Option<Ref<P>> {
    let v = cell.take();
    let r = v.clone();
    cell.set(v);
    r
}

/// The allocation's layout and the offset of the `Object` in it;
/// `trailing` words (slot cells or tuple items) follow the object.
fn layout_for<P: Trace>(
    has_gc_head: bool,
    has_dict_slot: bool,
    trailing: usize,
) -> (Layout, usize) {
    let mut obj = Layout::new::<Object<P>>();
    if trailing > 0 {
        // Fails only for sizes no allocation could serve; the caller's
        // allocation then reports the failure.
        if let Ok((l, _)) = Layout::array::<SlotCell<P>>(trailing).and_then(|c| obj.extend(c)) {
            obj = l;
        }
    }
    let mut pre = if has_gc_head || has_dict_slot {
        Some(Layout::new::<GcHead>())
    } else {
        None
    };
    if has_dict_slot {
        // Cannot fail: both layouts are small and well-formed.
        if let Ok((l, _)) = Layout::new::<DictSlot<P>>().extend(Layout::new::<GcHead>()) {
            pre = Some(l);
        }
    }
    match pre {
        Some(p) => match p.extend(obj) {
            Ok((l, off)) => (l.pad_to_align(), off),
            Err(_) => (obj, 0),
        },
        None => (obj, 0),
    }
}

thread_local! {
    static DEALLOC_DEPTH: Cell<usize> = const { Cell::new(0) };
    static TRASHCAN: std::cell::RefCell<Vec<NonNull<u8>>> = const { std::cell::RefCell::new(Vec::new()) };
    static LIVE_OBJECTS: Cell<isize> = const { Cell::new(0) };
    /// Whether `TRASHCAN` may hold objects (a plain flag, cheaper to read
    /// on every deallocation than the vector's thread-local).
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
}

#[cfg(debug_assertions)]
thread_local! {
    /// The payload type this thread allocates (`Trace` rule 4).
    static PAYLOAD_TYPE: Cell<Option<std::any::TypeId>> = const { Cell::new(None) };
}

/// Debug builds: checks `Trace` rule 4 (one payload type per thread).
#[inline(always)]
fn check_payload_type<P: Trace>() {
    #[cfg(debug_assertions)]
    let _ = PAYLOAD_TYPE.try_with(|t| {
        let id = std::any::TypeId::of::<P>();
        let first = *t.get().get_or_insert(id);
        t.set(Some(first));
        debug_assert!(first == id, "Trace rule 4: two payload types on one thread");
    });
}

/// Objects allocated minus objects freed (for leak checks and statistics).
pub fn live_objects() -> isize {
    LIVE_OBJECTS.with(|c| c.get())
}

impl<P: Trace> Ref<P> {
    /// Allocates a new object with reference count 1.
    ///
    /// Aborts only if the system allocator reports exhaustion for a header-sized
    /// block (payload buffers that can be huge are allocated — and their
    /// failure reported as `MemoryError` — before reaching here).
    #[inline]
    pub fn new(payload: P, ty: &Ref<P>) -> Ref<P> {
        Ref::new_with_cells(payload, ty, 0)
    }

    /// Allocates a new object followed by `ncells` empty [`SlotCell`]s
    /// (at most [`MAX_CELLS`]; more are not allocated).
    #[inline]
    pub fn new_with_cells(payload: P, ty: &Ref<P>, ncells: usize) -> Ref<P> {
        let ncells = ncells.min(MAX_CELLS);
        let dict = ty.ob_flags.get() & TYPE_MANAGED_DICT != 0;
        let gc = dict || payload.is_container();
        let kind = match freelist::kind_of(&payload, gc, dict) {
            Some(k) if ncells == 0 => Some(k),
            _ => None,
        };
        let obj = allocate(ty, gc, dict, ncells, kind);
        // SAFETY: `allocate` returned room for the object and `ncells`
        // words after it (invariant 6 is established by the flags below).
        unsafe {
            let cells = obj.add(1) as *mut SlotCell<P>;
            for i in 0..ncells {
                cells.add(i).write(Cell::new(None));
            }
            finish(obj, ty, payload, gc, dict, ncells)
        }
    }

    /// A new tuple (of type `ty`) owning `items`, which are stored after
    /// the object in the same block, as CPython's `PyTupleObject` stores
    /// `ob_item`; its payload is `P::from_items`.
    pub fn new_tuple(mut items: Vec<Ref<P>>, ty: &Ref<P>) -> Ref<P> {
        Ref::new_tuple_from_tail(&mut items, 0, ty)
    }

    /// A new tuple of the items `v[start..]`, moved out of `v` (which is
    /// truncated to `start`): `BUILD_TUPLE` takes them off the value stack
    /// without an intermediate vector.
    #[inline]
    pub fn new_tuple_from_tail(v: &mut Vec<Ref<P>>, start: usize, ty: &Ref<P>) -> Ref<P> {
        let start = start.min(v.len());
        let n = v.len() - start;
        let dict = ty.ob_flags.get() & TYPE_MANAGED_DICT != 0;
        let kind = if dict { None } else { freelist::tuple_kind(n) };
        let obj = allocate(ty, true, dict, n, kind);
        // SAFETY: `allocate` returned room for the object and `n` words
        // after it; the items are moved there (the vector forgets them by
        // shrinking to `start`) and `Items` records where they are
        // (invariant 7; `Trace` rule 1 hands the same `Items` back).
        unsafe {
            let dst = obj.add(1) as *mut Ref<P>;
            std::ptr::copy_nonoverlapping(v.as_ptr().add(start), dst, n);
            v.set_len(start);
            let payload = P::from_items(Items {
                ptr: NonNull::new_unchecked(dst),
                len: n,
            });
            finish(obj, ty, payload, true, dict, 0)
        }
    }

    /// Allocates an object that is never freed (singletons, static types).
    /// `ty` may be `None` only for the very first type (`type` itself), whose
    /// type is then set to itself.
    pub fn new_immortal(payload: P, ty: Option<&Ref<P>>) -> Ref<P> {
        check_payload_type::<P>();
        let (layout, _) = layout_for::<P>(false, false, 0);
        // SAFETY: non-zero-sized layout.
        let base = unsafe { minipy_alloc::alloc(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let obj = base as *mut Object<P>;
        // SAFETY: `obj` is a fresh, aligned allocation for one Object; for
        // the self-typed case the pointer stored is the object itself, which
        // is immortal, so it stays valid forever.
        unsafe {
            let self_ptr = NonNull::new_unchecked(obj);
            let tptr = match ty {
                Some(t) => {
                    t.incref();
                    t.ptr
                }
                None => self_ptr,
            };
            obj.write(Object {
                ob_refcnt: Cell::new(IMMORTAL_REFCNT),
                ob_flags: Cell::new(IMMORTAL),
                ob_type: Cell::new(tptr),
                payload,
            });
            Ref { ptr: self_ptr }
        }
    }

    #[inline(always)]
    fn incref(&self) {
        let c = &self.ob_refcnt;
        c.set(c.get().wrapping_add(1));
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Object<P>) -> bool {
        std::ptr::eq(self.ptr.as_ptr(), other)
    }

    /// The address used for `id()`.
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// # Safety
    /// `ptr` must carry an owned reference to a live object.
    unsafe fn from_raw(ptr: NonNull<Object<P>>) -> Ref<P> {
        Ref { ptr }
    }
}

/// Allocates the block of an object of type `ty` (a recycled one of kind
/// `kind` when there is one), writes its dict slot and GC head, takes a
/// reference to `ty`, and returns where the `Object` goes (followed by
/// `trailing` words, uninitialised).
#[inline(always)]
fn allocate<P: Trace>(
    ty: &Ref<P>,
    gc: bool,
    dict: bool,
    trailing: usize,
    kind: Option<freelist::Kind>,
) -> *mut Object<P> {
    // `Trace` rule 5: the GC head sits exactly `size_of::<GcHead>()`
    // bytes before the object (`gc::gc_of`).
    const { assert!(std::mem::align_of::<Object<P>>() <= std::mem::align_of::<GcHead>()) };
    check_payload_type::<P>();
    let (layout, offset) = layout_for::<P>(gc, dict, trailing);
    let recycled = match kind {
        Some(k) => freelist::pop(k),
        None => std::ptr::null_mut(),
    };
    let base = if recycled.is_null() {
        // SAFETY: `layout` has non-zero size (Object is not zero-sized).
        unsafe { minipy_alloc::alloc(layout) }
    } else {
        recycled // F1: a block of exactly this layout
    };
    if base.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    ty.incref();
    // SAFETY: `base` is a fresh allocation of `layout`, large enough for an
    // optional dict slot and GcHead before the Object at `offset`, and
    // suitably aligned for all of them (Layout::extend computed the offset).
    unsafe {
        if dict {
            (base as *mut DictSlot<P>).write(std::cell::RefCell::new(None));
        }
        if gc {
            let head = base.add(offset - std::mem::size_of::<GcHead>()) as *mut GcHead;
            head.write(GcHead {
                prev: Cell::new(0),
                next: Cell::new(0),
                gc_refs: Cell::new(0),
            });
        }
        base.add(offset) as *mut Object<P>
    }
}

/// Writes the header and payload at `obj` (from [`allocate`]) and hands the
/// new object to the collector.
///
/// # Safety
/// `obj` comes from `allocate(ty, gc, dict, ..)` and its `ncells` trailing
/// cells (if any) are initialised.
#[inline(always)]
unsafe fn finish<P: Trace>(
    obj: *mut Object<P>,
    ty: &Ref<P>,
    payload: P,
    gc: bool,
    dict: bool,
    ncells: usize,
) -> Ref<P> {
    let flags = if gc { HAS_GC_HEAD } else { 0 }
        | if dict { HAS_DICT_SLOT } else { 0 }
        | ((ncells as u32) << CELLS_SHIFT);
    // SAFETY: per the contract, `obj` is valid for writing an Object.
    let r = unsafe {
        obj.write(Object {
            ob_refcnt: Cell::new(1),
            ob_flags: Cell::new(flags),
            ob_type: Cell::new(ty.ptr),
            payload,
        });
        Ref {
            ptr: NonNull::new_unchecked(obj),
        }
    };
    let _ = LIVE_OBJECTS.try_with(|c| c.set(c.get() + 1));
    if gc {
        // Objects with a managed dict are always tracked; the payload
        // decides for the others (exact dicts only once they hold a
        // container).
        let track = dict || P::tracked_at_creation(&r);
        gc::on_alloc(&r, track);
    }
    r
}

/// A tuple's items: a view of the words stored after the tuple object in
/// its own block (see [`Ref::new_tuple`]). Only the heap creates one with
/// items; it derefs to `&[Ref<P>]`.
pub struct Items<P: Trace> {
    ptr: NonNull<Ref<P>>,
    len: usize,
}

impl<P: Trace> Items<P> {
    /// No items (the empty tuple).
    pub const fn empty() -> Items<P> {
        Items {
            ptr: NonNull::dangling(),
            len: 0,
        }
    }
}

impl<P: Trace> std::ops::Deref for Items<P> {
    type Target = [Ref<P>];
    #[inline]
    fn deref(&self) -> &[Ref<P>] {
        // SAFETY: invariant 7: `len` initialised references live at `ptr`
        // (after the object this payload is in) for as long as the object,
        // which outlives any borrow of its payload; they are never mutated.
        // For `len == 0` the dangling pointer is valid for an empty slice.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<P: Trace> Clone for Ref<P> {
    #[inline(always)]
    fn clone(&self) -> Ref<P> {
        self.incref();
        Ref { ptr: self.ptr }
    }
}

impl<P: Trace> Drop for Ref<P> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: invariant 1: `ptr` is live while this Ref exists.
        let obj = unsafe { self.ptr.as_ref() };
        let n = obj.ob_refcnt.get() - 1;
        obj.ob_refcnt.set(n);
        if n == 0 {
            destroy(self.ptr);
        }
    }
}

impl<P: Trace> std::ops::Deref for Ref<P> {
    type Target = Object<P>;
    #[inline(always)]
    fn deref(&self) -> &Object<P> {
        // SAFETY: invariant 1: `ptr` is live while this Ref exists.
        unsafe { self.ptr.as_ref() }
    }
}

impl<P: Trace> fmt::Debug for Ref<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<object at {:#x}>", self.addr())
    }
}

/// Destroys an object whose count just reached zero.
#[cold]
fn destroy<P: Trace>(ptr: NonNull<Object<P>>) {
    // SAFETY: the count just reached zero (invariant 2), so this is the
    // single point of destruction and the object is still initialised.
    let obj = unsafe { ptr.as_ref() };
    if obj.ob_flags.get() & FINALIZED == 0 && P::has_finalizer(obj) {
        obj.ob_flags.set(obj.ob_flags.get() | FINALIZED);
        // Resurrect temporarily for the duration of __del__.
        obj.ob_refcnt.set(1);
        let tmp = Ref { ptr };
        P::finalize(&tmp);
        let n = obj.ob_refcnt.get() - 1;
        obj.ob_refcnt.set(n);
        std::mem::forget(tmp);
        if n != 0 {
            return; // resurrected by __del__
        }
    }
    if obj.ob_flags.get() & HAS_GC_HEAD != 0 {
        // G2: never free (or defer) an object still linked in a gc list.
        gc::untrack(obj);
    }
    if weakref::is_weakref(obj) {
        weakref::clear_ref(obj); // W2
    }
    if obj.ob_flags.get() & HAS_WEAKREFS != 0 {
        call_weakref_callbacks(obj);
    }
    let Ok(depth) = DEALLOC_DEPTH.try_with(|d| d.get()) else {
        // Thread teardown: the bookkeeping is gone; free directly.
        free_object(ptr);
        return;
    };
    if depth >= TRASHCAN_DEPTH
        && TRASHCAN
            .try_with(|t| t.borrow_mut().push(ptr.cast()))
            .is_ok()
    {
        let _ = DEFERRED.try_with(|d| d.set(true));
        return;
    }
    let _ = DEALLOC_DEPTH.try_with(|d| d.set(depth + 1));
    free_object(ptr);
    if depth == 0 && DEFERRED.try_with(|d| d.get()).unwrap_or(false) {
        // The trashcan only holds objects of `P` (invariant 3).
        while let Some(p) = TRASHCAN.try_with(|t| t.borrow_mut().pop()).ok().flatten() {
            free_object::<P>(p.cast());
        }
        let _ = DEFERRED.try_with(|d| d.set(false));
    }
    let _ = DEALLOC_DEPTH.try_with(|d| d.set(depth));
}

/// Clears the weakrefs to a dying object (W1) and runs their callbacks
/// (`PyObject_ClearWeakRefs`): every weakref is cleared before any
/// callback runs; a callback runs only while its weakref is alive.
#[cold]
fn call_weakref_callbacks<P: Trace>(obj: &Object<P>) {
    let wrs = weakref::clear_all(obj);
    for wr in wrs {
        let cb = match wr.payload.weakref() {
            Some((_, cb)) => cb.try_borrow_mut().ok().and_then(|mut c| c.take()),
            None => None,
        };
        if let Some(cb) = cb {
            P::call_weakref_callback(&cb, &wr);
        }
    }
}

fn free_object<P: Trace>(ptr: NonNull<Object<P>>) {
    // SAFETY: called exactly once per object, after its count reached zero
    // (invariant 2); reading the flags and type first, then dropping the
    // payload in place and freeing the block with the layout it was
    // allocated with (invariant 5).
    unsafe {
        let raw = ptr.as_ptr();
        let flags = (*raw).ob_flags.get();
        let ty = (*raw).ob_type.get();
        let gc = flags & HAS_GC_HEAD != 0;
        let dict = flags & HAS_DICT_SLOT != 0;
        let ncells = (flags >> CELLS_SHIFT) as usize;
        let nitems = (*raw).payload.items().map_or(0, |t| t.len());
        let kind = match freelist::kind_of(&(*raw).payload, gc, dict) {
            Some(k) if ncells == 0 => Some(k),
            _ => None,
        };
        std::ptr::drop_in_place(&mut (*raw).payload);
        // Trailing words: slot cells (invariant 6) or tuple items
        // (invariant 7), never both.
        let cells = raw.add(1) as *mut SlotCell<P>;
        for i in 0..ncells {
            std::ptr::drop_in_place(cells.add(i));
        }
        let items = raw.add(1) as *mut Ref<P>;
        for i in 0..nitems {
            std::ptr::drop_in_place(items.add(i));
        }
        if gc && flags & INLINE_DICT == 0 {
            gc::on_dealloc();
        }
        let (layout, offset) = layout_for::<P>(gc, dict, ncells + nitems);
        let base = (raw as *mut u8).sub(offset);
        if dict {
            std::ptr::drop_in_place(base as *mut DictSlot<P>);
        }
        if !kind.is_some_and(|k| freelist::push(k, base)) {
            minipy_alloc::dealloc(base, layout);
        }
        let _ = LIVE_OBJECTS.try_with(|c| c.set(c.get() - 1));
        // Release the type reference last (invariant 4).
        drop(Ref { ptr: ty });
    }
}

impl<P> std::ops::Deref for Object<P> {
    type Target = P;
    /// An object is its payload plus a header: payload methods
    /// (`obj.as_str()`) are object methods.
    #[inline(always)]
    fn deref(&self) -> &P {
        &self.payload
    }
}

impl<P: Trace> Object<P> {
    /// The object's type (a borrowed reference, valid while `self` lives).
    #[inline(always)]
    pub fn class(&self) -> &Ref<P> {
        // SAFETY: `ob_type` always holds an owned reference (invariant 4),
        // and `Ref` is a transparent wrapper over the same NonNull, so a
        // reference to the cell's content can be viewed as `&Ref`.
        unsafe { &*(self.ob_type.as_ptr() as *const Ref<P>) }
    }

    /// Every reference the object holds (`tp_traverse`, see `Trace::traverse`).
    #[inline]
    pub fn traverse(&self, visit: &mut impl FnMut(&Ref<P>)) {
        P::traverse(self, visit)
    }

    /// The name of the object's type (`type(obj).__name__`).
    pub fn type_name(&self) -> String {
        P::type_name(self)
    }

    /// The managed `__dict__` slot of an instance of a user subclass of a
    /// built-in type (None for every other object).
    #[inline]
    pub fn managed_dict(&self) -> Option<&DictSlot<P>> {
        if self.ob_flags.get() & HAS_DICT_SLOT == 0 {
            return None;
        }
        let (_, offset) = layout_for::<P>(true, true, 0);
        // SAFETY: HAS_DICT_SLOT means the allocation starts with an
        // initialised DictSlot `offset` bytes before this object
        // (invariant 5); it lives exactly as long as the object, so the
        // borrow cannot outlive it.
        unsafe {
            Some(&*((self as *const Object<P> as *const u8).sub(offset) as *const DictSlot<P>))
        }
    }

    /// Sets or clears header flags (`INLINE_DICT`, `TYPE_WEAKREFABLE`).
    pub fn set_flag(&self, flag: u32, on: bool) {
        let f = self.ob_flags.get();
        self.ob_flags.set(if on { f | flag } else { f & !flag });
    }

    /// Tests a header flag.
    #[inline(always)]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.ob_flags.get() & flag != 0
    }

    /// Bytes of the object's own block (GC head, dict slot, header and
    /// payload), as allocated through `minipy_alloc`.
    pub fn block_size(&self) -> usize {
        let f = self.ob_flags.get();
        if f & IMMORTAL != 0 {
            return layout_for::<P>(false, false, 0).0.size();
        }
        let mut trailing = (f >> CELLS_SHIFT) as usize;
        if let Some(t) = self.payload.items() {
            trailing += t.len();
        }
        layout_for::<P>(f & HAS_GC_HEAD != 0, f & HAS_DICT_SLOT != 0, trailing)
            .0
            .size()
    }

    /// The trailing cells (`__slots__` values) allocated with the object.
    #[inline]
    pub fn cells(&self) -> &[SlotCell<P>] {
        let n = (self.ob_flags.get() >> CELLS_SHIFT) as usize;
        if n == 0 {
            return &[];
        }
        // SAFETY: invariant 6: the header's cell count is the number of
        // initialised cells allocated right after this object; they live as
        // long as the object, and `Cell` gives shared mutability.
        unsafe {
            std::slice::from_raw_parts((self as *const Object<P>).add(1) as *const SlotCell<P>, n)
        }
    }

    /// Marks a type object whose instances carry a managed `__dict__`.
    pub fn set_type_managed_dict(&self) {
        self.ob_flags.set(self.ob_flags.get() | TYPE_MANAGED_DICT);
    }

    /// Replaces the type (`obj.__class__ = C`).
    pub fn set_class(&self, ty: &Ref<P>) {
        let new = ty.clone();
        let old = self.ob_type.replace(new.ptr);
        std::mem::forget(new);
        // SAFETY: `old` was an owned reference held by this object.
        drop(unsafe { Ref::from_raw(old) });
    }

    /// A new owned reference to this object (`Py_NewRef`).
    #[inline(always)]
    pub fn to_ref(&self) -> Ref<P> {
        self.ob_refcnt.set(self.ob_refcnt.get().wrapping_add(1));
        Ref {
            ptr: NonNull::from(self),
        }
    }

    /// Current reference count (`sys.getrefcount` minus the argument's own).
    pub fn refcnt(&self) -> usize {
        self.ob_refcnt.get() as usize
    }

    pub fn is_immortal(&self) -> bool {
        self.ob_flags.get() & IMMORTAL != 0
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Object<P>) -> bool {
        std::ptr::eq(self, other)
    }

    /// The address used for `id()`.
    pub fn addr(&self) -> usize {
        self as *const Object<P> as usize
    }
}
