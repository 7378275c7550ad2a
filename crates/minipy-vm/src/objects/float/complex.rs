//! `complex`: constructor, repr, methods and `real`/`imag`.

use minipy_bytecode::opcode::nb;

use super::float_from_obj;
use crate::heap::{PyObject, PyRef};
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::number::{self, num_of, Num};
use crate::text::float_format::{double_to_string, parse_float, DtoaFlags};
use crate::text::format_spec::{pad, unknown_presentation_type, FormatSpec};
use crate::text::TextError;
use crate::vm::Vm;

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

/// `complex.real`, `complex.imag`.
pub fn complex_attr(vm: &Vm, obj: &PyRef, name: &str) -> Option<PyRef> {
    let Payload::Complex(re, im) = obj.payload else {
        return None;
    };
    match name {
        "real" => Some(vm.new_float(re)),
        "imag" => Some(vm.new_float(im)),
        _ => None,
    }
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

/// A complex-constructor argument: `(value, is_complex)`.
fn complex_arg(vm: &Vm, x: &PyRef, first: bool) -> PyResult<((f64, f64), bool)> {
    match num_of(x) {
        Some(Num::Complex(r, i)) => return Ok(((r, i), true)),
        Some(_) => return Ok(((float_from_obj(vm, x)?, 0.0), false)),
        None => {}
    }
    if let Some(r) = vm.call_special(x, "__complex__", &[])? {
        return match r.payload {
            Payload::Complex(re, im) => Ok(((re, im), true)),
            _ => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                r.type_name()
            ))),
        };
    }
    let has = |n: &str| vm.lookup_special(x, n).is_some();
    if has("__float__") || has("__index__") {
        return Ok(((float_from_obj(vm, x)?, 0.0), false));
    }
    Err(vm.type_error(if first {
        format!(
            "complex() first argument must be a string or a number, not '{}'",
            x.type_name()
        )
    } else {
        format!(
            "complex() second argument must be a number, not '{}'",
            x.type_name()
        )
    }))
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

fn self_complex(vm: &Vm, args: &[PyRef], name: &str) -> PyResult<(f64, f64)> {
    match args.first().map(|s| (s, &s.payload)) {
        Some((_, Payload::Complex(r, i))) => Ok((*r, *i)),
        Some((s, _)) => Err(vm.type_error(format!(
            "descriptor '{}' requires a 'complex' object but received a '{}'",
            name,
            s.type_name()
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{}' of 'complex' object needs an argument",
            name
        ))),
    }
}

/// Positional arguments of a complex method taking exactly `n` arguments after self.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    crate::objects::int::check_method_args(vm, args, "complex", name, n)
}

fn complex_dunder(vm: &Vm, args: Args, op: u32, reflected: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_complex(vm, pos, name)?;
    number::binary_dunder(vm, pos, op, reflected, |o| num_of(o).is_some())
}

crate::objects::number::binop_wrappers! {
    complex_dunder;
    complex_add, complex_radd, ADD, "__add__", "__radd__";
    complex_sub, complex_rsub, SUBTRACT, "__sub__", "__rsub__";
    complex_mul, complex_rmul, MULTIPLY, "__mul__", "__rmul__";
    complex_truediv, complex_rtruediv, TRUE_DIVIDE, "__truediv__", "__rtruediv__";
}

