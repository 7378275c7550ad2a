//! `function` (Python functions) and `builtin_function_or_method` (native
//! functions), with the argument-passing convention they share.

use std::cell::RefCell;
use std::rc::Rc;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::code::CodeInfo;
use crate::vm::Vm;

/// Arguments of a call in CPython's vectorcall shape: positional values,
/// then keyword values whose names are `kwnames` (same order).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [PyRef],
    pub kwnames: &'a [PyRef],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    pub fn with_kw(args: &'a [PyRef], kwnames: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [PyRef] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// `(name, value)` of each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a PyRef)> + 'a {
        let kwvals = &self.args[self.args.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .zip(kwvals)
            .map(|(n, v)| (n.as_str().unwrap_or(""), v))
    }

    pub fn kwarg(&self, name: &str) -> Option<&'a PyRef> {
        self.kwargs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// Fails with CPython's message if any keyword was passed.
    pub fn no_kwargs(&self, vm: &Vm, fname: &str) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("{}() takes no keyword arguments", fname)))
        }
    }

    /// Fails unless every keyword is one of `allowed`.
    pub fn only_kwargs(&self, vm: &Vm, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for (n, _) in self.kwargs() {
            if !allowed.contains(&n) {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, n
                )));
            }
        }
        Ok(())
    }

    /// For a method: checks that `min..=max` arguments follow `self` and no
    /// keywords were passed (CPython's `name expected at least 1 argument,
    /// got 0`); returns the positional arguments, `self` first.
    pub fn check_method(
        &self,
        vm: &Vm,
        fname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [PyRef]> {
        self.no_kwargs(vm, fname)?;
        let pos = self.pos();
        let n = pos.len().saturating_sub(1);
        let bound = if n < min {
            Some(("least", min))
        } else if n > max {
            Some(("most", max))
        } else {
            None
        };
        match bound {
            None => Ok(pos),
            Some((which, b)) => Err(vm.type_error(format!(
                "{} expected at {} {} argument{}, got {}",
                fname,
                which,
                b,
                if b == 1 { "" } else { "s" },
                n
            ))),
        }
    }

    /// Checks the positional count against `min..=max` with CPython's wording.
    pub fn check(&self, vm: &Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
        let pos = self.pos();
        let n = pos.len();
        if n >= min && n <= max {
            return Ok(pos);
        }
        let msg = if min == max {
            match min {
                0 => format!("{}() takes no arguments ({} given)", fname, n),
                1 => format!("{}() takes exactly one argument ({} given)", fname, n),
                _ => format!("{} expected {} arguments, got {}", fname, min, n),
            }
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                fname,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                fname,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        Err(vm.type_error(msg))
    }
}

/// A native function: receives the VM and the arguments (for methods the
/// first positional argument is `self`).
pub type NativeFn = fn(&Vm, Args) -> PyResult;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKind {
    /// Module-level function: never binds.
    Function,
    /// Never binds (`str.maketrans`); a bound `self_` is only shown, not
    /// passed.
    StaticMethod,
    /// A built-in type's `__new__` (`tp_new_wrapper`), bound to the type.
    New,
}

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The bound object (`[].append.__self__`).
    pub self_: Option<PyRef>,
    /// Qualified name of the owning type, for reprs and `__qualname__`.
    pub owner: Option<Rc<str>>,
    /// CPython's docstring, text signature first.
    pub doc: Option<&'static str>,
}

/// A Python function (`PyFunctionObject`).
pub struct Function {
    pub code: Rc<CodeInfo>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    pub defaults: RefCell<Option<PyRef>>,
    pub kwdefaults: RefCell<Option<PyRef>>,
    pub annotations: RefCell<Option<PyRef>>,
    pub closure: Option<PyRef>,
    pub dict: RefCell<Option<PyRef>>,
    pub module: RefCell<Option<PyRef>>,
    pub doc: RefCell<Option<PyRef>>,
}

impl Function {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        visit(&self.globals);
        visit(&self.builtins);
        for r in [&self.name, &self.qualname] {
            if let Ok(v) = r.try_borrow() {
                visit(&v);
            }
        }
        for r in [
            &self.defaults,
            &self.kwdefaults,
            &self.annotations,
            &self.dict,
            &self.module,
            &self.doc,
        ] {
            if let Ok(v) = r.try_borrow() {
                if let Some(v) = &*v {
                    visit(v);
                }
            }
        }
        if let Some(c) = &self.closure {
            visit(c);
        }
    }
}

/// `function.__get__`: a bound method for an instance, the function
/// itself for the class.
pub fn function_descr_get(
    vm: &Vm,
    f: &PyRef,
    obj: Option<&PyRef>,
    _ty: Option<&PyRef>,
) -> PyResult {
    match obj {
        Some(o) => Ok(vm.new_bound_method(f.clone(), o.clone())),
        None => Ok(f.clone()),
    }
}

