//! `weakref.ProxyType` and `weakref.CallableProxyType`: weak references
//! that stand for their referent (CPython's `proxy_*` in
//! `Objects/weakrefobject.c`). Every slot replaces proxy operands by their
//! live referents (`UNWRAP`) and applies the operation; a dead referent
//! raises ReferenceError.

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, SlotFn, SlotId, TypeSpec};
use crate::objects::weakref::{is_proxy, proxy_target, repr_string};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A proxy operand replaced by its referent (`UNWRAP`).
fn unwrap(vm: &Vm, o: &PyRef) -> PyResult {
    if is_proxy(o) {
        proxy_target(vm, o)
    } else {
        Ok(o.clone())
    }
}

fn proxy_repr(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(vm.new_string(repr_string(vm, p)))
}

fn proxy_str(vm: &Vm, p: &PyRef) -> PyResult {
    vm.str(&proxy_target(vm, p)?)
}

fn proxy_bool(vm: &Vm, p: &PyRef) -> PyResult<bool> {
    vm.truthy(&proxy_target(vm, p)?)
}

fn proxy_len(vm: &Vm, p: &PyRef) -> PyResult<usize> {
    vm.len(&proxy_target(vm, p)?)
}

fn proxy_iter(vm: &Vm, p: &PyRef) -> PyResult {
    vm.iter(&proxy_target(vm, p)?)
}

fn proxy_iternext(vm: &Vm, p: &PyRef) -> PyResult<Option<PyRef>> {
    let t = proxy_target(vm, p)?;
    if !vm.is_iterator(&t) {
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            t.type_name()
        )));
    }
    vm.next(&t)
}

fn proxy_hash(vm: &Vm, p: &PyRef) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: 'weakref.{}'", p.type_name())))
}

fn proxy_subscript(vm: &Vm, p: &PyRef, key: &PyRef) -> PyResult {
    vm.getitem(&proxy_target(vm, p)?, key)
}

fn proxy_ass_subscript(vm: &Vm, p: &PyRef, key: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let t = proxy_target(vm, p)?;
    match v {
        Some(v) => vm.setitem(&t, key, v),
        None => vm.delitem(&t, key),
    }
}

fn proxy_contains(vm: &Vm, p: &PyRef, x: &PyRef) -> PyResult<bool> {
    vm.contains(&proxy_target(vm, p)?, x)
}

fn proxy_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    vm.compare(&unwrap(vm, a)?, &unwrap(vm, b)?, op)
}

/// A number operator on the referents (`op` is a `BINARY_OP` argument).
fn proxy_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    vm.binary_op(&unwrap(vm, a)?, &unwrap(vm, b)?, OP)
}

fn proxy_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    vm.power(&unwrap(vm, a)?, &unwrap(vm, b)?, &unwrap(vm, m)?)
}

fn proxy_ipow(vm: &Vm, a: &PyRef, b: &PyRef, _m: &PyRef) -> PyResult {
    vm.binary_op(
        &unwrap(vm, a)?,
        &unwrap(vm, b)?,
        nb::POWER + nb::INPLACE_OFFSET,
    )
}

fn proxy_neg(vm: &Vm, p: &PyRef) -> PyResult {
    vm.unary_op(&proxy_target(vm, p)?, crate::objects::number::UnaryOp::Neg)
}

fn proxy_pos(vm: &Vm, p: &PyRef) -> PyResult {
    vm.unary_op(&proxy_target(vm, p)?, crate::objects::number::UnaryOp::Pos)
}

fn proxy_invert(vm: &Vm, p: &PyRef) -> PyResult {
    vm.unary_op(
        &proxy_target(vm, p)?,
        crate::objects::number::UnaryOp::Invert,
    )
}

fn proxy_index(vm: &Vm, p: &PyRef) -> PyResult {
    let i = vm.index_big(&proxy_target(vm, p)?)?;
    Ok(vm.new_bigint(i))
}

fn proxy_abs(vm: &Vm, p: &PyRef) -> PyResult {
    vm.absolute(&proxy_target(vm, p)?)
}

fn proxy_int(vm: &Vm, p: &PyRef) -> PyResult {
    let t = proxy_target(vm, p)?;
    vm.call_args(&vm.types.int, &[t])
}

fn proxy_float(vm: &Vm, p: &PyRef) -> PyResult {
    let t = proxy_target(vm, p)?;
    vm.call_args(&vm.types.float, &[t])
}

fn proxy_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    vm.divmod(&unwrap(vm, a)?, &unwrap(vm, b)?)
}

/// `__bytes__` and `__reversed__` of the referent.
fn proxy_bytes(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__bytes__", 1, 1)?;
    let t = proxy_target(vm, &a[0])?;
    vm.call_args(&vm.types.bytes, &[t])
}

fn proxy_reversed(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reversed__", 1, 1)?;
    let t = proxy_target(vm, &a[0])?;
    vm.call_args(&vm.types.reversed, &[t])
}

