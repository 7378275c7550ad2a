//! The dunder table (CPython's `slotdefs[]` in `typeobject.c`): for each
//! special method name, the slot it fills, how a *slot wrapper* calls that
//! slot from Python (`int.__add__(1, 2)`), and the dispatcher a Python
//! class's slot gets when the class defines the name (`dispatch::slot_*`).
//!
//! Three uses, all driven by this one table:
//! - `add_operators`: a built-in type's own slots appear in its dict as
//!   `wrapper_descriptor`s (`int.__dict__['__add__']`), in table order;
//! - `fixup_slot_dispatchers`: a class statement computes each slot of the
//!   new class from what its MRO defines (`update_one_slot`): a slot
//!   wrapper of a base keeps that base's function (`class C(int)` adds as
//!   `int` does, without a dunder call), anything else gets the dispatcher;
//! - `update_slot`: assigning `C.__add__ = f` recomputes the slots named
//!   `__add__` of `C` and of its subclasses that inherit it.
//!
//! The order matters as in CPython: type slots, then number slots, then
//! mapping, then sequence slots, so `list.__add__` wraps `sq_concat` (list
//! has no `nb_add`) and a name is wrapped once, by its first slot.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::dispatch as d;
use crate::objects::typeobj::slots::{SlotFn, SlotId};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// How a slot wrapper calls its slot (CPython's `wrap_*` functions; the
/// variants are distinct where CPython's wrapper functions are, because
/// `update_one_slot` compares them).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wrapper {
    /// `wrap_unaryfunc`: `f(self)`.
    Unary,
    /// `wrap_binaryfunc`: `f(self, other)` (mapping, sequence, in-place).
    Binary,
    /// `wrap_binaryfunc_l`: `f(self, other)` (number operators).
    BinaryL,
    /// `wrap_binaryfunc_r`: `f(other, self)` (reflected operators).
    BinaryR,
    /// `wrap_ternaryfunc`: `f(self, other, mod=None)`.
    Ternary,
    /// `wrap_ternaryfunc_r`: `f(other, self, mod=None)`.
    TernaryR,
    /// `wrap_inquirypred`: `bool(f(self))`.
    Inquiry,
    /// `wrap_lenfunc`.
    Len,
    /// `wrap_hashfunc`.
    Hash,
    /// `wrap_call` (keywords allowed).
    Call,
    /// `wrap_next`: StopIteration when exhausted.
    Next,
    /// `richcmp_*`.
    RichCmp(CompareOp),
    /// `wrap_binaryfunc` on `tp_getattro` (`__getattribute__`).
    GetAttr,
    /// `wrap_setattr`.
    SetAttr,
    /// `wrap_delattr`.
    DelAttr,
    /// `wrap_descr_get`.
    DescrGet,
    /// `wrap_descr_set`.
    DescrSet,
    /// `wrap_descr_delete`.
    DescrDelete,
    /// `wrap_init` (keywords allowed).
    Init,
    /// `wrap_del`.
    Del,
    /// `wrap_objobjargproc`: `self[key] = value`.
    SetItem,
    /// `wrap_delitem`.
    DelItem,
    /// `wrap_objobjproc`: `key in self`.
    Contains,
    /// `wrap_indexargfunc`: `f(self, index(n))`.
    IndexArg,
}

/// One entry of the dunder table.
pub struct SlotDef {
    pub name: &'static str,
    pub slot: SlotId,
    /// `None`: the name has no slot wrapper (`__getattr__`, `__new__`).
    pub wrapper: Option<Wrapper>,
    /// The dispatcher for classes that define the name (`None` for the
    /// sequence slots that only built-in types fill).
    pub generic: Option<SlotFn>,
    /// CPython's docstring, with its text signature.
    pub doc: &'static str,
}

const fn def(
    name: &'static str,
    slot: SlotId,
    wrapper: Option<Wrapper>,
    generic: Option<SlotFn>,
    doc: &'static str,
) -> SlotDef {
    SlotDef {
        name,
        slot,
        wrapper,
        generic,
        doc,
    }
}