fn this<'a>(vm: &Vm, f: &'a PyRef) -> PyResult<&'a Function> {
    match &f.payload {
        crate::objects::layout::Payload::Function(func) => Ok(func),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "function attribute read on a non-function".to_string(),
        )),
    }
}

fn opt(vm: &Vm, v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(|| vm.none.clone())
}

/// `repr(f)`: `<function qualname at 0x...>`.
fn function_repr(vm: &Vm, f: &PyRef) -> PyResult {
    let func = this(vm, f)?;
    let q = func.qualname.borrow();
    Ok(vm.new_string(format!(
        "<function {} at {:#x}>",
        q.as_str().unwrap_or("?"),
        f.addr()
    )))
}

fn get_closure(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(opt(vm, this(vm, f)?.closure.clone()))
}
fn get_doc(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(opt(vm, this(vm, f)?.doc.borrow().clone()))
}
fn set_doc(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    drop(this(vm, f)?.doc.replace(v.filter(|v| !v.is_none())));
    Ok(())
}
fn get_globals(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?.globals.clone())
}
fn get_module(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(opt(vm, this(vm, f)?.module.borrow().clone()))
}
fn set_module(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    drop(this(vm, f)?.module.replace(v.filter(|v| !v.is_none())));
    Ok(())
}
fn get_builtins(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?.builtins.clone())
}
fn get_code(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(vm.new_code(this(vm, f)?.code.clone()))
}
fn set_code(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    this(vm, f)?;
    match v {
        Some(c) if c.class().is(&vm.types.code) => Err(vm.unsupported("assigning __code__")),
        _ => Err(vm.type_error("__code__ must be set to a code object".to_string())),
    }
}

/// A setter for an attribute that must be None (deleted) or of type `ty`.
fn set_typed(
    vm: &Vm,
    slot: &RefCell<Option<PyRef>>,
    v: Option<PyRef>,
    ty: &PyRef,
    msg: &str,
) -> PyResult<()> {
    let v = v.filter(|v| !v.is_none());
    if let Some(v) = &v {
        if !crate::objects::typeobj::is_subtype(v.class(), ty) {
            return Err(vm.type_error(msg.to_string()));
        }
    }
    drop(slot.replace(v));
    Ok(())
}

