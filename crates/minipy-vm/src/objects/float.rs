//! `float` and `complex`: constructors, method tables (dunders included),
//! reprs and the `real`/`imag` attribute values.
//! Written by the "numbers" helper.

mod complex;
mod methods;

pub use complex::{complex_attr, complex_new, complex_repr, COMPLEX_METHODS};

use crate::heap::{PyObject, PyRef};
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::text_of;
use crate::objects::number::{self, int_to_f64, is_int, num_of, Num, UnaryOp};
use crate::text::float_format::{parse_float, parse_float_error};
use crate::vm::Vm;

use methods::*;

/// `repr(float)` of a float object.
pub fn float_repr_obj(obj: &PyObject) -> String {
    match obj.payload {
        Payload::Float(f) => minipy_bytecode::repr::float_repr(f),
        _ => String::new(),
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

/// `float.real`, `float.imag`.
pub fn float_attr(vm: &Vm, obj: &PyRef, name: &str) -> Option<PyRef> {
    if !matches!(obj.payload, Payload::Float(_)) {
        return None;
    }
    match name {
        "real" => Some(plain_float(vm, obj)),
        "imag" => Some(vm.new_float(0.0)),
        _ => None,
    }
}

/// `float(x)` for one argument (`PyNumber_Float`), as an f64.
pub fn float_from_obj(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Payload::Float(f) = x.payload {
        if x.class().is(&vm.types.float) {
            return Ok(f);
        }
    }
    if is_int(x) && (x.class().is(&vm.types.int) || x.class().is(&vm.types.bool)) {
        return int_to_f64(vm, x);
    }
    if let Some((text, shown)) = text_of(x) {
        return match parse_float(&text) {
            Some(f) => Ok(f),
            None => Err(vm.value_error(match shown {
                Some(r) => format!("could not convert string to float: {}", r),
                None => parse_float_error(&text),
            })),
        };
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        return match r.payload {
            Payload::Float(f) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                x.type_name(),
                r.type_name()
            ))),
        };
    }
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        if !is_int(&r) {
            return Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                r.type_name()
            )));
        }
        return int_to_f64(vm, &r);
    }
    if is_int(x) {
        return int_to_f64(vm, x);
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.type_name()
    )))
}

/// `float.__new__(cls, x=0.0)`.
pub fn float_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "float")?;
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("float.__new__(): not enough arguments".to_string()));
    };
    let rest = &pos[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let exact = cls.is(&vm.types.float);
    let v = match rest.first() {
        None => 0.0,
        Some(x) if exact && x.class().is(&vm.types.float) => return Ok(x.clone()),
        Some(x) => float_from_obj(vm, x)?,
    };
    if exact {
        Ok(vm.new_float(v))
    } else {
        Ok(PyRef::new(Payload::Float(v), cls))
    }
}

/// `self` of a float method, with CPython's descriptor message otherwise.
fn self_float(vm: &Vm, args: &[PyRef], name: &str) -> PyResult<f64> {
    match args.first() {
        Some(s) => match s.payload {
            Payload::Float(f) => Ok(f),
            _ => Err(vm.type_error(format!(
                "descriptor '{}' requires a 'float' object but received a '{}'",
                name,
                s.type_name()
            ))),
        },
        None => Err(vm.type_error(format!(
            "descriptor '{}' of 'float' object needs an argument",
            name
        ))),
    }
}

/// Positional arguments of a float method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    crate::objects::int::check_method_args(vm, args, "float", name, n)
}

/// True for operands float arithmetic accepts (int, bool, float).
fn is_real(o: &PyObject) -> bool {
    matches!(num_of(o), Some(Num::Int(_) | Num::Big(_) | Num::Float(_)))
}

fn float_dunder(vm: &Vm, args: Args, op: u32, reflected: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_float(vm, pos, name)?;
    number::binary_dunder(vm, pos, op, reflected, is_real)
}

crate::objects::number::binop_wrappers! {
    float_dunder;
    float_add, float_radd, ADD, "__add__", "__radd__";
    float_sub, float_rsub, SUBTRACT, "__sub__", "__rsub__";
    float_mul, float_rmul, MULTIPLY, "__mul__", "__rmul__";
    float_truediv, float_rtruediv, TRUE_DIVIDE, "__truediv__", "__rtruediv__";
    float_floordiv, float_rfloordiv, FLOOR_DIVIDE, "__floordiv__", "__rfloordiv__";
    float_mod, float_rmod, REMAINDER, "__mod__", "__rmod__";
}

