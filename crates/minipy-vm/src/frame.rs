//! Frames: the execution state of one code object (CPython's
//! `_PyInterpreterFrame`).
//!
//! ```text
//!  Frame (the loop's)          Rc<FrameData> (shared with a frame object)
//!  +-------------+             +-----------------+
//!  | data  ------+-----------> | code  ----------+--> CodeInfo { CodeObject, consts as
//!  | bufs: stack |             | func / globals  |      objects, names interned, caches }
//!  | kwnames     |             | builtins/locals |
//!  +-------------+             | fast: [locals | cells | frees]   Cell slots
//!                              | lasti (Cell)    |
//!  ThreadState.current ------> | previous -------+--> the caller's FrameData
//!                              | frame_obj       |  (lazily made `frame` object)
//!                              | owner           |  thread / generator / frame object
//!                              +-----------------+
//! ```
//!
//! CPython 3.11's split between the interpreter frame and the frame
//! object: a call makes no Python object; `sys._getframe()`, a traceback
//! entry or `gi_frame` makes one that shares the data (`objects/frameobj.rs`).
//! When a frame exits while its frame object lives, the object keeps the
//! data (`FrameOwner::FrameObject`: locals readable, `f_back` kept).
//!
//! Locals are indexed slots, never a hash map. The data and the value
//! stack are taken from a per-VM pool and returned on frame exit (unless a
//! frame object keeps the data), so a call does not reach the system
//! allocator in the steady state.

use std::cell::Cell;
use std::rc::Rc;

use crate::heap::{cell_get, PyRef, SlotCell};
use crate::objects::code::CodeInfo;
use crate::vm::Vm;

/// A running frame's value stack. Boxed and pooled with its
/// [`FrameData`]: a call takes and gives back one pair of pointers.
pub struct Buffers {
    pub stack: Vec<PyRef>,
}

/// Who owns a frame's data (CPython's `_PyInterpreterFrame.owner`): the
/// thread while it runs, a generator while it is suspended (or runs), or
/// its frame object once it has exited with that object still alive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameOwner {
    Thread,
    Generator,
    FrameObject,
}

/// What a frame shares with its `frame` object (CPython's
/// `_PyInterpreterFrame`): the fields a frame object reads are behind
/// `Cell`s so that a running frame's locals can be read from outside
/// (`f_locals`, `locals()`, zero-argument `super()`).
pub struct FrameData {
    pub code: Rc<CodeInfo>,
    /// The function being run (None for module and class bodies).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// Namespace for `LOAD_NAME`/`STORE_NAME` (module and class bodies).
    pub locals: Option<PyRef>,
    /// `localsplus`: locals, cells and free variables, `co_nlocalsplus`
    /// slots (None while unbound).
    pub fast: Vec<SlotCell>,
    /// Index of the current instruction, in code units.
    pub lasti: Cell<usize>,
    /// The calling frame while this one runs (`f_back`); None otherwise.
    pub previous: Cell<Option<Rc<FrameData>>>,
    /// The frame object, once asked for (a strong reference while the
    /// frame runs or is suspended, as CPython's `frame_obj`).
    pub frame_obj: SlotCell,
    /// A function frame's `f_locals` dict (3.11's `frame->f_locals`:
    /// refreshed from the fast slots on each access).
    pub locals_dict: SlotCell,
    pub owner: Cell<FrameOwner>,
}

impl FrameData {
    fn new(
        code: Rc<CodeInfo>,
        func: Option<PyRef>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
    ) -> FrameData {
        let n = code.code.nlocalsplus();
        let mut fast = Vec::with_capacity(n.max(8));
        for _ in 0..n {
            fast.push(Cell::new(None));
        }
        FrameData {
            code,
            func,
            globals,
            builtins,
            locals,
            fast,
            lasti: Cell::new(0),
            previous: Cell::new(None),
            frame_obj: Cell::new(None),
            locals_dict: Cell::new(None),
            owner: Cell::new(FrameOwner::Thread),
        }
    }

    /// The references the frame's data holds, for the collector (a
    /// suspended generator's frame, or one its frame object owns).
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(l) = &self.locals {
            visit(l);
        }
        for c in &self.fast {
            if let Some(v) = cell_get(c) {
                visit(&v);
            }
        }
        if let Some(d) = cell_get(&self.locals_dict) {
            visit(&d);
        }
    }

    /// Takes out the references a frame can drop while its data lives on
    /// (`frame.clear()`, `tp_clear`): the fast slots and the locals dict.
    pub fn clear_locals(&self, dead: &mut Vec<PyRef>) {
        for c in &self.fast {
            dead.extend(c.take());
        }
        dead.extend(self.locals_dict.take());
    }
}

/// A frame as the evaluation loop holds it: the shared data, the value
/// stack and the pending `KW_NAMES`. Derefs to its [`FrameData`].
pub struct Frame {
    pub data: Rc<FrameData>,
    /// The value stack, in a box recycled between calls.
    pub bufs: Box<Buffers>,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyRef>,
}

impl std::ops::Deref for Frame {
    type Target = FrameData;
    #[inline(always)]
    fn deref(&self) -> &FrameData {
        &self.data
    }
}

