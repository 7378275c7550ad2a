//! `float` (CPython's `Objects/floatobject.c`): IEEE 754 doubles in
//! `Payload::Float`.
//!
//! Submodules: `slots` (the number protocol, comparison, hash, repr),
//! `new` (`float(x)` and `PyNumber_Float`), `methods` (`hex`, `fromhex`,
//! `as_integer_ratio`, `__round__`, ...). The arithmetic itself is shared
//! with int and complex in `objects/number/`.

mod methods;
mod new;
mod slots;

pub use new::{float_new, number_float};

use minipy_bytecode::opcode::nb;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

use methods::*;
use slots::*;

/// The value of `self` in a slot or method of float; another payload is
/// an interpreter bug (descriptors and slots check their `self`).
#[inline]
pub(crate) fn this_float(vm: &Vm, o: &PyObject) -> PyResult<f64> {
    match o.payload {
        Payload::Float(f) => Ok(f),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("float slot called on a '{}' object", o.type_name()),
        )),
    }
}

/// A plain `float` with the value of a float object (of any subclass).
pub(crate) fn plain_float(vm: &Vm, obj: &PyRef) -> PyRef {
    if obj.class().is(&vm.types.float) {
        return obj.clone();
    }
    match obj.payload {
        Payload::Float(f) => vm.new_float(f),
        _ => vm.new_float(0.0),
    }
}

/// Positional arguments of a float method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    crate::objects::int::check_method_args(vm, args, "float", name, n)
}

fn get_real(vm: &Vm, o: &PyRef) -> PyResult {
    float_float(vm, o)
}

fn get_imag(vm: &Vm, o: &PyRef) -> PyResult {
    this_float(vm, o)?;
    Ok(vm.new_float(0.0))
}

pub static FLOAT_TYPE: TypeSpec = TypeSpec {
    name: "float",
    doc: Some("float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible."),
    layout: Layout::Float,
    flags: tpflags::BASETYPE | tpflags::MATCH_SELF,
    slots: &[
        slot::repr(float_repr),
        slot::hash(float_hash),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(float_richcompare),
        slot::nb_add(float_binop::<{ nb::ADD }>),
        slot::nb_subtract(float_binop::<{ nb::SUBTRACT }>),
        slot::nb_multiply(float_binop::<{ nb::MULTIPLY }>),
        slot::nb_remainder(float_binop::<{ nb::REMAINDER }>),
        slot::nb_divmod(float_divmod),
        slot::nb_power(float_pow),
        slot::nb_negative(float_neg),
        slot::nb_positive(float_float),
        slot::nb_absolute(float_abs),
        slot::nb_bool(float_bool),
        slot::nb_int(float_int),
        slot::nb_float(float_float),
        slot::nb_floor_divide(float_binop::<{ nb::FLOOR_DIVIDE }>),
        slot::nb_true_divide(float_binop::<{ nb::TRUE_DIVIDE }>),
        slot::tp_new(float_new),
    ],
    methods: &[
        MethodDef::method("conjugate", float_conjugate)
            .doc("conjugate($self, /)\n--\n\nReturn self, the complex conjugate of any float."),
        MethodDef::method("__trunc__", float_trunc)
            .doc("__trunc__($self, /)\n--\n\nReturn the Integral closest to x between 0 and x."),
        MethodDef::method("__floor__", float_floor)
            .doc("__floor__($self, /)\n--\n\nReturn the floor as an Integral."),
        MethodDef::method("__ceil__", float_ceil)
            .doc("__ceil__($self, /)\n--\n\nReturn the ceiling as an Integral."),
        MethodDef::method("__round__", float_round)
            .doc("__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."),
        MethodDef::method("as_integer_ratio", float_as_integer_ratio)
            .doc("as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)"),
        MethodDef::class("fromhex", float_fromhex)
            .doc("fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"),
        MethodDef::method("hex", float_hex)
            .doc("hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"),
        MethodDef::method("is_integer", float_is_integer)
            .doc("is_integer($self, /)\n--\n\nReturn True if the float is an integer."),
        MethodDef::method("__getnewargs__", float_getnewargs)
            .doc("__getnewargs__($self, /)\n--\n\n"),
        MethodDef::class("__getformat__", float_getformat)
            .doc("__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating point numbers used by the\nC type named by typestr."),
        MethodDef::method("__format__", float_format)
            .doc("__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."),
    ],
    getsets: &[
        GetSetDef::new("real", get_real).doc("the real part of a complex number"),
        GetSetDef::new("imag", get_imag).doc("the imaginary part of a complex number"),
    ],
};