fn float_pow_impl(vm: &Vm, args: Args, reflected: bool, name: &str) -> PyResult {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "expected 1 or 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    self_float(vm, pos, name)?;
    if pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.type_error(
            "pow() 3rd argument not allowed unless all arguments are integers".to_string(),
        ));
    }
    if !is_real(&pos[1]) {
        return Ok(vm.not_implemented.clone());
    }
    let (a, b) = if reflected {
        (&pos[1], &pos[0])
    } else {
        (&pos[0], &pos[1])
    };
    Ok(
        number::binary(vm, a, b, minipy_bytecode::opcode::nb::POWER)?
            .unwrap_or_else(|| vm.not_implemented.clone()),
    )
}

fn float_pow(vm: &Vm, args: Args) -> PyResult {
    float_pow_impl(vm, args, false, "__pow__")
}

fn float_rpow(vm: &Vm, args: Args) -> PyResult {
    float_pow_impl(vm, args, true, "__rpow__")
}

fn float_divmod_impl(vm: &Vm, args: Args, reflected: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_float(vm, pos, name)?;
    if !is_real(&pos[1]) {
        return Ok(vm.not_implemented.clone());
    }
    let r = if reflected {
        number::divmod(vm, &pos[1], &pos[0])?
    } else {
        number::divmod(vm, &pos[0], &pos[1])?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn float_divmod(vm: &Vm, args: Args) -> PyResult {
    float_divmod_impl(vm, args, false, "__divmod__")
}

fn float_rdivmod(vm: &Vm, args: Args) -> PyResult {
    float_divmod_impl(vm, args, true, "__rdivmod__")
}

fn float_unary(vm: &Vm, args: Args, op: UnaryOp, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 0)?;
    self_float(vm, pos, name)?;
    Ok(number::unary(vm, &pos[0], op)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn float_neg(vm: &Vm, args: Args) -> PyResult {
    float_unary(vm, args, UnaryOp::Neg, "__neg__")
}

fn float_pos(vm: &Vm, args: Args) -> PyResult {
    float_unary(vm, args, UnaryOp::Pos, "__pos__")
}

fn float_abs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__abs__", 0)?;
    let f = self_float(vm, pos, "__abs__")?;
    Ok(vm.new_float(f.abs()))
}

fn float_compare(vm: &Vm, args: Args, op: crate::protocol::CompareOp, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_float(vm, pos, name)?;
    if !is_real(&pos[1]) {
        return Ok(vm.not_implemented.clone());
    }
    match number::compare(&pos[0], &pos[1], op) {
        Some(b) => Ok(vm.new_bool(b)),
        None => Ok(vm.not_implemented.clone()),
    }
}

macro_rules! cmps {
    ($( $f:ident, $op:ident, $name:literal; )*) => {
        $(
            fn $f(vm: &Vm, args: Args) -> PyResult {
                float_compare(vm, args, crate::protocol::CompareOp::$op, $name)
            }
        )*
    };
}

cmps! {
    float_eq, Eq, "__eq__";
    float_ne, Ne, "__ne__";
    float_lt, Lt, "__lt__";
    float_le, Le, "__le__";
    float_gt, Gt, "__gt__";
    float_ge, Ge, "__ge__";
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__add__", float_add),
    ("__radd__", float_radd),
    ("__sub__", float_sub),
    ("__rsub__", float_rsub),
    ("__mul__", float_mul),
    ("__rmul__", float_rmul),
    ("__truediv__", float_truediv),
    ("__rtruediv__", float_rtruediv),
    ("__floordiv__", float_floordiv),
    ("__rfloordiv__", float_rfloordiv),
    ("__mod__", float_mod),
    ("__rmod__", float_rmod),
    ("__divmod__", float_divmod),
    ("__rdivmod__", float_rdivmod),
    ("__pow__", float_pow),
    ("__rpow__", float_rpow),
    ("__neg__", float_neg),
    ("__pos__", float_pos),
    ("__abs__", float_abs),
    ("__eq__", float_eq),
    ("__ne__", float_ne),
    ("__lt__", float_lt),
    ("__le__", float_le),
    ("__gt__", float_gt),
    ("__ge__", float_ge),
    ("__hash__", float_hash),
    ("__bool__", float_bool),
    ("__int__", float_trunc),
    ("__trunc__", float_trunc),
    ("__floor__", float_floor),
    ("__ceil__", float_ceil),
    ("__float__", float_float),
    ("__round__", float_round),
    ("__repr__", float_repr_method),
    ("__str__", float_repr_method),
    ("__format__", float_format),
    ("__getnewargs__", float_getnewargs),
    ("conjugate", float_float),
    ("is_integer", float_is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("hex", float_hex),
];

/// Class methods of `float` (installed with `BuiltinKind::ClassMethod`).
pub const CLASS_METHODS: &[(&str, NativeFn)] = &[("fromhex", float_fromhex)];
