//! `int` (CPython's `Objects/longobject.c`): arbitrary-precision integers,
//! machine-size in `Payload::Int`, big in `Payload::BigInt`. `bool`
//! (`objects/bool.rs`) derives from it.
//!
//! Submodules: `slots` (the number protocol, comparison, hash, repr),
//! `new` (`int(x, base)` and `PyNumber_Long`), `methods` (`bit_length`,
//! `to_bytes`, `__round__`, ...). The arithmetic itself is shared with
//! float and complex in `objects/number/`.

mod methods;
mod new;
mod slots;

pub(crate) use new::number_index;
pub use new::{int_new, number_long};
pub(crate) use slots::long_binop;

use minipy_bytecode::opcode::nb;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::number::{int_of, IntVal};
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::text::TextError;
use crate::vm::Vm;

use methods::*;
use slots::*;

/// The exception for a text-algorithm error.
pub(crate) fn text_error(vm: &Vm, e: TextError) -> PyRef {
    match e {
        TextError::Type(m) => vm.type_error(m),
        TextError::Value(m) => vm.value_error(m),
        TextError::Overflow(m) => vm.overflow_error(m),
        TextError::Memory => vm.memory_error(),
    }
}

/// A slot or method of int called on an object without an int payload
/// (an interpreter bug: descriptors and slots check their `self`).
pub(crate) fn not_an_int(vm: &Vm, o: &PyObject) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        format!("int slot called on a '{}' object", o.type_name()),
    )
}

/// The value of `self` in a slot or method of int.
#[inline]
pub(crate) fn this_int<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<IntVal<'a>> {
    int_of(o).ok_or_else(|| not_an_int(vm, o))
}

/// A plain `int` with the value of an int object (of any int subclass).
pub(crate) fn plain_int(vm: &Vm, obj: &PyRef) -> PyRef {
    if obj.class().is(&vm.types.int) {
        return obj.clone();
    }
    match &obj.payload {
        Payload::Int(i) => vm.new_int(*i),
        Payload::BigInt(b) => vm.new_bigint((**b).clone()),
        _ => vm.new_int(0),
    }
}

/// Checks the positional count of a native method taking exactly `n`
/// arguments after self, with CPython's wording
/// ("int.bit_length() takes no arguments (1 given)").
pub(crate) fn check_method_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &str,
    name: &str,
    n: usize,
) -> PyResult<&'a [PyRef]> {
    args.no_kwargs(vm, &format!("{}.{}", owner, name))?;
    let pos = args.pos();
    if pos.len() != n + 1 {
        let given = pos.len().saturating_sub(1);
        return Err(vm.type_error(if n == 0 {
            format!("{}.{}() takes no arguments ({} given)", owner, name, given)
        } else {
            format!(
                "{}.{}() takes exactly one argument ({} given)",
                owner, name, given
            )
        }));
    }
    Ok(pos)
}

fn get_real(vm: &Vm, o: &PyRef) -> PyResult {
    long_long(vm, o)
}

fn get_imag(vm: &Vm, o: &PyRef) -> PyResult {
    this_int(vm, o)?;
    Ok(vm.new_int(0))
}

fn get_denominator(vm: &Vm, o: &PyRef) -> PyResult {
    this_int(vm, o)?;
    Ok(vm.new_int(1))
}

pub static INT_TYPE: TypeSpec = TypeSpec {
    name: "int",
    doc: Some("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"),
    layout: Layout::Int,
    flags: tpflags::BASETYPE | tpflags::LONG_SUBCLASS | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(long_repr),
        slot::hash(long_hash),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(long_richcompare),
        slot::nb_add(long_binop::<{ nb::ADD }>),
        slot::nb_subtract(long_binop::<{ nb::SUBTRACT }>),
        slot::nb_multiply(long_binop::<{ nb::MULTIPLY }>),
        slot::nb_remainder(long_binop::<{ nb::REMAINDER }>),
        slot::nb_divmod(long_divmod),
        slot::nb_power(long_pow),
        slot::nb_negative(long_neg),
        slot::nb_positive(long_long),
        slot::nb_absolute(long_abs),
        slot::nb_bool(long_bool),
        slot::nb_invert(long_invert),
        slot::nb_lshift(long_binop::<{ nb::LSHIFT }>),
        slot::nb_rshift(long_binop::<{ nb::RSHIFT }>),
        slot::nb_and(long_binop::<{ nb::AND }>),
        slot::nb_xor(long_binop::<{ nb::XOR }>),
        slot::nb_or(long_binop::<{ nb::OR }>),
        slot::nb_int(long_long),
        slot::nb_float(long_float),
        slot::nb_floor_divide(long_binop::<{ nb::FLOOR_DIVIDE }>),
        slot::nb_true_divide(long_binop::<{ nb::TRUE_DIVIDE }>),
        slot::nb_index(long_long),
        slot::tp_new(int_new),
    ],
    methods: &[
        MethodDef::method("conjugate", int_self)
            .doc("Returns self, the complex conjugate of any int."),
        MethodDef::method("bit_length", int_bit_length)
            .doc("bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
        MethodDef::method("bit_count", int_bit_count)
            .doc("bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"),
        MethodDef::method("to_bytes", int_to_bytes)
            .doc("to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\nReturn an array of bytes representing an integer.\n\n  length\n    Length of bytes object to use.  An OverflowError is raised if the\n    integer is not representable with the given number of bytes.  Default\n    is length 1.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Determines whether two's complement is used to represent the integer.\n    If signed is False and a negative integer is given, an OverflowError\n    is raised."),
        MethodDef::class("from_bytes", int_from_bytes)
            .doc("from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\nReturn the integer represented by the given array of bytes.\n\n  bytes\n    Holds the array of bytes to convert.  The argument must either\n    support the buffer protocol or be an iterable object producing bytes.\n    Bytes and bytearray are examples of built-in objects that support the\n    buffer protocol.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Indicates whether two's complement is used to represent the integer."),
        MethodDef::method("as_integer_ratio", int_as_integer_ratio)
            .doc("as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"),
        MethodDef::method("__trunc__", int_trunc).doc("Truncating an Integral returns itself."),
        MethodDef::method("__floor__", int_floor).doc("Flooring an Integral returns itself."),
        MethodDef::method("__ceil__", int_ceil).doc("Ceiling of an Integral returns itself."),
        MethodDef::method("__round__", int_round)
            .doc("__round__($self, ndigits=<unrepresentable>, /)\n--\n\nRounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."),
        MethodDef::method("__getnewargs__", int_getnewargs).doc("__getnewargs__($self, /)\n--\n\n"),
        MethodDef::method("__format__", int_format).doc("__format__($self, format_spec, /)\n--\n\n"),
        MethodDef::method("__sizeof__", int_sizeof)
            .doc("__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."),
    ],
    getsets: &[
        GetSetDef::new("real", get_real).doc("the real part of a complex number"),
        GetSetDef::new("imag", get_imag).doc("the imaginary part of a complex number"),
        GetSetDef::new("numerator", get_real)
            .doc("the numerator of a rational number in lowest terms"),
        GetSetDef::new("denominator", get_denominator)
            .doc("the denominator of a rational number in lowest terms"),
    ],
};
