//! Calls: dispatch on the callable's payload, binding of arguments to a
//! Python function's parameters (with CPython's error messages), and
//! `type.__call__` (`__new__` then `__init__`).

use minipy_bytecode::code::flags;

use crate::eval::{self, FrameExit};
use crate::frame::Frame;
use crate::heap::{PyRef, SlotCell};
use crate::object::PyResult;
use crate::objects::function::{Args, Function};
use crate::objects::layout::Payload;
use crate::objects::typeobj::SlotId;
use crate::objects::{dict, generator, typeobj};
use crate::vm::Vm;

impl Vm {
    /// Calls `callable` with positional arguments only.
    pub fn call_args(&self, callable: &PyRef, args: &[PyRef]) -> PyResult {
        self.call(callable, Args::new(args))
    }

    /// Calls any callable object (`PyObject_Call`): its type's `tp_call`.
    #[inline]
    pub fn call(&self, callable: &PyRef, args: Args) -> PyResult {
        match callable.class().as_type().and_then(|t| t.slots.call()) {
            Some(f) => f(self, callable, args),
            None => {
                Err(self.type_error(format!("'{}' object is not callable", callable.type_name())))
            }
        }
    }

    /// Runs a Python function: builds its frame, binds the arguments,
    /// evaluates (or makes a generator).
    /// A fresh frame for a call of the Python function `f`.
    fn function_frame(&self, fobj: &PyRef, f: &Function) -> Frame {
        Frame::new(
            self,
            f.code.clone(),
            Some(fobj.clone()),
            f.globals.clone(),
            f.builtins.clone(),
            None,
        )
    }

    pub fn call_function(&self, fobj: &PyRef, f: &Function, args: Args) -> PyResult {
        let frame = self.function_frame(fobj, f);
        let code = f.code.clone();
        let co = &code.code;
        let simple = args.kwnames.is_empty()
            && args.args.len() == co.co_argcount as usize
            && co.co_flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && co.co_kwonlyargcount == 0;
        if simple {
            for (slot, a) in frame.fast().iter().zip(args.args) {
                slot.set(Some(a.clone()));
            }
        } else if let Err(e) = bind_arguments(self, f, frame.fast(), args) {
            frame.release(self);
            return Err(e);
        }
        self.run_frame(frame)
    }

    /// Calls the Python function `f` with `self_` before `args` (a bound
    /// method, `__init__`), binding straight into the new frame's locals
    /// in the simple case instead of building an argument vector.
    pub fn call_function_self(
        &self,
        fobj: &PyRef,
        f: &Function,
        self_: &PyRef,
        args: Args,
    ) -> PyResult {
        let co = &f.code.code;
        let simple = args.kwnames.is_empty()
            && args.args.len() + 1 == co.co_argcount as usize
            && co.co_flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && co.co_kwonlyargcount == 0;
        if !simple {
            let v = prepend(self_, args.args);
            return self.call_function(fobj, f, Args::with_kw(&v, args.kwnames));
        }
        let frame = self.function_frame(fobj, f);
        let mut slots = frame.fast().iter();
        if let Some(s0) = slots.next() {
            s0.set(Some(self_.clone()));
        }
        for (slot, a) in slots.zip(args.args) {
            slot.set(Some(a.clone()));
        }
        self.run_frame(frame)
    }

    /// `CALL` of a Python function with positional arguments on the
    /// caller's stack from `start`: in the simple case the arguments are
    /// *moved* into the new frame's locals, as CPython 3.11 moves them, so
    /// reference counts (and `sys.getrefcount`) match CPython's.
    pub fn call_function_stack(
        &self,
        fobj: &PyRef,
        f: &Function,
        stack: &mut Vec<PyRef>,
        start: usize,
    ) -> PyResult {
        let co = &f.code.code;
        let n = stack.len().saturating_sub(start);
        let simple = n == co.co_argcount as usize
            && co.co_flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && co.co_kwonlyargcount == 0;
        if !simple {
            return self.call_function(fobj, f, Args::new(&stack[start..]));
        }
        let frame = self.function_frame(fobj, f);
        for (slot, a) in frame.fast().iter().zip(stack.drain(start..)) {
            slot.set(Some(a));
        }
        self.run_frame(frame)
    }

    /// Evaluates a fresh frame to completion (or wraps it in a generator).
    /// The frame is linked into the thread's chain while it runs.
    pub fn run_frame(&self, frame: Frame) -> PyResult {
        crate::stack::guard(self, move || self.run_frame_here(frame))
    }