use SlotFn as F;
use SlotId as S;
use Wrapper as W;

/// The table, in CPython 3.11's order.
pub static SLOTDEFS: &[SlotDef] = &[
    def("__repr__", S::Repr, Some(W::Unary), Some(F::Unary(d::slot_tp_repr)),
        "__repr__($self, /)\n--\n\nReturn repr(self)."),
    def("__hash__", S::Hash, Some(W::Hash), Some(F::Hash(d::slot_tp_hash)),
        "__hash__($self, /)\n--\n\nReturn hash(self)."),
    def("__call__", S::Call, Some(W::Call), Some(F::Call(d::slot_tp_call)),
        "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function."),
    def("__str__", S::Str, Some(W::Unary), Some(F::Unary(d::slot_tp_str)),
        "__str__($self, /)\n--\n\nReturn str(self)."),
    def("__getattribute__", S::GetAttro, Some(W::GetAttr), Some(F::GetAttro(d::slot_tp_getattr_hook)),
        "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    def("__getattr__", S::GetAttro, None, Some(F::GetAttro(d::slot_tp_getattr_hook)), ""),
    def("__setattr__", S::SetAttro, Some(W::SetAttr), Some(F::SetAttro(d::slot_tp_setattro)),
        "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    def("__delattr__", S::SetAttro, Some(W::DelAttr), Some(F::SetAttro(d::slot_tp_setattro)),
        "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    def("__lt__", S::RichCompare, Some(W::RichCmp(CompareOp::Lt)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__lt__($self, value, /)\n--\n\nReturn self<value."),
    def("__le__", S::RichCompare, Some(W::RichCmp(CompareOp::Le)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__le__($self, value, /)\n--\n\nReturn self<=value."),
    def("__eq__", S::RichCompare, Some(W::RichCmp(CompareOp::Eq)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__eq__($self, value, /)\n--\n\nReturn self==value."),
    def("__ne__", S::RichCompare, Some(W::RichCmp(CompareOp::Ne)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__ne__($self, value, /)\n--\n\nReturn self!=value."),
    def("__gt__", S::RichCompare, Some(W::RichCmp(CompareOp::Gt)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__gt__($self, value, /)\n--\n\nReturn self>value."),
    def("__ge__", S::RichCompare, Some(W::RichCmp(CompareOp::Ge)), Some(F::RichCmp(d::slot_tp_richcompare)),
        "__ge__($self, value, /)\n--\n\nReturn self>=value."),
    def("__iter__", S::Iter, Some(W::Unary), Some(F::Unary(d::slot_tp_iter)),
        "__iter__($self, /)\n--\n\nImplement iter(self)."),
    def("__next__", S::IterNext, Some(W::Next), Some(F::IterNext(d::slot_tp_iternext)),
        "__next__($self, /)\n--\n\nImplement next(self)."),
    def("__get__", S::DescrGet, Some(W::DescrGet), Some(F::DescrGet(d::slot_tp_descr_get)),
        "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    def("__set__", S::DescrSet, Some(W::DescrSet), Some(F::DescrSet(d::slot_tp_descr_set)),
        "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    def("__delete__", S::DescrSet, Some(W::DescrDelete), Some(F::DescrSet(d::slot_tp_descr_set)),
        "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    def("__init__", S::Init, Some(W::Init), Some(F::Init(d::slot_tp_init)),
        "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."),
    def("__new__", S::New, None, Some(F::New(d::slot_tp_new)),
        "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    def("__del__", S::Finalize, Some(W::Del), Some(F::Finalize(d::slot_tp_finalize)), ""),
    def("__await__", S::AmAwait, Some(W::Unary), Some(F::Unary(d::slot_am_await)),
        "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    def("__aiter__", S::AmAiter, Some(W::Unary), Some(F::Unary(d::slot_am_aiter)),
        "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    def("__anext__", S::AmAnext, Some(W::Unary), Some(F::Unary(d::slot_am_anext)),
        "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    def("__add__", S::NbAdd, Some(W::BinaryL), Some(F::Binary(d::slot_nb_add)),
        "__add__($self, value, /)\n--\n\nReturn self+value."),
    def("__radd__", S::NbAdd, Some(W::BinaryR), Some(F::Binary(d::slot_nb_add)),
        "__radd__($self, value, /)\n--\n\nReturn value+self."),
    def("__sub__", S::NbSubtract, Some(W::BinaryL), Some(F::Binary(d::slot_nb_subtract)),
        "__sub__($self, value, /)\n--\n\nReturn self-value."),
    def("__rsub__", S::NbSubtract, Some(W::BinaryR), Some(F::Binary(d::slot_nb_subtract)),
        "__rsub__($self, value, /)\n--\n\nReturn value-self."),
    def("__mul__", S::NbMultiply, Some(W::BinaryL), Some(F::Binary(d::slot_nb_multiply)),
        "__mul__($self, value, /)\n--\n\nReturn self*value."),
    def("__rmul__", S::NbMultiply, Some(W::BinaryR), Some(F::Binary(d::slot_nb_multiply)),
        "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    def("__mod__", S::NbRemainder, Some(W::BinaryL), Some(F::Binary(d::slot_nb_remainder)),
        "__mod__($self, value, /)\n--\n\nReturn self%value."),
    def("__rmod__", S::NbRemainder, Some(W::BinaryR), Some(F::Binary(d::slot_nb_remainder)),
        "__rmod__($self, value, /)\n--\n\nReturn value%self."),
    def("__divmod__", S::NbDivmod, Some(W::BinaryL), Some(F::Binary(d::slot_nb_divmod)),
        "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."),
    def("__rdivmod__", S::NbDivmod, Some(W::BinaryR), Some(F::Binary(d::slot_nb_divmod)),
        "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."),
    def("__pow__", S::NbPower, Some(W::Ternary), Some(F::Ternary(d::slot_nb_power)),
        "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    def("__rpow__", S::NbPower, Some(W::TernaryR), Some(F::Ternary(d::slot_nb_power)),
        "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    def("__neg__", S::NbNegative, Some(W::Unary), Some(F::Unary(d::slot_nb_negative)),
        "__neg__($self, /)\n--\n\n-self"),
    def("__pos__", S::NbPositive, Some(W::Unary), Some(F::Unary(d::slot_nb_positive)),
        "__pos__($self, /)\n--\n\n+self"),
    def("__abs__", S::NbAbsolute, Some(W::Unary), Some(F::Unary(d::slot_nb_absolute)),
        "__abs__($self, /)\n--\n\nabs(self)"),
    def("__bool__", S::NbBool, Some(W::Inquiry), Some(F::Inquiry(d::slot_nb_bool)),
        "__bool__($self, /)\n--\n\nTrue if self else False"),
    def("__invert__", S::NbInvert, Some(W::Unary), Some(F::Unary(d::slot_nb_invert)),
        "__invert__($self, /)\n--\n\n~self"),
    def("__lshift__", S::NbLshift, Some(W::BinaryL), Some(F::Binary(d::slot_nb_lshift)),
        "__lshift__($self, value, /)\n--\n\nReturn self<<value."),
    def("__rlshift__", S::NbLshift, Some(W::BinaryR), Some(F::Binary(d::slot_nb_lshift)),
        "__rlshift__($self, value, /)\n--\n\nReturn value<<self."),
    def("__rshift__", S::NbRshift, Some(W::BinaryL), Some(F::Binary(d::slot_nb_rshift)),
        "__rshift__($self, value, /)\n--\n\nReturn self>>value."),
    def("__rrshift__", S::NbRshift, Some(W::BinaryR), Some(F::Binary(d::slot_nb_rshift)),
        "__rrshift__($self, value, /)\n--\n\nReturn value>>self."),
    def("__and__", S::NbAnd, Some(W::BinaryL), Some(F::Binary(d::slot_nb_and)),
        "__and__($self, value, /)\n--\n\nReturn self&value."),
    def("__rand__", S::NbAnd, Some(W::BinaryR), Some(F::Binary(d::slot_nb_and)),
        "__rand__($self, value, /)\n--\n\nReturn value&self."),
    def("__xor__", S::NbXor, Some(W::BinaryL), Some(F::Binary(d::slot_nb_xor)),
        "__xor__($self, value, /)\n--\n\nReturn self^value."),
    def("__rxor__", S::NbXor, Some(W::BinaryR), Some(F::Binary(d::slot_nb_xor)),
        "__rxor__($self, value, /)\n--\n\nReturn value^self."),
    def("__or__", S::NbOr, Some(W::BinaryL), Some(F::Binary(d::slot_nb_or)),
        "__or__($self, value, /)\n--\n\nReturn self|value."),
    def("__ror__", S::NbOr, Some(W::BinaryR), Some(F::Binary(d::slot_nb_or)),
        "__ror__($self, value, /)\n--\n\nReturn value|self."),
    def("__int__", S::NbInt, Some(W::Unary), Some(F::Unary(d::slot_nb_int)),
        "__int__($self, /)\n--\n\nint(self)"),
    def("__float__", S::NbFloat, Some(W::Unary), Some(F::Unary(d::slot_nb_float)),
        "__float__($self, /)\n--\n\nfloat(self)"),
    def("__iadd__", S::NbInplaceAdd, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_add)),
        "__iadd__($self, value, /)\n--\n\nReturn self+=value."),
    def("__isub__", S::NbInplaceSubtract, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_subtract)),
        "__isub__($self, value, /)\n--\n\nReturn self-=value."),
    def("__imul__", S::NbInplaceMultiply, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_multiply)),
        "__imul__($self, value, /)\n--\n\nReturn self*=value."),
    def("__imod__", S::NbInplaceRemainder, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_remainder)),
        "__imod__($self, value, /)\n--\n\nReturn self%=value."),
    def("__ipow__", S::NbInplacePower, Some(W::Ternary), Some(F::Ternary(d::slot_nb_inplace_power)),
        "__ipow__($self, value, /)\n--\n\nReturn self**=value."),
    def("__ilshift__", S::NbInplaceLshift, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_lshift)),
        "__ilshift__($self, value, /)\n--\n\nReturn self<<=value."),
    def("__irshift__", S::NbInplaceRshift, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_rshift)),
        "__irshift__($self, value, /)\n--\n\nReturn self>>=value."),
    def("__iand__", S::NbInplaceAnd, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_and)),
        "__iand__($self, value, /)\n--\n\nReturn self&=value."),
    def("__ixor__", S::NbInplaceXor, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_xor)),
        "__ixor__($self, value, /)\n--\n\nReturn self^=value."),
    def("__ior__", S::NbInplaceOr, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_or)),
        "__ior__($self, value, /)\n--\n\nReturn self|=value."),
    def("__floordiv__", S::NbFloorDivide, Some(W::BinaryL), Some(F::Binary(d::slot_nb_floor_divide)),
        "__floordiv__($self, value, /)\n--\n\nReturn self//value."),
    def("__rfloordiv__", S::NbFloorDivide, Some(W::BinaryR), Some(F::Binary(d::slot_nb_floor_divide)),
        "__rfloordiv__($self, value, /)\n--\n\nReturn value//self."),
    def("__truediv__", S::NbTrueDivide, Some(W::BinaryL), Some(F::Binary(d::slot_nb_true_divide)),
        "__truediv__($self, value, /)\n--\n\nReturn self/value."),
    def("__rtruediv__", S::NbTrueDivide, Some(W::BinaryR), Some(F::Binary(d::slot_nb_true_divide)),
        "__rtruediv__($self, value, /)\n--\n\nReturn value/self."),
    def("__ifloordiv__", S::NbInplaceFloorDivide, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_floor_divide)),
        "__ifloordiv__($self, value, /)\n--\n\nReturn self//=value."),
    def("__itruediv__", S::NbInplaceTrueDivide, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_true_divide)),
        "__itruediv__($self, value, /)\n--\n\nReturn self/=value."),
    def("__index__", S::NbIndex, Some(W::Unary), Some(F::Unary(d::slot_nb_index)),
        "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    def("__matmul__", S::NbMatrixMultiply, Some(W::BinaryL), Some(F::Binary(d::slot_nb_matrix_multiply)),
        "__matmul__($self, value, /)\n--\n\nReturn self@value."),
    def("__rmatmul__", S::NbMatrixMultiply, Some(W::BinaryR), Some(F::Binary(d::slot_nb_matrix_multiply)),
        "__rmatmul__($self, value, /)\n--\n\nReturn value@self."),
    def("__imatmul__", S::NbInplaceMatrixMultiply, Some(W::Binary), Some(F::Binary(d::slot_nb_inplace_matrix_multiply)),
        "__imatmul__($self, value, /)\n--\n\nReturn self@=value."),
    def("__len__", S::Length, Some(W::Len), Some(F::Len(d::slot_mp_length)),
        "__len__($self, /)\n--\n\nReturn len(self)."),
    def("__getitem__", S::Subscript, Some(W::Binary), Some(F::Binary(d::slot_mp_subscript)),
        "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    def("__setitem__", S::AssSubscript, Some(W::SetItem), Some(F::AssSubscript(d::slot_mp_ass_subscript)),
        "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    def("__delitem__", S::AssSubscript, Some(W::DelItem), Some(F::AssSubscript(d::slot_mp_ass_subscript)),
        "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    def("__add__", S::SqConcat, Some(W::Binary), None,
        "__add__($self, value, /)\n--\n\nReturn self+value."),
    def("__mul__", S::SqRepeat, Some(W::IndexArg), None,
        "__mul__($self, value, /)\n--\n\nReturn self*value."),
    def("__rmul__", S::SqRepeat, Some(W::IndexArg), None,
        "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    def("__contains__", S::Contains, Some(W::Contains), Some(F::Contains(d::slot_sq_contains)),
        "__contains__($self, key, /)\n--\n\nReturn key in self."),
    def("__iadd__", S::SqInplaceConcat, Some(W::Binary), None,
        "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
    def("__imul__", S::SqInplaceRepeat, Some(W::IndexArg), None,
        "__imul__($self, value, /)\n--\n\nImplement self*=value."),
];

