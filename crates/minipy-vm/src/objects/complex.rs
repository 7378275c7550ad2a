//! `complex` (CPython's `Objects/complexobject.c`): pairs of doubles in
//! `Payload::Complex(re, im)`. Its arithmetic kernels (division, powers)
//! are in `objects/number/complex_arith.rs`.
//!
//! A binary slot receives `(a, b)` where either may be the complex; the
//! other may be a complex, float or int (`TO_COMPLEX`), anything else
//! gives NotImplemented. Complex numbers are not ordered: `<` and friends
//! return NotImplemented.

use std::cmp::Ordering;

use minipy_bytecode::opcode::nb;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::float::number_float;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::number::{self, int_of, to_complex_operand};
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::text::float_format::{double_to_string, parse_float, DtoaFlags};
use crate::text::format_spec::{pad, unknown_presentation_type, FormatSpec};
use crate::text::TextError;
use crate::vm::Vm;

/// The value of `self` in a slot or method of complex; another payload is
/// an interpreter bug (descriptors and slots check their `self`).
#[inline]
fn this_complex(vm: &Vm, o: &PyObject) -> PyResult<(f64, f64)> {
    match o.payload {
        Payload::Complex(r, i) => Ok((r, i)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("complex slot called on a '{}' object", o.type_name()),
        )),
    }
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(obj: &PyObject) -> String {
    let Payload::Complex(re, im) = obj.payload else {
        return String::new();
    };
    let plain = DtoaFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", double_to_string(im, 'r', 0, plain));
    }
    let signed = DtoaFlags {
        sign: true,
        ..DtoaFlags::default()
    };
    format!(
        "({}{}j)",
        double_to_string(re, 'r', 0, plain),
        double_to_string(im, 'r', 0, signed)
    )
}

/// Parses `complex(str)`: `1`, `2j`, `1+2j`, `-j`, `(1-2.5e3j)`.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|u| u.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let imag_part = |u: &str| -> Option<f64> {
        match u {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => parse_float(u),
        }
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return parse_float(t).map(|r| (r, 0.0));
    };
    // Split at the last sign that is not at the start or after an exponent.
    let b = body.as_bytes();
    let mut split = None;
    for i in (1..b.len()).rev() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    match split {
        Some(i) => {
            let re = parse_float(&body[..i])?;
            let im = imag_part(&body[i..])?;
            Some((re, im))
        }
        None => Some((0.0, imag_part(body)?)),
    }
}

/// CPython's `try_complex_special_method`: `x.__complex__()`, which must
/// return a complex.
fn try_complex_special(vm: &Vm, x: &PyRef) -> PyResult<Option<(f64, f64)>> {
    let Some(r) = vm.call_special(x, "__complex__", &[])? else {
        return Ok(None);
    };
    match r.payload {
        Payload::Complex(re, im) => Ok(Some((re, im))),
        _ => Err(vm.type_error(format!(
            "__complex__ returned non-complex (type {})",
            r.type_name()
        ))),
    }
}

/// A constructor argument as `(value, is_complex)`: its `__complex__`
/// (the first argument only), a complex's value, or a real number
/// (`nb_float` or `nb_index`) through `float()`.
fn complex_arg(vm: &Vm, x: &PyRef, first: bool) -> PyResult<((f64, f64), bool)> {
    if first {
        if let Some(c) = try_complex_special(vm, x)? {
            return Ok((c, true));
        }
    }
    if let Payload::Complex(re, im) = x.payload {
        return Ok(((re, im), true));
    }
    let real = x
        .class()
        .as_type()
        .is_some_and(|t| t.slots.nb_float().is_some() || t.slots.nb_index().is_some());
    if !real {
        return Err(vm.type_error(if first {
            format!(
                "complex() first argument must be a string or a number, not '{}'",
                x.type_name()
            )
        } else {
            format!(
                "complex() second argument must be a number, not '{}'",
                x.type_name()
            )
        }));
    }
    Ok(((number_float(vm, x)?, 0.0), false))
}

