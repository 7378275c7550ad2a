//! Slow paths of name access: globals, class/module namespaces, cells
//! (`LOAD_DEREF`, `LOAD_CLASSDEREF`...), `LOAD_BUILD_CLASS`,
//! `SETUP_ANNOTATIONS`.

use std::cell::RefCell;

use minipy_bytecode::opcode::Opcode;

use crate::eval::stack::{self, bad_bytecode, wrong_kind};
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::vm::Vm;

use super::*;

/// `LOAD_GLOBAL`'s slow path: exact dicts are read directly; a dict
/// subclass (or a non-dict builtins) through `__getitem__` (so
/// `__missing__` applies), as CPython 3.11 does.
pub fn load_global(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    let b = crate::objects::frameobj::builtins_dict(f);
    let exact = |d: &PyRef| d.class().is(&vm.types.dict);
    if exact(&f.globals) && exact(&b) {
        if let Some(v) = dict::get_str(vm, &f.globals, name) {
            return Ok(v);
        }
        if let Some(v) = dict::get_str(vm, &b, name) {
            return Ok(v);
        }
        return Err(name_error(vm, name));
    }
    if let Some(v) = namespace_get(vm, &f.globals, name)? {
        return Ok(v);
    }
    match namespace_get(vm, &b, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(vm, name)),
    }
}

/// `LOAD_NAME`'s fallback after the locals: globals as a plain dict (no
/// `__missing__`), then builtins (through `__getitem__` unless an exact
/// dict).
fn load_name_global(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(v) = dict::get_item(vm, &f.globals, name)? {
        return Ok(v);
    }
    let b = crate::objects::frameobj::builtins_dict(f);
    match namespace_get(vm, &b, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(vm, name)),
    }
}

/// The frame's locals namespace. Module and class bodies, the only code
/// the compiler gives `*_NAME`, `LOAD_CLASSDEREF` and `SETUP_ANNOTATIONS`,
/// always run with one; `what` completes CPython's message for a frame
/// without ("no locals when loading 'x'").
fn locals<'a>(vm: &Vm, f: &'a Frame, what: &str, name: Option<&PyRef>) -> PyResult<&'a PyRef> {
    match &f.locals {
        Some(l) => Ok(l),
        None => Err(no_locals(vm, what, name)),
    }
}

#[cold]
fn no_locals(vm: &Vm, what: &str, name: Option<&PyRef>) -> PyRef {
    let msg = match name {
        Some(n) => match vm.repr_string(n) {
            Ok(r) => format!("{} {}", what, r),
            Err(e) => return e,
        },
        None => what.to_string(),
    };
    vm.new_error(&vm.exc.system_error, msg)
}