fn complex_pow_impl(vm: &Vm, args: Args, reflected: bool, name: &str) -> PyResult {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "expected 1 or 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    self_complex(vm, pos, name)?;
    if pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo".to_string()));
    }
    if num_of(&pos[1]).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let (a, b) = if reflected {
        (&pos[1], &pos[0])
    } else {
        (&pos[0], &pos[1])
    };
    Ok(number::binary(vm, a, b, nb::POWER)?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn complex_pow(vm: &Vm, args: Args) -> PyResult {
    complex_pow_impl(vm, args, false, "__pow__")
}

fn complex_rpow(vm: &Vm, args: Args) -> PyResult {
    complex_pow_impl(vm, args, true, "__rpow__")
}

fn complex_neg(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__neg__", 0)?;
    let (r, i) = self_complex(vm, pos, "__neg__")?;
    Ok(vm.new_complex(-r, -i))
}

fn complex_pos(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__pos__", 0)?;
    let (r, i) = self_complex(vm, pos, "__pos__")?;
    Ok(vm.new_complex(r, i))
}

fn complex_abs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__abs__", 0)?;
    let (r, i) = self_complex(vm, pos, "__abs__")?;
    let a = r.hypot(i);
    if a.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(vm.overflow_error("absolute value too large".to_string()));
    }
    Ok(vm.new_float(a))
}

fn complex_bool(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__bool__", 0)?;
    let (r, i) = self_complex(vm, pos, "__bool__")?;
    Ok(vm.new_bool(r != 0.0 || i != 0.0))
}

fn complex_conjugate(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "conjugate", 0)?;
    let (r, i) = self_complex(vm, pos, "conjugate")?;
    Ok(vm.new_complex(r, -i))
}

fn complex_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__getnewargs__", 0)?;
    let (r, i) = self_complex(vm, pos, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_float(r), vm.new_float(i)]))
}

fn complex_hash(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__hash__", 0)?;
    self_complex(vm, pos, "__hash__")?;
    Ok(vm.new_int(number::hash(&pos[0]).unwrap_or(0)))
}

fn complex_repr_method(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__repr__", 0)?;
    self_complex(vm, pos, "__repr__")?;
    Ok(vm.new_string(complex_repr(&pos[0])))
}

fn complex_format(vm: &Vm, args: Args) -> PyResult {
    let pos = method_args(vm, &args, "__format__", 1)?;
    self_complex(vm, pos, "__format__")?;
    match pos[1].as_str() {
        Some("") => vm.str(&pos[0]),
        Some(spec) => {
            let (re, im) = self_complex(vm, pos, "__format__")?;
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

fn complex_compare(vm: &Vm, args: Args, eq: bool, name: &str) -> PyResult {
    let pos = method_args(vm, &args, name, 1)?;
    self_complex(vm, pos, name)?;
    let op = if eq {
        crate::protocol::CompareOp::Eq
    } else {
        crate::protocol::CompareOp::Ne
    };
    match number::compare(&pos[0], &pos[1], op) {
        Some(b) => Ok(vm.new_bool(b)),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn complex_eq(vm: &Vm, args: Args) -> PyResult {
    complex_compare(vm, args, true, "__eq__")
}

fn complex_ne(vm: &Vm, args: Args) -> PyResult {
    complex_compare(vm, args, false, "__ne__")
}

fn complex_not_ordered(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

pub const COMPLEX_METHODS: &[(&str, NativeFn)] = &[
    ("__add__", complex_add),
    ("__radd__", complex_radd),
    ("__sub__", complex_sub),
    ("__rsub__", complex_rsub),
    ("__mul__", complex_mul),
    ("__rmul__", complex_rmul),
    ("__truediv__", complex_truediv),
    ("__rtruediv__", complex_rtruediv),
    ("__pow__", complex_pow),
    ("__rpow__", complex_rpow),
    ("__neg__", complex_neg),
    ("__pos__", complex_pos),
    ("__abs__", complex_abs),
    ("__bool__", complex_bool),
    ("__eq__", complex_eq),
    ("__ne__", complex_ne),
    ("__lt__", complex_not_ordered),
    ("__le__", complex_not_ordered),
    ("__gt__", complex_not_ordered),
    ("__ge__", complex_not_ordered),
    ("__hash__", complex_hash),
    ("__repr__", complex_repr_method),
    ("__str__", complex_repr_method),
    ("__format__", complex_format),
    ("__getnewargs__", complex_getnewargs),
    ("conjugate", complex_conjugate),
];
