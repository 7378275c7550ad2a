//! `generator`: a suspended frame, resumed by `next`/`send`/`throw`/`close`
//! (CPython's `Objects/genobject.c`).
//!
//! The generator owns its frame while suspended (`FrameOwner::Generator`);
//! each resume links the frame into the thread's chain under its caller
//! (`f_back` while running) and unlinks it when it yields. A suspended
//! frame's `lasti` is the instruction that suspended it (`YIELD_VALUE`, or
//! `RETURN_GENERATOR` before the first resume); resuming continues after
//! it, and `throw()` raises at it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use minipy_bytecode::Opcode;

use crate::eval::{self, FrameExit};
use crate::frame::{Frame, FrameData, FrameOwner};
use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

pub struct GeneratorData {
    /// The suspended frame: None while it runs and once it has finished.
    pub frame: RefCell<Option<Frame>>,
    /// The frame's data until it finishes (for `gi_frame`, also while the
    /// frame runs and is out of `frame`).
    pub data: RefCell<Option<Rc<FrameData>>>,
    pub code: Rc<crate::objects::code::CodeInfo>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    /// The exception being handled inside the generator while suspended.
    pub exc_state: RefCell<Option<PyRef>>,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
}

/// A generator dying with its frame suspended (or never started): a
/// frame object that outlives it takes the data over (CPython's
/// `_PyFrame_Clear` from `gen_dealloc`), which also breaks the data's
/// strong link to that object.
impl Drop for GeneratorData {
    fn drop(&mut self) {
        if let Some(f) = self.frame.get_mut().as_mut() {
            if let Some(fo) = f.data.frame_obj.take() {
                f.data.owner.set(FrameOwner::FrameObject);
                drop(fo);
            }
        }
    }
}

impl GeneratorData {
    /// `tp_clear` of a suspended generator: its frame's references go.
    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        if self.running.get() {
            return;
        }
        let frame = match self.frame.try_borrow_mut() {
            Ok(mut f) => f.take(),
            Err(_) => None,
        };
        if let Some(mut f) = frame {
            dead.append(&mut f.bufs.stack);
            dead.extend(f.kwnames.take());
            f.data.clear_locals(dead);
            if let Some(fo) = f.data.frame_obj.take() {
                // The frame object (if it outlives this) owns what is left.
                f.data.owner.set(FrameOwner::FrameObject);
                dead.push(fo);
            }
            drop(f);
        }
        if let Ok(mut e) = self.exc_state.try_borrow_mut() {
            dead.extend(e.take());
        }
        if let Ok(mut d) = self.data.try_borrow_mut() {
            drop(d.take());
        }
    }

    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = &*f {
                f.traverse(visit);
            }
        }
        for r in [&self.exc_state] {
            if let Ok(e) = r.try_borrow() {
                if let Some(e) = &*e {
                    visit(e);
                }
            }
        }
        for r in [&self.name, &self.qualname] {
            if let Ok(v) = r.try_borrow() {
                visit(&v);
            }
        }
    }

    pub fn qualname(&self) -> String {
        self.qualname.borrow().as_str().unwrap_or("?").to_string()
    }

    /// The frame's data while suspended or running.
    fn data(&self) -> Option<Rc<FrameData>> {
        self.data.borrow().clone()
    }
}

pub fn new_generator(vm: &Vm, frame: Frame) -> PyRef {
    frame.owner.set(FrameOwner::Generator);
    let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
        Some(Payload::Function(fd)) => (fd.name.borrow().clone(), fd.qualname.borrow().clone()),
        _ => (
            vm.new_str(&frame.code.code.co_name),
            vm.new_str(&frame.code.code.co_qualname),
        ),
    };
    PyRef::new(
        Payload::Generator(Box::new(GeneratorData {
            code: frame.code.clone(),
            data: RefCell::new(Some(frame.data.clone())),
            frame: RefCell::new(Some(frame)),
            running: Cell::new(false),
            started: Cell::new(false),
            exc_state: RefCell::new(None),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
        })),
        &vm.types.generator,
    )
}

