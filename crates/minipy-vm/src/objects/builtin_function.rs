//! `builtin_function_or_method`: a native function (`len`), or a native
//! method bound to its object (`[].append`, `dict.fromkeys`) — CPython's
//! `Objects/methodobject.c`.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::descr::{doc_object, text_signature_object};
use crate::objects::function::{Args, BuiltinFunction};
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn this<'a>(vm: &Vm, f: &'a PyRef) -> PyResult<&'a BuiltinFunction> {
    match &f.payload {
        Payload::Builtin(b) => Ok(b),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "builtin slot called on another object".to_string(),
        )),
    }
}

/// The object a method is bound to (None for a module-level function).
fn bound_self(b: &BuiltinFunction) -> Option<&PyRef> {
    b.self_
        .as_ref()
        .filter(|s| !matches!(s.payload, Payload::Module { .. }))
}

fn builtin_repr(vm: &Vm, f: &PyRef) -> PyResult {
    let b = this(vm, f)?;
    let s = match bound_self(b) {
        Some(s) if s.as_type().is_some() => format!(
            "<built-in method {} of type object at {:#x}>",
            b.name,
            s.addr()
        ),
        Some(s) => format!(
            "<built-in method {} of {} object at {:#x}>",
            b.name,
            s.type_name(),
            s.addr()
        ),
        None => format!("<built-in function {}>", b.name),
    };
    Ok(vm.new_string(s))
}

fn builtin_hash(vm: &Vm, f: &PyRef) -> PyResult<i64> {
    let b = this(vm, f)?;
    let x = match bound_self(b) {
        Some(s) => crate::protocol::ops::pointer_hash(s),
        None => 0,
    };
    let y = crate::objects::str::str_hash_of(b.name);
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

/// Equal when the same native function is bound to the same object.
fn builtin_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (Payload::Builtin(x), Payload::Builtin(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    let same_self = match (bound_self(x), bound_self(y)) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let eq = same_self && x.name == y.name && x.owner == y.owner;
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

/// `__reduce__`: a module function pickles as its name, a bound method
/// as `getattr(self, name)`.
fn builtin_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let b = this(vm, &a[0])?;
    match bound_self(b) {
        None => Ok(vm.new_str(b.name)),
        Some(s) => {
            let getattr = vm.getattr_str(&vm.builtins, "getattr")?;
            Ok(vm.new_tuple(vec![
                getattr,
                vm.new_tuple(vec![s.clone(), vm.new_str(b.name)]),
            ]))
        }
    }
}

fn get_module(vm: &Vm, f: &PyRef) -> PyResult {
    let b = this(vm, f)?;
    Ok(match (&b.self_, &b.owner) {
        (Some(m), _) if matches!(m.payload, Payload::Module { .. }) => {
            vm.getattr(m, &vm.intern("__name__"))?
        }
        (None, None) => vm.intern("builtins"),
        _ => vm.none.clone(),
    })
}

fn get_doc(vm: &Vm, f: &PyRef) -> PyResult {
    let b = this(vm, f)?;
    Ok(doc_object(vm, b.name, b.doc))
}

fn get_name(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(vm.new_str(this(vm, f)?.name))
}

/// `__qualname__`: `type.name` for a method, the name for a function.
fn get_qualname(vm: &Vm, f: &PyRef) -> PyResult {
    let b = this(vm, f)?;
    match bound_self(b) {
        None => Ok(vm.new_str(b.name)),
        Some(s) => {
            let ty = if s.as_type().is_some() { s } else { s.class() };
            let q = crate::objects::descr::type_qualname(ty);
            Ok(vm.new_string(format!("{}.{}", q, b.name)))
        }
    }
}

fn get_self(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?
        .self_
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn get_text_signature(vm: &Vm, f: &PyRef) -> PyResult {
    let b = this(vm, f)?;
    Ok(text_signature_object(vm, b.name, b.doc))
}

/// `tp_traverse`: `__self__`.
fn builtin_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Builtin(b) => {
            if let Some(s) = &b.self_ {
                visit.visit(s);
            }
        }
        _ => crate::object::wrong_layout(obj, "builtin_function_or_method"),
    }
}

pub static BUILTIN_FUNCTION_TYPE: TypeSpec = TypeSpec {
    name: "builtin_function_or_method",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(builtin_traverse),
        slot::repr(builtin_repr),
        slot::hash(builtin_hash),
        slot::call(crate::protocol::call::builtin_call),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(builtin_richcompare),
    ],
    methods: &[MethodDef::method("__reduce__", builtin_reduce)],
    getsets: &[
        GetSetDef::new("__module__", get_module).member(),
        GetSetDef::new("__doc__", get_doc),
        GetSetDef::new("__name__", get_name),
        GetSetDef::new("__qualname__", get_qualname),
        GetSetDef::new("__self__", get_self),
        GetSetDef::new("__text_signature__", get_text_signature),
    ],
};