/// The index in `SLOTDEFS` of each entry for `slot` (in table order).
pub fn defs_of_slot(slot: SlotId) -> impl Iterator<Item = usize> {
    SLOTDEFS
        .iter()
        .enumerate()
        .filter(move |(_, d)| d.slot == slot)
        .map(|(i, _)| i)
}

/// The indexes of the entries named `name`.
pub fn defs_named(name: &str) -> impl Iterator<Item = usize> + '_ {
    SLOTDEFS
        .iter()
        .enumerate()
        .filter(move |(_, d)| d.name == name)
        .map(|(i, _)| i)
}

/// Whether `name` is the name of some slot (a dunder whose assignment
/// to a class must update the class's slots).
pub fn is_slot_name(name: &str) -> bool {
    name.starts_with("__") && name.ends_with("__") && defs_named(name).next().is_some()
}

/// CPython's `check_num_args`.
fn check_num_args(vm: &Vm, args: &[PyRef], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "expected {} argument{}, got {}",
        n,
        if n == 1 { "" } else { "s" },
        args.len()
    )))
}

/// `PyArg_UnpackTuple(args, "", min, max, ...)`'s count check.
fn unpack_args<'a>(vm: &Vm, args: &'a [PyRef], min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    let n = args.len();
    if n < min {
        return Err(vm.type_error(format!(
            " expected {}{} argument{}, got {}",
            if min == max { "" } else { "at least " },
            min,
            if min == 1 { "" } else { "s" },
            n
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            " expected {}{} argument{}, got {}",
            if min == max { "" } else { "at most " },
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(args)
}

/// A slot function of the wrong kind reached a wrapper: an invariant of
/// `Slots` (its cells hold their slot's kind) was broken.
fn bad_slot(vm: &Vm, name: &str) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        format!("slot wrapper '{}' wraps a function of another kind", name),
    )
}

/// Calls the slot function `f` of the slot wrapper for `SLOTDEFS[def]` on
/// `slf` with the Python-level arguments `args` (self excluded).
pub fn call_wrapper(vm: &Vm, def: usize, f: SlotFn, slf: &PyRef, args: Args) -> PyResult {
    let sd = &SLOTDEFS[def];
    let Some(w) = sd.wrapper else {
        return Err(bad_slot(vm, sd.name));
    };
    if !matches!(w, W::Call | W::Init) && args.has_kwargs() {
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", sd.name)));
    }
    let a = args.pos();
    let none = || vm.none.clone();
    match (w, f) {
        (W::Unary, F::Unary(f)) => {
            check_num_args(vm, a, 0)?;
            f(vm, slf)
        }
        (W::Binary | W::BinaryL, F::Binary(f)) => {
            check_num_args(vm, a, 1)?;
            f(vm, slf, &a[0])
        }
        (W::BinaryR, F::Binary(f)) => {
            check_num_args(vm, a, 1)?;
            f(vm, &a[0], slf)
        }
        (W::Ternary | W::TernaryR, F::Ternary(f)) => {
            let a = unpack_args(vm, a, 1, 2)?;
            let third = a.get(1).cloned().unwrap_or_else(none);
            if w == W::Ternary {
                f(vm, slf, &a[0], &third)
            } else {
                f(vm, &a[0], slf, &third)
            }
        }
        (W::Inquiry, F::Inquiry(f)) => {
            check_num_args(vm, a, 0)?;
            Ok(vm.new_bool(f(vm, slf)?))
        }
        (W::Len, F::Len(f)) => {
            check_num_args(vm, a, 0)?;
            Ok(vm.new_int(f(vm, slf)? as i64))
        }
        (W::Hash, F::Hash(f)) => {
            check_num_args(vm, a, 0)?;
            Ok(vm.new_int(f(vm, slf)?))
        }
        (W::Call, F::Call(f)) => f(vm, slf, args),
        (W::Next, F::IterNext(f)) => {
            check_num_args(vm, a, 0)?;
            match f(vm, slf)? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(None)),
            }
        }
        (W::RichCmp(op), F::RichCmp(f)) => {
            check_num_args(vm, a, 1)?;
            f(vm, slf, &a[0], op)
        }
        (W::GetAttr, F::GetAttro(f)) => {
            check_num_args(vm, a, 1)?;
            let name = crate::protocol::attr::check_attr_name(vm, &a[0])?;
            match f(vm, slf, &name)? {
                Some(v) => Ok(v),
                None => Err(vm.no_attribute(slf, name.as_str().unwrap_or("?"))),
            }
        }
        (W::SetAttr, F::SetAttro(f)) => {
            let a = unpack_args(vm, a, 2, 2)?;
            let name = crate::protocol::attr::check_attr_name(vm, &a[0])?;
            f(vm, slf, &name, Some(a[1].clone()))?;
            Ok(none())
        }
        (W::DelAttr, F::SetAttro(f)) => {
            check_num_args(vm, a, 1)?;
            let name = crate::protocol::attr::check_attr_name(vm, &a[0])?;
            f(vm, slf, &name, None)?;
            Ok(none())
        }
        (W::DescrGet, F::DescrGet(f)) => {
            let a = unpack_args(vm, a, 1, 2)?;
            let obj = Some(&a[0]).filter(|o| !o.is_none());
            let ty = a.get(1).filter(|t| !t.is_none());
            if obj.is_none() && ty.is_none() {
                return Err(vm.type_error("__get__(None, None) is invalid".to_string()));
            }
            f(vm, slf, obj, ty)
        }
        (W::DescrSet, F::DescrSet(f)) => {
            let a = unpack_args(vm, a, 2, 2)?;
            f(vm, slf, &a[0], Some(a[1].clone()))?;
            Ok(none())
        }
        (W::DescrDelete, F::DescrSet(f)) => {
            check_num_args(vm, a, 1)?;
            f(vm, slf, &a[0], None)?;
            Ok(none())
        }
        (W::Init, F::Init(f)) => {
            f(vm, slf, args)?;
            Ok(none())
        }
        (W::Del, F::Finalize(f)) => {
            check_num_args(vm, a, 0)?;
            f(vm, slf);
            Ok(none())
        }
        (W::SetItem, F::AssSubscript(f)) => {
            let a = unpack_args(vm, a, 2, 2)?;
            f(vm, slf, &a[0], Some(a[1].clone()))?;
            Ok(none())
        }
        (W::DelItem, F::AssSubscript(f)) => {
            check_num_args(vm, a, 1)?;
            f(vm, slf, &a[0], None)?;
            Ok(none())
        }
        (W::Contains, F::Contains(f)) => {
            check_num_args(vm, a, 1)?;
            Ok(vm.new_bool(f(vm, slf, &a[0])?))
        }
        (W::IndexArg, F::Repeat(f)) => {
            check_num_args(vm, a, 1)?;
            let n = vm.index_ssize(&a[0])?;
            f(vm, slf, n)
        }
        _ => Err(bad_slot(vm, sd.name)),
    }
}

