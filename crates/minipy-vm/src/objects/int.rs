//! `int` and `bool`: constructors, the method tables (dunders included, so
//! subclasses and explicit calls like `int.__add__(1, 2)` work), and the
//! attribute values `real`/`imag`/`numerator`/`denominator`.
//! Written by the "numbers" helper.

mod methods;

use num_bigint::BigInt;

use crate::heap::{PyObject, PyRef};
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::number::{self, float_to_int, int_of, is_int, IntVal, UnaryOp};
use crate::text::int_format::{parse_int_checked, INT_MAX_STR_DIGITS};
use crate::text::TextError;
use crate::vm::Vm;

use methods::*;

/// The exception for a text-algorithm error.
pub(crate) fn text_error(vm: &Vm, e: TextError) -> PyRef {
    match e {
        TextError::Type(m) => vm.type_error(m),
        TextError::Value(m) => vm.value_error(m),
        TextError::Overflow(m) => vm.overflow_error(m),
        TextError::Memory => vm.memory_error(),
    }
}

/// `repr(int)` / `str(int)` (no digit limit; see [`int_str`]).
pub fn int_repr(obj: &PyObject) -> String {
    match &obj.payload {
        Payload::Int(i) => {
            if (*i == 0 || *i == 1) && obj.class().as_type().is_some_and(|t| &*t.name() == "bool") {
                return if *i == 1 { "True" } else { "False" }.to_string();
            }
            i.to_string()
        }
        Payload::BigInt(b) => b.to_string(),
        _ => String::new(),
    }
}

/// `str(int)` with CPython's integer string conversion length limit.
pub fn int_str(vm: &Vm, obj: &PyObject) -> PyResult<String> {
    match &obj.payload {
        Payload::BigInt(b) => {
            crate::text::int_format::int_to_decimal_checked(b, INT_MAX_STR_DIGITS)
                .map_err(|e| text_error(vm, e))
        }
        _ => Ok(int_repr(obj)),
    }
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

/// `int.real`, `int.imag`, `int.numerator`, `int.denominator`.
pub fn int_attr(vm: &Vm, obj: &PyRef, name: &str) -> Option<PyRef> {
    if !is_int(obj) {
        return None;
    }
    match name {
        "real" | "numerator" => Some(plain_int(vm, obj)),
        "imag" => Some(vm.new_int(0)),
        "denominator" => Some(vm.new_int(1)),
        _ => None,
    }
}

/// Parses `int(s, base)` for str/bytes text; `shown` is the repr used in
/// the error message.
fn int_from_text(vm: &Vm, text: &str, base: u32, shown: Option<String>) -> PyResult<BigInt> {
    match parse_int_checked(text, base, INT_MAX_STR_DIGITS) {
        Ok(n) => Ok(n),
        Err(TextError::Value(m)) if m.starts_with("invalid literal") => match shown {
            Some(r) => Err(vm.value_error(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            ))),
            None => Err(vm.value_error(m)),
        },
        Err(e) => Err(text_error(vm, e)),
    }
}

/// Text of a str or bytes object for `int()`/`float()`, and the repr of a
/// bytes object (for messages).
pub(crate) fn text_of(obj: &PyObject) -> Option<(String, Option<String>)> {
    match &obj.payload {
        Payload::Str(s) => Some((s.s.to_string(), None)),
        Payload::Bytes(b) => {
            let text: String = b.iter().map(|&c| c as char).collect();
            Some((text, Some(minipy_bytecode::repr::bytes_repr(b))))
        }
        _ => None,
    }
}

/// Checks that a special method returned an int; converts int subclasses.
fn expect_int(vm: &Vm, r: PyRef, what: &str) -> PyResult {
    if is_int(&r) {
        return Ok(plain_int(vm, &r));
    }
    Err(vm.type_error(format!(
        "{} returned non-int (type {})",
        what,
        r.type_name()
    )))
}

/// `int(x)` for one argument (`PyNumber_Long`).
pub fn int_from_obj(vm: &Vm, x: &PyRef) -> PyResult {
    if x.class().is(&vm.types.int) {
        return Ok(x.clone());
    }
    if let Payload::Float(f) = x.payload {
        if x.class().is(&vm.types.float) {
            return float_to_int(vm, f);
        }
    }
    if let Some(r) = vm.call_special(x, "__int__", &[])? {
        return expect_int(vm, r, "__int__");
    }
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        return expect_int(vm, r, "__index__");
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        if is_int(&r) {
            return Ok(plain_int(vm, &r));
        }
        return match vm.call_special(&r, "__index__", &[])? {
            Some(i) => expect_int(vm, i, "__index__"),
            None => Err(vm.type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.type_name()
            ))),
        };
    }
    if let Some((text, shown)) = text_of(x) {
        return Ok(vm.new_bigint(int_from_text(vm, &text, 10, shown)?));
    }
    if let Payload::Int(_) | Payload::BigInt(_) = x.payload {
        return Ok(plain_int(vm, x));
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_name()
    )))
}

