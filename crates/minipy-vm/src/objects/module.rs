//! `module` objects.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

/// `module.__new__`: a module with an empty namespace (`__init__`
/// names it).
pub fn module_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    Ok(PyRef::new(
        Payload::Module {
            dict: vm.new_dict(),
        },
        cls,
    ))
}

/// `module.__init__(name, doc=None)`: sets `__name__`, `__doc__` and
/// None for `__package__`, `__loader__`, `__spec__`.
fn module_init(vm: &Vm, m: &PyRef, args: Args) -> PyResult<()> {
    let pos = args.pos();
    args.only_kwargs(vm, "module", &["name", "doc"])?;
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let Some(name) = pos.first().or(args.kwarg("name")) else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)".to_string()));
    };
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.type_name()
        )));
    }
    let doc = pos.get(1).or(args.kwarg("doc")).cloned();
    let Payload::Module { dict: d } = &m.payload else {
        return Err(vm.new_error(
            &vm.exc.system_error,
            "module.__init__ on a non-module".to_string(),
        ));
    };
    dict::set_str(vm, d, vm.intern("__name__"), name.clone());
    dict::set_str(
        vm,
        d,
        vm.intern("__doc__"),
        doc.unwrap_or_else(|| vm.none.clone()),
    );
    for k in ["__package__", "__loader__", "__spec__"] {
        dict::set_str(vm, d, vm.intern(k), vm.none.clone());
    }
    Ok(())
}

fn dict_of<'a>(vm: &Vm, m: &'a PyRef) -> PyResult<&'a PyRef> {
    match &m.payload {
        Payload::Module { dict: d } => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "module slot called on another object".to_string(),
        )),
    }
}

/// `<module 'name' from 'file'>`, `<module 'name' (built-in)>` for the
/// interpreter's own modules, else `<module 'name'>`.
fn module_repr(vm: &Vm, m: &PyRef) -> PyResult {
    let d = dict_of(vm, m)?;
    let name = dict::get_str(vm, d, &vm.intern("__name__"))
        .and_then(|n| n.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into());
    let file = dict::get_str(vm, d, &vm.intern("__file__"))
        .and_then(|f| f.as_str().map(|s| s.to_string()));
    let builtin = crate::modules::names().contains(&name.as_str());
    Ok(vm.new_string(match file {
        Some(f) => format!("<module '{}' from '{}'>", name, f),
        None if builtin => format!("<module '{}' (built-in)>", name),
        None => format!("<module '{}'>", name),
    }))
}

/// `module.__dir__`: the module's own `__dir__`, else its names.
fn module_dir(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__dir__", 1, 1)?;
    let d = dict_of(vm, &a[0])?;
    if let Some(f) = dict::get_str(vm, d, &vm.intern("__dir__")) {
        return vm.call_args(&f, &[]);
    }
    Ok(vm.new_list(dict::keys(d)))
}

fn get_dict(vm: &Vm, m: &PyRef) -> PyResult {
    Ok(dict_of(vm, m)?.clone())
}

/// `m.__annotations__`: created empty on first access.
fn get_annotations(vm: &Vm, m: &PyRef) -> PyResult {
    let d = dict_of(vm, m)?;
    let key = vm.intern("__annotations__");
    if let Some(a) = dict::get_str(vm, d, &key) {
        return Ok(a);
    }
    let a = vm.new_dict();
    dict::set_str(vm, d, key, a.clone());
    Ok(a)
}

fn set_annotations(vm: &Vm, m: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = dict_of(vm, m)?;
    let key = vm.intern("__annotations__");
    match v {
        Some(v) => dict::set_str(vm, d, key, v),
        None => {
            if dict::del_str(vm, d, &key).is_none() {
                return Err(vm.attribute_error("__annotations__".to_string()));
            }
        }
    }
    Ok(())
}

/// `module.__getattribute__` (`module_getattro`): the generic lookup,
/// then the module's own `__getattr__` (PEP 562), then CPython's message.
pub fn module_getattro(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    if let Some(v) = vm.generic_getattr(m, name)? {
        return Ok(Some(v));
    }
    let Payload::Module { dict: d } = &m.payload else {
        return Ok(None);
    };
    if let Some(ga) = dict::get_str(vm, d, &vm.intern("__getattr__")) {
        return vm.call_args(&ga, std::slice::from_ref(name)).map(Some);
    }
    Err(vm.no_attribute(m, name.as_str().unwrap_or("?")))
}

/// `tp_traverse`: the module's dict.
fn module_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Module { dict } => visit.visit(dict),
        _ => crate::object::wrong_layout(obj, "module"),
    }
}

pub static MODULE_TYPE: TypeSpec = TypeSpec {
    name: "module",
    doc: Some("module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type."),
    layout: Layout::Other,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC,
    slots: &[
        slot::traverse(module_traverse),
        slot::repr(module_repr),
        slot::getattro(module_getattro),
        slot::setattro(crate::protocol::attr::generic_setattr_slot),
        slot::init(module_init),
        slot::tp_new(module_new),
    ],
    methods: &[MethodDef::method("__dir__", module_dir)
        .doc("__dir__($self, /)\n--\n\nReturn a list of names in the module.")],
    getsets: &[
        GetSetDef::new("__dict__", get_dict).member(),
        GetSetDef::rw("__annotations__", get_annotations, set_annotations),
    ],
};