/// Outcome of resuming: `Ok(Ok(yielded))` or `Ok(Err(returned))`.
pub type Resumed = Result<PyRef, PyRef>;

/// CPython's `ValueError` for re-entering a running generator (send,
/// throw, close or next from inside it): its wording names the kind.
fn already_executing(vm: &Vm, g: &GeneratorData) -> PyRef {
    use minipy_bytecode::code::flags;
    let kind = if g.code.code.co_flags & flags::COROUTINE != 0 {
        "coroutine"
    } else if g.code.code.co_flags & flags::ASYNC_GENERATOR != 0 {
        "async generator"
    } else {
        "generator"
    };
    vm.new_error(&vm.exc.value_error, format!("{kind} already executing"))
}

/// Resumes the generator with `value` sent in, or with `throw` raised at
/// the suspension point.
pub fn resume(vm: &Vm, gen: &PyRef, value: PyRef, throw: Option<PyRef>) -> PyResult<Resumed> {
    let Payload::Generator(g) = &gen.payload else {
        return Err(vm.type_error("not a generator".to_string()));
    };
    if g.running.get() {
        return Err(already_executing(vm, g));
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
    if let Err(e) = vm.enter() {
        *g.frame.borrow_mut() = Some(frame);
        return Err(e);
    }
    // Raised at the instruction that suspended the frame; else resumed
    // after it with the sent value.
    if throw.is_none() {
        frame.lasti.set(frame.lasti.get() + 1);
        frame.bufs.stack.push(value);
    }
    g.started.set(true);
    let outer = vm.handled_exception();
    let inner = g.exc_state.borrow_mut().take();
    vm.set_handled_exception(inner);
    let r = run_suspended(vm, g, &mut frame, throw);
    vm.leave();
    let inner_now = vm.handled_exception();
    vm.set_handled_exception(outer);
    match r {
        Ok(FrameExit::Yield(v)) => {
            *g.exc_state.borrow_mut() = inner_now;
            *g.frame.borrow_mut() = Some(frame);
            Ok(Ok(v))
        }
        Ok(FrameExit::Return(v)) => {
            finish(vm, g, frame);
            Ok(Err(v))
        }
        Ok(FrameExit::Generator) => {
            finish(vm, g, frame);
            Err(vm.runtime_error("generator frame returned a generator".to_string()))
        }
        Err(e) => {
            finish(vm, g, frame);
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

/// The generator's frame has finished: its data goes back to the pool
/// (unless a frame object keeps it).
fn finish(vm: &Vm, g: &GeneratorData, frame: Frame) {
    let d = g.data.borrow_mut().take();
    drop(d);
    frame.release(vm);
}

/// Runs the generator's frame linked under the current one (its caller
/// is `f_back` meanwhile), with `gi_running` set.
fn run_suspended(
    vm: &Vm,
    g: &GeneratorData,
    frame: &mut Frame,
    throw: Option<PyRef>,
) -> PyResult<FrameExit> {
    g.running.set(true);
    vm.thread.push(&frame.data);
    let r = crate::stack::guard(vm, || eval::eval_frame(vm, frame, throw));
    vm.thread.pop(&frame.data);
    g.running.set(false);
    r
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

/// The iterator a suspended `yield from` delegates to, if any.
fn delegate(gen: &PyRef) -> Option<PyRef> {
    let Payload::Generator(g) = &gen.payload else {
        return None;
    };
    let f = g.frame.borrow();
    let f = f.as_ref()?;
    if !g.started.get() {
        return None;
    }
    let units = &f.code.code.co_code;
    // Suspended at a YIELD_VALUE that follows a SEND: the receiver is on top.
    let lasti = f.lasti.get();
    let prev = *units.get(lasti)?;
    if (prev & 0xff) as u8 != Opcode::YIELD_VALUE as u8 {
        return None;
    }
    let send = *units.get(lasti.checked_sub(1)?)?;
    if (send & 0xff) as u8 != Opcode::SEND as u8 {
        return None;
    }
    f.bufs.stack.last().cloned()
}

/// `throw(typ[, val[, tb]])`'s exception (CPython's `_gen_throw`).
fn make_throw_exc(vm: &Vm, a: &[PyRef]) -> PyResult {
    let typ = &a[1];
    let val = a.get(2).filter(|v| !v.is_none());
    let tb = a.get(3).filter(|v| !v.is_none());
    if let Some(t) = tb {
        if !matches!(t.payload, Payload::Traceback(_)) {
            return Err(
                vm.type_error("throw() third argument must be a traceback object".to_string())
            );
        }
    }
    let exc = if typ.as_type().is_some()
        && crate::objects::typeobj::is_subtype(typ, &vm.exc.base_exception)
    {
        match val {
            Some(v) if crate::objects::typeobj::is_subtype(v.class(), typ) => v.clone(),
            Some(v) => match v.as_tuple() {
                Some(items) => vm.call_args(typ, items)?,
                None => vm.call_args(typ, std::slice::from_ref(v))?,
            },
            None => crate::eval::slow::make_exception(vm, typ)?,
        }
    } else if typ.as_exception().is_some() {
        if val.is_some() {
            return Err(
                vm.type_error("instance exception may not have a separate value".to_string())
            );
        }
        typ.clone()
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.type_name()
        )));
    };
    if let Some(t) = tb {
        crate::objects::exceptions::set_traceback(vm, &exc, Some(t.clone()))?;
    }
    Ok(exc)
}

fn gen_throw(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "throw")?;
    let a = args.check(vm, "throw", 2, 4)?;
    this(vm, &a[0])?;
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
                        let mut i = f.lasti.get();
                        while i < units.len() {
                            let op = (units[i] & 0xff) as u8;
                            i += 1;
                            if op == Opcode::JUMP_BACKWARD_NO_INTERRUPT as u8 {
                                break;
                            }
                        }
                        f.lasti.set(i);
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
    if let Err(e) = vm.enter() {
        *g.frame.borrow_mut() = Some(frame);
        return Err(e);
    }
    let r = run_suspended(vm, g, &mut frame, None);
    vm.leave();
    match r {
        Ok(FrameExit::Yield(v)) => {
            *g.frame.borrow_mut() = Some(frame);
            Ok(Ok(v))
        }
        Ok(FrameExit::Return(v)) => {
            finish(vm, g, frame);
            Ok(Err(v))
        }
        Ok(FrameExit::Generator) => {
            finish(vm, g, frame);
            Ok(Err(vm.none.clone()))
        }
        Err(e) => {
            finish(vm, g, frame);
            Err(e)
        }
    }
}

fn gen_close(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "close", 1, 1)?;
    let gen = &a[0];
    let Payload::Generator(g) = &gen.payload else {
        return Ok(vm.none.clone());
    };
    if g.running.get() {
        return Err(already_executing(vm, g));
    }
    if g.frame.borrow().is_none() || !g.started.get() {
        let old = g.frame.borrow_mut().take();
        if let Some(f) = old {
            finish(vm, g, f);
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

fn this<'a>(vm: &Vm, g: &'a PyRef) -> PyResult<&'a GeneratorData> {
    match &g.payload {
        Payload::Generator(d) => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "generator slot called on another object".to_string(),
        )),
    }
}

