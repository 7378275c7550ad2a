//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a
//! mapping (`Payload::MappingProxy`); what `type.__dict__` returns.

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::seq::dunders::{bind_args, self_and};
use crate::objects::typeobj;
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A read-only proxy over `mapping`.
pub fn new_proxy(vm: &Vm, mapping: PyRef) -> PyRef {
    PyRef::new(Payload::MappingProxy(mapping), &vm.types.mappingproxy)
}

/// `mappingproxy(mapping)`.
pub fn mappingproxy_new(vm: &Vm, args: Args) -> PyResult {
    let a = bind_args(vm, &args, "mappingproxy", &["mapping"], 1)?;
    let Some(m) = a[0] else {
        return Err(
            vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)".to_string())
        );
    };
    let is_mapping = match &m.payload {
        Payload::List(_) | Payload::Tuple(_) => false,
        Payload::Dict(_) | Payload::MappingProxy(_) => true,
        _ => typeobj::lookup_str(vm, m.class(), "__getitem__").is_some(),
    };
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            m.type_name()
        )));
    }
    Ok(new_proxy(vm, m.clone()))
}

/// The proxied mapping of `self` (`args.pos()[0]`) and the arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<(PyRef, &'a [PyRef])> {
    let p = self_and(vm, args, name, n)?;
    match &p[0].payload {
        Payload::MappingProxy(m) => Ok((m.clone(), p)),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' for 'mappingproxy' objects doesn't apply to a '{}' object",
            name,
            p[0].type_name()
        ))),
    }
}

/// `repr(mappingproxy)`: `mappingproxy({...})`.
pub fn repr(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    match &obj.payload {
        Payload::MappingProxy(m) => Ok(format!("mappingproxy({})", vm.repr_string(m)?)),
        _ => Ok(vm.default_repr(obj)),
    }
}

fn mp_getitem(vm: &Vm, args: Args) -> PyResult {
    let (m, p) = this(vm, &args, "__getitem__", 1)?;
    vm.getitem(&m, &p[1])
}

fn mp_contains(vm: &Vm, args: Args) -> PyResult {
    let (m, p) = this(vm, &args, "__contains__", 1)?;
    Ok(vm.new_bool(vm.contains(&m, &p[1])?))
}

fn mp_len(vm: &Vm, args: Args) -> PyResult {
    let (m, _) = this(vm, &args, "__len__", 0)?;
    Ok(vm.new_int(vm.len(&m)? as i64))
}

fn mp_iter(vm: &Vm, args: Args) -> PyResult {
    let (m, _) = this(vm, &args, "__iter__", 0)?;
    vm.iter(&m)
}

fn mp_repr(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__repr__", 0)?;
    Ok(vm.new_string(repr(vm, &p[0])?))
}

fn mp_str(vm: &Vm, args: Args) -> PyResult {
    let (m, _) = this(vm, &args, "__str__", 0)?;
    vm.str(&m)
}

fn mp_get(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "get")?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "get expected at least 1 argument, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    let m = match pos.first().map(|o| &o.payload) {
        Some(Payload::MappingProxy(m)) => m.clone(),
        _ => return Err(vm.type_error("descriptor 'get' requires a 'mappingproxy'".to_string())),
    };
    let dflt = pos.get(2).cloned().unwrap_or_else(|| vm.none.clone());
    vm.call_method(&m, "get", &[pos[1].clone(), dflt])
}

macro_rules! forward {
    ($($f:ident => $name:literal;)*) => {
        $(fn $f(vm: &Vm, args: Args) -> PyResult {
            let (m, _) = this(vm, &args, $name, 0)?;
            vm.call_method(&m, $name, &[])
        })*
    };
}

forward! {
    mp_keys => "keys";
    mp_values => "values";
    mp_items => "items";
    mp_copy => "copy";
    mp_reversed => "__reversed__";
}

fn mp_compare(vm: &Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    let (m, p) = this(vm, &args, name, 1)?;
    vm.compare(&m, &p[1], op)
}

fn mp_eq(vm: &Vm, args: Args) -> PyResult {
    mp_compare(vm, args, "__eq__", CompareOp::Eq)
}
fn mp_ne(vm: &Vm, args: Args) -> PyResult {
    mp_compare(vm, args, "__ne__", CompareOp::Ne)
}

/// `proxy | other` and `other | proxy`: the union as a new dict.
fn union(vm: &Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let p = self_and(vm, &args, name, 1)?;
    let unwrap = |o: &PyRef| match &o.payload {
        Payload::MappingProxy(m) => m.clone(),
        _ => o.clone(),
    };
    let (a, b) = (unwrap(&p[0]), unwrap(&p[1]));
    let (a, b) = if reflected { (b, a) } else { (a, b) };
    vm.binary_op(&a, &b, minipy_bytecode::opcode::nb::OR)
}

fn mp_or(vm: &Vm, args: Args) -> PyResult {
    union(vm, args, "__or__", false)
}
fn mp_ror(vm: &Vm, args: Args) -> PyResult {
    union(vm, args, "__ror__", true)
}

fn mp_ior(vm: &Vm, args: Args) -> PyResult {
    self_and(vm, &args, "__ior__", 1)?;
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead".to_string()))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__getitem__", mp_getitem),
    ("__contains__", mp_contains),
    ("__len__", mp_len),
    ("__iter__", mp_iter),
    ("__repr__", mp_repr),
    ("__str__", mp_str),
    ("__reversed__", mp_reversed),
    ("__eq__", mp_eq),
    ("__ne__", mp_ne),
    ("__or__", mp_or),
    ("__ror__", mp_ror),
    ("__ior__", mp_ior),
    ("get", mp_get),
    ("keys", mp_keys),
    ("values", mp_values),
    ("items", mp_items),
    ("copy", mp_copy),
];