    fn run_frame_here(&self, mut frame: Frame) -> PyResult {
        if let Err(e) = self.enter() {
            frame.release(self);
            return Err(e);
        }
        self.thread.push(&frame.data);
        let r = eval::eval_frame(self, &mut frame, None);
        self.leave();
        if let Ok(FrameExit::Generator) = r {
            self.thread.pop(&frame.data);
            return Ok(generator::new_generator(self, frame));
        }
        // Released while still linked: a frame object that outlives the
        // frame keeps the caller's as `f_back`.
        frame.detach_frame_object(self);
        self.thread.pop(&frame.data);
        frame.release(self);
        match r {
            Ok(FrameExit::Return(v)) => Ok(v),
            Ok(FrameExit::Yield(_)) => {
                Err(self.runtime_error("yield outside generator".to_string()))
            }
            Ok(FrameExit::Generator) => Ok(self.none.clone()),
            Err(e) => Err(e),
        }
    }

    /// `type.__call__(cls, *args, **kwargs)` (`type_call`): `tp_new` of
    /// the class, then `tp_init` of the new object's type if it is an
    /// instance of the class.
    pub(crate) fn type_call(&self, cls: &PyRef, args: Args) -> PyResult {
        if cls.is(&self.types.type_) && args.kwnames.is_empty() {
            match args.args.len() {
                1 => return Ok(args.args[0].class().clone()),
                3 => {}
                _ => return Err(self.type_error("type() takes 1 or 3 arguments".to_string())),
            }
        }
        let Some(t) = cls.as_type() else {
            return Err(self.type_error("type.__call__ on a non-type".to_string()));
        };
        let Some(new) = t.slots.tp_new() else {
            return Err(self.type_error(format!("cannot create '{}' instances", t.name())));
        };
        let object_new = !t.slots.is_generic(SlotId::New)
            && t.slots.origin(SlotId::New) == self.types.object.addr();
        let obj = if object_new && t.slots.is_generic(SlotId::Init) {
            // object.__new__ under a Python __init__: excess arguments are
            // fine (object_new's check), so allocate directly.
            check_abstract(self, cls)?;
            crate::objects::instance::alloc_instance(self, cls)?
        } else {
            let v = prepend(cls, args.args);
            new(self, Args::with_kw(&v, args.kwnames))?
        };
        if !typeobj::is_subtype(obj.class(), cls) {
            return Ok(obj);
        }
        let ot = obj.class().clone();
        if let Some(init) = ot.as_type().and_then(|t| t.slots.init()) {
            init(self, &obj, args)?;
        }
        Ok(obj)
    }
}

/// `object.__new__`'s refusal to instantiate a class whose own
/// `__abstractmethods__` (set by `ABCMeta`) is non-empty.
pub(crate) fn check_abstract(vm: &Vm, cls: &PyRef) -> PyResult<()> {
    let Some(t) = cls.as_type() else {
        return Ok(());
    };
    let seen = vm.type_version.get() + 1;
    if t.concrete_at.get() == seen {
        return Ok(());
    }
    let Some(am) = crate::objects::dict::get_str(vm, &t.dict, &vm.names.abstractmethods) else {
        t.concrete_at.set(seen);
        return Ok(());
    };
    if !vm.truthy(&am)? {
        t.concrete_at.set(seen);
        return Ok(());
    }
    let mut names: Vec<String> = Vec::new();
    for n in vm.iterate(&am)? {
        names.push(vm.str_string(&n)?);
    }
    names.sort();
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name(),
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )))
}

