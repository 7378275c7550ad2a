//! The slot table: what a type *does*, as function pointers — CPython's
//! `PyTypeObject` `tp_*` fields with its number, sequence, mapping and
//! async suites folded into one array.
//!
//! ```text
//!   TypeData.slots: Slots
//!   +----------------------------+
//!   | [SlotId::Repr]   Some(Unary(list_repr))     <- set from the type's TypeSpec,
//!   | [SlotId::Hash]   Some(Hash(hash_not_impl))     inherited from its base, or a
//!   | [SlotId::NbAdd]  None                          `slot_*` dispatcher calling a
//!   | ...                                            dunder of a Python class
//!   +----------------------------+
//!   | origin: per slot, the type whose own function it holds
//!   | generic: bitset of the ids whose slot is the dunder dispatcher
//!   +----------------------------+
//! ```
//!
//! The one table below (`define_slots!`) defines every slot: its id, the
//! name of its typed accessor, and its signature. From it derive the
//! `SlotId` enum, `Slots`' typed getters (`ty.slots.hash()`), and the
//! `slot::*` constructors a `TypeSpec` lists its slots with
//! (`slot::hash(list_hash)`), so a slot can only be given a function of
//! its own signature.
//!
//! Invariants:
//! 1. The cell of slot `id` holds `None` or a `SlotFn` of the kind the table
//!    gives for `id` (the constructors guarantee it for specs; `Slots::set`
//!    checks it in debug builds for the dunder machinery).
//! 2. Bit `id` of `generic` is set iff the slot holds the `slot_*`
//!    dispatcher of `objects::typeobj::dispatch` (a Python class defining
//!    the dunder); otherwise `origin[id]` is the address of the type object
//!    whose own function the slot holds (inherited slots keep their
//!    origin). CPython answers "is this the same slot function?" by
//!    comparing function pointers (`binary_op1`'s `slotw == slotv`,
//!    `SLOT1BINFULL`'s `TESTFUNC`), which Rust does not keep stable
//!    (functions may be merged or duplicated); `Slots::same` and
//!    `Slots::is_generic` answer it from these two records instead.
//! 3. Slots of static types never change after start-up; those of heap
//!    types change only through `slotdefs::update_slot` (a class attribute
//!    assignment), which bumps the VM's type version.