fn get_defaults(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(opt(vm, this(vm, f)?.defaults.borrow().clone()))
}
fn set_defaults(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    let msg = "__defaults__ must be set to a tuple object";
    set_typed(vm, &func.defaults, v, &vm.types.tuple, msg)
}
fn get_kwdefaults(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(opt(vm, this(vm, f)?.kwdefaults.borrow().clone()))
}
fn set_kwdefaults(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    let msg = "__kwdefaults__ must be set to a dict object";
    set_typed(vm, &func.kwdefaults, v, &vm.types.dict, msg)
}
/// `f.__annotations__`: created empty on first access.
fn get_annotations(vm: &Vm, f: &PyRef) -> PyResult {
    let func = this(vm, f)?;
    let mut a = func.annotations.borrow_mut();
    if a.is_none() {
        *a = Some(vm.new_dict());
    }
    Ok(opt(vm, a.clone()))
}
fn set_annotations(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    let msg = "__annotations__ must be set to a dict object";
    set_typed(vm, &func.annotations, v, &vm.types.dict, msg)
}
fn get_dict(vm: &Vm, f: &PyRef) -> PyResult {
    vm.exposed_dict(f)
        .ok_or_else(|| vm.no_attribute(f, "__dict__"))
}
fn set_dict(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    match v {
        None => Err(vm.type_error("cannot delete __dict__".to_string())),
        Some(d) if crate::objects::typeobj::is_subtype(d.class(), &vm.types.dict) => {
            drop(func.dict.replace(Some(d)));
            Ok(())
        }
        Some(d) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            d.type_name()
        ))),
    }
}
fn get_name(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?.name.borrow().clone())
}
fn set_name(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    match v {
        Some(v) if v.as_str().is_some() => {
            drop(func.name.replace(v));
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object".to_string())),
    }
}
fn get_qualname(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?.qualname.borrow().clone())
}
fn set_qualname(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let func = this(vm, f)?;
    match v {
        Some(v) if v.as_str().is_some() => {
            drop(func.qualname.replace(v));
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object".to_string())),
    }
}

use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, TypeSpec};

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)` (`func_new`).
fn function_new(vm: &Vm, args: Args) -> PyResult {
    use crate::objects::layout::Payload;
    let names = ["code", "globals", "name", "argdefs", "closure"];
    args.only_kwargs(vm, "function", &names)?;
    let pos = args.pos();
    if pos.len() > 6 {
        return Err(vm.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let get = |i: usize| pos.get(i + 1).or(args.kwarg(names[i]));
    let (Some(code), Some(globals)) = (get(0), get(1)) else {
        let missing = if get(0).is_none() {
            (names[0], 1)
        } else {
            (names[1], 2)
        };
        return Err(vm.type_error(format!(
            "function() missing required argument '{}' (pos {})",
            missing.0, missing.1
        )));
    };
    let Payload::Code(info) = &code.payload else {
        return Err(vm.type_error(format!(
            "function() argument 'code' must be code, not {}",
            code.type_name()
        )));
    };
    if !crate::objects::typeobj::is_subtype(globals.class(), &vm.types.dict) {
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            globals.type_name()
        )));
    }
    let name = get(2).filter(|n| !n.is_none());
    if name.is_some_and(|n| n.as_str().is_none()) {
        return Err(vm.type_error("arg 3 (name) must be None or string".to_string()));
    }
    let defaults = get(3).filter(|d| !d.is_none());
    if defaults.is_some_and(|d| d.as_tuple().is_none()) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple".to_string()));
    }
    let closure = get(4).filter(|c| !c.is_none());
    let nfree = info.code.co_freevars().len();
    let cells = match closure {
        Some(c) => match c.as_tuple() {
            Some(t) => t.len(),
            None => return Err(vm.type_error("arg 5 (closure) must be tuple".to_string())),
        },
        None => 0,
    };
    if cells != nfree {
        return Err(vm.value_error(format!(
            "{} requires closure of length {}, not {}",
            info.code.co_name, nfree, cells
        )));
    }
    if let Some(c) = closure.and_then(|c| c.as_tuple()) {
        if let Some(bad) = c.iter().find(|x| !matches!(x.payload, Payload::Cell(_))) {
            return Err(vm.type_error(format!(
                "arg 5 (closure) expected cell, found {}",
                bad.type_name()
            )));
        }
    }
    // As a frame's builtins: the `__builtins__` of the globals, else the
    // interpreter's.
    let builtins = crate::objects::dict::get_str(vm, globals, &vm.intern("__builtins__"))
        .unwrap_or_else(|| vm.builtins.clone());
    let doc = info
        .consts
        .first()
        .filter(|c| c.class().is(&vm.types.str))
        .cloned();
    let module = crate::objects::dict::get_str(vm, globals, &vm.intern("__name__"));
    let func = Function {
        code: info.clone(),
        globals: globals.clone(),
        builtins,
        name: RefCell::new(
            name.cloned()
                .unwrap_or_else(|| vm.intern(&info.code.co_name)),
        ),
        qualname: RefCell::new(vm.new_str(&info.code.co_qualname)),
        defaults: RefCell::new(defaults.cloned()),
        kwdefaults: RefCell::new(None),
        annotations: RefCell::new(None),
        closure: closure.cloned(),
        dict: RefCell::new(None),
        module: RefCell::new(module),
        doc: RefCell::new(doc),
    };
    Ok(PyRef::new(Payload::Function(Box::new(func)), &pos[0]))
}

/// `tp_traverse`.
fn function_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        crate::objects::layout::Payload::Function(f) => f.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "function"),
    }
}

/// `tp_clear` (`func_clear`): the mutable attributes; code, globals and
/// name stay.
fn function_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        crate::objects::layout::Payload::Function(f) => {
            for r in [
                &f.defaults,
                &f.kwdefaults,
                &f.annotations,
                &f.dict,
                &f.module,
                &f.doc,
            ] {
                crate::object::take_opt(r, dead);
            }
        }
        _ => crate::object::wrong_layout(obj, "function"),
    }
}

pub static FUNCTION_TYPE: TypeSpec = TypeSpec {
    name: "function",
    doc: Some("function(code, globals, name=None, argdefs=None, closure=None)\n--\n\nCreate a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n  name\n    a string that overrides the name from the code object\n  argdefs\n    a tuple that specifies the default argument values\n  closure\n    a tuple that supplies the bindings for free variables"),
    layout: Layout::Other,
    flags: tpflags::METHOD_DESCRIPTOR | tpflags::HAVE_GC,
    slots: &[
        slot::traverse(function_traverse), slot::clear(function_clear),
        slot::repr(function_repr),
        slot::call(crate::protocol::call::function_call),
        slot::descr_get(function_descr_get),
        slot::tp_new(function_new),
    ],
    getsets: &[
        GetSetDef::new("__closure__", get_closure).member(),
        GetSetDef::rw("__doc__", get_doc, set_doc).member(),
        GetSetDef::new("__globals__", get_globals).member(),
        GetSetDef::rw("__module__", get_module, set_module).member(),
        GetSetDef::new("__builtins__", get_builtins).member(),
        GetSetDef::rw("__code__", get_code, set_code),
        GetSetDef::rw("__defaults__", get_defaults, set_defaults),
        GetSetDef::rw("__kwdefaults__", get_kwdefaults, set_kwdefaults),
        GetSetDef::rw("__annotations__", get_annotations, set_annotations),
        GetSetDef::rw("__dict__", get_dict, set_dict),
        GetSetDef::rw("__name__", get_name, set_name),
        GetSetDef::rw("__qualname__", get_qualname, set_qualname),
    ],
    ..TypeSpec::DEFAULT
};