/// `<generator object f at 0x...>`.
fn gen_repr(vm: &Vm, g: &PyRef) -> PyResult {
    let q = this(vm, g)?.qualname();
    Ok(vm.new_string(format!("<generator object {} at {:#x}>", q, g.addr())))
}

fn gen_iter_slot(_vm: &Vm, g: &PyRef) -> PyResult {
    Ok(g.clone())
}

fn gen_iternext(vm: &Vm, g: &PyRef) -> PyResult<Option<PyRef>> {
    next(vm, g)
}

fn gen_sizeof(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    let g = this(vm, &a[0])?;
    let n = std::mem::size_of::<GeneratorData>()
        + std::mem::size_of::<FrameData>()
        + g.code.code.nlocalsplus() * std::mem::size_of::<usize>();
    Ok(vm.new_int(n as i64))
}

fn gi_frame(vm: &Vm, g: &PyRef) -> PyResult {
    Ok(match this(vm, g)?.data() {
        Some(d) => crate::objects::frameobj::frame_object(vm, &d),
        None => vm.none.clone(),
    })
}

fn gi_running(vm: &Vm, g: &PyRef) -> PyResult {
    Ok(vm.new_bool(this(vm, g)?.running.get()))
}

fn gi_suspended(vm: &Vm, g: &PyRef) -> PyResult {
    let d = this(vm, g)?;
    let suspended = d.started.get() && !d.running.get() && d.frame.borrow().is_some();
    Ok(vm.new_bool(suspended))
}

