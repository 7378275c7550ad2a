//! minipy's object heap: object header, reference counting, allocation,
//! destruction (finalizer, weakref callbacks, trashcan), and, in its
//! modules, CPython 3.11's generational cycle collector ([`gc`]), weakref
//! lists ([`weakref`]), freelists ([`freelist`]) and inline-values blocks
//! ([`values`]). It is generic over the payload type `P` (a [`Trace`]
//! implementation), so it knows nothing of Python's types; all of the
//! interpreter's `unsafe` code is here, and none of it relies on what the
//! payload answers: `Trace` is a safe trait (see `trace.rs` for how each
//! answer is kept from mattering to memory safety).
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
//!            |   or n x Ref<P> (tuple items, HAS_ITEMS) |  8n bytes (n in ob_flags)
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
//! Invariants relied upon by the `unsafe` blocks below (all kept by this
//! crate alone, whatever the payload does):
//!
//! 1. A `Ref` always points to a live, fully initialised `Object` allocated
//!    by [`Ref::new`] (or its siblings); the count it holds is included in
//!    `ob_refcnt`.
//! 2. `ob_refcnt > 0` while any `Ref` exists; the object is freed exactly
//!    once, by the `drop` that brings the count to zero (or by the trashcan
//!    that the drop deferred it to).
//! 3. The heap is single-threaded (`Ref` is `!Send`/`!Sync` because it
//!    holds a raw pointer), so `Cell` counts need no atomics. The
//!    collector's lists hold objects of one payload type per thread: the
//!    first container allocated on a thread fixes it, and a container of
//!    another type panics at allocation (`gc::on_alloc`).
//! 4. `ob_type` holds an owned reference to a type object, released when the
//!    object is destroyed. Type objects created at start-up are *immortal*
//!    (their count never reaches zero), which breaks the `type(type) is
//!    type` self-reference.
//! 5. `HAS_GC_HEAD` is set iff a `GcHead` precedes the object, and
//!    `HAS_DICT_SLOT` iff a `DictSlot` precedes that (it implies
//!    `HAS_GC_HEAD`); the layout used to free is recomputed from the flags.
//! 6. The header bits from `CELLS_SHIFT` up hold the number `n` of
//!    initialised words that follow the object in its block; `n` is set at
//!    allocation and never changes, so the layout to free is recomputed
//!    from it too. Without `HAS_ITEMS` they are [`SlotCell`]s (the
//!    `__slots__` values of an instance).
//! 7. With `HAS_ITEMS` (set only by [`Ref::new_tuple`] and
//!    [`Ref::new_immortal_tuple`]) they are a tuple's items, `n`
//!    initialised `Ref`s, never changed, dropped when the object is freed
//!    ([`Object::items`]); a tuple of `BIG_COUNT` items or more has the
//!    count `BIG_COUNT` and its length in one more word, before the items.
//!    The payload of a tuple holds only a [`TupleMark`]; nothing in it
//!    says where the items are.
//! 8. Flags the heap's layout and lists depend on (`HEAP_FLAGS`) are
//!    written only by this crate ([`Object::set_flag`] refuses them).
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

pub use trace::{Freelist, Trace, Visitor};

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
/// The trailing words are tuple items (`Ref`s), not slot cells.
pub const HAS_ITEMS: u32 = 1024;
/// The object is a weak reference attached to a referent (see `weakref`).
pub const IS_WEAKREF: u32 = 2048;
/// On a *type* object: every instance is tracked by the collector, whatever
/// its payload, and never untracked (CPython gives every heap type
/// `Py_TPFLAGS_HAVE_GC`: an instance refers to its class, so storing one
/// in a class attribute or the class's module makes a cycle).
pub const TYPE_GC_INSTANCES: u32 = 4096;

