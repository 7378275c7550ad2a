//! `int(x=0, base=10)`: `long_new` and the conversions it relies on
//! (CPython's `PyNumber_Long`, `PyNumber_Index`, `PyLong_FromUnicodeObject`).

use num_bigint::BigInt;

use super::{plain_int, text_error};
use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::number::{is_int, IntVal};
use crate::text::int_format::{max_str_digits, parse_int_checked};
use crate::text::TextError;
use crate::vm::Vm;

/// Parses `int(s, base)` for str/bytes text; `shown` is the repr used in
/// the error message (for bytes; a str's is made by the parser).
fn int_from_text(vm: &Vm, text: &str, base: u32, shown: Option<String>) -> PyResult<BigInt> {
    match parse_int_checked(text, base, max_str_digits()) {
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

/// The text of a str, bytes or bytearray argument of `int()`, with the
/// repr its error message shows for bytes-like ones (`b'...'` for both).
fn int_text_of(obj: &PyObject) -> Option<(String, Option<String>)> {
    let bytes = |b: &[u8]| {
        let text: String = b.iter().map(|&c| c as char).collect();
        Some((text, Some(minipy_bytecode::repr::bytes_repr(b))))
    };
    match &obj.payload {
        Payload::Str(s) => Some((s.s.to_string(), None)),
        Payload::Bytes(b) => bytes(b),
        Payload::ByteArray(b) => bytes(&b.borrow()),
        _ => None,
    }
}

/// Checks what `__int__` / `__index__` returned: an int (an instance of a
/// subclass is replaced by its exact value).
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

/// `PyNumber_Index` as an exact int object.
pub(crate) fn number_index(vm: &Vm, x: &PyRef) -> PyResult {
    if is_int(x) {
        return Ok(plain_int(vm, x));
    }
    match x.class().as_type().and_then(|t| t.slots.nb_index()) {
        Some(f) => expect_int(vm, f(vm, x)?, "__index__"),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            x.type_name()
        ))),
    }
}

/// `PyNumber_Long`: `int(x)` for one argument — `nb_int`, `nb_index`,
/// `__trunc__`, then the text of a str or bytes-like object.
pub fn number_long(vm: &Vm, x: &PyRef) -> PyResult {
    if x.class().is(&vm.types.int) {
        return Ok(x.clone());
    }
    let slots = x.class().as_type().map(|t| &t.slots);
    if let Some(f) = slots.and_then(|s| s.nb_int()) {
        return expect_int(vm, f(vm, x)?, "__int__");
    }
    if slots.is_some_and(|s| s.nb_index().is_some()) {
        return number_index(vm, x);
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        if is_int(&r) {
            return Ok(plain_int(vm, &r));
        }
        if r.class()
            .as_type()
            .and_then(|t| t.slots.nb_index())
            .is_none()
        {
            return Err(vm.type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.type_name()
            )));
        }
        return number_index(vm, &r);
    }
    if let Some((text, shown)) = int_text_of(x) {
        return Ok(vm.new_bigint(int_from_text(vm, &text, 10, shown)?));
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_name()
    )))
}

/// An instance of `cls` (int or a subclass of it) with the value of the
/// exact int `v` (`long_subtype_new`).
fn int_of_class(vm: &Vm, cls: &PyRef, v: PyRef) -> PyResult {
    if cls.is(&vm.types.int) {
        return Ok(v);
    }
    let payload = match crate::objects::number::int_of(&v) {
        Some(IntVal::Small(i)) => Payload::Int(i),
        Some(IntVal::Big(b)) => Payload::BigInt(Box::new(b.clone())),
        None => return Err(super::not_an_int(vm, &v)),
    };
    Ok(PyRef::new(payload, cls))
}

/// `int.__new__(cls, x=0, base=10)` (`long_new_impl`).
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
        (Some(x), None) => number_long(vm, x)?,
        (Some(x), Some(b)) => {
            let b = vm.index_i64(b)?;
            if (b != 0 && b < 2) || b > 36 {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0".to_string()));
            }
            let Some((text, shown)) = int_text_of(x) else {
                return Err(
                    vm.type_error("int() can't convert non-string with explicit base".to_string())
                );
            };
            vm.new_bigint(int_from_text(vm, &text, b as u32, shown)?)
        }
    };
    int_of_class(vm, cls, v)
}