fn gi_yieldfrom(vm: &Vm, g: &PyRef) -> PyResult {
    this(vm, g)?;
    Ok(delegate(g).unwrap_or_else(|| vm.none.clone()))
}

fn gi_code(vm: &Vm, g: &PyRef) -> PyResult {
    Ok(vm.new_code(this(vm, g)?.code.clone()))
}

fn get_name(vm: &Vm, g: &PyRef) -> PyResult {
    Ok(this(vm, g)?.name.borrow().clone())
}

fn set_name(vm: &Vm, g: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = this(vm, g)?;
    match v {
        Some(v) if v.as_str().is_some() => {
            drop(d.name.replace(v));
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object".to_string())),
    }
}

fn get_qualname(vm: &Vm, g: &PyRef) -> PyResult {
    Ok(this(vm, g)?.qualname.borrow().clone())
}

fn set_qualname(vm: &Vm, g: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = this(vm, g)?;
    match v {
        Some(v) if v.as_str().is_some() => {
            drop(d.qualname.replace(v));
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object".to_string())),
    }
}

/// `tp_traverse`.
fn generator_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Generator(g) => g.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "generator"),
    }
}

/// `tp_clear`.
fn generator_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Generator(g) => g.clear(dead),
        _ => crate::object::wrong_layout(obj, "generator"),
    }
}

pub static GENERATOR_TYPE: TypeSpec = TypeSpec {
    name: "generator",
    doc: None,
    layout: Layout::Other,
    flags: crate::objects::typeobj::tpflags::HAVE_GC,
    slots: &[
        slot::traverse(generator_traverse), slot::clear(generator_clear),
        slot::repr(gen_repr),
        slot::iter(gen_iter_slot),
        slot::iternext(gen_iternext),
    ],
    methods: &[
        MethodDef::method("send", gen_send).doc(
            "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
        ),
        MethodDef::method("throw", gen_throw).doc(
            "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
        ),
        MethodDef::method("close", gen_close)
            .doc("close() -> raise GeneratorExit inside generator."),
        MethodDef::method("__sizeof__", gen_sizeof)
            .doc("gen.__sizeof__() -> size of gen in memory, in bytes"),
    ],
    getsets: &[
        GetSetDef::new("gi_code", gi_code).member(),
        GetSetDef::rw("__name__", get_name, set_name).doc("name of the generator"),
        GetSetDef::rw("__qualname__", get_qualname, set_qualname)
            .doc("qualified name of the generator"),
        GetSetDef::new("gi_yieldfrom", gi_yieldfrom)
            .doc("object being iterated by yield from, or None"),
        GetSetDef::new("gi_running", gi_running),
        GetSetDef::new("gi_frame", gi_frame),
        GetSetDef::new("gi_suspended", gi_suspended),
    ],
};
