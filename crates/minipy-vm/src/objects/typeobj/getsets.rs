//! `type`'s getset and member descriptors (`type_getsets`, `type_members`
//! in CPython's `typeobject.c`): `__name__`, `__mro__`, `__dict__`,
//! `__doc__`, `__abstractmethods__`, ...

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::descr::split_doc;
use crate::objects::dict;
use crate::objects::typeobj::{tpflags, GetSetDef, TypeData};
use crate::vm::Vm;

/// The type data of `ty` (the getset descriptor has checked that `ty` is
/// a type object; anything else is an interpreter bug).
fn td<'a>(vm: &Vm, ty: &'a PyRef) -> PyResult<&'a TypeData> {
    ty.as_type().ok_or_else(|| {
        vm.new_error(
            &vm.exc.system_error,
            "type attribute read on a non-type".to_string(),
        )
    })
}

/// CPython's `check_set_special_type_attr`: only classes can be changed,
/// and these attributes cannot be deleted.
fn check_set_special(vm: &Vm, ty: &PyRef, value: &Option<PyRef>, name: &str) -> PyResult<()> {
    let t = td(vm, ty)?;
    if t.flags.get() & tpflags::IMMUTABLETYPE != 0 {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name,
            t.name()
        )));
    }
    if value.is_none() {
        return Err(vm.type_error(format!(
            "cannot delete '{}' attribute of immutable type '{}'",
            name,
            t.name()
        )));
    }
    Ok(())
}

fn get_name(vm: &Vm, ty: &PyRef) -> PyResult {
    Ok(vm.new_str(&td(vm, ty)?.name()))
}

fn set_name(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    check_set_special(vm, ty, &value, "__name__")?;
    let t = td(vm, ty)?;
    let Some(v) = value else { return Ok(()) };
    match v.as_str() {
        Some(s) if s.contains('\0') => {
            Err(vm.value_error("type name must not contain null characters".to_string()))
        }
        Some(s) => {
            *t.name.borrow_mut() = s.into();
            Ok(())
        }
        None => Err(vm.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name(),
            v.type_name()
        ))),
    }
}

fn get_qualname(vm: &Vm, ty: &PyRef) -> PyResult {
    Ok(vm.new_str(&td(vm, ty)?.qualname.borrow()))
}

fn set_qualname(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    check_set_special(vm, ty, &value, "__qualname__")?;
    let t = td(vm, ty)?;
    let Some(v) = value else { return Ok(()) };
    match v.as_str() {
        Some(s) => {
            *t.qualname.borrow_mut() = s.into();
            Ok(())
        }
        None => Err(vm.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            t.name(),
            v.type_name()
        ))),
    }
}

fn get_mro(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    Ok(match &*t.tuples.borrow() {
        Some((_, m)) => m.clone(),
        None => vm.new_tuple(t.mro.borrow().clone()),
    })
}

fn get_bases(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    Ok(match &*t.tuples.borrow() {
        Some((b, _)) => b.clone(),
        None => vm.new_tuple(t.bases.borrow().clone()),
    })
}

fn set_bases(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    check_set_special(vm, ty, &value, "__bases__")?;
    Err(vm.unsupported("assigning __bases__"))
}

fn get_base(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    Ok(t.bases
        .borrow()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.none.clone()))
}

fn get_module(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    if t.heap {
        return dict::get_str(vm, &t.dict, &vm.intern("__module__"))
            .ok_or_else(|| vm.attribute_error("__module__".to_string()));
    }
    Ok(vm.new_str(t.spec.get().map_or("builtins", |s| s.module())))
}

fn set_module(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    check_set_special(vm, ty, &value, "__module__")?;
    let t = td(vm, ty)?;
    let Some(v) = value else { return Ok(()) };
    dict::set_str(vm, &t.dict, vm.intern("__module__"), v);
    vm.types_modified();
    Ok(())
}

fn get_abstractmethods(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    // `type` itself has the descriptor in its dict, not abstract methods.
    let found = if ty.is(&vm.types.type_) {
        None
    } else {
        dict::get_str(vm, &t.dict, &vm.names.abstractmethods)
    };
    found.ok_or_else(|| {
        vm.new_exception(
            &vm.exc.attribute_error,
            vec![vm.names.abstractmethods.clone()],
        )
    })
}

