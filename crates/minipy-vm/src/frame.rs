//! Frames: the execution state of one code object (CPython's
//! `_PyInterpreterFrame`).
//!
//! ```text
//!  Frame
//!  +-----------------+
//!  | code  ----------+--> CodeInfo { CodeObject, consts as objects, names interned,
//!  |                 |               inline caches }
//!  | func / globals  |
//!  | builtins/locals |
//!  | fast: [locals | cells | frees]        Vec<Option<PyRef>>, co_nlocalsplus slots
//!  | stack: [values ...]                   Vec<PyRef>, capacity co_stacksize
//!  | lasti           |  index (code units) of the current instruction
//!  +-----------------+
//! ```
//!
//! Locals are indexed slots, never a hash map. The two vectors are taken
//! from a per-VM pool and returned on frame exit, so a call does not reach
//! the system allocator in the steady state.

use std::rc::Rc;

use minipy_bytecode::{CodeObject, Constant};

use crate::heap::PyRef;
use crate::vm::Vm;

/// A code object together with its constants and names turned into objects
/// once, at load time.
pub struct CodeInfo {
    pub code: Rc<CodeObject>,
    pub consts: Vec<PyRef>,
    /// `co_names` as interned `str` objects.
    pub names: Vec<PyRef>,
    /// `co_localsplusnames` as interned `str` objects.
    pub localsplusnames: Vec<PyRef>,
    /// Number of leading `fast` slots that are parameters.
    pub total_args: usize,
    /// The code units the loop runs: a copy of `co_code`, unmodified (read
    /// through `CodeInfo` it is one pointer hop nearer than through the
    /// `Rc<CodeObject>`, which measurably slows the fetch).
    pub units: Box<[u16]>,
    /// By code unit of `co_code`, the index in `caches` of the instruction
    /// starting there if it has an inline cache (see `eval::inline_cache`).
    pub slots: Box<[u16]>,
    pub caches: Box<[std::cell::Cell<crate::eval::inline_cache::InlineCache>]>,
}

impl CodeInfo {
    pub fn new(vm: &Vm, code: Rc<CodeObject>) -> Rc<CodeInfo> {
        let consts = code
            .co_consts
            .iter()
            .map(|c| const_to_object(vm, c))
            .collect();
        let names = code.co_names.iter().map(|n| vm.intern(n)).collect();
        let localsplusnames = code
            .co_localsplusnames
            .iter()
            .map(|n| vm.intern(n))
            .collect();
        let mut total_args = (code.co_argcount + code.co_kwonlyargcount) as usize;
        if code.co_flags & minipy_bytecode::code::flags::VARARGS != 0 {
            total_args += 1;
        }
        if code.co_flags & minipy_bytecode::code::flags::VARKEYWORDS != 0 {
            total_args += 1;
        }
        let (slots, caches) = crate::eval::inline_cache::assign(&code.co_code);
        let units = code.co_code.as_slice().into();
        Rc::new(CodeInfo {
            code,
            consts,
            names,
            localsplusnames,
            total_args,
            units,
            slots,
            caches,
        })
    }
}

/// Turns a compile-time constant into an object.
pub fn const_to_object(vm: &Vm, c: &Constant) -> PyRef {
    match c {
        Constant::None => vm.none.clone(),
        Constant::Ellipsis => vm.ellipsis.clone(),
        Constant::Bool(b) => vm.new_bool(*b),
        Constant::Int(i) => vm.new_int(*i),
        Constant::BigInt(b) => vm.new_bigint(b.clone()),
        Constant::Float(f) => vm.new_float(*f),
        Constant::Complex { re, im } => vm.new_complex(*re, *im),
        // CPython interns the string constants made only of name
        // characters (`all_name_chars` in codeobject.c).
        Constant::Str(s) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
            vm.intern(s)
        }
        Constant::Str(s) => vm.new_str(s),
        Constant::Bytes(b) => vm.new_bytes(b.to_vec()),
        Constant::Tuple(items) => {
            vm.new_tuple(items.iter().map(|c| const_to_object(vm, c)).collect())
        }
        Constant::FrozenSet(items) => {
            let items: Vec<PyRef> = items.iter().map(|c| const_to_object(vm, c)).collect();
            vm.new_frozenset_from(items)
        }
        Constant::Code(code) => vm.new_code(CodeInfo::new(vm, code.clone())),
    }
}

/// A frame's `fast` slots and value stack. Boxed and pooled: a call takes
/// and gives back one pointer (moving the two vectors themselves between
/// the pool and the frame cost a store-forwarding stall on every call).
pub struct Buffers {
    pub fast: Vec<Option<PyRef>>,
    pub stack: Vec<PyRef>,
}

pub struct Frame {
    pub code: Rc<CodeInfo>,
    /// The function being run (None for module and class bodies).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// Namespace for `LOAD_NAME`/`STORE_NAME` (module and class bodies).
    pub locals: Option<PyRef>,
    /// The locals and the value stack, in a box recycled between calls.
    pub bufs: Box<Buffers>,
    /// Index of the current instruction, in code units.
    pub lasti: usize,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyRef>,
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
        let mut bufs = vm.take_frame_buffers();
        // (A push loop: `resize` is an out-of-line call, and frames
        // have few locals.)
        for _ in 0..code.code.nlocalsplus() {
            bufs.fast.push(None);
        }
        bufs.stack.reserve(code.code.co_stacksize as usize + 1);
        Frame {
            code,
            func,
            globals,
            builtins,
            locals,
            bufs,
            lasti: 0,
            kwnames: None,
        }
    }

    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(l) = &self.locals {
            visit(l);
        }
        self.bufs.fast.iter().flatten().for_each(&mut *visit);
        self.bufs.stack.iter().for_each(&mut *visit);
    }

    /// Returns the buffers to the pool (after clearing them).
    pub fn release(self, vm: &Vm) {
        let Frame { mut bufs, .. } = self;
        bufs.fast.clear();
        bufs.stack.clear();
        vm.give_frame_buffers(bufs);
    }
}