/// `complex.__new__(cls, real=0, imag=0)`.
pub fn complex_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("complex.__new__(): not enough arguments".to_string()));
    };
    let mut real = pos.get(1);
    let mut imag = pos.get(2);
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    for (k, v) in args.kwargs() {
        let slot = match k {
            "real" => &mut real,
            "imag" => &mut imag,
            _ => {
                return Err(vm.type_error(format!(
                    "complex() got an unexpected keyword argument '{}'",
                    k
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{}') and position ({})",
                k,
                if k == "real" { 1 } else { 2 }
            )));
        }
        *slot = Some(v);
    }
    let exact = cls.is(&vm.types.complex);
    let (re, im) = match (real, imag) {
        (None, None) => (0.0, 0.0),
        (Some(r), None) if exact && r.class().is(&vm.types.complex) => return Ok(r.clone()),
        (Some(r), i) => {
            if let Payload::Str(s) = &r.payload {
                if i.is_some() {
                    return Err(vm.type_error(
                        "complex() can't take second arg if first is a string".to_string(),
                    ));
                }
                parse_complex(&s.s).ok_or_else(|| {
                    vm.value_error("complex() arg is a malformed string".to_string())
                })?
            } else {
                if i.is_some_and(|i| matches!(i.payload, Payload::Str(_))) {
                    return Err(vm.type_error("complex() second arg can't be a string".to_string()));
                }
                let ((mut a, mut b), r_complex) = complex_arg(vm, r, true)?;
                if let Some(i) = i {
                    let ((c, d), i_complex) = complex_arg(vm, i, false)?;
                    if i_complex {
                        a -= d;
                    }
                    if r_complex {
                        b += c;
                    } else {
                        b = c;
                    }
                }
                (a, b)
            }
        }
        (None, Some(i)) => {
            if matches!(i.payload, Payload::Str(_)) {
                return Err(vm.type_error("complex() second arg can't be a string".to_string()));
            }
            let ((c, d), i_complex) = complex_arg(vm, i, false)?;
            if i_complex {
                (-d, c)
            } else {
                (0.0, c)
            }
        }
    };
    if exact {
        Ok(vm.new_complex(re, im))
    } else {
        Ok(PyRef::new(Payload::Complex(re, im), cls))
    }
}

/// `complex.__format__(spec)` (CPython's `format_complex_internal`, without
/// digit grouping).
fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    let f = FormatSpec::parse(spec, type_name, '\0', '>')?;
    if f.fill == '0' {
        return Err(TextError::Value(
            "Zero padding is not allowed in complex format specifier".to_string(),
        ));
    }
    if f.align == '=' {
        return Err(TextError::Value(
            "'=' alignment flag is not allowed in complex format specifier".to_string(),
        ));
    }
    let mut ty = f.ty;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_presentation_type(ty, type_name));
    }
    let flags = DtoaFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let (mut skip_re, mut add_parens) = (false, false);
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let part = |x: f64, sign: Option<char>| -> String {
        let s = double_to_string(x, ty, precision, flags);
        match s.strip_prefix('-') {
            Some(_) => s,
            None => match sign {
                Some('+') => format!("+{}", s),
                Some(' ') => format!(" {}", s),
                _ => s,
            },
        }
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, f.sign));
    }
    body.push_str(&part(im, if skip_re { f.sign } else { Some('+') }));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let len = body.chars().count();
    pad(&body, len, f.width, f.align, f.fill)
}

fn complex_repr_slot(vm: &Vm, o: &PyRef) -> PyResult {
    this_complex(vm, o)?;
    Ok(vm.new_string(complex_repr(o)))
}

/// `complex_hash`: `hash(re) + 1000003 * hash(im)` (`_PyHASH_IMAG`).
fn complex_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let (re, im) = this_complex(vm, o)?;
    let hr = number::float_hash(re, o.addr()) as u64;
    let hi = number::float_hash(im, o.addr()) as u64;
    let h = hr.wrapping_add(hi.wrapping_mul(1_000_003)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// `complex_richcompare`: `==` and `!=` with a complex, float or int (an
/// int exactly, as float does); no ordering.
fn complex_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (re, im) = this_complex(vm, a)?;
    let equal = match (&b.payload, int_of(b)) {
        (_, Some(i)) => im == 0.0 && number::cmp_int_float(i, re) == Some(Ordering::Equal),
        (Payload::Float(f), _) => re == *f && im == 0.0,
        (Payload::Complex(r, i), _) => re == *r && im == *i,
        _ => return Ok(vm.not_implemented.clone()),
    };
    Ok(vm.new_bool(equal == (op == CompareOp::Eq)))
}

/// A complex value as `(re, im)`.
type Cval = (f64, f64);

