//! `super` (CPython's `super_*` in `Objects/typeobject.c`): attribute
//! lookup along the MRO of the object's type, after `__thisclass__`.

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, slot, tpflags, GetSetDef, Layout, TypeSpec};
use crate::vm::Vm;

/// `(type, obj, obj_type)` of a super object.
type Parts<'a> = (&'a PyRef, &'a Option<PyRef>, &'a Option<PyRef>);

fn parts<'a>(vm: &Vm, s: &'a PyRef) -> PyResult<Parts<'a>> {
    match &s.payload {
        Payload::Super { ty, obj, obj_type } => Ok((ty, obj, obj_type)),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "super slot called on another object".to_string(),
        )),
    }
}

/// `super(type)` / `super(type, obj)`. The zero-argument form reads
/// `__class__` and the first argument from the calling frame.
pub fn super_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let (ty, obj) = match pos.len() {
        1 => {
            let (ty, obj) = super_without_args(vm)?;
            (ty, Some(obj))
        }
        2 => (pos[1].clone(), None),
        3 => (pos[1].clone(), Some(pos[2].clone())),
        _ => return Err(vm.type_error("super() takes at most 2 arguments".to_string())),
    };
    if ty.as_type().is_none() {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            ty.type_name()
        )));
    }
    let obj = obj.filter(|o| !o.is_none());
    let obj_type = match &obj {
        None => None,
        Some(o) => Some(supercheck(vm, &ty, o)?),
    };
    Ok(PyRef::new(Payload::Super { ty, obj, obj_type }, &pos[0]))
}

/// `super()`: `__class__` and the first argument of the calling frame
/// (CPython's `super_init_without_args`, with its messages).
fn super_without_args(vm: &Vm) -> PyResult<(PyRef, PyRef)> {
    use minipy_bytecode::code::kinds;
    let Some(frame) = vm.thread.current_frame() else {
        return Err(vm.runtime_error("super(): no current frame".to_string()));
    };
    let co = &frame.code.code;
    if co.co_argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments".to_string()));
    }
    let mut first = frame.fast.first().and_then(crate::heap::cell_get);
    let first_kind = co.co_localspluskinds.first().copied().unwrap_or(0);
    if first_kind & kinds::CELL != 0 {
        // A cell once MAKE_CELL has run (it is the first instruction).
        if let Some(c) = &first {
            if let Payload::Cell(cell) = &c.payload {
                let inner = cell.borrow().clone();
                first = inner;
            }
        }
    }
    let Some(obj) = first else {
        return Err(vm.runtime_error("super(): arg[0] deleted".to_string()));
    };
    for (i, name) in frame.code.localsplusnames.iter().enumerate() {
        let kind = co.co_localspluskinds.get(i).copied().unwrap_or(0);
        if kind & kinds::FREE == 0 || name.as_str() != Some("__class__") {
            continue;
        }
        let cell = frame.fast.get(i).and_then(crate::heap::cell_get);
        let ty = match cell.as_ref().map(|c| &c.payload) {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => return Err(vm.runtime_error("super(): bad __class__ cell".to_string())),
        };
        let Some(ty) = ty else {
            return Err(vm.runtime_error("super(): empty __class__ cell".to_string()));
        };
        if ty.as_type().is_none() {
            return Err(vm.runtime_error(format!(
                "super(): __class__ is not a type ({})",
                ty.type_name()
            )));
        }
        return Ok((ty, obj));
    }
    Err(vm.runtime_error("super(): __class__ cell not found".to_string()))
}

/// CPython's `supercheck`: the type to start the MRO search from.
fn supercheck(vm: &Vm, ty: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    if o.as_type().is_some() && typeobj::is_subtype(o, ty) {
        return Ok(o.clone());
    }
    if typeobj::is_subtype(o.class(), ty) {
        return Ok(o.class().clone());
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type".to_string()))
}

fn super_init(_vm: &Vm, _s: &PyRef, _args: Args) -> PyResult<()> {
    Ok(())
}

/// `super().name`: the MRO of the object's type after `__thisclass__`,
/// bound to the object; then the super object's own attributes.
fn super_getattro(vm: &Vm, sup: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let (ty, obj, obj_type) = parts(vm, sup)?;
    if let (Some(start), false) = (obj_type, name.as_str() == Some("__class__")) {
        let mro = start
            .as_type()
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        let after = mro
            .iter()
            .position(|c| c.is(ty))
            .map_or(mro.len(), |i| i + 1);
        for cls in &mro[after..] {
            let Some(t) = cls.as_type() else { continue };
            if let Some(v) = crate::objects::dict::get_str(vm, &t.dict, name) {
                let inst = obj.as_ref().filter(|o| !o.is(start));
                return match v.class().as_type().and_then(|t| t.slots.descr_get()) {
                    Some(f) => f(vm, &v, inst, Some(start)).map(Some),
                    None => Ok(Some(v)),
                };
            }
        }
    }
    vm.generic_getattr(sup, name)
}

/// `super.__get__`: an unbound super bound to an object.
fn super_descr_get(vm: &Vm, sup: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult {
    let (ty, bound, _) = parts(vm, sup)?;
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(sup.clone());
    };
    if bound.is_some() {
        return Ok(sup.clone());
    }
    vm.call_args(sup.class(), &[ty.clone(), o.clone()])
}

fn super_repr(vm: &Vm, sup: &PyRef) -> PyResult {
    let (ty, _, obj_type) = parts(vm, sup)?;
    let tn = crate::objects::descr::type_name(ty);
    Ok(vm.new_string(match obj_type {
        Some(t) => format!(
            "<super: <class '{}'>, <{} object>>",
            tn,
            crate::objects::descr::type_name(t)
        ),
        None => format!("<super: <class '{}'>, NULL>", tn),
    }))
}

fn get_thisclass(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.0.clone())
}
fn get_self(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.1.clone().unwrap_or_else(|| vm.none.clone()))
}
fn get_self_class(vm: &Vm, s: &PyRef) -> PyResult {
    Ok(parts(vm, s)?.2.clone().unwrap_or_else(|| vm.none.clone()))
}

/// `tp_traverse`: the type, the object and its type.
fn super_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Super { ty, obj, obj_type } => {
            visit.visit(ty);
            for v in [obj, obj_type].into_iter().flatten() {
                visit.visit(v);
            }
        }
        _ => crate::object::wrong_layout(obj, "super"),
    }
}

pub static SUPER_TYPE: TypeSpec = TypeSpec {
    name: "super",
    doc: Some("super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n"),
    layout: Layout::Other,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC,
    slots: &[
        slot::traverse(super_traverse),
        slot::repr(super_repr),
        slot::getattro(super_getattro),
        slot::descr_get(super_descr_get),
        slot::init(super_init),
        slot::tp_new(super_new),
    ],
    methods: &[],
    getsets: &[
        GetSetDef::new("__thisclass__", get_thisclass)
            .member()
            .doc("the class invoking super()"),
        GetSetDef::new("__self__", get_self)
            .member()
            .doc("the instance invoking super(); may be None"),
        GetSetDef::new("__self_class__", get_self_class)
            .member()
            .doc("the type of the instance invoking super(); may be None"),
    ],
};
