//! `object` (the root type and plain instances) and `NoneType`.

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::inline_values::InstanceData;
use crate::objects::typeobj::{self, Layout};
use crate::vm::Vm;

/// Allocates an instance of `cls` with the layout of its solid base.
pub fn alloc_instance(vm: &Vm, cls: &PyRef) -> PyResult {
    let Some(t) = cls.as_type() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object".to_string()));
    };
    match t.layout {
        Layout::Object | Layout::Other => {
            let nkeys = if t.heap && t.has_dict {
                t.shared_keys.borrow().len()
            } else {
                0
            };
            let data = InstanceData::new(nkeys);
            Ok(PyRef::new_with_cells(
                Payload::Instance(data),
                cls,
                t.slot_names.len(),
            ))
        }
        Layout::Exception => Ok(vm.new_exception(cls, vec![])),
        _ => Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            t.name()
        ))),
    }
}

/// `object.__new__(cls, *args, **kwargs)`.
pub fn object_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments".to_string()));
    };
    if pos.len() > 1 || args.has_kwargs() {
        let overrides_new = typeobj::lookup_str(vm, cls, "__new__")
            .map(|n| !matches!(n.payload, Payload::Builtin(_)))
            .unwrap_or(false);
        let init = typeobj::lookup_str(vm, cls, "__init__");
        let overrides_init = init
            .map(|i| !matches!(i.payload, Payload::Builtin(_)))
            .unwrap_or(false);
        if overrides_new || !overrides_init {
            let name = cls
                .as_type()
                .map(|t| t.name().to_string())
                .unwrap_or_default();
            return Err(vm.type_error(format!("{}() takes no arguments", name)));
        }
    }
    if cls
        .as_type()
        .map(|t| !t.heap && t.layout == Layout::Object && !cls.is(&vm.types.object))
        .unwrap_or(false)
    {
        return Err(vm.type_error("cannot create instances".to_string()));
    }
    alloc_instance(vm, cls)
}

fn object_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if (pos.len() > 1 || args.has_kwargs()) && !pos.is_empty() {
        let cls = pos[0].class();
        let overrides_init = typeobj::lookup_str(vm, cls, "__init__")
            .map(|i| !matches!(i.payload, Payload::Builtin(_)))
            .unwrap_or(false);
        let overrides_new = typeobj::lookup_str(vm, cls, "__new__")
            .map(|n| !matches!(n.payload, Payload::Builtin(_)))
            .unwrap_or(false)
            || cls
                .as_type()
                .map(|t| t.layout != Layout::Object)
                .unwrap_or(false);
        if overrides_init || !overrides_new {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string(),
            ));
        }
    }
    Ok(vm.none.clone())
}

pub fn none_new(vm: &Vm, args: Args) -> PyResult {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(vm.type_error("NoneType takes no arguments".to_string()));
    }
    Ok(vm.none.clone())
}

fn object_repr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__repr__", 1, 1)?;
    Ok(vm.new_string(vm.native_repr(&a[0])?))
}

fn object_str(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__str__", 1, 1)?;
    vm.repr(&a[0])
}

fn object_eq(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__eq__", 2, 2)?;
    Ok(if a[0].is(&a[1]) {
        vm.true_.clone()
    } else {
        vm.not_implemented.clone()
    })
}

fn object_ne(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__ne__", 2, 2)?;
    let r = vm.call_special(&a[0], "__eq__", std::slice::from_ref(&a[1]))?;
    match r {
        Some(r) if r.is(&vm.not_implemented) => Ok(r),
        Some(r) => Ok(vm.new_bool(!vm.truthy(&r)?)),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn object_hash(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__hash__", 1, 1)?;
    Ok(vm.new_int(crate::protocol::ops::pointer_hash(&a[0])))
}

fn object_setattr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__setattr__", 3, 3)?;
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].type_name()
        )));
    }
    vm.generic_setattr(&a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none.clone())
}

fn object_delattr(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__delattr__", 2, 2)?;
    vm.generic_setattr(&a[0], &a[1], None)?;
    Ok(vm.none.clone())
}

fn object_getattribute(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__getattribute__", 2, 2)?;
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].type_name()
        )));
    }
    vm.generic_getattribute(&a[0], &a[1])
}

fn object_format(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__format__", 2, 2)?;
    if a[1].as_str().map(|s| !s.is_empty()).unwrap_or(true) {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].type_name()
        )));
    }
    vm.str(&a[0])
}

fn object_init_subclass(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

fn object_dir(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__dir__", 1, 1)?;
    let mut names: Vec<String> = Vec::new();
    if let Some(d) = vm.instance_dict(&a[0]) {
        for k in crate::objects::dict::keys(&d) {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    }
    let cls = if a[0].as_type().is_some() {
        a[0].clone()
    } else {
        a[0].class().clone()
    };
    if let Some(t) = cls.as_type() {
        for base in t.mro.borrow().iter() {
            if let Some(bt) = base.as_type() {
                for k in crate::objects::dict::keys(&bt.dict) {
                    if let Some(s) = k.as_str() {
                        names.push(s.to_string());
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(vm.new_list(names.iter().map(|n| vm.new_str(n)).collect()))
}

fn object_reduce_ex(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.unsupported("pickling"))
}

/// Runs `__del__` of an object whose count reached zero (heap hook).
pub fn run_del_hook(obj: &PyRef) {
    crate::with_vm(|vm| {
        if let Payload::Generator(g) = &obj.payload {
            if crate::objects::generator::needs_finalize(g) {
                crate::objects::generator::finalize(vm, obj);
            }
            if vm.lookup_special(obj, "__del__").is_none() {
                return;
            }
        }
        if let Some(del) = vm.lookup_special(obj, "__del__") {
            let saved = vm.handled_exception();
            if let Err(e) = vm.call_args(&del, std::slice::from_ref(obj)) {
                crate::traceback::write_unraisable(vm, &e, &del);
            }
            vm.set_handled_exception(saved);
        }
    });
}

pub const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", object_init),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__hash__", object_hash),
    ("__setattr__", object_setattr),
    ("__delattr__", object_delattr),
    ("__getattribute__", object_getattribute),
    ("__format__", object_format),
    ("__init_subclass__", object_init_subclass),
    ("__dir__", object_dir),
    ("__reduce_ex__", object_reduce_ex),
];