/// Both operands as complex values, or `None` when either is not a number.
#[inline]
fn operands(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<Option<(Cval, Cval)>> {
    let Some(x) = to_complex_operand(vm, a)? else {
        return Ok(None);
    };
    Ok(to_complex_operand(vm, b)?.map(|y| (x, y)))
}

/// A binary operator (`OP` is a `BINARY_OP` argument).
fn complex_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = operands(vm, a, b)? else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(number::complex_binary(vm, x, y, OP)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

/// `complex_pow`: a modulus is refused before the operands are looked at.
fn complex_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    if !m.is_none() {
        return Err(vm.value_error("complex modulo".to_string()));
    }
    complex_binop::<{ nb::POWER }>(vm, a, b)
}

fn complex_neg(vm: &Vm, o: &PyRef) -> PyResult {
    let (r, i) = this_complex(vm, o)?;
    Ok(vm.new_complex(-r, -i))
}

/// `complex_pos`, `__complex__`: the value as an exact complex.
fn complex_pos(vm: &Vm, o: &PyRef) -> PyResult {
    let (r, i) = this_complex(vm, o)?;
    if o.class().is(&vm.types.complex) {
        return Ok(o.clone());
    }
    Ok(vm.new_complex(r, i))
}

fn complex_abs(vm: &Vm, o: &PyRef) -> PyResult {
    let (r, i) = this_complex(vm, o)?;
    let a = r.hypot(i);
    if a.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(vm.overflow_error("absolute value too large".to_string()));
    }
    Ok(vm.new_float(a))
}

fn complex_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    let (r, i) = this_complex(vm, o)?;
    Ok(r != 0.0 || i != 0.0)
}

/// Positional arguments of a complex method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    crate::objects::int::check_method_args(vm, args, "complex", name, n)
}

fn complex_conjugate(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "conjugate", 0)?;
    let (r, i) = this_complex(vm, &pos[0])?;
    Ok(vm.new_complex(r, -i))
}

fn complex_complex(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__complex__", 0)?;
    complex_pos(vm, &pos[0])
}

fn complex_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__getnewargs__", 0)?;
    let (r, i) = this_complex(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![vm.new_float(r), vm.new_float(i)]))
}

fn complex_format(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__format__", 1)?;
    let (re, im) = this_complex(vm, &pos[0])?;
    match pos[1].as_str() {
        Some("") => vm.str(&pos[0]),
        Some(spec) => {
            let type_name = pos[0].type_name();
            format_complex(re, im, spec, &type_name)
                .map(|s| vm.new_string(s))
                .map_err(|e| crate::objects::int::text_error(vm, e))
        }
        None => Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            pos[1].type_name()
        ))),
    }
}

fn get_real(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(this_complex(vm, o)?.0))
}

fn get_imag(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(this_complex(vm, o)?.1))
}

pub static COMPLEX_TYPE: TypeSpec = TypeSpec {
    name: "complex",
    doc: Some("complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0."),
    layout: Layout::Complex,
    flags: tpflags::BASETYPE,
    slots: &[
        slot::repr(complex_repr_slot),
        slot::hash(complex_hash),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(complex_richcompare),
        slot::nb_add(complex_binop::<{ nb::ADD }>),
        slot::nb_subtract(complex_binop::<{ nb::SUBTRACT }>),
        slot::nb_multiply(complex_binop::<{ nb::MULTIPLY }>),
        slot::nb_power(complex_pow),
        slot::nb_negative(complex_neg),
        slot::nb_positive(complex_pos),
        slot::nb_absolute(complex_abs),
        slot::nb_bool(complex_bool),
        slot::nb_true_divide(complex_binop::<{ nb::TRUE_DIVIDE }>),
        slot::tp_new(complex_new),
    ],
    methods: &[
        MethodDef::method("conjugate", complex_conjugate)
            .doc("conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
        MethodDef::method("__complex__", complex_complex)
            .doc("__complex__($self, /)\n--\n\nConvert this value to exact type complex."),
        MethodDef::method("__getnewargs__", complex_getnewargs)
            .doc("__getnewargs__($self, /)\n--\n\n"),
        MethodDef::method("__format__", complex_format)
            .doc("__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."),
    ],
    getsets: &[
        GetSetDef::new("real", get_real)
            .member()
            .doc("the real part of a complex number"),
        GetSetDef::new("imag", get_imag)
            .member()
            .doc("the imaginary part of a complex number"),
    ],
};
