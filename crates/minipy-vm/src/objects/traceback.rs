//! `traceback` (`types.TracebackType`): one entry of an exception's
//! traceback (CPython's `Python/traceback.c`, the object half; the
//! printer is `crate::traceback`).
//!
//! An exception's `__traceback__` is built as it propagates: each frame it
//! leaves or is handled in prepends an entry (`here`, CPython's
//! `PyTraceBack_Here`), so the chain runs from the outermost frame
//! (`exc.__traceback__`) through `tb_next` to the frame that raised.

use std::cell::Cell;

use crate::frame::Frame;
use crate::heap::{cell_get, PyObject, PyRef, SlotCell};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::vm::Vm;

/// A traceback entry (`PyTracebackObject`).
pub struct TracebackData {
    pub next: SlotCell,
    /// A `frame` object.
    pub frame: PyRef,
    /// The instruction, in bytes (`tb_lasti`, as CPython counts it).
    pub lasti: i32,
    /// `tb_lineno`; None: computed from the frame's code at `lasti` when
    /// asked for.
    pub lineno: Cell<Option<i32>>,
}

const _: () = assert!(std::mem::size_of::<TracebackData>() <= 32);

impl TracebackData {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Some(n) = cell_get(&self.next) {
            visit(&n);
        }
        visit(&self.frame);
    }

    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        dead.extend(self.next.take());
    }

    /// The code the entry's frame ran.
    pub fn code(&self) -> Option<&std::rc::Rc<crate::objects::code::CodeInfo>> {
        match &self.frame.payload {
            Payload::Frame(f) => Some(&f.data.code),
            _ => None,
        }
    }

    /// The instruction index (code units) of the entry, if in the code.
    pub fn unit(&self) -> Option<usize> {
        (self.lasti >= 0).then_some(self.lasti as usize / 2)
    }

    /// `tb_lineno`.
    pub fn line(&self) -> i64 {
        if let Some(l) = self.lineno.get() {
            return l as i64;
        }
        let l = match (self.code(), self.unit()) {
            (Some(c), Some(u)) => c.code.addr2line(u).unwrap_or(-1),
            _ => -1,
        };
        self.lineno.set(Some(l));
        l as i64
    }
}

pub fn new_traceback(
    vm: &Vm,
    next: Option<PyRef>,
    frame: PyRef,
    lasti: i32,
    lineno: Option<i32>,
) -> PyRef {
    PyRef::new(
        Payload::Traceback(TracebackData {
            next: Cell::new(next),
            frame,
            lasti,
            lineno: Cell::new(lineno),
        }),
        &vm.types.traceback,
    )
}

/// `PyTraceBack_Here`: `exc` passes through frame `f` (raised in it, or
/// propagated into it): a new entry for `f` goes in front of its traceback.
pub fn here(vm: &Vm, exc: &PyRef, f: &Frame) {
    let Some(e) = exc.as_exception() else { return };
    let fo = crate::objects::frameobj::frame_object(vm, &f.data);
    let next = e.traceback.borrow_mut().take();
    let lasti = i32::try_from(2 * f.lasti.get()).unwrap_or(i32::MAX);
    let tb = new_traceback(vm, next, fo, lasti, None);
    let old = e.traceback.replace(Some(tb));
    drop(old);
}

/// The entries of a traceback chain, outermost first.
pub fn entries(tb: &PyRef) -> Vec<PyRef> {
    let mut out = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Payload::Traceback(d) = &t.payload else {
            break;
        };
        cur = cell_get(&d.next);
        out.push(t);
    }
    out
}

fn this<'a>(vm: &Vm, t: &'a PyRef) -> PyResult<&'a TracebackData> {
    match &t.payload {
        Payload::Traceback(d) => Ok(d),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "traceback slot called on another object".to_string(),
        )),
    }
}