/// Flags only the heap writes (invariant 8): the layout, the collector's
/// marks, the weakref links, PEP 442's once-only mark, and the trailing
/// word count.
const HEAP_FLAGS: u32 = HAS_GC_HEAD
    | IMMORTAL
    | FINALIZED
    | HAS_DICT_SLOT
    | COLLECTING
    | UNREACHABLE
    | HAS_WEAKREFS
    | HAS_ITEMS
    | IS_WEAKREF
    | !((1 << CELLS_SHIFT) - 1);

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
/// The count that says "a tuple of this many items or more": its length
/// is then the first trailing word, before the items.
const BIG_COUNT: usize = (u32::MAX >> CELLS_SHIFT) as usize;
/// Most trailing cells an object can have.
pub const MAX_CELLS: usize = BIG_COUNT - 1;

/// A trailing cell (one `__slots__` value).
pub type SlotCell<P> = Cell<Option<Ref<P>>>;

/// A new reference to the value in `cell` (left in place).
#[inline]
pub fn cell_get<P: Trace>(cell: &SlotCell<P>) -> Option<Ref<P>> {
    // SAFETY: `Cell` hands out no reference to its contents because a
    // `set` could invalidate it. Here the contents are read only for the
    // span of `Ref::clone`, which increments the referent's count and runs
    // no other code, so nothing can `set` the cell meanwhile (and `Cell`
    // is `!Sync`: no other thread can either). The frames' fast slots are
    // read this way on every `LOAD_FAST`, where a take-and-put-back costs
    // two stores and a re-check of the slot.
    unsafe { (*cell.as_ptr()).clone() }
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

/// Frees a deferred object of the right payload type (`free_object::<P>`).
type FreeFn = fn(NonNull<u8>);

thread_local! {
    static DEALLOC_DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Deferred objects, each with the function that frees its type.
    static TRASHCAN: std::cell::RefCell<Vec<(NonNull<u8>, FreeFn)>> = const { std::cell::RefCell::new(Vec::new()) };
    static LIVE_OBJECTS: Cell<isize> = const { Cell::new(0) };
    /// Whether `TRASHCAN` may hold objects (a plain flag, cheaper to read
    /// on every deallocation than the vector's thread-local).
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
}

/// Objects allocated minus objects freed (for leak checks and statistics).
pub fn live_objects() -> isize {
    LIVE_OBJECTS.with(|c| c.get())
}

/// While one lives, no object is freed: a count reaching zero defers the
/// object to the trashcan (its finalizer and weakref callbacks still run).
/// The collector holds one across every walk of its lists that calls the
/// payload or the program (`Trace::traverse`, ...), so the node it stands
/// on stays valid memory whatever those calls drop. Dropping the outermost
/// one frees what was deferred.
pub(crate) struct NoFree {
    depth: usize,
}

impl NoFree {
    pub(crate) fn new() -> NoFree {
        let depth = DEALLOC_DEPTH.try_with(|d| d.replace(TRASHCAN_DEPTH.max(d.get())));
        NoFree {
            depth: depth.unwrap_or(0),
        }
    }
}

impl Drop for NoFree {
    fn drop(&mut self) {
        let _ = DEALLOC_DEPTH.try_with(|d| d.set(self.depth));
        if self.depth == 0 {
            drain_trashcan();
        }
    }
}

/// Frees everything deferred to the trashcan (by the outermost
/// deallocation, or the outermost [`NoFree`]).
fn drain_trashcan() {
    if !DEFERRED.try_with(|d| d.get()).unwrap_or(false) {
        return;
    }
    let _ = DEALLOC_DEPTH.try_with(|d| d.set(1));
    while let Some((p, free)) = TRASHCAN.try_with(|t| t.borrow_mut().pop()).ok().flatten() {
        free(p);
    }
    let _ = DEFERRED.try_with(|d| d.set(false));
    let _ = DEALLOC_DEPTH.try_with(|d| d.set(0));
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
        let gc = dict || ty.ob_flags.get() & TYPE_GC_INSTANCES != 0 || payload.is_container();
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
            finish(obj, ty, payload, gc, dict, (ncells as u32) << CELLS_SHIFT)
        }
    }

    /// A new tuple (of type `ty`) owning `items`, which are stored after
    /// the object in the same block, as CPython's `PyTupleObject` stores
    /// `ob_item`; its payload is `P::tuple`.
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
        // A big tuple keeps its length in a word before the items.
        let (count, len_word) = if n < BIG_COUNT {
            (n, 0)
        } else {
            (BIG_COUNT, 1)
        };
        let obj = allocate(ty, true, dict, n + len_word, kind);
        // SAFETY: `allocate` returned room for the object and `n +
        // len_word` words after it; the length word is written, the items
        // `v[start..]` are moved after it (the vector forgets them by
        // shrinking to `start`), and the header records them (invariant 7).
        unsafe {
            let words = obj.add(1) as *mut usize;
            if len_word == 1 {
                words.write(n);
            }
            let dst = words.add(len_word) as *mut Ref<P>;
            std::ptr::copy_nonoverlapping(v.as_ptr().add(start), dst, n);
            v.set_len(start);
            finish(
                obj,
                ty,
                P::tuple(TupleMark(())),
                true,
                dict,
                HAS_ITEMS | ((count as u32) << CELLS_SHIFT),
            )
        }
    }

    /// The payload, mutably, when `this` is the object's only reference
    /// (CPython's `Py_REFCNT(o) == 1` test before resizing a str in place;
    /// `Rc::get_mut`). None when anything else could reach the object: a
    /// second owner, immortality, the collector's lists (a `GcHead`), or
    /// weak references.
    pub fn get_mut(this: &mut Ref<P>) -> Option<&mut P> {
        let obj: &Object<P> = this;
        let shared = HAS_GC_HEAD | IMMORTAL | HAS_WEAKREFS | IS_WEAKREF;
        if obj.ob_refcnt.get() != 1 || obj.ob_flags.get() & shared != 0 {
            return None;
        }
        // SAFETY: `this` holds the only count (invariant 2) and no list of
        // the collector or of weak references points at the object (flags
        // checked above, invariant 5 and `weakref`), so nothing else can
        // form a reference to it while `this` is borrowed mutably; the
        // object is live and initialised (invariant 1).
        Some(unsafe { &mut (*this.ptr.as_ptr()).payload })
    }

    /// Allocates an object that is never freed (singletons, static types).
    /// `ty` may be `None` only for the very first type (`type` itself), whose
    /// type is then set to itself.
    pub fn new_immortal(payload: P, ty: Option<&Ref<P>>) -> Ref<P> {
        Ref::immortal(payload, ty, IMMORTAL)
    }

    /// The immortal empty tuple (`()`), of type `ty`.
    pub fn new_immortal_tuple(ty: &Ref<P>) -> Ref<P> {
        Ref::immortal(P::tuple(TupleMark(())), Some(ty), IMMORTAL | HAS_ITEMS)
    }

    fn immortal(payload: P, ty: Option<&Ref<P>>, flags: u32) -> Ref<P> {
        let (layout, _) = layout_for::<P>(false, false, 0);
        // SAFETY: non-zero-sized layout.
        let base = unsafe { minipy_alloc::alloc(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let obj = base as *mut Object<P>;
        // SAFETY: `obj` is a fresh, aligned allocation for one Object; for
        // the self-typed case the pointer stored is the object itself, which
        // is immortal, so it stays valid forever. No trailing words (a
        // HAS_ITEMS tuple here has a count of 0).
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
                ob_flags: Cell::new(flags),
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
    // The GC head sits exactly `size_of::<GcHead>()` bytes before the
    // object (`gc::gc_of`), and trailing words right after it.
    const {
        assert!(std::mem::align_of::<Object<P>>() <= std::mem::align_of::<GcHead>());
        assert!(std::mem::size_of::<Option<Ref<P>>>() == std::mem::size_of::<usize>());
    };
    let (layout, offset) = layout_for::<P>(gc, dict, trailing);
    let recycled = match kind {
        Some(k) => freelist::pop(k, layout),
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
/// new object to the collector. `trailing` holds the trailing-word bits of
/// the header (`HAS_ITEMS` and the count).
///
/// # Safety
/// `obj` comes from `allocate(ty, gc, dict, n, ..)` where `n` is the count
/// in `trailing`, and those `n` trailing words are initialised (slot cells,
/// or items with `HAS_ITEMS`).
#[inline(always)]
unsafe fn finish<P: Trace>(
    obj: *mut Object<P>,
    ty: &Ref<P>,
    payload: P,
    gc: bool,
    dict: bool,
    trailing: u32,
) -> Ref<P> {
    let flags = if gc { HAS_GC_HEAD } else { 0 } | if dict { HAS_DICT_SLOT } else { 0 } | trailing;
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

/// What a tuple's payload holds (`Trace::tuple`): only a mark. The items
/// themselves are after the object, described by its header
/// (`Object::items`); only the heap makes marks.
pub struct TupleMark(());

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
    if obj.ob_flags.get() & FINALIZED == 0 {
        // Resurrected (count 1, owned by `tmp`) while the payload is asked
        // about its finalizer and for the duration of `__del__`: whatever
        // references they take and drop, the count cannot reach zero again
        // in here.
        obj.ob_refcnt.set(1);
        let tmp = Ref { ptr };
        if P::has_finalizer(obj) {
            obj.ob_flags.set(obj.ob_flags.get() | FINALIZED);
            P::finalize(&tmp);
        }
        std::mem::forget(tmp);
        let n = obj.ob_refcnt.get() - 1;
        obj.ob_refcnt.set(n);
        if n != 0 {
            return; // resurrected by __del__
        }
    }
    if obj.ob_flags.get() & HAS_GC_HEAD != 0 {
        // G2: never free (or defer) an object still linked in a gc list.
        gc::untrack(obj);
    }
    if obj.ob_flags.get() & IS_WEAKREF != 0 {
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
            .try_with(|t| t.borrow_mut().push((ptr.cast(), free_erased::<P>)))
            .is_ok()
    {
        let _ = DEFERRED.try_with(|d| d.set(true));
        return;
    }
    let _ = DEALLOC_DEPTH.try_with(|d| d.set(depth + 1));
    free_object(ptr);
    if depth == 0 {
        drain_trashcan();
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
        let cb = match wr.payload.weakref_callback() {
            Some(cb) => cb.try_borrow_mut().ok().and_then(|mut c| c.take()),
            None => None,
        };
        if let Some(cb) = cb {
            P::call_weakref_callback(&cb, &wr);
        }
    }
}

/// [`free_object`] for the trashcan, which stores type-erased pointers.
fn free_erased<P: Trace>(ptr: NonNull<u8>) {
    free_object::<P>(ptr.cast());
}

fn free_object<P: Trace>(ptr: NonNull<Object<P>>) {
    // SAFETY: called exactly once per object, after its count reached zero
    // (invariant 2) and it left every list and weakref table; reading the
    // header first, then dropping the payload in place and freeing the
    // block with the layout it was allocated with (invariants 5-7, all read
    // from the header, which only the heap writes: invariant 8).
    unsafe {
        let raw = ptr.as_ptr();
        let flags = (*raw).ob_flags.get();
        let ty = (*raw).ob_type.get();
        let gc = flags & HAS_GC_HEAD != 0;
        let dict = flags & HAS_DICT_SLOT != 0;
        let (trailing, first_item, nitems) = (*raw).trailing();
        let items = flags & HAS_ITEMS != 0;
        let kind = if items {
            if dict {
                None
            } else {
                freelist::tuple_kind(nitems)
            }
        } else if trailing == 0 {
            freelist::kind_of(&(*raw).payload, gc, dict)
        } else {
            None
        };
        std::ptr::drop_in_place(&mut (*raw).payload);
        // Trailing words: tuple items (invariant 7) or slot cells
        // (invariant 6).
        if items {
            let items = (raw.add(1) as *mut Ref<P>).add(first_item);
            for i in 0..nitems {
                std::ptr::drop_in_place(items.add(i));
            }
        } else {
            let cells = raw.add(1) as *mut SlotCell<P>;
            for i in 0..trailing {
                std::ptr::drop_in_place(cells.add(i));
            }
        }
        if gc && flags & INLINE_DICT == 0 {
            gc::on_dealloc();
        }
        let (layout, offset) = layout_for::<P>(gc, dict, trailing);
        let base = (raw as *mut u8).sub(offset);
        if dict {
            std::ptr::drop_in_place(base as *mut DictSlot<P>);
        }
        if !kind.is_some_and(|k| freelist::push(k, base, layout)) {
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
        P::traverse(self, &mut Visitor::new(visit))
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

    /// Sets or clears a flag of the program's (`INLINE_DICT`,
    /// `TYPE_WEAKREFABLE`, ...). The heap's own flags (layout, collector
    /// marks, weakref links) are not the program's to change (invariant
    /// 8): asking for them is a bug, and they are left as they are.
    pub fn set_flag(&self, flag: u32, on: bool) {
        debug_assert!(flag & HEAP_FLAGS == 0, "set_flag: heap flag {flag:#x}");
        self.set_heap_flag(flag & !HEAP_FLAGS, on);
    }

    /// Sets or clears any flag (the heap's own use).
    #[inline(always)]
    pub(crate) fn set_heap_flag(&self, flag: u32, on: bool) {
        let f = self.ob_flags.get();
        self.ob_flags.set(if on { f | flag } else { f & !flag });
    }

    /// Tests a header flag.
    #[inline(always)]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.ob_flags.get() & flag != 0
    }

    /// Bytes of the object's own block (GC head, dict slot, header,
    /// payload and trailing words), as allocated through `minipy_alloc`.
    pub fn block_size(&self) -> usize {
        let f = self.ob_flags.get();
        if f & IMMORTAL != 0 {
            return layout_for::<P>(false, false, 0).0.size();
        }
        let (trailing, _, _) = self.trailing();
        layout_for::<P>(f & HAS_GC_HEAD != 0, f & HAS_DICT_SLOT != 0, trailing)
            .0
            .size()
    }

    /// The trailing cells (`__slots__` values) allocated with the object.
    #[inline]
    pub fn cells(&self) -> &[SlotCell<P>] {
        let f = self.ob_flags.get();
        if f < 1 << CELLS_SHIFT || f & HAS_ITEMS != 0 {
            return &[]; // no trailing words, or items
        }
        let n = (f >> CELLS_SHIFT) as usize;
        // SAFETY: invariant 6: without HAS_ITEMS the header's count is the
        // number of initialised cells allocated right after this object;
        // they live as long as the object, and `Cell` gives shared
        // mutability.
        unsafe {
            std::slice::from_raw_parts((self as *const Object<P>).add(1) as *const SlotCell<P>, n)
        }
    }

    /// A tuple's items (empty for any object that is not a tuple made by
    /// [`Ref::new_tuple`]).
    #[inline]
    pub fn items(&self) -> &[Ref<P>] {
        let f = self.ob_flags.get();
        if f & HAS_ITEMS == 0 {
            return &[];
        }
        let (_, first, n) = self.trailing();
        // SAFETY: invariant 7: with HAS_ITEMS, `n` initialised,
        // never-changed references follow the object (after the length
        // word of a big tuple), living as long as it does.
        unsafe {
            std::slice::from_raw_parts(
                ((self as *const Object<P>).add(1) as *const Ref<P>).add(first),
                n,
            )
        }
    }

    /// The trailing words: (how many, index of the first item, number of
    /// items), from the header (invariants 6, 7).
    #[inline(always)]
    fn trailing(&self) -> (usize, usize, usize) {
        let f = self.ob_flags.get();
        let count = (f >> CELLS_SHIFT) as usize;
        if f & HAS_ITEMS == 0 {
            return (count, 0, 0);
        }
        if count < BIG_COUNT {
            return (count, 0, count);
        }
        // SAFETY: invariant 7: a big tuple's first trailing word, written
        // at allocation and never changed, is its length.
        let n = unsafe { *((self as *const Object<P>).add(1) as *const usize) };
        (n + 1, 1, n)
    }

    /// The items, if this is a tuple (made by [`Ref::new_tuple`] or
    /// [`Ref::new_immortal_tuple`]).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Ref<P>]> {
        if self.ob_flags.get() & HAS_ITEMS == 0 {
            return None;
        }
        Some(self.items())
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
