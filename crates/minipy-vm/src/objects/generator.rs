//! `generator`: a suspended frame, resumed by `next`/`send`/`throw`/`close`.

use std::cell::{Cell, RefCell};

use minipy_bytecode::Opcode;

use crate::eval::{self, FrameExit};
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::vm::Vm;

pub struct GeneratorData {
    /// None once the generator has finished.
    pub frame: RefCell<Option<Frame>>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    /// The exception being handled inside the generator while suspended.
    pub exc_state: RefCell<Option<PyRef>>,
    pub name: PyRef,
    pub qualname: PyRef,
}

impl GeneratorData {
    /// `tp_clear` of a suspended generator: its frame's references go.
    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        if self.running.get() {
            return;
        }
        if let Ok(mut f) = self.frame.try_borrow_mut() {
            if let Some(f) = f.take() {
                dead.extend(f.func);
                dead.push(f.globals);
                dead.push(f.builtins);
                dead.extend(f.locals);
                dead.extend(f.bufs.fast.into_iter().flatten());
                dead.extend(f.bufs.stack);
                dead.extend(f.kwnames);
            }
        }
        if let Ok(mut e) = self.exc_state.try_borrow_mut() {
            dead.extend(e.take());
        }
    }

    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = &*f {
                f.traverse(visit);
            }
        }
        if let Ok(e) = self.exc_state.try_borrow() {
            if let Some(e) = &*e {
                visit(e);
            }
        }
        visit(&self.name);
        visit(&self.qualname);
    }

    pub fn qualname(&self) -> String {
        self.qualname.as_str().unwrap_or("?").to_string()
    }

    pub fn attr(&self, vm: &Vm, name: &str) -> Option<PyRef> {
        match name {
            "__name__" => Some(self.name.clone()),
            "__qualname__" => Some(self.qualname.clone()),
            "gi_running" => Some(vm.new_bool(self.running.get())),
            "gi_frame" => Some(match self.frame.borrow().as_ref() {
                Some(f) => frame_object(vm, f),
                None => vm.none.clone(),
            }),
            "gi_code" => self
                .frame
                .borrow()
                .as_ref()
                .map(|f| vm.new_code(f.code.clone())),
            _ => None,
        }
    }
}

pub fn new_generator(vm: &Vm, frame: Frame) -> PyRef {
    let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
        Some(Payload::Function(fd)) => (fd.name.borrow().clone(), fd.qualname.borrow().clone()),
        _ => (
            vm.new_str(&frame.code.code.co_name),
            vm.new_str(&frame.code.code.co_qualname),
        ),
    };
    PyRef::new(
        Payload::Generator(Box::new(GeneratorData {
            frame: RefCell::new(Some(frame)),
            running: Cell::new(false),
            started: Cell::new(false),
            exc_state: RefCell::new(None),
            name,
            qualname,
        })),
        &vm.types.generator,
    )
}

/// Outcome of resuming: `Ok(Ok(yielded))` or `Ok(Err(returned))`.
pub type Resumed = Result<PyRef, PyRef>;