/// `locals[name]` as CPython reads a namespace: an exact dict directly,
/// any other mapping through `__getitem__` (KeyError: absent).
fn namespace_get(vm: &Vm, ns: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    if matches!(ns.payload, Payload::Dict(_)) && ns.class().is(&vm.types.dict) {
        return dict::get_item(vm, ns, name);
    }
    match vm.getitem(ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_matches(&e, &vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn load_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    let l = locals(vm, f, "no locals when loading", Some(name))?;
    if matches!(l.payload, Payload::Dict(_)) && l.class().is(&vm.types.dict) {
        if let Some(v) = dict::get_str(vm, l, name) {
            return Ok(v);
        }
    } else if let Some(v) = namespace_get(vm, l, name)? {
        return Ok(v);
    }
    load_name_global(vm, f, name)
}

pub fn store_name(vm: &Vm, f: &Frame, name: &PyRef, v: PyRef) -> PyResult<()> {
    let l = locals(vm, f, "no locals found when storing", Some(name))?;
    if l.class().is(&vm.types.dict) {
        dict::set_str(vm, l, name.clone(), v);
        Ok(())
    } else {
        vm.setitem(l, name, v)
    }
}

pub fn delete_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult<()> {
    let l = locals(vm, f, "no locals when deleting", Some(name))?;
    let deleted = if matches!(l.payload, Payload::Dict(_)) && l.class().is(&vm.types.dict) {
        dict::del_item(vm, l, name)?.is_some()
    } else {
        // CPython turns any failure of the deletion into the NameError.
        vm.delitem(l, name).is_ok()
    };
    if deleted {
        Ok(())
    } else {
        Err(name_error(vm, name))
    }
}

/// The cell in fast slot `idx`, for the `*_DEREF` instructions: `MAKE_CELL`
/// (cells of this code) or `COPY_FREE_VARS` (free variables) put it there
/// before any of them runs.
fn with_cell<R>(
    vm: &Vm,
    f: &Frame,
    idx: usize,
    op: Opcode,
    g: impl FnOnce(&RefCell<Option<PyRef>>) -> R,
) -> PyResult<R> {
    match stack::local_get(vm, f.fast(), idx as u32, op)? {
        Some(c) => match &c.payload {
            Payload::Cell(cell) => Ok(g(cell)),
            _ => Err(wrong_kind(vm, op, "slot", &c, "cell")),
        },
        None => Err(bad_bytecode(
            vm,
            format!("{} {}: no cell in the slot", op.name(), idx),
        )),
    }
}

fn deref_error(vm: &Vm, f: &Frame, idx: usize) -> PyRef {
    let name = f
        .code
        .localsplusnames
        .get(idx)
        .and_then(|n| n.as_str())
        .unwrap_or("?");
    let kind = f
        .code
        .code
        .co_localspluskinds
        .get(idx)
        .copied()
        .unwrap_or(0);
    if kind & minipy_bytecode::code::kinds::FREE != 0 {
        vm.name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ))
    } else {
        vm.new_error(
            &vm.exc.unbound_local_error,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        )
    }
}

pub fn load_deref(vm: &Vm, f: &Frame, idx: usize) -> PyResult {
    let v = with_cell(vm, f, idx, Opcode::LOAD_DEREF, |c| c.borrow().clone())?;
    v.ok_or_else(|| deref_error(vm, f, idx))
}

pub fn load_classderef(vm: &Vm, f: &Frame, idx: usize) -> PyResult {
    let op = Opcode::LOAD_CLASSDEREF;
    let name = match f.code.localsplusnames.get(idx) {
        Some(n) => n,
        None => return Err(stack::bad_oparg(vm, op, idx as u32)),
    };
    let l = locals(vm, f, "no locals when loading", Some(name))?;
    if let Some(v) = namespace_get(vm, l, name)? {
        return Ok(v);
    }
    let v = with_cell(vm, f, idx, op, |c| c.borrow().clone())?;
    v.ok_or_else(|| deref_error(vm, f, idx))
}

#[inline]
pub fn store_deref(vm: &Vm, f: &Frame, idx: usize, v: PyRef) -> PyResult<()> {
    let old = with_cell(vm, f, idx, Opcode::STORE_DEREF, |c| c.replace(Some(v)))?;
    drop(old);
    Ok(())
}

pub fn delete_deref(vm: &Vm, f: &Frame, idx: usize) -> PyResult<()> {
    let old = with_cell(vm, f, idx, Opcode::DELETE_DEREF, |c| c.replace(None))?;
    match old {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(deref_error(vm, f, idx)),
    }
}

pub fn load_build_class(vm: &Vm, f: &Frame) -> PyResult {
    let b = match &f.builtins.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => f.builtins.clone(),
    };
    dict::get_str(vm, &b, &vm.intern("__build_class__"))
        .ok_or_else(|| vm.name_error("__build_class__ not found".to_string()))
}

pub fn setup_annotations(vm: &Vm, f: &Frame) -> PyResult<()> {
    let l = locals(vm, f, "no locals found when setting up annotations", None)?;
    let key = vm.intern("__annotations__");
    if namespace_get(vm, l, &key)?.is_none() {
        vm.setitem(l, &key, vm.new_dict())?;
    }
    Ok(())
}