/// CPython's `resolve_slotdups`: the one slot among those named `name`
/// that `ty` fills, if exactly one is filled.
fn resolve_slotdups(ty: &PyRef, name: &str) -> Option<SlotId> {
    let t = ty.as_type()?;
    let mut found: Option<SlotId> = None;
    for i in defs_named(name) {
        let id = SLOTDEFS[i].slot;
        if t.slots.get(id).is_some() {
            match found {
                Some(f) if f != id => return None,
                _ => found = Some(id),
            }
        }
    }
    found
}

/// The MRO lookup of `name` on `ty` without the method cache, also giving
/// the class whose dict holds it (`find_name_in_mro`).
fn find_in_mro(vm: &Vm, ty: &PyRef, name: &PyRef) -> Option<(PyRef, PyRef)> {
    let t = ty.as_type()?;
    let mro = t.mro.borrow().clone();
    for base in &mro {
        if let Some(bt) = base.as_type() {
            if let Some(v) = crate::objects::dict::get_str(vm, &bt.dict, name) {
                return Some((v, base.clone()));
            }
        }
    }
    None
}

/// CPython's `update_one_slot`: recomputes slot `slot` of the class `ty`
/// from the names its MRO defines.
pub fn update_one_slot(vm: &Vm, ty: &PyRef, slot: SlotId) {
    let Some(t) = ty.as_type() else { return };
    if defs_of_slot(slot).next().is_none() {
        // No dunder names this slot (tp_traverse, tp_clear): it stays
        // as inherited.
        return;
    }
    let mut generic: Option<SlotFn> = None;
    let mut specific: Option<(SlotFn, usize)> = None;
    let mut use_generic = false;
    for i in defs_of_slot(slot) {
        let p = &SLOTDEFS[i];
        let name = vm.intern(p.name);
        let Some((descr, _owner)) = find_in_mro(vm, ty, &name) else {
            continue;
        };
        match &descr.payload {
            Payload::WrapperDescr(w) if SLOTDEFS[w.def].name == p.name => {
                let dup = resolve_slotdups(ty, p.name);
                if dup.is_none() || dup == Some(slot) {
                    generic = p.generic;
                }
                let same_fn = specific.is_none_or(|(_, o)| o == w.origin);
                if same_fn
                    && SLOTDEFS[w.def].wrapper == p.wrapper
                    && super::is_subtype(ty, &w.objclass)
                {
                    specific = Some((w.wrapped, w.origin));
                } else {
                    use_generic = true;
                }
            }
            _ if slot == S::New && crate::objects::descr::is_new_wrapper(&descr) => {
                // `__new__` of a built-in type (tp_new_wrapper): keep the
                // inherited native constructor.
                if let Some(f) = t.slots.get(S::New) {
                    if !t.slots.is_generic(S::New) {
                        specific = Some((f, t.slots.origin(S::New)));
                    }
                }
            }
            Payload::None if slot == S::Hash => {
                specific = Some((
                    F::Hash(crate::protocol::ops::hash_not_implemented),
                    HASH_NOT_IMPLEMENTED,
                ));
            }
            _ => {
                use_generic = true;
                generic = p.generic;
            }
        }
    }
    match (specific, use_generic, generic) {
        (Some((f, origin)), false, _) => t.slots.set(slot, Some(f), origin),
        (_, _, Some(g)) => t.slots.set_generic(slot, g),
        _ => t.slots.set(slot, None, 0),
    }
}