/// An instance of `cls` (int or a subclass of it) with the value of `v`.
fn int_of_class(vm: &Vm, cls: &PyRef, v: PyRef) -> PyRef {
    if cls.is(&vm.types.int) {
        return v;
    }
    let payload = match &v.payload {
        Payload::Int(i) => Payload::Int(*i),
        Payload::BigInt(b) => Payload::BigInt(b.clone()),
        _ => Payload::Int(0),
    };
    PyRef::new(payload, cls)
}

/// `int.__new__(cls, x=0, base=10)`.
pub fn int_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("int.__new__(): not enough arguments".to_string()));
    };
    let rest = &pos[1..];
    let mut base = None;
    for (name, v) in args.kwargs() {
        if name == "base" {
            base = Some(v);
        } else {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for int()",
                name
            )));
        }
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            rest.len() + usize::from(base.is_some())
        )));
    }
    if rest.len() == 2 {
        if base.is_some() {
            return Err(vm.type_error(
                "argument for int() given by name ('base') and position (2)".to_string(),
            ));
        }
        base = rest.get(1);
    }
    let v = match (rest.first(), base) {
        (None, None) => vm.new_int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument".to_string())),
        (Some(x), None) => int_from_obj(vm, x)?,
        (Some(x), Some(b)) => {
            let b = vm.index_i64(b)?;
            if (b != 0 && b < 2) || b > 36 {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0".to_string()));
            }
            let Some((text, shown)) = text_of(x) else {
                return Err(
                    vm.type_error("int() can't convert non-string with explicit base".to_string())
                );
            };
            vm.new_bigint(int_from_text(vm, &text, b as u32, shown)?)
        }
    };
    Ok(int_of_class(vm, cls, v))
}

/// `bool.__new__(cls, x=False)`.
pub fn bool_new(vm: &Vm, args: Args) -> PyResult {
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

/// `self` of an int method, with CPython's descriptor message otherwise.
fn self_int<'a>(vm: &Vm, args: &'a [PyRef], name: &str) -> PyResult<IntVal<'a>> {
    match args.first() {
        Some(s) => int_of(s).ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{}' requires a 'int' object but received a '{}'",
                name,
                s.type_name()
            ))
        }),
        None => Err(vm.type_error(format!(
            "descriptor '{}' of 'int' object needs an argument",
            name
        ))),
    }
}

/// Checks the positional count of a native method taking exactly `n`
/// arguments after self, with CPython's wording (slot wrappers like
/// `__add__` say "expected 1 argument, got 0"; methods say
/// "int.bit_length() takes no arguments (1 given)").
pub(crate) fn check_method_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &str,
    name: &str,
    n: usize,
) -> PyResult<&'a [PyRef]> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() != n + 1 {
        let given = pos.len().saturating_sub(1);
        let is_method = !name.starts_with("__")
            || matches!(
                name,
                "__format__"
                    | "__round__"
                    | "__trunc__"
                    | "__floor__"
                    | "__ceil__"
                    | "__getnewargs__"
            );
        return Err(vm.type_error(if !is_method {
            format!(
                "expected {} argument{}, got {}",
                n,
                if n == 1 { "" } else { "s" },
                given
            )
        } else if n == 0 {
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

/// Positional arguments of an int method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    check_method_args(vm, args, "int", name, n)
}

/// A binary dunder of int: `NotImplemented` unless both are ints.
fn int_dunder(vm: &Vm, args: Args, op: u32, reflected: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_int(vm, pos, name)?;
    number::binary_dunder(vm, pos, op, reflected, is_int)
}

crate::objects::number::binop_wrappers! {
    int_dunder;
    int_add, int_radd, ADD, "__add__", "__radd__";
    int_sub, int_rsub, SUBTRACT, "__sub__", "__rsub__";
    int_mul, int_rmul, MULTIPLY, "__mul__", "__rmul__";
    int_truediv, int_rtruediv, TRUE_DIVIDE, "__truediv__", "__rtruediv__";
    int_floordiv, int_rfloordiv, FLOOR_DIVIDE, "__floordiv__", "__rfloordiv__";
    int_mod, int_rmod, REMAINDER, "__mod__", "__rmod__";
    int_lshift, int_rlshift, LSHIFT, "__lshift__", "__rlshift__";
    int_rshift, int_rrshift, RSHIFT, "__rshift__", "__rrshift__";
    int_and, int_rand, AND, "__and__", "__rand__";
    int_or, int_ror, OR, "__or__", "__ror__";
    int_xor, int_rxor, XOR, "__xor__", "__rxor__";
}

/// `__pow__(self, other, mod=None)` / `__rpow__`.
fn int_pow_impl(vm: &Vm, args: Args, reflected: bool, name: &str) -> PyResult {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "expected 1 or 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    self_int(vm, pos, name)?;
    let (a, b) = if reflected {
        (&pos[1], &pos[0])
    } else {
        (&pos[0], &pos[1])
    };
    let m = pos.get(2).filter(|m| !m.is_none());
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    match m {
        None => Ok(
            number::int_binary(vm, x, y, minipy_bytecode::opcode::nb::POWER)?
                .unwrap_or_else(|| vm.not_implemented.clone()),
        ),
        Some(m) => match int_of(m) {
            Some(z) => number::int_pow_mod(vm, x, y, z),
            None => Ok(vm.not_implemented.clone()),
        },
    }
}

fn int_pow(vm: &Vm, args: Args) -> PyResult {
    int_pow_impl(vm, args, false, "__pow__")
}

fn int_rpow(vm: &Vm, args: Args) -> PyResult {
    int_pow_impl(vm, args, true, "__rpow__")
}

fn int_divmod_impl(vm: &Vm, args: Args, reflected: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    let s = self_int(vm, pos, name)?;
    let Some(o) = int_of(&pos[1]) else {
        return Ok(vm.not_implemented.clone());
    };
    if reflected {
        number::int_divmod(vm, o, s)
    } else {
        number::int_divmod(vm, s, o)
    }
}

fn int_divmod(vm: &Vm, args: Args) -> PyResult {
    int_divmod_impl(vm, args, false, "__divmod__")
}

fn int_rdivmod(vm: &Vm, args: Args) -> PyResult {
    int_divmod_impl(vm, args, true, "__rdivmod__")
}

fn int_unary(vm: &Vm, args: Args, op: UnaryOp, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 0)?;
    self_int(vm, pos, name)?;
    Ok(number::unary(vm, &pos[0], op)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn int_neg(vm: &Vm, args: Args) -> PyResult {
    int_unary(vm, args, UnaryOp::Neg, "__neg__")
}

fn int_pos(vm: &Vm, args: Args) -> PyResult {
    int_unary(vm, args, UnaryOp::Pos, "__pos__")
}

fn int_invert(vm: &Vm, args: Args) -> PyResult {
    int_unary(vm, args, UnaryOp::Invert, "__invert__")
}

fn int_abs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__abs__", 0)?;
    let v = self_int(vm, pos, "__abs__")?;
    if v.is_negative() {
        int_unary(vm, args, UnaryOp::Neg, "__abs__")
    } else {
        Ok(plain_int(vm, &pos[0]))
    }
}

fn int_compare(vm: &Vm, args: Args, op: crate::protocol::CompareOp, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_int(vm, pos, name)?;
    if !is_int(&pos[1]) {
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
                int_compare(vm, args, crate::protocol::CompareOp::$op, $name)
            }
        )*
    };
}

