//! `float(x=0, /)`: `float_new` and the conversions it relies on
//! (CPython's `PyNumber_Float`, `PyFloat_FromString`).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::number::int_to_f64;
use crate::text::float_format::{parse_float, parse_float_error};
use crate::vm::Vm;

/// The text of a str, bytes or bytearray argument of `float()`, with the
/// repr its error message shows for bytes-like ones.
fn float_text_of(obj: &PyObject) -> Option<(String, Option<String>)> {
    let text = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
    match &obj.payload {
        Payload::Str(s) => Some((s.s.to_string(), None)),
        Payload::Bytes(b) => Some((text(b), Some(minipy_bytecode::repr::bytes_repr(b)))),
        Payload::ByteArray(b) => {
            let b = b.borrow();
            let shown = format!("bytearray({})", minipy_bytecode::repr::bytes_repr(&b));
            Some((text(&b), Some(shown)))
        }
        _ => None,
    }
}

/// `PyFloat_FromString`.
fn float_from_string(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    let Some((text, shown)) = float_text_of(x) else {
        return Err(vm.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.type_name()
        )));
    };
    parse_float(&text).ok_or_else(|| {
        vm.value_error(match shown {
            Some(r) => format!("could not convert string to float: {}", r),
            None => parse_float_error(&text),
        })
    })
}

/// `PyNumber_Float` as an f64: `nb_float`, `nb_index`, a float subclass's
/// value, then the text of a str or bytes-like object.
pub fn number_float(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Payload::Float(f) = x.payload {
        if x.class().is(&vm.types.float) {
            return Ok(f);
        }
    }
    let slots = x.class().as_type().map(|t| &t.slots);
    if let Some(f) = slots.and_then(|s| s.nb_float()) {
        let r = f(vm, x)?;
        return match r.payload {
            Payload::Float(f) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                x.type_name(),
                r.type_name()
            ))),
        };
    }
    if slots.is_some_and(|s| s.nb_index().is_some()) {
        let i = crate::objects::int::number_index(vm, x)?;
        return int_to_f64(vm, &i);
    }
    if let Payload::Float(f) = x.payload {
        return Ok(f);
    }
    float_from_string(vm, x)
}

/// `float.__new__(cls, x=0.0)` (`float_new_impl`, `float_subtype_new`).
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
        Some(x) if x.class().is(&vm.types.str) => float_from_string(vm, x)?,
        Some(x) => number_float(vm, x)?,
    };
    if exact {
        Ok(vm.new_float(v))
    } else {
        Ok(PyRef::new(Payload::Float(v), cls))
    }
}
