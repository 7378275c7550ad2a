//! `BaseException` and its subclasses (CPython's `Objects/exceptions.c`):
//! `BaseException` is declared here; the other classes, one declaration
//! each, in `classes.rs`; the classes with members of their own
//! (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`, ...)
//! keep them in `ExceptionData::fields` and are in `fields.rs`.

pub mod classes;
pub mod fields;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

pub(crate) fn data<'a>(
    vm: &Vm,
    e: &'a PyRef,
) -> PyResult<&'a crate::objects::layout::ExceptionData> {
    match e.as_exception() {
        Some(d) => Ok(d),
        None => Err(vm.new_error(
            &vm.exc.system_error,
            "exception slot called on another object".to_string(),
        )),
    }
}

/// `BaseException.__new__(cls, *args, **kwargs)`: the arguments are kept
/// as `args`; keywords are left to `__init__`.
pub fn exception_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some((cls, rest)) = pos.split_first() else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments".to_string()));
    };
    if cls.as_type().is_none() {
        return Err(vm.type_error(format!(
            "BaseException.__new__(X): X is not a type object ({})",
            cls.type_name()
        )));
    }
    Ok(vm.new_exception_raw(cls, rest.to_vec()))
}

/// `BaseException.__init__(self, *args)`: no keyword arguments.
pub fn exception_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    set_args(vm, e, args.pos())
}

/// `_PyArg_NoKeywords(Py_TYPE(self)->tp_name, kwds)`.
pub(crate) fn no_keywords(vm: &Vm, e: &PyRef, args: &Args) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", e.type_name())));
    }
    Ok(())
}

pub(crate) fn set_args(vm: &Vm, e: &PyRef, a: &[PyRef]) -> PyResult<()> {
    let d = data(vm, e)?;
    // `__new__` stored these very objects a moment ago (the common
    // `raise E(x)`): keep its tuple rather than build an equal one.
    let same = d
        .args
        .borrow()
        .as_tuple()
        .is_some_and(|t| t.len() == a.len() && t.iter().zip(a).all(|(x, y)| x.is(y)));
    if same {
        return Ok(());
    }
    let old = d.args.replace(vm.new_tuple(a.to_vec()));
    drop(old);
    Ok(())
}

pub(crate) fn args_of(e: &PyRef) -> Vec<PyRef> {
    e.as_exception()
        .map(|d| d.args.borrow().as_tuple().unwrap_or(&[]).to_vec())
        .unwrap_or_default()
}

/// `BaseException_str`: "", `str(args[0])`, or `str(args)`.
pub fn base_str(vm: &Vm, e: &PyRef) -> PyResult<String> {
    let args = args_of(e);
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str_string(&args[0]),
        _ => vm.str_string(&vm.new_tuple(args)),
    }
}

pub fn exception_str(vm: &Vm, e: &PyRef) -> PyResult {
    data(vm, e)?;
    Ok(vm.new_string(base_str(vm, e)?))
}

/// `repr(exc)`: `ValueError('msg')`, `ValueError(1, 2)`.
pub fn exc_repr(vm: &Vm, e: &PyRef) -> PyResult<String> {
    let args = args_of(e);
    let name = e.type_name();
    Ok(match args.len() {
        1 => format!("{}({})", name, vm.repr_string(&args[0])?),
        _ => format!("{}{}", name, vm.repr_string(&vm.new_tuple(args))?),
    })
}

fn exception_repr(vm: &Vm, e: &PyRef) -> PyResult {
    data(vm, e)?;
    Ok(vm.new_string(exc_repr(vm, e)?))
}

/// An attribute of an exception (`value`, `code`, `filename`...), None
/// when it has none.
pub fn exc_attr(vm: &Vm, e: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    vm.getattr_opt(e, &vm.intern(name))
}

fn opt(vm: &Vm, v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(|| vm.none.clone())
}

fn get_args(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(data(vm, e)?.args.borrow().clone())
}

fn set_args_attr(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.type_error("args may not be deleted".to_string()));
    };
    let t = vm.new_tuple(vm.iterate(&v)?);
    let old = data(vm, e)?.args.replace(t);
    drop(old);
    Ok(())
}

fn get_traceback(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(opt(vm, data(vm, e)?.traceback.borrow().clone()))
}

/// `exc.__traceback__ = tb` (None or a traceback).
pub fn set_traceback(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = data(vm, e)?;
    let new = match v {
        None => return Err(vm.type_error("__traceback__ may not be deleted".to_string())),
        Some(v) if v.is_none() => None,
        Some(v) if matches!(v.payload, Payload::Traceback(_)) => Some(v),
        Some(_) => {
            return Err(vm.type_error("__traceback__ must be a traceback or None".to_string()))
        }
    };
    let old = d.traceback.replace(new);
    drop(old);
    Ok(())
}

fn get_context(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(opt(vm, data(vm, e)?.context.borrow().clone()))
}

/// `None` or an exception instance, for `__context__`/`__cause__`.
fn exception_or_none(vm: &Vm, v: Option<PyRef>, what: &str) -> PyResult<Option<PyRef>> {
    match v {
        None => Err(vm.type_error(format!("__{}__ may not be deleted", what))),
        Some(v) if v.is_none() => Ok(None),
        Some(v) if v.as_exception().is_some() => Ok(Some(v)),
        Some(_) => Err(vm.type_error(format!(
            "exception {} must be None or derive from BaseException",
            what
        ))),
    }
}

fn set_context(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = exception_or_none(vm, v, "context")?;
    let old = data(vm, e)?.context.replace(v);
    drop(old);
    Ok(())
}

