//! `staticmethod` (CPython's `Objects/funcobject.c`): a descriptor that
//! returns the wrapped callable unchanged; it is callable itself (3.10+)
//! and copies the callable's `__name__`, `__doc__`, ... into its own
//! `__dict__` (`functools_wraps`).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, TypeSpec};
use crate::vm::Vm;

/// The callable of a staticmethod or classmethod object.
pub fn callable_of<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a PyRef> {
    match &o.payload {
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => Ok(f),
        _ => Err(vm.runtime_error(format!("uninitialized {} object", o.type_name()))),
    }
}

/// `staticmethod(f)` / `classmethod(f)`: exactly one positional argument.
pub fn one_callable<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyRef> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{} expected 1 argument, got {}",
            name,
            pos.len().saturating_sub(1)
        )));
    }
    Ok(&pos[1])
}

/// CPython's `functools_wraps`: copies `__module__`, `__name__`,
/// `__qualname__`, `__doc__` and `__annotations__` of the callable into
/// the wrapper's `__dict__`.
pub fn wraps(vm: &Vm, wrapper: &PyRef) -> PyResult<()> {
    let f = callable_of(vm, wrapper)?.clone();
    let Some(d) = vm.instance_dict(wrapper) else {
        return Ok(());
    };
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let key = vm.intern(name);
        if let Some(v) = vm.getattr_opt(&f, &key)? {
            crate::objects::dict::set_str(vm, &d, key, v);
        }
    }
    Ok(())
}

fn sm_new(vm: &Vm, args: Args) -> PyResult {
    let f = one_callable(vm, &args, "staticmethod")?;
    Ok(PyRef::new(Payload::StaticMethod(f.clone()), &args.args[0]))
}

fn sm_init(vm: &Vm, sm: &PyRef, _args: Args) -> PyResult<()> {
    wraps(vm, sm)
}

fn sm_repr(vm: &Vm, sm: &PyRef) -> PyResult {
    let f = callable_of(vm, sm)?;
    Ok(vm.new_string(format!("<staticmethod({})>", vm.repr_string(f)?)))
}

fn sm_call(vm: &Vm, sm: &PyRef, args: Args) -> PyResult {
    let f = callable_of(vm, sm)?.clone();
    vm.call(&f, args)
}

fn sm_descr_get(vm: &Vm, sm: &PyRef, _obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    Ok(callable_of(vm, sm)?.clone())
}

pub fn get_func(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(callable_of(vm, o)?.clone())
}

pub fn get_isabstractmethod(vm: &Vm, o: &PyRef) -> PyResult {
    let f = callable_of(vm, o)?;
    Ok(vm.new_bool(crate::objects::property::is_abstract(vm, f)?))
}

pub fn get_dict(vm: &Vm, o: &PyRef) -> PyResult {
    vm.exposed_dict(o)
        .ok_or_else(|| vm.no_attribute(o, "__dict__"))
}

/// `tp_traverse`: the wrapped callable.
fn staticmethod_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::StaticMethod(f) => visit.visit(f),
        _ => crate::object::wrong_layout(obj, "staticmethod"),
    }
}

pub static STATICMETHOD_TYPE: TypeSpec = TypeSpec {
    name: "staticmethod",
    doc: Some("staticmethod(function) -> method\n\nConvert a function to be a static method.\n\nA static method does not receive an implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced concept, see the classmethod builtin."),
    layout: Layout::Other,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::MANAGED_DICT,
    slots: &[
        slot::traverse(staticmethod_traverse),
        slot::repr(sm_repr),
        slot::call(sm_call),
        slot::descr_get(sm_descr_get),
        slot::init(sm_init),
        slot::tp_new(sm_new),
    ],
    methods: &[],
    getsets: &[
        GetSetDef::new("__func__", get_func).member(),
        GetSetDef::new("__wrapped__", get_func).member(),
        GetSetDef::new("__isabstractmethod__", get_isabstractmethod),
        GetSetDef::new("__dict__", get_dict),
    ],
};