/// CPython's `fixup_slot_dispatchers`: every slot of a new class.
pub fn fixup_slot_dispatchers(vm: &Vm, ty: &PyRef) {
    for id in crate::objects::typeobj::slots::ALL_SLOTS {
        update_one_slot(vm, ty, id);
    }
}

/// CPython's `update_slot`: after `ty.<name>` was assigned or deleted,
/// recomputes the slots named `name` of `ty` and of every subclass that
/// does not define `name` itself.
pub fn update_slot(vm: &Vm, ty: &PyRef, name: &str) {
    let ids: Vec<SlotId> = defs_named(name).map(|i| SLOTDEFS[i].slot).collect();
    if ids.is_empty() {
        return;
    }
    let key = vm.intern(name);
    let mut work = vec![ty.clone()];
    let mut first = true;
    while let Some(t) = work.pop() {
        let Some(td) = t.as_type() else { continue };
        if !first && crate::objects::dict::get_str(vm, &td.dict, &key).is_some() {
            continue;
        }
        first = false;
        for &id in &ids {
            update_one_slot(vm, &t, id);
        }
        let subs: Vec<PyRef> = td
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| crate::heap::weakref::upgrade(w))
            .collect();
        work.extend(subs);
    }
    vm.types_modified();
}

/// CPython's `add_operators`: a slot wrapper in `ty`'s dict for each of
/// its own slots (those its spec declares: CPython adds them before
/// `inherit_slots`) whose name the dict lacks; `__hash__ = None` for a
/// type declared unhashable.
pub fn add_operators(vm: &Vm, ty: &PyRef) {
    let Some(t) = ty.as_type() else { return };
    let Some(spec) = t.spec.get() else { return };
    // Statically unhashable (`tp_hash = PyObject_HashNotImplemented`):
    // `__hash__ = None` among the wrappers. (A type with comparison but no
    // hash gets it after `__doc__`, in `spec::fill_dict`.)
    let unhashable = spec.flags & super::tpflags::UNHASHABLE != 0
        || super::spec::declares_hash_not_implemented(spec);
    for (i, p) in SLOTDEFS.iter().enumerate() {
        if p.wrapper.is_none() {
            continue;
        }
        let own =
            spec.slots.iter().any(|(id, _)| *id == p.slot) || (p.slot == S::Hash && unhashable);
        if !own {
            continue;
        }
        let Some(f) = t.slots.get(p.slot) else {
            continue;
        };
        let name = vm.intern(p.name);
        if crate::objects::dict::get_str(vm, &t.dict, &name).is_some() {
            continue;
        }
        let value = if p.slot == S::Hash && is_hash_not_implemented(t, vm) {
            vm.none.clone()
        } else {
            crate::objects::descr::new_wrapper_descr(vm, ty, i, f, t.slots.origin(p.slot))
        };
        crate::objects::dict::set_str(vm, &t.dict, name, value);
    }
}

/// The origin recorded for `PyObject_HashNotImplemented` in a hash slot
/// (no type object lives at this address): `__hash__ = None` in a class,
/// or a built-in type declared unhashable.
pub const HASH_NOT_IMPLEMENTED: usize = 1;

/// Whether the type's `tp_hash` is `PyObject_HashNotImplemented`.
fn is_hash_not_implemented(t: &super::TypeData, _vm: &Vm) -> bool {
    t.slots.origin(S::Hash) == HASH_NOT_IMPLEMENTED && !t.slots.is_generic(S::Hash)
}
