//! `frame` (`types.FrameType`): the Python view of an interpreter frame
//! (CPython 3.11's `Objects/frameobject.c`).
//!
//! A frame object is made only when asked for (`sys._getframe()`, a
//! traceback entry, `gi_frame`) and shares the frame's [`FrameData`]. While
//! the frame runs (or its generator is suspended) the data holds the
//! object strongly (`frame_obj`) and the object reads the live state; when
//! the frame exits with the object referenced elsewhere, the object takes
//! the data over (`take_ownership`): its locals stay readable and `f_back`
//! becomes the caller's frame object. The collector traverses the data
//! only from its owner: the generator, or the frame object once it owns
//! it (a running frame's locals are roots).

use std::cell::Cell;
use std::rc::Rc;

use minipy_bytecode::code::{flags, kinds};

use crate::frame::{FrameData, FrameOwner};
use crate::heap::{cell_get, PyObject, PyRef, SlotCell};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

/// A frame object's own fields (CPython's `PyFrameObject`).
pub struct FrameObject {
    pub data: Rc<FrameData>,
    /// `f_back` once the frame has exited (while it runs, the caller is
    /// read from the data's `previous` link).
    pub back: SlotCell,
    pub trace: SlotCell,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
}

impl FrameObject {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        for r in [&self.back, &self.trace] {
            if let Some(v) = cell_get(r) {
                visit(&v);
            }
        }
        if self.data.owner.get() == FrameOwner::FrameObject {
            self.data.traverse(visit);
        }
    }

    /// `frame_tp_clear`: `f_back`, `f_trace` and (when it owns them) the
    /// locals go.
    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        for r in [&self.back, &self.trace] {
            dead.extend(r.take());
        }
        if self.data.owner.get() == FrameOwner::FrameObject {
            self.data.clear_locals(dead);
        }
    }
}

/// A frame object that owned its frame's data alone gives it back for
/// reuse (the value stack went back when the frame exited).
impl Drop for FrameObject {
    fn drop(&mut self) {
        if Rc::get_mut(&mut self.data).is_some() {
            crate::with_vm(|vm| vm.give_spare_data(&mut self.data));
        }
    }
}

/// The frame object of `data`, made on first request
/// (`_PyFrame_GetFrameObject`).
pub fn frame_object(vm: &Vm, data: &Rc<FrameData>) -> PyRef {
    if let Some(fo) = cell_get(&data.frame_obj) {
        return fo;
    }
    let fo = PyRef::new(
        Payload::Frame(FrameObject {
            data: data.clone(),
            back: Cell::new(None),
            trace: Cell::new(None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        }),
        &vm.types.frame,
    );
    data.frame_obj.set(Some(fo.clone()));
    fo
}

/// The frame of `data` exits while `fo` is referenced elsewhere (CPython's
/// `take_ownership`): the object keeps the data, and its `f_back` is the
/// caller's frame object (made now if need be).
pub fn take_ownership(vm: &Vm, fo: &PyRef, data: &FrameData) {
    if fo.refcnt() <= 1 {
        return;
    }
    let Payload::Frame(f) = &fo.payload else {
        return;
    };
    data.owner.set(FrameOwner::FrameObject);
    if let Some(prev) = crate::frame::previous(data) {
        let back = frame_object(vm, &prev);
        let old = f.back.replace(Some(back));
        drop(old);
    }
}

fn this<'a>(vm: &Vm, f: &'a PyRef) -> PyResult<&'a FrameObject> {
    match &f.payload {
        Payload::Frame(fo) => Ok(fo),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "frame slot called on another object".to_string(),
        )),
    }
}

/// The instruction a frame is at, in code units: a suspended generator's
/// frame is at the instruction that suspended it.
fn lasti(data: &FrameData) -> usize {
    data.lasti.get()
}

/// `PyFrame_GetLineNumber`.
pub fn line_number(data: &FrameData) -> Option<i32> {
    data.code.code.addr2line(lasti(data))
}

fn f_back(vm: &Vm, f: &PyRef) -> PyResult {
    let fo = this(vm, f)?;
    if let Some(b) = cell_get(&fo.back) {
        return Ok(b);
    }
    Ok(match crate::frame::previous(&fo.data) {
        Some(prev) => frame_object(vm, &prev),
        None => vm.none.clone(),
    })
}

fn f_code(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(code_object(vm, &this(vm, f)?.data))
}

/// The code object a frame runs (equal to its function's `__code__`).
pub fn code_object(vm: &Vm, data: &FrameData) -> PyRef {
    vm.new_code(data.code.clone())
}

fn f_globals(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(this(vm, f)?.data.globals.clone())
}

fn f_builtins(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(builtins_dict(&this(vm, f)?.data))
}

/// A frame's builtins as a dict (frames may hold the `builtins` module).
pub fn builtins_dict(data: &FrameData) -> PyRef {
    match &data.builtins.payload {
        Payload::Module { dict } => dict.clone(),
        _ => data.builtins.clone(),
    }
}

fn f_locals(vm: &Vm, f: &PyRef) -> PyResult {
    fast_to_locals(vm, &this(vm, f)?.data)
}

