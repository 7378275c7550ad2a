//! `classmethod` (CPython's `Objects/funcobject.c`): a descriptor that
//! binds the wrapped callable to the class (3.11: through the callable's
//! own `__get__` when it has one, so `classmethod(property(...))` works).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::staticmethod::{
    callable_of, get_dict, get_func, get_isabstractmethod, one_callable, wraps,
};
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, TypeSpec};
use crate::vm::Vm;

fn cm_new(vm: &Vm, args: Args) -> PyResult {
    let f = one_callable(vm, &args, "classmethod")?;
    Ok(PyRef::new(Payload::ClassMethod(f.clone()), &args.args[0]))
}

fn cm_init(vm: &Vm, cm: &PyRef, _args: Args) -> PyResult<()> {
    wraps(vm, cm)
}

fn cm_repr(vm: &Vm, cm: &PyRef) -> PyResult {
    let f = callable_of(vm, cm)?;
    Ok(vm.new_string(format!("<classmethod({})>", vm.repr_string(f)?)))
}

fn cm_descr_get(vm: &Vm, cm: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult {
    let f = callable_of(vm, cm)?;
    let ty = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.class().clone(),
        (None, None) => return Err(vm.type_error("__get__(None, None) is invalid".to_string())),
    };
    if let Some(get) = f.class().as_type().and_then(|t| t.slots.descr_get()) {
        if !crate::objects::typeobj::has_flag(f.class(), tpflags::METHOD_DESCRIPTOR) {
            return get(vm, f, Some(&ty), Some(&ty));
        }
    }
    Ok(vm.new_bound_method(f.clone(), ty))
}

/// `tp_traverse`: the wrapped callable.
fn classmethod_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::ClassMethod(f) => visit.visit(f),
        _ => crate::object::wrong_layout(obj, "classmethod"),
    }
}

pub static CLASSMETHOD_TYPE: TypeSpec = TypeSpec {
    name: "classmethod",
    doc: Some("classmethod(function) -> method\n\nConvert a function to be a class method.\n\nA class method receives the class as implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod builtin."),
    layout: Layout::Other,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::MANAGED_DICT,
    slots: &[
        slot::traverse(classmethod_traverse),
        slot::repr(cm_repr),
        slot::descr_get(cm_descr_get),
        slot::init(cm_init),
        slot::tp_new(cm_new),
    ],
    methods: &[],
    getsets: &[
        GetSetDef::new("__func__", get_func).member(),
        GetSetDef::new("__wrapped__", get_func).member(),
        GetSetDef::new("__isabstractmethod__", get_isabstractmethod),
        GetSetDef::new("__dict__", get_dict),
    ],
};
