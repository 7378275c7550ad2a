//! `bool` (CPython's `Objects/boolobject.c`): a subclass of `int` with two
//! instances, `True` and `False` (`Payload::Int(1)` / `Payload::Int(0)`).
//! Its own slots are `repr` and the bitwise operators, which give a bool
//! when both operands are bools; everything else (`True + 1`) is int's.

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::int::{long_binop, this_int};
use crate::objects::typeobj::{slot, tpflags, Layout, TypeSpec};
use crate::vm::Vm;

/// `bool.__new__(cls, x=False)`: the truth value of `x`.
fn bool_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "bool")?;
    let pos = args.pos();
    let rest = pos.get(1..).unwrap_or(&[]);
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "bool expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    match rest.first() {
        None => Ok(vm.false_.clone()),
        Some(x) => Ok(vm.new_bool(vm.truthy(x)?)),
    }
}

/// `bool_repr`: `True` / `False`.
fn bool_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let v = this_int(vm, o)?;
    Ok(vm.new_str(if v.is_zero() { "False" } else { "True" }))
}

fn is_bool(vm: &Vm, o: &PyRef) -> bool {
    o.class().is(&vm.types.bool)
}

/// `bool_and`, `bool_or`, `bool_xor`: a bool for two bools, otherwise
/// int's operator (`True & 3`).
fn bool_bitop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_bool(vm, a) || !is_bool(vm, b) {
        return long_binop::<OP>(vm, a, b);
    }
    let (x, y) = (!this_int(vm, a)?.is_zero(), !this_int(vm, b)?.is_zero());
    Ok(vm.new_bool(match OP {
        nb::AND => x & y,
        nb::OR => x | y,
        _ => x ^ y,
    }))
}

pub static BOOL_TYPE: TypeSpec = TypeSpec {
    name: "bool",
    doc: Some("bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."),
    layout: Layout::Bool,
    flags: tpflags::LONG_SUBCLASS | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(bool_repr),
        slot::nb_and(bool_bitop::<{ nb::AND }>),
        slot::nb_xor(bool_bitop::<{ nb::XOR }>),
        slot::nb_or(bool_bitop::<{ nb::OR }>),
        slot::tp_new(bool_new),
    ],
    methods: &[],
    getsets: &[],
};
