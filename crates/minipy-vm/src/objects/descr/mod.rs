//! The descriptors that put a built-in type's behaviour in its dict, as
//! CPython's `Objects/descrobject.c` does:
//!
//! | type | made from | in the dict as | bound form |
//! |---|---|---|---|
//! | `method_descriptor` | a `MethodDef` | `list.__dict__['append']` | `builtin_function_or_method` (`[].append`) |
//! | `classmethod_descriptor` | a class `MethodDef` | `dict.__dict__['fromkeys']` | `builtin_function_or_method` bound to the class |
//! | `wrapper_descriptor` | a slot (`slotdefs`) | `int.__dict__['__add__']` | `method-wrapper` (`(1).__add__`) |
//! | `getset_descriptor` / `member_descriptor` | a `GetSetDef`, a `__slots__` name | `type.__dict__['__name__']` | — (data descriptor) |
//!
//! Each is one file: `method.rs`, `wrapper.rs`, `getset.rs`. This module
//! holds what they share: the owner check, and the split of a CPython
//! docstring into `__text_signature__` and `__doc__`.

pub mod getset;
pub mod method;
pub mod wrapper;

pub use getset::{new_getset_descr, new_slot_member, GetSetDescr, GetSetKind};
pub use method::{is_new_wrapper, new_method_descr, new_new_wrapper, MethodDescr};
pub use wrapper::{is_object_getattribute, new_wrapper_descr, WrapperDescr};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::typeobj;
use crate::vm::Vm;

/// CPython's `descr_check`: `obj` must be an instance of the descriptor's
/// class.
pub fn check_instance(vm: &Vm, name: &str, objclass: &PyRef, obj: &PyRef) -> PyResult<()> {
    if typeobj::is_subtype(obj.class(), objclass) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name,
        type_name(objclass),
        obj.type_name()
    )))
}

/// The `__name__` of a type object.
pub fn type_name(ty: &PyRef) -> String {
    ty.as_type()
        .map(|t| t.name().to_string())
        .unwrap_or_default()
}

/// The `__qualname__` of a type object.
pub fn type_qualname(ty: &PyRef) -> String {
    ty.as_type()
        .map(|t| t.qualname.borrow().to_string())
        .unwrap_or_default()
}

/// CPython's `find_signature`/`skip_signature`: a docstring that starts
/// with `name(...)\n--\n\n` carries a text signature. Returns
/// `(text signature, rest of the doc)`.
pub fn split_doc<'a>(name: &str, doc: &'a str) -> (Option<&'a str>, &'a str) {
    let short = name.rsplit('.').next().unwrap_or(name);
    let Some(rest) = doc.strip_prefix(short) else {
        return (None, doc);
    };
    if !rest.starts_with('(') {
        return (None, doc);
    }
    const END: &str = ")\n--\n\n";
    let mut i = 0;
    let b = rest.as_bytes();
    while i < b.len() {
        if rest[i..].starts_with(END) {
            return (Some(&rest[..i + 1]), &rest[i + END.len()..]);
        }
        if b[i] == b'\n' && b.get(i + 1) == Some(&b'\n') {
            return (None, doc);
        }
        i += 1;
    }
    (None, doc)
}

/// `__doc__` from a native docstring: the part after the signature, or
/// None.
pub fn doc_object(vm: &Vm, name: &str, doc: Option<&str>) -> PyRef {
    match doc {
        Some(d) => {
            let (_, body) = split_doc(name, d);
            if body.is_empty() {
                vm.none.clone()
            } else {
                vm.new_str(body)
            }
        }
        None => vm.none.clone(),
    }
}

/// `__text_signature__` from a native docstring, or None.
pub fn text_signature_object(vm: &Vm, name: &str, doc: Option<&str>) -> PyRef {
    match doc.and_then(|d| split_doc(name, d).0) {
        Some(sig) => vm.new_str(sig),
        None => vm.none.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::split_doc;

    #[test]
    fn docstrings_split_as_cpython() {
        let d = "append($self, object, /)\n--\n\nAppend object to the end of the list.";
        assert_eq!(
            split_doc("append", d),
            (
                Some("($self, object, /)"),
                "Append object to the end of the list."
            )
        );
        assert_eq!(split_doc("list.append", d).0, Some("($self, object, /)"));
        // Another name, or no marker: no signature.
        assert_eq!(split_doc("extend", d), (None, d));
        let plain = "int([x]) -> integer\n\nConvert a number";
        assert_eq!(split_doc("int", plain), (None, plain));
    }
}