/// Resumes the generator with `value` sent in, or with `throw` raised at
/// the suspension point.
pub fn resume(vm: &Vm, gen: &PyRef, value: PyRef, throw: Option<PyRef>) -> PyResult<Resumed> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("not a generator".to_string()));
    };
    if g.running.get() {
        return Err(vm.new_error(
            &vm.exc.value_error,
            "generator already executing".to_string(),
        ));
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        // Finished: a thrown exception is raised as is, else StopIteration.
        if let Some(e) = throw {
            return Err(e);
        }
        return Ok(Err(vm.none.clone()));
    };
    if !g.started.get() && throw.is_none() && !value.is_none() {
        *g.frame.borrow_mut() = Some(frame);
        return Err(
            vm.type_error("can't send non-None value to a just-started generator".to_string())
        );
    }
    if throw.is_some() && g.started.get() {
        // Raise at the YIELD_VALUE we are suspended after.
        frame.lasti = frame.lasti.saturating_sub(1);
    } else {
        frame.bufs.stack.push(value);
    }
    g.started.set(true);
    g.running.set(true);
    let outer = vm.handled_exception();
    let inner = g.exc_state.borrow_mut().take();
    vm.set_handled_exception(inner);
    if let Err(e) = vm.enter() {
        g.running.set(false);
        vm.set_handled_exception(outer);
        *g.frame.borrow_mut() = Some(frame);
        return Err(e);
    }
    let r = eval::eval_frame(vm, &mut frame, throw);
    vm.leave();
    let inner_now = vm.handled_exception();
    vm.set_handled_exception(outer);
    g.running.set(false);
    match r {
        Ok(FrameExit::Yield(v)) => {
            *g.exc_state.borrow_mut() = inner_now;
            *g.frame.borrow_mut() = Some(frame);
            Ok(Ok(v))
        }
        Ok(FrameExit::Return(v)) => {
            frame.release(vm);
            Ok(Err(v))
        }
        Ok(FrameExit::Generator) => {
            frame.release(vm);
            Err(vm.runtime_error("generator frame returned a generator".to_string()))
        }
        Err(e) => {
            frame.release(vm);
            if vm.exc_matches(&e, &vm.exc.stop_iteration) {
                let re = vm.runtime_error("generator raised StopIteration".to_string());
                if let Some(d) = re.as_exception() {
                    *d.cause.borrow_mut() = Some(e.clone());
                    *d.context.borrow_mut() = Some(e);
                    d.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `next(gen)`: `Ok(None)` when it returns.
pub fn next(vm: &Vm, gen: &PyRef) -> PyResult<Option<PyRef>> {
    match resume(vm, gen, vm.none.clone(), None)? {
        Ok(v) => Ok(Some(v)),
        Err(_) => Ok(None),
    }
}

/// `SEND`: send `v` to `receiver` (generator or iterator).
/// `Ok(Ok(yielded))` or `Ok(Err(return value))`.
pub fn send_to(vm: &Vm, receiver: &PyRef, v: PyRef) -> PyResult<Resumed> {
    if let Payload::Generator(_) = &receiver.payload {
        return resume(vm, receiver, v, None);
    }
    let r = if v.is_none() {
        match vm.next(receiver) {
            Ok(Some(x)) => return Ok(Ok(x)),
            Ok(None) => return Ok(Err(vm.none.clone())),
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(receiver, "send", &[v])
    };
    match r {
        Ok(x) => Ok(Ok(x)),
        Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => {
            let val = crate::objects::exceptions::exc_attr(vm, &e, "value")?
                .unwrap_or_else(|| vm.none.clone());
            Ok(Err(val))
        }
        Err(e) => Err(e),
    }
}

fn returned_to_stop(vm: &Vm, r: Resumed) -> PyResult {
    match r {
        Ok(v) => Ok(v),
        Err(v) => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_send(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "send", 2, 2)?;
    let r = resume(vm, &a[0], a[1].clone(), None)?;
    returned_to_stop(vm, r)
}

fn gen_next(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__next__", 1, 1)?;
    let r = resume(vm, &a[0], vm.none.clone(), None)?;
    returned_to_stop(vm, r)
}

fn gen_iter(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

/// The iterator a suspended `yield from` delegates to, if any.
fn delegate(gen: &PyRef) -> Option<PyRef> {
    let Payload::Generator(g) = &gen.payload else {
        return None;
    };
    let f = g.frame.borrow();
    let f = f.as_ref()?;
    let units = &f.code.code.co_code;
    // Suspended after YIELD_VALUE that follows a SEND: the receiver is on top.
    let prev = *units.get(f.lasti.checked_sub(1)?)?;
    if (prev & 0xff) as u8 != Opcode::YIELD_VALUE as u8 {
        return None;
    }
    let send = *units.get(f.lasti.checked_sub(2)?)?;
    if (send & 0xff) as u8 != Opcode::SEND as u8 {
        return None;
    }
    f.bufs.stack.last().cloned()
}

fn make_throw_exc(vm: &Vm, a: &[PyRef]) -> PyResult {
    let typ = &a[1];
    if typ.as_type().is_some() {
        let val = a.get(2).filter(|v| !v.is_none());
        match val {
            Some(v) if v.as_exception().is_some() => Ok(v.clone()),
            Some(v) => vm.call_args(typ, std::slice::from_ref(v)),
            None => crate::eval::slow::make_exception(vm, typ),
        }
    } else if typ.as_exception().is_some() {
        Ok(typ.clone())
    } else {
        Err(vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not str"
                .replace("str", &typ.type_name()),
        ))
    }
}

fn gen_throw(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "throw", 2, 4)?;
    let exc = make_throw_exc(vm, a)?;
    throw_into(vm, &a[0], exc)
}

fn throw_into(vm: &Vm, gen: &PyRef, exc: PyRef) -> PyResult {
    if let Some(inner) = delegate(gen) {
        // Delegate to the sub-iterator of `yield from`.
        let r = if vm.exc_matches(&exc, &vm.exc.generator_exit) {
            if let Some(close) = vm.getattr_opt(&inner, &vm.intern("close"))? {
                vm.call_args(&close, &[])?;
            }
            Err(exc.clone())
        } else if let Payload::Generator(_) = &inner.payload {
            throw_into(vm, &inner, exc.clone())
        } else {
            match vm.getattr_opt(&inner, &vm.intern("throw"))? {
                Some(t) => vm.call_args(&t, std::slice::from_ref(&exc)),
                None => Err(exc.clone()),
            }
        };
        match r {
            Ok(v) => return Ok(v),
            Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => {
                // The sub-iterator finished: resume ourselves with its value.
                let val = crate::objects::exceptions::exc_attr(vm, &e, "value")?
                    .unwrap_or_else(|| vm.none.clone());
                if let Payload::Generator(g) = &gen.payload {
                    if let Some(f) = &mut *g.frame.borrow_mut() {
                        // Pop the receiver and continue after the yield-from loop:
                        // emulate SEND's exit by jumping via the sent value.
                        f.bufs.stack.pop();
                        f.bufs.stack.push(val.clone());
                        // Skip to after the JUMP_BACKWARD_NO_INTERRUPT of the loop.
                        let units = &f.code.code.co_code;
                        let mut i = f.lasti;
                        while i < units.len() {
                            let op = (units[i] & 0xff) as u8;
                            i += 1;
                            if op == Opcode::JUMP_BACKWARD_NO_INTERRUPT as u8 {
                                break;
                            }
                        }
                        f.lasti = i;
                    }
                }
                let r = resume_no_push(vm, gen)?;
                return returned_to_stop(vm, r);
            }
            Err(e) => {
                let r = resume(vm, gen, vm.none.clone(), Some(e))?;
                return returned_to_stop(vm, r);
            }
        }
    }
    let r = resume(vm, gen, vm.none.clone(), Some(exc))?;
    returned_to_stop(vm, r)
}

/// Resumes without pushing a sent value (the stack is already prepared).
fn resume_no_push(vm: &Vm, gen: &PyRef) -> PyResult<Resumed> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("not a generator".to_string()));
    };
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return Ok(Err(vm.none.clone()));
    };
    g.running.set(true);
    vm.enter()?;
    let r = eval::eval_frame(vm, &mut frame, None);
    vm.leave();
    g.running.set(false);
    match r {
        Ok(FrameExit::Yield(v)) => {
            *g.frame.borrow_mut() = Some(frame);
            Ok(Ok(v))
        }
        Ok(FrameExit::Return(v)) => Ok(Err(v)),
        Ok(FrameExit::Generator) => Ok(Err(vm.none.clone())),
        Err(e) => Err(e),
    }
}

fn gen_close(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "close", 1, 1)?;
    let gen = &a[0];
    let Payload::Generator(g) = &gen.payload else {
        return Ok(vm.none.clone());
    };
    if g.frame.borrow().is_none() || !g.started.get() {
        let old = g.frame.borrow_mut().take();
        if let Some(f) = old {
            f.release(vm);
        }
        return Ok(vm.none.clone());
    }
    let exc = vm.new_exception(&vm.exc.generator_exit, vec![]);
    match throw_into(vm, gen, exc) {
        Ok(_) => Err(vm.runtime_error("generator ignored GeneratorExit".to_string())),
        Err(e)
            if vm.exc_matches(&e, &vm.exc.generator_exit)
                || vm.exc_matches(&e, &vm.exc.stop_iteration) =>
        {
            Ok(vm.none.clone())
        }
        Err(e) => Err(e),
    }
}