fn prepend(first: &PyRef, rest: &[PyRef]) -> Vec<PyRef> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first.clone());
    v.extend_from_slice(rest);
    v
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list formatting).
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds `args` to the parameters of `f` into `fast` (CPython's
/// `initialize_locals`).
fn bind_arguments(vm: &Vm, f: &Function, fast: &[SlotCell], args: Args) -> PyResult<()> {
    let code = &f.code;
    let co = &code.code;
    let qual = f.qualname.borrow().as_str().unwrap_or("?").to_string();
    let argcount = co.co_argcount as usize;
    let posonly = co.co_posonlyargcount as usize;
    let kwonly = co.co_kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = co.co_flags & flags::VARARGS != 0;
    let has_varkw = co.co_flags & flags::VARKEYWORDS != 0;
    let pos = args.pos();
    let names = &code.localsplusnames;

    let kwdict = if has_varkw {
        let d = vm.new_dict();
        let idx = total + usize::from(has_varargs);
        fast[idx].set(Some(d.clone()));
        Some(d)
    } else {
        None
    };
    let n = pos.len().min(argcount);
    for i in 0..n {
        fast[i].set(Some(pos[i].clone()));
    }
    if has_varargs {
        let extra: Vec<PyRef> = if pos.len() > argcount {
            pos[argcount..].to_vec()
        } else {
            vec![]
        };
        fast[total].set(Some(vm.new_tuple(extra)));
    }
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (kname, kval) in args.kwargs() {
        let found = names[..total]
            .iter()
            .position(|n| n.as_str() == Some(kname));
        match found {
            Some(i) if i >= posonly => {
                if crate::heap::cell_get(&fast[i]).is_some() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qual, kname
                    )));
                }
                fast[i].set(Some(kval.clone()));
            }
            other => match &kwdict {
                Some(d) => {
                    dict::set_item(vm, d, vm.new_str(kname), kval.clone())?;
                }
                None => {
                    if other.is_some() {
                        posonly_as_kw.push(kname.to_string());
                        continue;
                    }
                    return Err(vm.type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qual, kname
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qual,
            posonly_as_kw.join(", ")
        )));
    }
    if pos.len() > argcount && !has_varargs {
        let defaults = f
            .defaults
            .borrow()
            .as_ref()
            .and_then(|d| d.as_tuple().map(|t| t.len()))
            .unwrap_or(0);
        let kw_given = (argcount..total)
            .filter(|&i| crate::heap::cell_get(&fast[i]).is_some())
            .count();
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                pos.len(),
                if pos.len() == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} {} given",
                pos.len(),
                if pos.len() == 1 { "was" } else { "were" }
            )
        };
        return Err(vm.type_error(format!("{}() takes {} but {}", qual, takes, given)));
    }
    // Defaults for missing positional parameters.
    if n < argcount {
        let defaults: Vec<PyRef> = f
            .defaults
            .borrow()
            .as_ref()
            .and_then(|d| d.as_tuple().map(|t| t.to_vec()))
            .unwrap_or_default();
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in n..argcount {
            if crate::heap::cell_get(&fast[i]).is_none() {
                if i >= first_default {
                    fast[i].set(Some(defaults[i - first_default].clone()));
                } else {
                    missing.push(names[i].as_str().unwrap_or("?").to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qual,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = f.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..total {
            if crate::heap::cell_get(&fast[i]).is_none() {
                let d = match &kwdefaults {
                    Some(kd) => dict::get_str(vm, kd, &names[i]),
                    None => None,
                };
                match d {
                    Some(v) => fast[i].set(Some(v)),
                    None => missing.push(names[i].as_str().unwrap_or("?").to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qual,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// `function.__call__` (`tp_call` of Python functions).
pub fn function_call(vm: &Vm, callable: &PyRef, args: Args) -> PyResult {
    match &callable.payload {
        Payload::Function(f) => vm.call_function(callable, f, args),
        _ => Err(vm.type_error("function.__call__ on a non-function".to_string())),
    }
}

/// `builtin_function_or_method.__call__`: the bound `self` (if any)
/// comes first, except for a static method's.
pub fn builtin_call(vm: &Vm, callable: &PyRef, args: Args) -> PyResult {
    let Payload::Builtin(b) = &callable.payload else {
        return Err(vm.type_error("builtin.__call__ on a non-builtin".to_string()));
    };
    match &b.self_ {
        Some(s) if b.kind != crate::objects::function::BuiltinKind::StaticMethod => {
            let v = prepend(s, args.args);
            (b.func)(vm, Args::with_kw(&v, args.kwnames))
        }
        _ => (b.func)(vm, args),
    }
}

/// `method.__call__`: the function with `self` prepended.
pub fn method_call(vm: &Vm, callable: &PyRef, args: Args) -> PyResult {
    let Payload::BoundMethod { func, self_ } = &callable.payload else {
        return Err(vm.type_error("method.__call__ on a non-method".to_string()));
    };
    match &func.payload {
        Payload::Function(f) => vm.call_function_self(func, f, self_, args),
        _ => {
            let v = prepend(self_, args.args);
            vm.call(func, Args::with_kw(&v, args.kwnames))
        }
    }
}

/// `type.__call__` as `tp_call`.
pub fn type_call_slot(vm: &Vm, cls: &PyRef, args: Args) -> PyResult {
    vm.type_call(cls, args)
}