impl Frame {
    pub fn new(
        vm: &Vm,
        code: Rc<CodeInfo>,
        func: Option<PyRef>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
    ) -> Frame {
        let (data, mut bufs) = vm.take_frame(code, func, globals, builtins, locals);
        bufs.stack.reserve(data.code.code.co_stacksize as usize + 1);
        Frame {
            data,
            bufs,
            kwnames: None,
        }
    }

    /// Fast slot `i`'s cell (arguments are bound through it).
    #[inline(always)]
    pub fn fast(&self) -> &[SlotCell] {
        &self.data.fast
    }

    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        self.data.traverse(visit);
        self.bufs.stack.iter().for_each(&mut *visit);
        if let Some(fo) = cell_get(&self.data.frame_obj) {
            visit(&fo);
        }
    }

    /// The frame has finished (CPython's `_PyFrame_Clear`): a frame object
    /// still referenced elsewhere takes the data over (`take_ownership`:
    /// locals stay readable, `f_back` is the caller's frame object); the
    /// buffers go back to the pool. Call it while `previous` still links
    /// the caller (before [`ThreadState::pop`] for thread frames).
    pub fn release(mut self, vm: &Vm) {
        self.detach_frame_object(vm);
        let Frame {
            data,
            mut bufs,
            kwnames,
        } = self;
        drop(kwnames);
        bufs.stack.clear();
        vm.give_frame(data, bufs);
    }

    /// The first half of [`Frame::release`]: hands the data to a frame
    /// object that outlives the frame (its value stack is emptied first:
    /// a frame object never sees one).
    #[inline(always)]
    pub fn detach_frame_object(&mut self, vm: &Vm) {
        if let Some(fo) = self.data.frame_obj.take() {
            self.detach_cold(vm, fo);
        }
    }

    #[cold]
    #[inline(never)]
    fn detach_cold(&mut self, vm: &Vm, fo: PyRef) {
        self.bufs.stack.clear();
        crate::objects::frameobj::take_ownership(vm, &fo, &self.data);
        drop(fo);
    }
}

/// The thread state (CPython's `PyThreadState`): the frame chain's top,
/// the handled exception and the call depth.
pub struct ThreadState {
    /// The frame running now; the chain continues through `previous`.
    pub current: Cell<Option<Rc<FrameData>>>,
    /// The exception being handled (`sys.exc_info()[1]`; CPython's
    /// `exc_info->exc_value`). The enclosing handlers' exceptions are
    /// saved on the value stack by PUSH_EXC_INFO, as in CPython.
    pub exc_info: std::cell::RefCell<Option<PyRef>>,
    /// Python call depth (RecursionError at `Vm::recursion_limit`).
    pub depth: Cell<usize>,
}

impl ThreadState {
    pub fn new() -> ThreadState {
        ThreadState {
            current: Cell::new(None),
            exc_info: std::cell::RefCell::new(None),
            depth: Cell::new(0),
        }
    }

    /// Makes `data` the running frame, linked to the one that calls it.
    #[inline(always)]
    pub fn push(&self, data: &Rc<FrameData>) {
        let prev = self.current.replace(Some(data.clone()));
        data.previous.set(prev);
    }

    /// Unlinks the running frame `data` (its caller runs again).
    #[inline(always)]
    pub fn pop(&self, data: &FrameData) {
        let prev = data.previous.take();
        let me = self.current.replace(prev);
        drop(me);
    }

    /// The running frame's data.
    pub fn current_frame(&self) -> Option<Rc<FrameData>> {
        let c = self.current.take();
        let r = c.clone();
        self.current.set(c);
        r
    }
}

impl Vm {
    /// The exception currently being handled (`sys.exc_info()[1]`).
    pub fn handled_exception(&self) -> Option<PyRef> {
        self.thread.exc_info.borrow().clone()
    }

    pub fn set_handled_exception(&self, e: Option<PyRef>) {
        // The old value is dropped after the borrow ends (its destructor
        // may run Python code that reads the handled exception).
        let old = self.thread.exc_info.replace(e);
        drop(old);
    }
}

impl Default for ThreadState {
    fn default() -> ThreadState {
        ThreadState::new()
    }
}

/// The previous frame of `data` (its caller while it runs).
pub fn previous(data: &FrameData) -> Option<Rc<FrameData>> {
    let p = data.previous.take();
    let r = p.clone();
    data.previous.set(p);
    r
}

/// Makes fresh data for the pool's miss path.
pub(crate) fn new_data(
    code: Rc<CodeInfo>,
    func: Option<PyRef>,
    globals: PyRef,
    builtins: PyRef,
    locals: Option<PyRef>,
) -> Rc<FrameData> {
    Rc::new(FrameData::new(code, func, globals, builtins, locals))
}

/// The builtins a frame running with `globals` uses (CPython's
/// `_PyEval_BuiltinsFromGlobals`): `globals["__builtins__"]` (a module's
/// dict, or the object itself), else the interpreter's.
pub fn builtins_from_globals(vm: &Vm, globals: &PyRef) -> crate::object::PyResult {
    let b = crate::objects::dict::get_item(vm, globals, &vm.intern("__builtins__"))?;
    Ok(match b {
        Some(b) => match &b.payload {
            crate::objects::layout::Payload::Module { dict } => dict.clone(),
            _ => b,
        },
        None => vm.builtins.clone(),
    })
}