/// An int argument of `TracebackType(...)` (CPython's clinic `int`).
fn int_arg(vm: &Vm, v: &PyRef) -> PyResult<i32> {
    if crate::objects::typeobj::is_subtype(v.class(), &vm.types.float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer".to_string()));
    }
    let b = vm.index_big(v)?;
    match i32::try_from(&b) {
        Ok(n) => Ok(n),
        Err(_) if b > num_bigint::BigInt::from(0) => {
            Err(vm.overflow_error("signed integer is greater than maximum".to_string()))
        }
        Err(_) => Err(vm.overflow_error("signed integer is less than minimum".to_string())),
    }
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(vm: &Vm, args: Args) -> PyResult {
    const NAMES: [&str; 4] = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let pos = args.pos();
    let Some((cls, pos)) = pos.split_first() else {
        return Err(vm.type_error("TracebackType(): not enough arguments".to_string()));
    };
    if pos.len() > 4 {
        return Err(vm.type_error(format!(
            "TracebackType() takes at most 4 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut vals: [Option<PyRef>; 4] = Default::default();
    for (i, v) in pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (name, v) in args.kwargs() {
        match NAMES.iter().position(|n| *n == name) {
            Some(i) if vals[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for TracebackType() given by name ('{}') and position ({})",
                    name,
                    i + 1
                )))
            }
            Some(i) => vals[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "TracebackType() got an unexpected keyword argument '{}'",
                    name
                )))
            }
        }
    }
    for (i, v) in vals.iter().enumerate() {
        if v.is_none() {
            return Err(vm.type_error(format!(
                "TracebackType() missing required argument '{}' (pos {})",
                NAMES[i],
                i + 1
            )));
        }
    }
    let [Some(next), Some(frame), Some(lasti), Some(lineno)] = vals else {
        return Err(vm.new_error(
            &vm.exc.system_error,
            "TracebackType(): lost an argument".to_string(),
        ));
    };
    if !matches!(frame.payload, Payload::Frame(_)) {
        return Err(vm.type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            frame.type_name()
        )));
    }
    let lasti = int_arg(vm, &lasti)?;
    let lineno = int_arg(vm, &lineno)?;
    let next = if next.is_none() {
        None
    } else if matches!(next.payload, Payload::Traceback(_)) {
        Some(next)
    } else {
        return Err(vm.type_error(format!(
            "expected traceback object or None, got '{}'",
            next.type_name()
        )));
    };
    let _ = cls;
    Ok(new_traceback(vm, next, frame, lasti, Some(lineno)))
}

fn tb_next(vm: &Vm, t: &PyRef) -> PyResult {
    Ok(cell_get(&this(vm, t)?.next).unwrap_or_else(|| vm.none.clone()))
}

fn set_tb_next(vm: &Vm, t: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let d = this(vm, t)?;
    let Some(v) = v else {
        return Err(vm.type_error("can't delete tb_next attribute".to_string()));
    };
    let new = if v.is_none() {
        None
    } else if matches!(v.payload, Payload::Traceback(_)) {
        Some(v)
    } else {
        return Err(vm.type_error(format!(
            "expected traceback object, got '{}'",
            v.type_name()
        )));
    };
    let mut cursor = new.clone();
    while let Some(c) = cursor {
        if c.is(t) {
            return Err(vm.value_error("traceback loop detected".to_string()));
        }
        cursor = match &c.payload {
            Payload::Traceback(cd) => cell_get(&cd.next),
            _ => None,
        };
    }
    let old = d.next.replace(new);
    drop(old);
    Ok(())
}

fn tb_frame(vm: &Vm, t: &PyRef) -> PyResult {
    Ok(this(vm, t)?.frame.clone())
}

fn tb_lasti(vm: &Vm, t: &PyRef) -> PyResult {
    Ok(vm.new_int(this(vm, t)?.lasti as i64))
}

fn tb_lineno(vm: &Vm, t: &PyRef) -> PyResult {
    Ok(vm.new_int(this(vm, t)?.line()))
}

fn tb_dir(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__dir__", 1, 1)?;
    this(vm, &a[0])?;
    Ok(vm.new_list(
        ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"]
            .iter()
            .map(|n| vm.intern(n))
            .collect(),
    ))
}

/// `tp_traverse`.
fn traceback_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Traceback(t) => t.traverse(&mut |r| visit.visit(r)),
        _ => crate::object::wrong_layout(obj, "traceback"),
    }
}

/// `tp_clear`.
fn traceback_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Traceback(t) => t.clear(dead),
        _ => crate::object::wrong_layout(obj, "traceback"),
    }
}

pub static TRACEBACK_TYPE: TypeSpec = TypeSpec {
    name: "traceback",
    doc: Some("TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new traceback object."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(traceback_traverse), slot::clear(traceback_clear),slot::tp_new(tb_new)],
    methods: &[MethodDef::method("__dir__", tb_dir)],
    getsets: &[
        GetSetDef::new("tb_frame", tb_frame).member(),
        GetSetDef::new("tb_lasti", tb_lasti).member(),
        GetSetDef::rw("tb_next", tb_next, set_tb_next),
        GetSetDef::new("tb_lineno", tb_lineno),
    ],
};