/// Whether a generator needs finalizing: started, suspended, not running
/// (CPython's `_PyGen_Finalize` does nothing for the others).
pub fn needs_finalize(g: &GeneratorData) -> bool {
    g.started.get() && !g.running.get() && g.frame.try_borrow().is_ok_and(|f| f.is_some())
}

/// `tp_finalize` of generators (PEP 442): a suspended generator that dies
/// is closed, so its `finally` blocks run; an error is unraisable.
pub fn finalize(vm: &Vm, gen: &PyRef) {
    let saved = vm.handled_exception();
    if let Err(e) = gen_close(vm, Args::new(std::slice::from_ref(gen))) {
        crate::traceback::write_unraisable(vm, &e, gen);
    }
    vm.set_handled_exception(saved);
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__next__", gen_next),
    ("__iter__", gen_iter),
];

/// A snapshot `frame` object (`f_code`, `f_lineno`, `f_globals`, `f_lasti`).
pub fn frame_object(vm: &Vm, f: &Frame) -> PyRef {
    let d = vm.new_dict();
    let set = |k: &str, v: PyRef| crate::objects::dict::set_str(vm, &d, vm.intern(k), v);
    set("f_code", vm.new_code(f.code.clone()));
    set("f_globals", f.globals.clone());
    set("f_lasti", vm.new_int(2 * f.lasti as i64));
    set(
        "f_lineno",
        f.code
            .code
            .addr2line(f.lasti)
            .map(|l| vm.new_int(l as i64))
            .unwrap_or_else(|| vm.none.clone()),
    );
    PyRef::new(
        Payload::Instance(crate::objects::inline_values::InstanceData::with_dict(d)),
        &vm.types.frame,
    )
}