use std::cell::Cell;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::{Args, NativeFn};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// `tp_repr`, `tp_str`, `tp_iter`, `nb_negative`, `nb_index`, ...
pub type UnaryFn = fn(&Vm, &PyRef) -> PyResult;
/// Number binary operators (`nb_add(a, b)`: either operand may be the one
/// of this type; NotImplemented otherwise), `mp_subscript`, `sq_concat`.
pub type BinaryFn = fn(&Vm, &PyRef, &PyRef) -> PyResult;
/// `nb_power(a, b, modulus-or-None)`.
pub type TernaryFn = fn(&Vm, &PyRef, &PyRef, &PyRef) -> PyResult;
/// `nb_bool`.
pub type InquiryFn = fn(&Vm, &PyRef) -> PyResult<bool>;
/// `mp_length` / `sq_length`.
pub type LenFn = fn(&Vm, &PyRef) -> PyResult<usize>;
/// `tp_hash`.
pub type HashFn = fn(&Vm, &PyRef) -> PyResult<i64>;
/// `tp_richcompare`: NotImplemented when the operands are not supported.
pub type RichCmpFn = fn(&Vm, &PyRef, &PyRef, CompareOp) -> PyResult;
/// `tp_getattro`: `Ok(None)` when the attribute is simply missing (the
/// caller raises the standard AttributeError; types with their own message
/// raise it themselves).
pub type GetAttroFn = fn(&Vm, &PyRef, &PyRef) -> PyResult<Option<PyRef>>;
/// `tp_setattro`: `None` deletes.
pub type SetAttroFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `tp_descr_get(descr, obj or NULL, type or NULL)`.
pub type DescrGetFn = fn(&Vm, &PyRef, Option<&PyRef>, Option<&PyRef>) -> PyResult;
/// `tp_descr_set(descr, obj, value or NULL)`.
pub type DescrSetFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `tp_call`.
pub type CallFn = fn(&Vm, &PyRef, Args) -> PyResult;
/// `tp_iternext`: `Ok(None)` when exhausted (no StopIteration is made).
pub type IterNextFn = fn(&Vm, &PyRef) -> PyResult<Option<PyRef>>;
/// `tp_new`: the class is the first positional argument.
pub type NewFn = NativeFn;
/// `tp_init`.
pub type InitFn = fn(&Vm, &PyRef, Args) -> PyResult<()>;
/// `sq_contains`.
pub type ContainsFn = fn(&Vm, &PyRef, &PyRef) -> PyResult<bool>;
/// `sq_repeat(seq, count)`.
pub type RepeatFn = fn(&Vm, &PyRef, isize) -> PyResult;
/// `mp_ass_subscript(obj, key, value or NULL)`.
pub type AssSubscriptFn = fn(&Vm, &PyRef, &PyRef, Option<PyRef>) -> PyResult<()>;
/// `tp_finalize` (`__del__`).
pub type FinalizeFn = fn(&Vm, &PyRef);
/// `tp_traverse`: calls `visit` once on every reference the object's
/// payload owns (the heap adds its slot cells, managed `__dict__` and
/// heap type: `subtype_traverse`). Runs inside the collector: no Python
/// code, no allocation, and a container borrowed elsewhere reports
/// nothing (its referents then only look externally referenced).
pub type TraverseFn = fn(&PyObject, &mut crate::heap::Visit<'_>);
/// `tp_clear`: moves the references the payload owns into `dead`
/// (dropped by the caller once every borrow is released, since dropping
/// can run `__del__` and weakref callbacks), breaking the cycles the
/// object is part of. Payloads that cannot be emptied (a tuple, a bound
/// method) have none, as CPython's tuple has none.
pub type ClearFn = fn(&PyObject, &mut Vec<PyRef>);

/// A slot's function, tagged with its signature.
#[derive(Clone, Copy)]
pub enum SlotFn {
    Unary(UnaryFn),
    Binary(BinaryFn),
    Ternary(TernaryFn),
    Inquiry(InquiryFn),
    Len(LenFn),
    Hash(HashFn),
    RichCmp(RichCmpFn),
    GetAttro(GetAttroFn),
    SetAttro(SetAttroFn),
    DescrGet(DescrGetFn),
    DescrSet(DescrSetFn),
    Call(CallFn),
    IterNext(IterNextFn),
    New(NewFn),
    Init(InitFn),
    Contains(ContainsFn),
    Repeat(RepeatFn),
    AssSubscript(AssSubscriptFn),
    Finalize(FinalizeFn),
    Traverse(TraverseFn),
    Clear(ClearFn),
}

macro_rules! define_slots {
    ( $( $(#[doc = $doc:literal])* $id:ident, $get:ident, $kind:ident($fty:ty); )* ) => {
        /// A slot of the type object (index into `Slots`).
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        #[repr(u8)]
        pub enum SlotId { $( $(#[doc = $doc])* $id, )* }

        /// Number of slots.
        pub const SLOT_COUNT: usize = [$( SlotId::$id, )*].len();

        /// Every slot id, in table order.
        pub const ALL_SLOTS: [SlotId; SLOT_COUNT] = [$( SlotId::$id, )*];

        impl SlotId {
            /// Whether `f` has this slot's signature (invariant 1).
            pub fn accepts(self, f: &SlotFn) -> bool {
                match self { $( SlotId::$id => matches!(f, SlotFn::$kind(_)), )* }
            }
        }

        impl Slots {
            $(
                $(#[doc = $doc])*
                #[inline(always)]
                pub fn $get(&self) -> Option<$fty> {
                    match self.cells[SlotId::$id as usize].get() {
                        Some(SlotFn::$kind(f)) => Some(f),
                        _ => None,
                    }
                }
            )*
        }

        /// Constructors of `(slot, function)` pairs for a `TypeSpec`'s slot
        /// list, one per slot, typed by the slot's signature.
        pub mod slot {
            use super::*;
            $(
                $(#[doc = $doc])*
                pub const fn $get(f: $fty) -> (SlotId, SlotFn) { (SlotId::$id, SlotFn::$kind(f)) }
            )*
        }
    };
}

define_slots! {
    /// `tp_repr`: `repr(obj)`.
    Repr, repr, Unary(UnaryFn);
    /// `tp_str`: `str(obj)`.
    Str, str, Unary(UnaryFn);
    /// `tp_hash`: `hash(obj)`.
    Hash, hash, Hash(HashFn);
    /// `tp_richcompare`: `==`, `<`, ...
    RichCompare, richcompare, RichCmp(RichCmpFn);
    /// `tp_getattro`: `obj.name`.
    GetAttro, getattro, GetAttro(GetAttroFn);
    /// `tp_setattro`: `obj.name = v`, `del obj.name`.
    SetAttro, setattro, SetAttro(SetAttroFn);
    /// `tp_descr_get`: `__get__`.
    DescrGet, descr_get, DescrGet(DescrGetFn);
    /// `tp_descr_set`: `__set__`, `__delete__` (its presence makes a data
    /// descriptor).
    DescrSet, descr_set, DescrSet(DescrSetFn);
    /// `tp_call`: `obj(...)`.
    Call, call, Call(CallFn);
    /// `tp_iter`: `iter(obj)`.
    Iter, iter, Unary(UnaryFn);
    /// `tp_iternext`: `next(obj)`.
    IterNext, iternext, IterNext(IterNextFn);
    /// `tp_new`.
    New, tp_new, New(NewFn);
    /// `tp_init`.
    Init, init, Init(InitFn);
    /// `tp_finalize`: `__del__`.
    Finalize, finalize, Finalize(FinalizeFn);
    /// `tp_traverse` (no dunder: the layout's own; a class inherits its
    /// solid base's).
    Traverse, traverse, Traverse(TraverseFn);
    /// `tp_clear` (no dunder, as `tp_traverse`).
    Clear, clear, Clear(ClearFn);
    /// `am_await`.
    AmAwait, am_await, Unary(UnaryFn);
    /// `am_aiter`.
    AmAiter, am_aiter, Unary(UnaryFn);
    /// `am_anext`.
    AmAnext, am_anext, Unary(UnaryFn);
    /// `nb_add`.
    NbAdd, nb_add, Binary(BinaryFn);
    /// `nb_and`.
    NbAnd, nb_and, Binary(BinaryFn);
    /// `nb_floor_divide`.
    NbFloorDivide, nb_floor_divide, Binary(BinaryFn);
    /// `nb_lshift`.
    NbLshift, nb_lshift, Binary(BinaryFn);
    /// `nb_matrix_multiply`.
    NbMatrixMultiply, nb_matrix_multiply, Binary(BinaryFn);
    /// `nb_multiply`.
    NbMultiply, nb_multiply, Binary(BinaryFn);
    /// `nb_remainder`.
    NbRemainder, nb_remainder, Binary(BinaryFn);
    /// `nb_or`.
    NbOr, nb_or, Binary(BinaryFn);
    /// `nb_power`.
    NbPower, nb_power, Ternary(TernaryFn);
    /// `nb_rshift`.
    NbRshift, nb_rshift, Binary(BinaryFn);
    /// `nb_subtract`.
    NbSubtract, nb_subtract, Binary(BinaryFn);
    /// `nb_true_divide`.
    NbTrueDivide, nb_true_divide, Binary(BinaryFn);
    /// `nb_xor`.
    NbXor, nb_xor, Binary(BinaryFn);
    /// `nb_inplace_add`.
    NbInplaceAdd, nb_inplace_add, Binary(BinaryFn);
    /// `nb_inplace_and`.
    NbInplaceAnd, nb_inplace_and, Binary(BinaryFn);
    /// `nb_inplace_floor_divide`.
    NbInplaceFloorDivide, nb_inplace_floor_divide, Binary(BinaryFn);
    /// `nb_inplace_lshift`.
    NbInplaceLshift, nb_inplace_lshift, Binary(BinaryFn);
    /// `nb_inplace_matrix_multiply`.
    NbInplaceMatrixMultiply, nb_inplace_matrix_multiply, Binary(BinaryFn);
    /// `nb_inplace_multiply`.
    NbInplaceMultiply, nb_inplace_multiply, Binary(BinaryFn);
    /// `nb_inplace_remainder`.
    NbInplaceRemainder, nb_inplace_remainder, Binary(BinaryFn);
    /// `nb_inplace_or`.
    NbInplaceOr, nb_inplace_or, Binary(BinaryFn);
    /// `nb_inplace_power`.
    NbInplacePower, nb_inplace_power, Ternary(TernaryFn);
    /// `nb_inplace_rshift`.
    NbInplaceRshift, nb_inplace_rshift, Binary(BinaryFn);
    /// `nb_inplace_subtract`.
    NbInplaceSubtract, nb_inplace_subtract, Binary(BinaryFn);
    /// `nb_inplace_true_divide`.
    NbInplaceTrueDivide, nb_inplace_true_divide, Binary(BinaryFn);
    /// `nb_inplace_xor`.
    NbInplaceXor, nb_inplace_xor, Binary(BinaryFn);
    /// `nb_divmod`.
    NbDivmod, nb_divmod, Binary(BinaryFn);
    /// `nb_negative`: `-x`.
    NbNegative, nb_negative, Unary(UnaryFn);
    /// `nb_positive`: `+x`.
    NbPositive, nb_positive, Unary(UnaryFn);
    /// `nb_absolute`: `abs(x)`.
    NbAbsolute, nb_absolute, Unary(UnaryFn);
    /// `nb_invert`: `~x`.
    NbInvert, nb_invert, Unary(UnaryFn);
    /// `nb_bool`: `bool(x)`.
    NbBool, nb_bool, Inquiry(InquiryFn);
    /// `nb_int`: `int(x)`.
    NbInt, nb_int, Unary(UnaryFn);
    /// `nb_float`: `float(x)`.
    NbFloat, nb_float, Unary(UnaryFn);
    /// `nb_index`: `operator.index(x)`.
    NbIndex, nb_index, Unary(UnaryFn);
    /// `mp_length` (and `sq_length`): `len(obj)`.
    Length, length, Len(LenFn);
    /// `mp_subscript` (and `sq_item`): `obj[key]`.
    Subscript, subscript, Binary(BinaryFn);
    /// `mp_ass_subscript` (and `sq_ass_item`): `obj[key] = v`, `del obj[key]`.
    AssSubscript, ass_subscript, AssSubscript(AssSubscriptFn);
    /// `sq_contains`: `x in obj`.
    Contains, contains, Contains(ContainsFn);
    /// `sq_concat`: `seq + seq` when no `nb_add` applies.
    SqConcat, sq_concat, Binary(BinaryFn);
    /// `sq_repeat`: `seq * n`.
    SqRepeat, sq_repeat, Repeat(RepeatFn);
    /// `sq_inplace_concat`: `seq += x`.
    SqInplaceConcat, sq_inplace_concat, Binary(BinaryFn);
    /// `sq_inplace_repeat`: `seq *= n`.
    SqInplaceRepeat, sq_inplace_repeat, Repeat(RepeatFn);
}

/// The slots of one type (see the module essay for the invariants).
pub struct Slots {
    cells: [Cell<Option<SlotFn>>; SLOT_COUNT],
    /// For each slot, the address of the type object whose own function
    /// it holds (0 when empty or generic): two types share a slot function
    /// iff they share its origin (CPython compares the function pointers).
    origin: [Cell<usize>; SLOT_COUNT],
    /// Bit `id`: the slot is the dunder dispatcher (invariant 2).
    generic: Cell<u64>,
}

const _: () = assert!(SLOT_COUNT <= 64);

impl Default for Slots {
    fn default() -> Slots {
        Slots::empty()
    }
}

impl Slots {
    /// No slot set.
    pub fn empty() -> Slots {
        Slots {
            cells: std::array::from_fn(|_| Cell::new(None)),
            origin: std::array::from_fn(|_| Cell::new(0)),
            generic: Cell::new(0),
        }
    }

    /// The raw slot `id`.
    #[inline]
    pub fn get(&self, id: SlotId) -> Option<SlotFn> {
        self.cells[id as usize].get()
    }

    /// Sets slot `id` to the own function of the type at address `origin`
    /// (not the dunder dispatcher), or clears it.
    pub fn set(&self, id: SlotId, f: Option<SlotFn>, origin: usize) {
        debug_assert!(f.as_ref().is_none_or(|f| id.accepts(f)), "slot {id:?}");
        let origin = if f.is_some() { origin } else { 0 };
        self.cells[id as usize].set(f);
        self.origin[id as usize].set(origin);
        self.generic.set(self.generic.get() & !(1u64 << id as u32));
    }

    /// Sets slot `id` to its dunder dispatcher (`slot_*`).
    pub fn set_generic(&self, id: SlotId, f: SlotFn) {
        debug_assert!(id.accepts(&f), "slot {id:?}");
        self.cells[id as usize].set(Some(f));
        self.origin[id as usize].set(0);
        self.generic.set(self.generic.get() | (1u64 << id as u32));
    }

    /// Whether slot `id` calls a Python-level dunder (invariant 2).
    #[inline]
    pub fn is_generic(&self, id: SlotId) -> bool {
        self.generic.get() & (1u64 << id as u32) != 0
    }

    /// The address of the type whose own function slot `id` holds (0 when
    /// the slot is empty or generic).
    #[inline]
    pub fn origin(&self, id: SlotId) -> usize {
        self.origin[id as usize].get()
    }

    /// Whether `self` and `other` hold the same function in slot `id`
    /// (CPython's `slotw == slotv`); two empty slots are not the same.
    pub fn same(&self, other: &Slots, id: SlotId) -> bool {
        if self.get(id).is_none() || other.get(id).is_none() {
            return false;
        }
        match (self.is_generic(id), other.is_generic(id)) {
            (true, true) => true,
            (false, false) => self.origin(id) == other.origin(id),
            _ => false,
        }
    }

    /// Copies slot `id` (function, origin and generic bit) from `base`.
    pub fn inherit(&self, base: &Slots, id: SlotId) {
        let i = id as usize;
        self.cells[i].set(base.cells[i].get());
        self.origin[i].set(base.origin[i].get());
        let bit = 1u64 << id as u32;
        let g = (self.generic.get() & !bit) | (base.generic.get() & bit);
        self.generic.set(g);
    }
}

/// The `nb_*` slot of each `BINARY_OP` argument (`nb::ADD` = 0, ...,
/// in-place forms from `nb::INPLACE_OFFSET`), in `Lib/opcode.py`'s order.
pub const NB_BINARY_SLOTS: [SlotId; 26] = [
    SlotId::NbAdd,
    SlotId::NbAnd,
    SlotId::NbFloorDivide,
    SlotId::NbLshift,
    SlotId::NbMatrixMultiply,
    SlotId::NbMultiply,
    SlotId::NbRemainder,
    SlotId::NbOr,
    SlotId::NbPower,
    SlotId::NbRshift,
    SlotId::NbSubtract,
    SlotId::NbTrueDivide,
    SlotId::NbXor,
    SlotId::NbInplaceAdd,
    SlotId::NbInplaceAnd,
    SlotId::NbInplaceFloorDivide,
    SlotId::NbInplaceLshift,
    SlotId::NbInplaceMatrixMultiply,
    SlotId::NbInplaceMultiply,
    SlotId::NbInplaceRemainder,
    SlotId::NbInplaceOr,
    SlotId::NbInplacePower,
    SlotId::NbInplaceRshift,
    SlotId::NbInplaceSubtract,
    SlotId::NbInplaceTrueDivide,
    SlotId::NbInplaceXor,
];