/// `f_locals`, `locals()` (CPython 3.11's `_PyFrame_FastToLocalsWithError`):
/// a module or class body's namespace, or a function frame's locals dict,
/// refreshed from the fast slots (cells read through, unbound names
/// removed).
pub fn fast_to_locals(vm: &Vm, data: &FrameData) -> PyResult {
    let co = &data.code.code;
    let (ns, optimized) = match &data.locals {
        Some(l) => (l.clone(), false),
        None => match cell_get(&data.locals_dict) {
            Some(d) => (d, true),
            None => {
                let d = vm.new_dict();
                data.locals_dict.set(Some(d.clone()));
                (d, true)
            }
        },
    };
    let optimized = optimized || co.co_flags & flags::OPTIMIZED != 0;
    for (i, name) in data.code.localsplusnames.iter().enumerate() {
        let kind = co.co_localspluskinds.get(i).copied().unwrap_or(0);
        if kind & kinds::FREE != 0 && !optimized {
            continue;
        }
        let mut v = data.fast.get(i).and_then(cell_get);
        if kind & (kinds::CELL | kinds::FREE) != 0 {
            if let Some(c) = &v {
                if let Payload::Cell(cell) = &c.payload {
                    let inner = cell.borrow().clone();
                    v = inner;
                }
            }
        }
        match v {
            Some(v) => vm.setitem(&ns, name, v)?,
            None => match vm.delitem(&ns, name) {
                Ok(()) => {}
                Err(e) if vm.exc_matches(&e, &vm.exc.key_error) => {}
                Err(e) => return Err(e),
            },
        }
    }
    Ok(ns)
}

fn f_lineno(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(match line_number(&this(vm, f)?.data) {
        Some(l) if l >= 0 => vm.new_int(l as i64),
        _ => vm.none.clone(),
    })
}

fn f_lasti(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(vm.new_int(2 * lasti(&this(vm, f)?.data) as i64))
}

fn get_trace(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(cell_get(&this(vm, f)?.trace).unwrap_or_else(|| vm.none.clone()))
}

fn set_trace(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let v = v.filter(|v| !v.is_none());
    let old = this(vm, f)?.trace.replace(v);
    drop(old);
    Ok(())
}

fn bool_setter(vm: &Vm, v: Option<PyRef>) -> PyResult<bool> {
    match v {
        Some(v) if v.class().is(&vm.types.bool) => Ok(v.is(&vm.true_)),
        _ => Err(vm.type_error("attribute value type must be bool".to_string())),
    }
}

fn get_trace_lines(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(vm.new_bool(this(vm, f)?.trace_lines.get()))
}

fn set_trace_lines(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let b = bool_setter(vm, v)?;
    this(vm, f)?.trace_lines.set(b);
    Ok(())
}

fn get_trace_opcodes(vm: &Vm, f: &PyRef) -> PyResult {
    Ok(vm.new_bool(this(vm, f)?.trace_opcodes.get()))
}

fn set_trace_opcodes(vm: &Vm, f: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let b = bool_setter(vm, v)?;
    this(vm, f)?.trace_opcodes.set(b);
    Ok(())
}

/// `<frame at 0x..., file '...', line N, code name>`.
fn frame_repr(vm: &Vm, f: &PyRef) -> PyResult {
    let fo = this(vm, f)?;
    let co = &fo.data.code.code;
    let file = vm.repr_string(&vm.new_str(&co.co_filename))?;
    let line = line_number(&fo.data).unwrap_or(-1);
    Ok(vm.new_string(format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        f.addr(),
        file,
        line,
        co.co_name
    )))
}

/// `frame.clear()`: drops the locals of a frame that has finished.
fn frame_clear(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "clear", 1, 1)?;
    let fo = this(vm, &a[0])?;
    match fo.data.owner.get() {
        FrameOwner::FrameObject => {
            let mut dead = Vec::new();
            fo.clear(&mut dead);
            drop(dead);
            Ok(vm.none.clone())
        }
        FrameOwner::Generator if crate::frame::previous(&fo.data).is_none() => {
            Err(vm.unsupported("clearing a suspended generator's frame"))
        }
        _ => Err(vm.runtime_error("cannot clear an executing frame".to_string())),
    }
}

fn frame_sizeof(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    let fo = this(vm, &a[0])?;
    let n = std::mem::size_of::<FrameObject>()
        + std::mem::size_of::<FrameData>()
        + fo.data.fast.len() * std::mem::size_of::<usize>();
    Ok(vm.new_int(n as i64))
}

/// `tp_traverse`.
fn frame_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Frame(f) => f.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "frame"),
    }
}

/// `tp_clear`.
fn frame_gc_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Frame(f) => f.clear(dead),
        _ => crate::object::wrong_layout(obj, "frame"),
    }
}

pub static FRAME_TYPE: TypeSpec = TypeSpec {
    name: "frame",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(frame_traverse),
        slot::clear(frame_gc_clear),
        slot::repr(frame_repr),
    ],
    methods: &[
        MethodDef::method("clear", frame_clear)
            .doc("F.clear(): clear most references held by the frame"),
        MethodDef::method("__sizeof__", frame_sizeof)
            .doc("F.__sizeof__() -> size of F in memory, in bytes"),
    ],
    getsets: &[
        GetSetDef::new("f_back", f_back),
        GetSetDef::new("f_code", f_code),
        GetSetDef::new("f_globals", f_globals),
        GetSetDef::new("f_builtins", f_builtins),
        GetSetDef::new("f_locals", f_locals),
        GetSetDef::new("f_lineno", f_lineno),
        GetSetDef::new("f_lasti", f_lasti),
        GetSetDef::rw("f_trace", get_trace, set_trace),
        GetSetDef::rw("f_trace_lines", get_trace_lines, set_trace_lines).member(),
        GetSetDef::rw("f_trace_opcodes", get_trace_opcodes, set_trace_opcodes).member(),
    ],
};
