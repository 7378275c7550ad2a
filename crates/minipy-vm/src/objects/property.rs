//! `property`: a data descriptor calling `fget`/`fset`/`fdel`
//! (CPython's `Objects/descrobject.c` property type).

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

fn none_to_opt(v: Option<&PyRef>) -> Option<PyRef> {
    v.filter(|x| !x.is_none()).cloned()
}

/// `(fget, fset, fdel, doc)` of a property.
type Parts<'a> = (
    &'a Option<PyRef>,
    &'a Option<PyRef>,
    &'a Option<PyRef>,
    &'a Option<PyRef>,
);

fn parts<'a>(vm: &Vm, p: &'a PyRef) -> PyResult<Parts<'a>> {
    match &p.payload {
        Payload::Property {
            fget,
            fset,
            fdel,
            doc,
        } => Ok((fget, fset, fdel, doc)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "property slot called on another object".to_string(),
        )),
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`; the docstring
/// defaults to the getter's.
pub fn property_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    args.only_kwargs(vm, "property", &["fget", "fset", "fdel", "doc"])?;
    if pos.len() > 5 {
        return Err(vm.type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            pos.len() - 1 + args.kwnames.len()
        )));
    }
    let cls = &pos[0];
    let get = |i: usize, name: &str| none_to_opt(pos.get(i).or(args.kwarg(name)));
    let fget = get(1, "fget");
    let mut doc = get(4, "doc");
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = vm
                .getattr_opt(g, &vm.intern("__doc__"))?
                .filter(|d| !d.is_none());
        }
    }
    Ok(PyRef::new(
        Payload::Property {
            fget,
            fset: get(2, "fset"),
            fdel: get(3, "fdel"),
            doc,
        },
        cls,
    ))
}

/// `property.__init__`: the arguments were taken by `__new__`.
fn property_init(_vm: &Vm, _p: &PyRef, _args: Args) -> PyResult<()> {
    Ok(())
}

/// `getter`/`setter`/`deleter`: a copy with one function replaced.
fn property_copy(vm: &Vm, args: Args, which: usize, name: &str) -> PyResult {
    let a = args.check_method(vm, name, 1, 1)?;
    let (fget, fset, fdel, doc) = parts(vm, &a[0])?;
    let f = Some(a[1].clone()).filter(|x| !x.is_none());
    let (g, s, d) = match which {
        0 => (f, fset.clone(), fdel.clone()),
        1 => (fget.clone(), f, fdel.clone()),
        _ => (fget.clone(), fset.clone(), f),
    };
    // A docstring taken from the old getter follows the new one.
    let doc = match (which, doc, fget) {
        (0, Some(d), Some(old)) => {
            let old_doc = vm.getattr_opt(old, &vm.intern("__doc__"))?;
            if old_doc.is_some_and(|od| od.is(d)) {
                None
            } else {
                Some(d.clone())
            }
        }
        _ => doc.clone(),
    };
    let doc = match (doc, &g) {
        (None, Some(getter)) if which == 0 => vm
            .getattr_opt(getter, &vm.intern("__doc__"))?
            .filter(|d| !d.is_none()),
        (d, _) => d,
    };
    Ok(PyRef::new(
        Payload::Property {
            fget: g,
            fset: s,
            fdel: d,
            doc,
        },
        a[0].class(),
    ))
}

fn getter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 0, "getter")
}
fn setter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 1, "setter")
}
fn deleter(vm: &Vm, args: Args) -> PyResult {
    property_copy(vm, args, 2, "deleter")
}

/// `__set_name__(owner, name)`: the name is found again from the owner
/// when an error message needs it (`find_name`).
fn set_name(vm: &Vm, args: Args) -> PyResult {
    args.check_method(vm, "__set_name__", 2, 2)?;
    Ok(vm.none.clone())
}

/// The name under which the property `d` is found in `obj`'s class.
fn find_name(d: &PyRef, obj: &PyRef) -> Option<String> {
    let t = obj.class().as_type()?;
    for cls in t.mro.borrow().iter() {
        let ct = cls.as_type()?;
        for (k, v) in crate::objects::dict::items(&ct.dict) {
            if v.is(d) {
                return k.as_str().map(|s| s.to_string());
            }
        }
    }
    None
}

fn missing(vm: &Vm, d: &PyRef, obj: &PyRef, what: &str) -> PyRef {
    let q = obj
        .class()
        .as_type()
        .map(|t| t.qualname.borrow().to_string())
        .unwrap_or_default();
    match find_name(d, obj) {
        Some(n) => vm.attribute_error(format!(
            "property '{}' of '{}' object has no {}",
            n, q, what
        )),
        None => vm.attribute_error(format!("property of '{}' object has no {}", q, what)),
    }
}

/// `property.__get__`.
fn property_descr_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    let (fget, ..) = parts(vm, d)?;
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    match fget {
        Some(g) => vm.call_args(g, std::slice::from_ref(o)),
        None => Err(missing(vm, d, o, "getter")),
    }
}

/// `property.__set__` / `__delete__`.
fn property_descr_set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let (_, fset, fdel, _) = parts(vm, d)?;
    let f = if value.is_some() { fset } else { fdel };
    match f {
        Some(f) => {
            let mut args = vec![obj.clone()];
            args.extend(value);
            vm.call_args(f, &args).map(|_| ())
        }
        None => Err(missing(
            vm,
            d,
            obj,
            if value.is_some() { "setter" } else { "deleter" },
        )),
    }
}

fn opt(vm: &Vm, v: &Option<PyRef>) -> PyRef {
    v.clone().unwrap_or_else(|| vm.none.clone())
}

fn get_fget(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(opt(vm, parts(vm, p)?.0))
}
fn get_fset(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(opt(vm, parts(vm, p)?.1))
}
fn get_fdel(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(opt(vm, parts(vm, p)?.2))
}
fn get_doc(vm: &Vm, p: &PyRef) -> PyResult {
    Ok(opt(vm, parts(vm, p)?.3))
}

/// Whether `f.__isabstractmethod__` is true.
pub fn is_abstract(vm: &Vm, f: &PyRef) -> PyResult<bool> {
    match vm.getattr_opt(f, &vm.intern("__isabstractmethod__"))? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

fn get_isabstractmethod(vm: &Vm, p: &PyRef) -> PyResult {
    let (fget, fset, fdel, _) = parts(vm, p)?;
    for f in [fget, fset, fdel].into_iter().flatten() {
        if is_abstract(vm, f)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

/// `tp_traverse`: the accessors and the doc.
fn property_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Property {
            fget,
            fset,
            fdel,
            doc,
        } => {
            for v in [fget, fset, fdel, doc].into_iter().flatten() {
                visit.visit(v);
            }
        }
        _ => crate::object::wrong_layout(obj, "property"),
    }
}

pub static PROPERTY_TYPE: TypeSpec = TypeSpec {
    name: "property",
    doc: Some("property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x"),
    layout: Layout::Other,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC,
    slots: &[
        slot::traverse(property_traverse),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::descr_get(property_descr_get),
        slot::descr_set(property_descr_set),
        slot::init(property_init),
        slot::tp_new(property_new),
    ],
    methods: &[
        MethodDef::method("getter", getter)
            .doc("Descriptor to obtain a copy of the property with a different getter."),
        MethodDef::method("setter", setter)
            .doc("Descriptor to obtain a copy of the property with a different setter."),
        MethodDef::method("deleter", deleter)
            .doc("Descriptor to obtain a copy of the property with a different deleter."),
        MethodDef::method("__set_name__", set_name).doc("Method to set name of a property."),
    ],
    getsets: &[
        GetSetDef::new("fget", get_fget).member(),
        GetSetDef::new("fset", get_fset).member(),
        GetSetDef::new("fdel", get_fdel).member(),
        GetSetDef::new("__doc__", get_doc).member(),
        GetSetDef::new("__isabstractmethod__", get_isabstractmethod),
    ],
};
