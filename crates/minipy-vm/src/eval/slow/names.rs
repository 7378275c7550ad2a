//! Slow paths of name access: globals, class/module namespaces, cells
//! (`LOAD_DEREF`, `LOAD_CLASSDEREF`...), `LOAD_BUILD_CLASS`,
//! `SETUP_ANNOTATIONS`.

use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::vm::Vm;

use super::*;

pub fn load_global(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(v) = dict::get_str(vm, &f.globals, name) {
        return Ok(v);
    }
    let b = match &f.builtins.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => f.builtins.clone(),
    };
    if let Some(v) = dict::get_str(vm, &b, name) {
        return Ok(v);
    }
    Err(name_error(vm, name))
}

pub fn load_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(l) = &f.locals {
        if matches!(l.payload, Payload::Dict(_)) && l.class().is(&vm.types.dict) {
            if let Some(v) = dict::get_str(vm, l, name) {
                return Ok(v);
            }
        } else {
            match vm.getitem(l, name) {
                Ok(v) => return Ok(v),
                Err(e) if vm.exc_matches(&e, &vm.exc.key_error) => {}
                Err(e) => return Err(e),
            }
        }
    }
    load_global(vm, f, name)
}

pub fn store_name(vm: &Vm, f: &Frame, name: &PyRef, v: PyRef) -> PyResult<()> {
    match &f.locals {
        Some(l) if l.class().is(&vm.types.dict) => {
            dict::set_str(vm, l, name.clone(), v);
            Ok(())
        }
        Some(l) => vm.setitem(l, name, v),
        None => Err(vm.new_error(
            &vm.exc.system_error,
            "no locals when storing name".to_string(),
        )),
    }
}

pub fn delete_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult<()> {
    if let Some(l) = &f.locals {
        if dict::del_item(vm, l, name)?.is_some() {
            return Ok(());
        }
    }
    Err(name_error(vm, name))
}

fn cell_value(f: &Frame, idx: usize) -> Option<PyRef> {
    match &f.bufs.fast.get(idx)?.as_ref()?.payload {
        Payload::Cell(c) => c.borrow().clone(),
        _ => None,
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
    cell_value(f, idx).ok_or_else(|| deref_error(vm, f, idx))
}

pub fn load_classderef(vm: &Vm, f: &Frame, idx: usize) -> PyResult {
    if let Some(l) = &f.locals {
        if let Some(name) = f.code.localsplusnames.get(idx) {
            if let Some(v) = dict::get_item(vm, l, name)? {
                return Ok(v);
            }
        }
    }
    load_deref(vm, f, idx)
}

pub fn delete_deref(vm: &Vm, f: &Frame, idx: usize) -> PyResult<()> {
    if cell_value(f, idx).is_none() {
        return Err(deref_error(vm, f, idx));
    }
    if let Some(Some(c)) = f.bufs.fast.get(idx) {
        if let Payload::Cell(cell) = &c.payload {
            let old = cell.replace(None);
            drop(old);
        }
    }
    Ok(())
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
    if let Some(l) = &f.locals {
        let key = vm.intern("__annotations__");
        if dict::get_item(vm, l, &key)?.is_none() {
            dict::set_item(vm, l, key, vm.new_dict())?;
        }
    }
    Ok(())
}