fn proxy_getattro(vm: &Vm, p: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    vm.getattr(&proxy_target(vm, p)?, name).map(Some)
}

fn proxy_setattro(vm: &Vm, p: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let t = proxy_target(vm, p)?;
    match v {
        Some(v) => vm.setattr(&t, name, v),
        None => vm.delattr(&t, name),
    }
}

fn proxy_call(vm: &Vm, p: &PyRef, args: Args) -> PyResult {
    vm.call(&proxy_target(vm, p)?, args)
}

macro_rules! proxy_slots {
    ($($extra:expr),*) => {
        &[
            $($extra,)*
            slot::traverse(crate::objects::weakref::weakref_traverse),
            slot::clear(crate::objects::weakref::weakref_clear),
            slot::repr(proxy_repr),
            slot::str(proxy_str),
            slot::hash(proxy_hash),
            slot::getattro(proxy_getattro),
            slot::setattro(proxy_setattro),
            slot::richcompare(proxy_richcompare),
            slot::iter(proxy_iter),
            slot::iternext(proxy_iternext),
            slot::nb_bool(proxy_bool),
            slot::length(proxy_len),
            slot::subscript(proxy_subscript),
            slot::ass_subscript(proxy_ass_subscript),
            slot::contains(proxy_contains),
            slot::nb_negative(proxy_neg),
            slot::nb_positive(proxy_pos),
            slot::nb_invert(proxy_invert),
            slot::nb_index(proxy_index),
            slot::nb_absolute(proxy_abs),
            slot::nb_int(proxy_int),
            slot::nb_float(proxy_float),
            slot::nb_divmod(proxy_divmod),
            slot::nb_power(proxy_pow),
            slot::nb_inplace_power(proxy_ipow),
            (SlotId::NbAdd, SlotFn::Binary(proxy_binop::<{ nb::ADD }>)),
            (SlotId::NbAnd, SlotFn::Binary(proxy_binop::<{ nb::AND }>)),
            (SlotId::NbFloorDivide, SlotFn::Binary(proxy_binop::<{ nb::FLOOR_DIVIDE }>)),
            (SlotId::NbLshift, SlotFn::Binary(proxy_binop::<{ nb::LSHIFT }>)),
            (SlotId::NbMatrixMultiply, SlotFn::Binary(proxy_binop::<{ nb::MATRIX_MULTIPLY }>)),
            (SlotId::NbMultiply, SlotFn::Binary(proxy_binop::<{ nb::MULTIPLY }>)),
            (SlotId::NbRemainder, SlotFn::Binary(proxy_binop::<{ nb::REMAINDER }>)),
            (SlotId::NbOr, SlotFn::Binary(proxy_binop::<{ nb::OR }>)),
            (SlotId::NbRshift, SlotFn::Binary(proxy_binop::<{ nb::RSHIFT }>)),
            (SlotId::NbSubtract, SlotFn::Binary(proxy_binop::<{ nb::SUBTRACT }>)),
            (SlotId::NbTrueDivide, SlotFn::Binary(proxy_binop::<{ nb::TRUE_DIVIDE }>)),
            (SlotId::NbXor, SlotFn::Binary(proxy_binop::<{ nb::XOR }>)),
            (SlotId::NbInplaceAdd, SlotFn::Binary(proxy_binop::<{ nb::ADD + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceSubtract, SlotFn::Binary(proxy_binop::<{ nb::SUBTRACT + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceMultiply, SlotFn::Binary(proxy_binop::<{ nb::MULTIPLY + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceAnd, SlotFn::Binary(proxy_binop::<{ nb::AND + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceFloorDivide, SlotFn::Binary(proxy_binop::<{ nb::FLOOR_DIVIDE + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceLshift, SlotFn::Binary(proxy_binop::<{ nb::LSHIFT + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceMatrixMultiply, SlotFn::Binary(proxy_binop::<{ nb::MATRIX_MULTIPLY + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceRemainder, SlotFn::Binary(proxy_binop::<{ nb::REMAINDER + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceOr, SlotFn::Binary(proxy_binop::<{ nb::OR + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceRshift, SlotFn::Binary(proxy_binop::<{ nb::RSHIFT + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceTrueDivide, SlotFn::Binary(proxy_binop::<{ nb::TRUE_DIVIDE + nb::INPLACE_OFFSET }>)),
            (SlotId::NbInplaceXor, SlotFn::Binary(proxy_binop::<{ nb::XOR + nb::INPLACE_OFFSET }>)),
        ]
    };
}

pub static PROXY_TYPE: TypeSpec = TypeSpec {
    name: "weakref.ProxyType",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: proxy_slots!(),
    methods: &[
        MethodDef::method("__bytes__", proxy_bytes),
        MethodDef::method("__reversed__", proxy_reversed),
    ],
    getsets: &[],
};

pub static CALLABLE_PROXY_TYPE: TypeSpec = TypeSpec {
    name: "weakref.CallableProxyType",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: proxy_slots!(slot::call(proxy_call)),
    methods: &[],
    getsets: &[],
};