cmps! {
    int_eq, Eq, "__eq__";
    int_ne, Ne, "__ne__";
    int_lt, Lt, "__lt__";
    int_le, Le, "__le__";
    int_gt, Gt, "__gt__";
    int_ge, Ge, "__ge__";
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__add__", int_add),
    ("__radd__", int_radd),
    ("__sub__", int_sub),
    ("__rsub__", int_rsub),
    ("__mul__", int_mul),
    ("__rmul__", int_rmul),
    ("__truediv__", int_truediv),
    ("__rtruediv__", int_rtruediv),
    ("__floordiv__", int_floordiv),
    ("__rfloordiv__", int_rfloordiv),
    ("__mod__", int_mod),
    ("__rmod__", int_rmod),
    ("__divmod__", int_divmod),
    ("__rdivmod__", int_rdivmod),
    ("__pow__", int_pow),
    ("__rpow__", int_rpow),
    ("__lshift__", int_lshift),
    ("__rlshift__", int_rlshift),
    ("__rshift__", int_rshift),
    ("__rrshift__", int_rrshift),
    ("__and__", int_and),
    ("__rand__", int_rand),
    ("__or__", int_or),
    ("__ror__", int_ror),
    ("__xor__", int_xor),
    ("__rxor__", int_rxor),
    ("__neg__", int_neg),
    ("__pos__", int_pos),
    ("__abs__", int_abs),
    ("__invert__", int_invert),
    ("__eq__", int_eq),
    ("__ne__", int_ne),
    ("__lt__", int_lt),
    ("__le__", int_le),
    ("__gt__", int_gt),
    ("__ge__", int_ge),
    ("__hash__", int_hash),
    ("__bool__", int_bool),
    ("__int__", int_int),
    ("__index__", int_int),
    ("__trunc__", int_int),
    ("__floor__", int_int),
    ("__ceil__", int_int),
    ("__float__", int_float),
    ("__round__", int_round),
    ("__repr__", int_repr_method),
    ("__str__", int_repr_method),
    ("__format__", int_format),
    ("__getnewargs__", int_getnewargs),
    ("conjugate", int_int),
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("to_bytes", int_to_bytes),
    ("as_integer_ratio", int_as_integer_ratio),
];

pub const CLASS_METHODS: &[(&str, NativeFn)] = &[("from_bytes", int_from_bytes)];

pub const BOOL_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", bool_repr),
    ("__str__", bool_repr),
    ("__and__", bool_and),
    ("__rand__", bool_and),
    ("__or__", bool_or),
    ("__ror__", bool_or),
    ("__xor__", bool_xor),
    ("__rxor__", bool_xor),
];
