//! `mappingproxy` (`types.MappingProxyType`, CPython's `PyDictProxy_Type`
//! in `Objects/descrobject.c`): a read-only view of a mapping
//! (`Payload::MappingProxy`); what `type.__dict__` returns. Every
//! operation forwards to the mapping; there is no item assignment.

use minipy_bytecode::opcode::nb;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::dict::{noargs, positional};
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A read-only proxy over `mapping`.
pub fn new_proxy(vm: &Vm, mapping: PyRef) -> PyRef {
    PyRef::new(Payload::MappingProxy(mapping), &vm.types.mappingproxy)
}

/// The proxied mapping (the layout); another payload is an interpreter bug.
fn mapping<'a>(vm: &Vm, p: &'a PyRef) -> PyResult<&'a PyRef> {
    match &p.payload {
        Payload::MappingProxy(m) => Ok(m),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("mappingproxy slot called on a '{}' object", p.type_name()),
        )),
    }
}

/// CPython's `PyMapping_Check`: the type can be subscripted.
fn is_mapping(_vm: &Vm, m: &PyRef) -> bool {
    m.class()
        .as_type()
        .is_some_and(|t| t.slots.subscript().is_some())
}

/// `mappingproxy(mapping)`: any mapping but a list or tuple.
fn mappingproxy_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "mappingproxy() takes at most 1 argument ({} given)",
            pos.len() - 1
        )));
    }
    let kw = args.kwarg("mapping");
    let m = match (pos.get(1), kw) {
        (Some(_), Some(_)) => {
            return Err(vm.type_error(
                "argument for mappingproxy() given by name ('mapping') and position (1)"
                    .to_string(),
            ))
        }
        (Some(m), None) | (None, Some(m)) => m,
        (None, None) => {
            return Err(vm.type_error(
                "mappingproxy() missing required argument 'mapping' (pos 1)".to_string(),
            ))
        }
    };
    args.only_kwargs(vm, "mappingproxy", &["mapping"])?;
    let seq = matches!(m.payload, Payload::List(_) | Payload::Tuple(_));
    if seq || !is_mapping(vm, m) {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            m.type_name()
        )));
    }
    Ok(new_proxy(vm, m.clone()))
}

/// `mappingproxy({...})`.
pub fn repr(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    Ok(format!(
        "mappingproxy({})",
        vm.repr_string(mapping(vm, obj)?)?
    ))
}

fn mp_repr(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(vm.new_string(repr(vm, p)?))
}

fn mp_str(vm: &Vm, p: &PyRef) -> PyResult {
    vm.str(mapping(vm, p)?)
}

fn mp_richcompare(vm: &Vm, p: &PyRef, other: &PyRef, op: CompareOp) -> PyResult {
    vm.compare(mapping(vm, p)?, other, op)
}

fn mp_iter(vm: &Vm, p: &PyRef) -> PyResult {
    vm.iter(mapping(vm, p)?)
}

fn mp_len(vm: &Vm, p: &PyRef) -> PyResult<usize> {
    vm.len(mapping(vm, p)?)
}

fn mp_getitem(vm: &Vm, p: &PyRef, key: &PyRef) -> PyResult {
    vm.getitem(mapping(vm, p)?, key)
}

/// `key in proxy`: the dict lookup for an exact dict, else the
/// mapping's `in`.
fn mp_contains(vm: &Vm, p: &PyRef, key: &PyRef) -> PyResult<bool> {
    vm.contains(mapping(vm, p)?, key)
}

/// `a | b` with either operand a proxy: `|` of the mappings.
fn mp_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let unwrap = |o: &PyRef| match &o.payload {
        Payload::MappingProxy(m) if o.class().is(&vm.types.mappingproxy) => m.clone(),
        _ => o.clone(),
    };
    vm.binary_op(&unwrap(a), &unwrap(b), nb::OR)
}

fn mp_ior(vm: &Vm, p: &PyRef, _other: &PyRef) -> PyResult {
    Err(vm.type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        p.type_name()
    )))
}

fn m_get(vm: &Vm, args: Args) -> PyResult {
    let (p, a) = positional(vm, &args, "mappingproxy.get", 1, 2)?;
    let m = mapping(vm, p)?;
    let dflt = a.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    vm.call_method(m, "get", &[a[0].clone(), dflt])
}

/// A method that calls the mapping's method of the same name.
macro_rules! forward {
    ($($f:ident => $name:literal;)*) => {
        $(fn $f(vm: &Vm, args: Args) -> PyResult {
            let p = noargs(vm, &args, concat!("mappingproxy.", $name))?;
            vm.call_method(mapping(vm, p)?, $name, &[])
        })*
    };
}

forward! {
    m_keys => "keys";
    m_values => "values";
    m_items => "items";
    m_copy => "copy";
    m_reversed => "__reversed__";
}

/// `tp_traverse`: the mapping.
fn mappingproxy_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::MappingProxy(m) => visit.visit(m),
        _ => crate::object::wrong_layout(obj, "mappingproxy"),
    }
}

pub static MAPPINGPROXY_TYPE: TypeSpec = TypeSpec {
    name: "mappingproxy",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::MAPPING,
    slots: &[
        slot::traverse(mappingproxy_traverse),
        slot::repr(mp_repr),
        slot::str(mp_str),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(mp_richcompare),
        slot::iter(mp_iter),
        slot::tp_new(mappingproxy_new),
        slot::nb_or(mp_or),
        slot::nb_inplace_or(mp_ior),
        slot::length(mp_len),
        slot::subscript(mp_getitem),
        slot::contains(mp_contains),
    ],
    methods: &[
        MethodDef::method("get", m_get)
            .doc("D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."),
        MethodDef::method("keys", m_keys)
            .doc("D.keys() -> a set-like object providing a view on D's keys"),
        MethodDef::method("values", m_values)
            .doc("D.values() -> an object providing a view on D's values"),
        MethodDef::method("items", m_items)
            .doc("D.items() -> a set-like object providing a view on D's items"),
        MethodDef::method("copy", m_copy).doc("D.copy() -> a shallow copy of D"),
        MethodDef::class(
            "__class_getitem__",
            crate::objects::genericalias::class_getitem,
        )
        .doc("See PEP 585"),
        MethodDef::method("__reversed__", m_reversed).doc("D.__reversed__() -> reverse iterator"),
    ],
    getsets: &[],
};
