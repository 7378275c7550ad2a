//! Attributes stored in payloads rather than dicts (CPython's getset and
//! member descriptors): `f.__name__`, `e.args`, `C.__mro__`, `code.co_name`...

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::vm::Vm;

fn opt(vm: &Vm, v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(|| vm.none.clone())
}

fn strs(vm: &Vm, v: &[std::rc::Rc<str>]) -> PyRef {
    vm.new_tuple(v.iter().map(|s| vm.new_str(s)).collect())
}

/// Payload attributes of a non-type object.
pub fn getattr(vm: &Vm, obj: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    let v = match &obj.payload {
        Payload::Code(c) => {
            let co = &c.code;
            match name {
                "co_name" => vm.new_str(&co.co_name),
                "co_qualname" => vm.new_str(&co.co_qualname),
                "co_filename" => vm.new_str(&co.co_filename),
                "co_argcount" => vm.new_int(co.co_argcount as i64),
                "co_posonlyargcount" => vm.new_int(co.co_posonlyargcount as i64),
                "co_kwonlyargcount" => vm.new_int(co.co_kwonlyargcount as i64),
                "co_nlocals" => vm.new_int(co.co_nlocals() as i64),
                "co_stacksize" => vm.new_int(co.co_stacksize as i64),
                "co_flags" => vm.new_int(co.co_flags as i64),
                "co_firstlineno" => vm.new_int(co.co_firstlineno as i64),
                "co_varnames" => strs(vm, &co.co_varnames()),
                "co_cellvars" => strs(vm, &co.co_cellvars()),
                "co_freevars" => strs(vm, &co.co_freevars()),
                "co_names" => strs(vm, &co.co_names),
                "co_consts" => vm.new_tuple(c.consts.clone()),
                "co_code" => vm.new_bytes(co.code_bytes()),
                "co_linetable" => vm.new_bytes(co.co_linetable.clone()),
                "co_exceptiontable" => vm.new_bytes(co.co_exceptiontable.clone()),
                _ => return Ok(None),
            }
        }
        Payload::Exception(e) => match name {
            "args" => e.args.borrow().clone(),
            "__cause__" => opt(vm, e.cause.borrow().clone()),
            "__context__" => opt(vm, e.context.borrow().clone()),
            "__suppress_context__" => vm.new_bool(e.suppress_context.get()),
            "__traceback__" => opt(vm, e.traceback.borrow().clone()),
            "__dict__" => opt(vm, vm.instance_dict(obj)),
            _ => {
                if let Some(d) = e.dict.borrow().as_ref() {
                    if let Some(v) = dict::get_str(vm, d, &vm.intern(name)) {
                        return Ok(Some(v));
                    }
                }
                return crate::objects::exceptions::exc_attr(vm, obj, name);
            }
        },
        Payload::BoundMethod { func, self_ } => match name {
            "__self__" => self_.clone(),
            "__func__" => func.clone(),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                return vm.getattr_opt(func, &vm.intern(name))
            }
            _ => return Ok(None),
        },
        Payload::Builtin(b) => match name {
            "__name__" => vm.new_str(b.name),
            "__qualname__" => match &b.owner {
                Some(o) => vm.new_string(format!("{}.{}", o, b.name)),
                None => vm.new_str(b.name),
            },
            "__self__" => opt(vm, b.self_.clone()),
            "__doc__" => vm.none.clone(),
            "__module__" => {
                if b.owner.is_none() {
                    vm.new_str("builtins")
                } else {
                    vm.none.clone()
                }
            }
            _ => return Ok(None),
        },
        Payload::Property {
            fget,
            fset,
            fdel,
            doc,
        } => match name {
            "fget" => opt(vm, fget.clone()),
            "fset" => opt(vm, fset.clone()),
            "fdel" => opt(vm, fdel.clone()),
            "__doc__" => opt(vm, doc.clone()),
            "__isabstractmethod__" => {
                let mut r = false;
                for f in [fget, fset, fdel].into_iter().flatten() {
                    r = r || is_abstract(vm, f)?;
                }
                vm.new_bool(r)
            }
            _ => return Ok(None),
        },
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => match name {
            "__func__" | "__wrapped__" => f.clone(),
            "__isabstractmethod__" => vm.new_bool(is_abstract(vm, f)?),
            _ => return Ok(None),
        },
        Payload::Cell(c) => match name {
            "cell_contents" => match c.borrow().clone() {
                Some(v) => v,
                None => return Err(vm.value_error("Cell is empty".to_string())),
            },
            _ => return Ok(None),
        },
        Payload::Super { ty, obj: o, .. } => match name {
            "__thisclass__" => ty.clone(),
            "__self__" => opt(vm, o.clone()),
            _ => return Ok(None),
        },
        Payload::Int(_) | Payload::BigInt(_) => {
            return Ok(crate::objects::int::int_attr(vm, obj, name))
        }
        Payload::Float(_) => return Ok(crate::objects::float::float_attr(vm, obj, name)),
        Payload::Complex(..) => return Ok(crate::objects::float::complex_attr(vm, obj, name)),
        Payload::Range { .. } => return Ok(crate::objects::range::range_attr(vm, obj, name)),
        Payload::Slice { .. } => return Ok(crate::objects::range::slice_attr(vm, obj, name)),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Whether `f.__isabstractmethod__` is true (what property, classmethod
/// and staticmethod report for the functions they wrap).
fn is_abstract(vm: &Vm, f: &PyRef) -> PyResult<bool> {
    match vm.getattr_opt(f, &vm.intern("__isabstractmethod__"))? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

/// Attributes of type objects that shadow the MRO lookup.
pub fn type_getattr(vm: &Vm, ty: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    let Some(t) = ty.as_type() else {
        return Ok(None);
    };
    let v = match name {
        "__name__" => vm.new_str(&t.name()),
        "__qualname__" => vm.new_str(&t.qualname.borrow()),
        "__mro__" => match &*t.tuples.borrow() {
            Some((_, m)) => m.clone(),
            None => vm.new_tuple(t.mro.borrow().clone()),
        },
        "__bases__" => match &*t.tuples.borrow() {
            Some((b, _)) => b.clone(),
            None => vm.new_tuple(t.bases.borrow().clone()),
        },
        "__base__" => opt(vm, t.bases.borrow().first().cloned()),
        "__dict__" => crate::objects::mappingproxy::new_proxy(vm, t.dict.clone()),
        "__class__" => ty.class().clone(),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Type attributes consulted after the MRO (defaults for built-in types).
pub fn type_getattr_fallback(vm: &Vm, ty: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    let Some(t) = ty.as_type() else {
        return Ok(None);
    };
    let v = match name {
        "__module__" if !t.heap => dict::get_str(vm, &t.dict, &vm.intern("__module__"))
            .unwrap_or_else(|| vm.new_str("builtins")),
        "__doc__" if ty.is(&vm.types.object) => vm.new_str(
            "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
        ),
        "__doc__" => vm.none.clone(),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Assignments to type attributes that are not dict entries.
pub fn type_setattr(vm: &Vm, ty: &PyRef, name: &str, value: Option<PyRef>) -> PyResult<bool> {
    let Some(t) = ty.as_type() else {
        return Ok(false);
    };
    match (name, value) {
        ("__name__", Some(v)) => match v.as_str() {
            Some(s) => {
                *t.name.borrow_mut() = s.into();
                Ok(true)
            }
            None => Err(vm.type_error(format!(
                "can only assign string to {}.__name__, not '{}'",
                t.name(),
                v.type_name()
            ))),
        },
        ("__qualname__", Some(v)) => {
            if let Some(s) = v.as_str() {
                *t.qualname.borrow_mut() = s.into();
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Assignments to payload attributes; `Ok(false)` = not one of them.
pub fn setattr(vm: &Vm, obj: &PyRef, name: &str, value: Option<PyRef>) -> PyResult<bool> {
    match &obj.payload {
        Payload::Exception(e) => {
            match name {
                "args" => {
                    let v = value.unwrap_or_else(|| vm.empty_tuple.clone());
                    let t = vm.new_tuple(vm.iterate(&v)?);
                    let old = e.args.replace(t);
                    drop(old);
                }
                "__cause__" => {
                    let v = value.filter(|v| !v.is_none());
                    e.suppress_context.set(true);
                    let old = e.cause.replace(v);
                    drop(old);
                }
                "__context__" => {
                    let old = e.context.replace(value.filter(|v| !v.is_none()));
                    drop(old);
                }
                "__suppress_context__" => {
                    let b = match value {
                        Some(v) => vm.truthy(&v)?,
                        None => false,
                    };
                    e.suppress_context.set(b);
                }
                "__traceback__" => crate::objects::exceptions::set_traceback(vm, obj, value)?,
                _ => return Ok(false),
            }
            Ok(true)
        }
        Payload::Module { .. } if name == "__dict__" => {
            Err(vm.attribute_error("readonly attribute".to_string()))
        }
        _ => {
            if name == "__class__" {
                if let Some(v) = value {
                    if v.as_type().is_some() && matches!(obj.payload, Payload::Instance(_)) {
                        if !same_layout(obj.class(), &v) {
                            return Err(vm.type_error(format!(
                                "__class__ assignment: '{}' object layout differs from '{}'",
                                v.as_type().map(|t| t.name()).unwrap_or_default(),
                                obj.class().as_type().map(|t| t.name()).unwrap_or_default()
                            )));
                        }
                        crate::objects::inline_values::before_class_change(vm, obj);
                        obj.set_class(&v);
                        return Ok(true);
                    }
                    return Err(vm.type_error("__class__ assignment only supported for heap types or ModuleType subclasses".to_string()));
                }
            }
            Ok(false)
        }
    }
}

/// CPython's `compatible_for_assignment`, for instances: the same slots
/// (cells after the object) and both with or both without a namespace.
fn same_layout(a: &PyRef, b: &PyRef) -> bool {
    match (a.as_type(), b.as_type()) {
        (Some(x), Some(y)) => {
            x.slot_names == y.slot_names && (x.heap && x.has_dict) == (y.heap && y.has_dict)
        }
        _ => false,
    }
}