/// Setting `__abstractmethods__` (what `ABCMeta` does) sets or clears the
/// type's `IS_ABSTRACT` flag, which `object.__new__` tests.
fn set_abstractmethods(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let t = td(vm, ty)?;
    let abstract_ = match &value {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match value {
        Some(v) => dict::set_str(vm, &t.dict, vm.names.abstractmethods.clone(), v),
        None => {
            if dict::del_str(vm, &t.dict, &vm.names.abstractmethods).is_none() {
                return Err(vm.new_exception(
                    &vm.exc.attribute_error,
                    vec![vm.names.abstractmethods.clone()],
                ));
            }
        }
    }
    let f = t.flags.get();
    t.flags.set(if abstract_ {
        f | tpflags::IS_ABSTRACT
    } else {
        f & !tpflags::IS_ABSTRACT
    });
    vm.types_modified();
    Ok(())
}

fn get_dict(vm: &Vm, ty: &PyRef) -> PyResult {
    Ok(crate::objects::mappingproxy::new_proxy(
        vm,
        td(vm, ty)?.dict.clone(),
    ))
}

/// `C.__doc__`: a class's `__doc__` entry (through its `__get__`), or a
/// built-in type's docstring without its signature.
fn get_doc(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    if !t.heap {
        if let Some(spec) = t.spec.get() {
            return Ok(crate::objects::descr::doc_object(
                vm,
                spec.short_name(),
                spec.doc,
            ));
        }
    }
    match dict::get_str(vm, &t.dict, &vm.intern("__doc__")) {
        Some(d) => vm.descr_get(&d, None, ty),
        None => Ok(vm.none.clone()),
    }
}

fn set_doc(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    check_set_special(vm, ty, &value, "__doc__")?;
    let t = td(vm, ty)?;
    let Some(v) = value else { return Ok(()) };
    dict::set_str(vm, &t.dict, vm.intern("__doc__"), v);
    vm.types_modified();
    Ok(())
}

fn get_text_signature(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    let sig = t
        .spec
        .get()
        .filter(|_| !t.heap)
        .and_then(|s| s.doc.and_then(|d| split_doc(s.short_name(), d).0));
    Ok(match sig {
        Some(s) => vm.new_str(s),
        None => vm.none.clone(),
    })
}

/// `C.__annotations__` (3.10+): a class's own `__annotations__`, created
/// empty on first access; built-in types have none.
fn get_annotations(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    let key = vm.intern("__annotations__");
    if !t.heap {
        return Err(vm.attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            t.name()
        )));
    }
    if let Some(a) = dict::get_str(vm, &t.dict, &key) {
        return vm.descr_get(&a, None, ty);
    }
    let d = vm.new_dict();
    dict::set_str(vm, &t.dict, key, d.clone());
    vm.types_modified();
    Ok(d)
}

fn set_annotations(vm: &Vm, ty: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let t = td(vm, ty)?;
    if t.flags.get() & tpflags::IMMUTABLETYPE != 0 {
        return Err(vm.type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    let key = vm.intern("__annotations__");
    match value {
        Some(v) => dict::set_str(vm, &t.dict, key, v),
        None => {
            if dict::del_str(vm, &t.dict, &key).is_none() {
                return Err(vm.attribute_error("__annotations__".to_string()));
            }
        }
    }
    vm.types_modified();
    Ok(())
}

/// `__flags__`: CPython's bits only.
fn get_flags(vm: &Vm, ty: &PyRef) -> PyResult {
    Ok(vm.new_int((td(vm, ty)?.flags.get() & 0xffff_ffff) as i64))
}

/// `__basicsize__`: minipy's real object size for instances (header and
/// payload), not CPython's.
fn get_basicsize(vm: &Vm, ty: &PyRef) -> PyResult {
    let _ = td(vm, ty)?;
    Ok(vm.new_int(std::mem::size_of::<crate::heap::PyObject>() as i64))
}

fn get_itemsize(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    let item = match t.layout {
        crate::objects::typeobj::Layout::Tuple => std::mem::size_of::<PyRef>(),
        _ => 0,
    };
    Ok(vm.new_int(item as i64))
}

/// `__dictoffset__`: non-zero when instances have a `__dict__` (its value
/// is not an offset in minipy).
fn get_dictoffset(vm: &Vm, ty: &PyRef) -> PyResult {
    let t = td(vm, ty)?;
    Ok(vm.new_int(if t.has_dict { -1 } else { 0 }))
}

/// `__weakrefoffset__`: non-zero when instances can be weakly referenced.
fn get_weakrefoffset(vm: &Vm, ty: &PyRef) -> PyResult {
    let weak = ty.has_flag(crate::heap::TYPE_WEAKREFABLE);
    Ok(vm.new_int(if weak { 1 } else { 0 }))
}

pub const TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__basicsize__", get_basicsize).member(),
    GetSetDef::new("__itemsize__", get_itemsize).member(),
    GetSetDef::new("__flags__", get_flags).member(),
    GetSetDef::new("__weakrefoffset__", get_weakrefoffset).member(),
    GetSetDef::new("__base__", get_base).member(),
    GetSetDef::new("__dictoffset__", get_dictoffset).member(),
    GetSetDef::new("__mro__", get_mro).member(),
    GetSetDef::rw("__name__", get_name, set_name),
    GetSetDef::rw("__qualname__", get_qualname, set_qualname),
    GetSetDef::rw("__bases__", get_bases, set_bases),
    GetSetDef::rw("__module__", get_module, set_module),
    GetSetDef::rw(
        "__abstractmethods__",
        get_abstractmethods,
        set_abstractmethods,
    ),
    GetSetDef::new("__dict__", get_dict),
    GetSetDef::rw("__doc__", get_doc, set_doc),
    GetSetDef::new("__text_signature__", get_text_signature),
    GetSetDef::rw("__annotations__", get_annotations, set_annotations),
];