fn get_cause(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(opt(vm, data(vm, e)?.cause.borrow().clone()))
}

fn set_cause(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = exception_or_none(vm, v, "cause")?;
    let d = data(vm, e)?;
    d.suppress_context.set(true);
    let old = d.cause.replace(v);
    drop(old);
    Ok(())
}

fn get_suppress_context(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(vm.new_bool(data(vm, e)?.suppress_context.get()))
}

fn set_suppress_context(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = data(vm, e)?;
    match v {
        Some(v) if v.class().is(&vm.types.bool) => {
            d.suppress_context.set(v.is(&vm.true_));
            Ok(())
        }
        Some(_) => Err(vm.type_error("attribute value type must be bool".to_string())),
        None => Err(vm.type_error("can't delete numeric/char attribute".to_string())),
    }
}

fn get_dict(vm: &Vm, e: &PyRef) -> PyResult {
    data(vm, e)?;
    Ok(opt(vm, vm.instance_dict(e)))
}

fn set_dict(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = data(vm, e)?;
    match v {
        None => Err(vm.type_error("__dict__ may not be deleted".to_string())),
        Some(v) if matches!(v.payload, Payload::Dict(_)) => {
            let old = d.dict.replace(Some(v));
            drop(old);
            Ok(())
        }
        Some(v) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.type_name()
        ))),
    }
}

fn with_traceback(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "with_traceback", 2, 2)?;
    set_traceback(vm, &a[0], Some(a[1].clone()))?;
    Ok(a[0].clone())
}

fn add_note(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "add_note", 2, 2)?;
    data(vm, &a[0])?;
    if a[1].as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", a[1].type_name())));
    }
    let key = vm.intern("__notes__");
    let notes = match vm.getattr_opt(&a[0], &key)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.setattr(&a[0], &key, l.clone())?;
            l
        }
    };
    match &notes.payload {
        Payload::List(l) => l.borrow_mut().push(a[1].clone()),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list".to_string())),
    }
    Ok(vm.none.clone())
}

/// `(type(self), self.args)`, plus the instance dict when it has one.
fn exception_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let d = data(vm, &a[0])?;
    let cls = a[0].class().clone();
    let targs = d.args.borrow().clone();
    let dict = d.dict.borrow().clone();
    Ok(match dict {
        Some(dict) => vm.new_tuple(vec![cls, targs, dict]),
        None => vm.new_tuple(vec![cls, targs]),
    })
}

fn exception_setstate(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__setstate__", 2, 2)?;
    data(vm, &a[0])?;
    let state = &a[1];
    if state.is_none() {
        return Ok(vm.none.clone());
    }
    if !matches!(state.payload, Payload::Dict(_)) {
        return Err(vm.type_error("state is not a dictionary".to_string()));
    }
    for (k, v) in crate::objects::dict::items(state) {
        vm.setattr(&a[0], &k, v)?;
    }
    Ok(vm.none.clone())
}

/// `tp_traverse` (`BaseException_traverse`).
fn exception_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    let Payload::Exception(e) = &obj.payload else {
        return crate::object::wrong_layout(obj, "BaseException");
    };
    if let Ok(a) = e.args.try_borrow() {
        visit.visit(&a);
    }
    for r in [&e.traceback, &e.cause, &e.context, &e.dict] {
        crate::object::visit_opt(r, visit);
    }
    if let Ok(f) = e.fields.try_borrow() {
        f.iter().flatten().for_each(|r| visit.visit(r));
    }
}

/// `tp_clear` (`BaseException_clear`): `args` becomes `()` (`e.args =
/// (e,)` is a cycle through the args tuple).
fn exception_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    let Payload::Exception(e) = &obj.payload else {
        return crate::object::wrong_layout(obj, "BaseException");
    };
    for r in [&e.traceback, &e.cause, &e.context, &e.dict] {
        crate::object::take_opt(r, dead);
    }
    if let Ok(mut f) = e.fields.try_borrow_mut() {
        dead.extend(f.drain(..).flatten());
    }
    crate::with_vm(|vm| {
        if let Ok(mut a) = e.args.try_borrow_mut() {
            dead.push(std::mem::replace(&mut *a, vm.empty_tuple.clone()));
        }
    });
}

pub static BASE_EXCEPTION_TYPE: TypeSpec = TypeSpec {
    name: "BaseException",
    doc: Some("Common base class for all exceptions"),
    layout: Layout::Exception,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::BASE_EXC_SUBCLASS,
    slots: &[
        slot::traverse(exception_traverse),
        slot::clear(exception_clear),
        slot::tp_new(exception_new),
        slot::repr(exception_repr),
        slot::str(exception_str),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::setattro(crate::protocol::attr::generic_setattr_slot),
        slot::init(exception_init),
    ],
    methods: &[
        MethodDef::method("__reduce__", exception_reduce),
        MethodDef::method("__setstate__", exception_setstate),
        MethodDef::method("with_traceback", with_traceback).doc(
            "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self.",
        ),
        MethodDef::method("add_note", add_note)
            .doc("Exception.add_note(note) --\n    add a note to the exception"),
    ],
    getsets: &[
        GetSetDef::rw(
            "__suppress_context__",
            get_suppress_context,
            set_suppress_context,
        )
        .member(),
        GetSetDef::rw("__dict__", get_dict, set_dict),
        GetSetDef::rw("args", get_args, set_args_attr),
        GetSetDef::rw("__traceback__", get_traceback, set_traceback),
        GetSetDef::rw("__context__", get_context, set_context).doc("exception context"),
        GetSetDef::rw("__cause__", get_cause, set_cause).doc("exception cause"),
    ],
};
