//! The interpreter state (`Vm`): built-in types, singletons, the small-int
//! cache, interned strings, module registry, and object constructors.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::objects::code::CodeInfo;
use crate::objects::dict::DictData;
use crate::objects::layout::{ExceptionData, Payload, StrData};
use crate::types::{ExcTypes, Types};

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// Interned names the runtime looks up on hot paths.
pub struct Names {
    pub new: PyRef,
    pub init: PyRef,
    pub call: PyRef,
    pub getattr: PyRef,
    pub setattr: PyRef,
    pub getattribute: PyRef,
    pub abstractmethods: PyRef,
}

/// One entry of the method cache (CPython's type attribute cache): the
/// result of an MRO lookup of `name` on the type at address `ty`, valid
/// while `version` equals `Vm::type_version`.
pub struct McEntry {
    pub ty: usize,
    pub name: PyRef,
    pub version: u64,
    pub value: Option<PyRef>,
}

/// Entries of `Vm::intern_static`'s cache.
const STATIC_NAMES: usize = 256;

/// Method cache size (a power of two).
pub const MCACHE_SIZE: usize = 4096;

pub struct Vm {
    pub types: Types,
    pub names: Names,
    pub exc: ExcTypes,
    pub none: PyRef,
    pub true_: PyRef,
    pub false_: PyRef,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    pub null: PyRef,
    pub empty_tuple: PyRef,
    pub empty_str: PyRef,
    small_ints: Vec<PyRef>,
    /// One-character strings for code points < 256.
    latin1: Vec<PyRef>,
    interned: RefCell<HashMap<Rc<str>, PyRef, ahash::RandomState>>,
    /// `intern_static`'s direct-mapped cache: (address, length, object)
    /// of a `&'static str` (a literal's address never changes), so the
    /// dunder dispatchers do not hash their method name on every call.
    static_names: RefCell<Vec<Option<(usize, usize, PyRef)>>>,
    pub builtins: PyRef,
    pub sys: PyRef,
    /// `sys.modules`.
    pub modules: PyRef,
    /// The thread state: the frame chain, the handled exceptions, the
    /// call depth.
    pub thread: crate::frame::ThreadState,
    pub recursion_limit: Cell<usize>,
    /// Frame data and value stacks of finished frames, for reuse (the
    /// stack is boxed on purpose: frames hold and hand back the box).
    #[allow(clippy::type_complexity)]
    frame_pool: RefCell<Vec<(Rc<crate::frame::FrameData>, Box<crate::frame::Buffers>)>>,
    /// Data and stacks that came back apart (a frame object kept the data
    /// until it died): the pool's miss path pairs them again.
    #[allow(clippy::vec_box)]
    spare_bufs: RefCell<Vec<Box<crate::frame::Buffers>>>,
    spare_data: RefCell<Vec<Rc<crate::frame::FrameData>>>,
    /// Set at exit: nothing is pooled any more.
    pool_closed: Cell<bool>,
    /// Objects whose repr is in progress (`[...]` for recursive containers).
    pub repr_stack: RefCell<Vec<usize>>,
    pub stdlib_dir: RefCell<Option<String>>,
    /// The method cache and the version that invalidates it: bumped on any
    /// change to any type's namespace or MRO.
    pub mcache: RefCell<Vec<Option<McEntry>>>,
    pub type_version: Cell<u64>,
    /// The native modules' own state (`module_state`).
    pub module_states: crate::modules::state::ModuleStates,
}

impl Vm {
    pub fn new() -> Box<Vm> {
        crate::bootstrap::create()
    }

    /// Runs a pending automatic collection, if one is due: called at the
    /// eval loop's safe points (no native code is half-way through
    /// mutating a container there). The heap decides which generation;
    /// the VM's `Hooks` (the `gc` module's) run around it.
    #[inline(always)]
    pub fn gc_safe_point(&self) {
        if crate::heap::gc::pending() {
            crate::heap::gc::collect_generations(self);
        }
    }

    /// A collection of `generation` (`gc.collect()`, shutdown); 0 when one
    /// is running already.
    pub fn gc_collect(&self, generation: usize) -> usize {
        crate::heap::gc::collect(generation, self)
    }

    /// Assembles the VM from its parts (called by bootstrap).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        types: Types,
        exc: ExcTypes,
        none: PyRef,
        true_: PyRef,
        false_: PyRef,
        not_implemented: PyRef,
        ellipsis: PyRef,
        null: PyRef,
    ) -> Vm {
        let small_ints = (SMALL_INT_MIN..=SMALL_INT_MAX)
            .map(|i| PyRef::new_immortal(Payload::Int(i), Some(&types.int)))
            .collect();
        let latin1 = (0u32..256)
            .map(|c| {
                let s: String = char::from_u32(c).map(String::from).unwrap_or_default();
                PyRef::new_immortal(
                    Payload::Str(StrData::new(s.into_boxed_str())),
                    Some(&types.str),
                )
            })
            .collect();
        let empty_tuple = PyRef::new_immortal_tuple(&types.tuple);
        let empty_str =
            PyRef::new_immortal(Payload::Str(StrData::new("".into())), Some(&types.str));
        let builtins_dict = PyRef::new(Payload::Dict(Box::default()), &types.dict);
        let builtins = PyRef::new(
            Payload::Module {
                dict: builtins_dict,
            },
            &types.module,
        );
        let sys_dict = PyRef::new(Payload::Dict(Box::default()), &types.dict);
        let sys = PyRef::new(Payload::Module { dict: sys_dict }, &types.module);
        let modules = PyRef::new(Payload::Dict(Box::default()), &types.dict);
        let names = Names {
            new: PyRef::new_immortal(
                Payload::Str(StrData::new("__new__".into())),
                Some(&types.str),
            ),
            init: PyRef::new_immortal(
                Payload::Str(StrData::new("__init__".into())),
                Some(&types.str),
            ),
            call: PyRef::new_immortal(
                Payload::Str(StrData::new("__call__".into())),
                Some(&types.str),
            ),
            getattr: PyRef::new_immortal(
                Payload::Str(StrData::new("__getattr__".into())),
                Some(&types.str),
            ),
            setattr: PyRef::new_immortal(
                Payload::Str(StrData::new("__setattr__".into())),
                Some(&types.str),
            ),
            getattribute: PyRef::new_immortal(
                Payload::Str(StrData::new("__getattribute__".into())),
                Some(&types.str),
            ),
            abstractmethods: PyRef::new_immortal(
                Payload::Str(StrData::new("__abstractmethods__".into())),
                Some(&types.str),
            ),
        };
        let interned: HashMap<Rc<str>, PyRef, ahash::RandomState> = [
            &names.new,
            &names.init,
            &names.call,
            &names.getattr,
            &names.setattr,
            &names.getattribute,
            &names.abstractmethods,
        ]
        .iter()
        .map(|n| (Rc::from(n.as_str().unwrap_or("")), (*n).clone()))
        .collect();
        Vm {
            types,
            names,
            exc,
            none,
            true_,
            false_,
            not_implemented,
            ellipsis,
            null,
            empty_tuple,
            empty_str,
            small_ints,
            latin1,
            interned: RefCell::new(interned),
            static_names: RefCell::new(vec![None; STATIC_NAMES]),
            builtins,
            sys,
            modules,
            thread: crate::frame::ThreadState::new(),
            recursion_limit: Cell::new(1000),
            frame_pool: RefCell::new(Vec::new()),
            spare_bufs: RefCell::new(Vec::new()),
            spare_data: RefCell::new(Vec::new()),
            pool_closed: Cell::new(false),
            repr_stack: RefCell::new(Vec::new()),
            stdlib_dir: RefCell::new(None),
            mcache: RefCell::new((0..MCACHE_SIZE).map(|_| None).collect()),
            type_version: Cell::new(0),
            module_states: Default::default(),
        }
    }

    // ----- constructors -------------------------------------------------

    #[inline]
    pub fn new_int(&self, i: i64) -> PyRef {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            return self.small_ints[(i - SMALL_INT_MIN) as usize].clone();
        }
        PyRef::new(Payload::Int(i), &self.types.int)
    }

    /// An int from a BigInt, normalised to the machine-size form when it fits.
    pub fn new_bigint(&self, b: BigInt) -> PyRef {
        match b.to_i64() {
            Some(i) => self.new_int(i),
            None => PyRef::new(Payload::BigInt(Box::new(b)), &self.types.int),
        }
    }

    #[inline]
    pub fn new_bool(&self, b: bool) -> PyRef {
        if b {
            self.true_.clone()
        } else {
            self.false_.clone()
        }
    }

    #[inline]
    pub fn new_float(&self, f: f64) -> PyRef {
        PyRef::new(Payload::Float(f), &self.types.float)
    }

    pub fn new_complex(&self, re: f64, im: f64) -> PyRef {
        PyRef::new(Payload::Complex(re, im), &self.types.complex)
    }

    pub fn new_str(&self, s: &str) -> PyRef {
        if s.is_empty() {
            return self.empty_str.clone();
        }
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            if (c as u32) < 256 {
                return self.latin1[c as usize].clone();
            }
        }
        PyRef::new(Payload::Str(StrData::new(s.into())), &self.types.str)
    }

    pub fn new_string(&self, s: String) -> PyRef {
        if s.len() <= 2 {
            return self.new_str(&s);
        }
        PyRef::new(
            Payload::Str(StrData::new(s.into_boxed_str())),
            &self.types.str,
        )
    }

    /// The interned string object for `s` (identifiers, names in code).
    pub fn intern(&self, s: &str) -> PyRef {
        if let Some(v) = self.interned.borrow().get(s) {
            return v.clone();
        }
        let obj = self.new_str(s);
        self.interned.borrow_mut().insert(Rc::from(s), obj.clone());
        obj
    }

    /// `intern` for a string literal: a cache hit compares two words.
    #[inline]
    pub fn intern_static(&self, s: &'static str) -> PyRef {
        let addr = s.as_ptr() as usize;
        let i = (addr >> 3) % STATIC_NAMES;
        if let Some((a, l, v)) = &self.static_names.borrow()[i] {
            if *a == addr && *l == s.len() {
                return v.clone();
            }
        }
        let v = self.intern(s);
        self.static_names.borrow_mut()[i] = Some((addr, s.len(), v.clone()));
        v
    }

    /// `sys.intern`: returns the first object stored for equal strings.
    pub fn intern_obj(&self, obj: &PyRef) -> PyRef {
        let s = obj.as_str().unwrap_or("");
        if let Some(v) = self.interned.borrow().get(s) {
            return v.clone();
        }
        self.interned.borrow_mut().insert(Rc::from(s), obj.clone());
        obj.clone()
    }

    pub fn new_bytes(&self, b: Vec<u8>) -> PyRef {
        PyRef::new(Payload::Bytes(b.into_boxed_slice()), &self.types.bytes)
    }

    pub fn new_list(&self, v: Vec<PyRef>) -> PyRef {
        PyRef::new(Payload::List(RefCell::new(v)), &self.types.list)
    }

    pub fn new_tuple(&self, v: Vec<PyRef>) -> PyRef {
        if v.is_empty() {
            return self.empty_tuple.clone();
        }
        PyRef::new_tuple(v, &self.types.tuple)
    }

    pub fn new_dict(&self) -> PyRef {
        PyRef::new(Payload::Dict(Box::default()), &self.types.dict)
    }

    pub fn new_dict_with(&self, d: DictData) -> PyRef {
        PyRef::new(Payload::Dict(Box::new(RefCell::new(d))), &self.types.dict)
    }

    pub fn new_set(&self) -> PyRef {
        PyRef::new(Payload::Set(Box::default()), &self.types.set)
    }

    /// A frozenset of hashable atoms (constants): no Python code runs.
    pub fn new_frozenset_from(&self, items: Vec<PyRef>) -> PyRef {
        crate::objects::set::frozenset_const(self, items)
            .unwrap_or_else(|_| PyRef::new(Payload::Set(Box::default()), &self.types.frozenset))
    }

    pub fn new_code(&self, code: Rc<CodeInfo>) -> PyRef {
        PyRef::new(Payload::Code(code), &self.types.code)
    }

    pub fn new_cell(&self, v: Option<PyRef>) -> PyRef {
        PyRef::new(Payload::Cell(RefCell::new(v)), &self.types.cell)
    }

    pub fn new_module(&self, name: &str) -> PyRef {
        let dict = self.new_dict();
        crate::objects::dict::set_str(self, &dict, self.intern("__name__"), self.new_str(name));
        crate::objects::dict::set_str(self, &dict, self.intern("__doc__"), self.none.clone());
        crate::objects::dict::set_str(self, &dict, self.intern("__package__"), self.none.clone());
        crate::objects::dict::set_str(self, &dict, self.intern("__loader__"), self.none.clone());
        crate::objects::dict::set_str(self, &dict, self.intern("__spec__"), self.none.clone());
        PyRef::new(Payload::Module { dict }, &self.types.module)
    }

    // ----- exceptions ---------------------------------------------------

    /// A new exception instance of type `ty` with the given args, as
    /// calling the class would make it: the members of classes that have
    /// some (`StopIteration.value`, `SyntaxError.lineno`...) are set from
    /// the args.
    pub fn new_exception(&self, ty: &PyRef, args: Vec<PyRef>) -> PyRef {
        let e = self.new_exception_raw(ty, args);
        if let Some(init) = crate::objects::exceptions::fields::native_init(self, ty) {
            let a = crate::objects::exceptions::args_of(&e);
            // A Unicode error the VM makes from its message alone keeps
            // only `args` (its str is then the message).
            let r = init(self, &e, crate::objects::function::Args::new(&a));
            drop(r);
        }
        e
    }

    /// An exception instance with `args` and nothing else set
    /// (`BaseException.__new__`).
    pub fn new_exception_raw(&self, ty: &PyRef, args: Vec<PyRef>) -> PyRef {
        let args = self.new_tuple(args);
        PyRef::new(
            Payload::Exception(Box::new(ExceptionData {
                args: RefCell::new(args),
                traceback: RefCell::new(None),
                cause: RefCell::new(None),
                context: RefCell::new(None),
                suppress_context: Cell::new(false),
                dict: RefCell::new(None),
                fields: RefCell::new(Vec::new()),
            })),
            ty,
        )
    }

    /// An exception of type `ty` with one str argument.
    pub fn new_error(&self, ty: &PyRef, msg: String) -> PyRef {
        let m = self.new_string(msg);
        self.new_exception(ty, vec![m])
    }

    pub fn type_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.type_error, msg)
    }
    pub fn value_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.value_error, msg)
    }
    pub fn index_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.index_error, msg)
    }
    pub fn attribute_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.attribute_error, msg)
    }
    pub fn name_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.name_error, msg)
    }
    pub fn zero_division_error(&self, msg: &str) -> PyRef {
        self.new_error(&self.exc.zero_division_error, msg.to_string())
    }
    pub fn overflow_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.overflow_error, msg)
    }
    pub fn runtime_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.runtime_error, msg)
    }
    pub fn memory_error(&self) -> PyRef {
        self.new_exception(&self.exc.memory_error, vec![])
    }
    pub fn not_implemented_error(&self, msg: String) -> PyRef {
        self.new_error(&self.exc.not_implemented_error, msg)
    }
    /// `NotImplementedError: minipy does not support X yet`.
    pub fn unsupported(&self, what: &str) -> PyRef {
        self.not_implemented_error(format!("minipy does not support {} yet", what))
    }
    pub fn key_error(&self, key: PyRef) -> PyRef {
        self.new_exception(&self.exc.key_error, vec![key])
    }
    pub fn stop_iteration(&self, value: Option<PyRef>) -> PyRef {
        self.new_exception(&self.exc.stop_iteration, value.into_iter().collect())
    }
    pub fn recursion_error(&self) -> PyRef {
        self.new_error(
            &self.exc.recursion_error,
            "maximum recursion depth exceeded".to_string(),
        )
    }

    /// True if `exc` is an instance of the exception class `ty`.
    pub fn exc_matches(&self, exc: &PyRef, ty: &PyRef) -> bool {
        crate::objects::typeobj::is_subtype(exc.class(), ty)
    }

    // ----- frames ---------------------------------------------------------

    /// Data and a value stack for a new frame, from the pool when it has
    /// some (a call then allocates nothing).
    pub(crate) fn take_frame(
        &self,
        code: Rc<CodeInfo>,
        func: Option<PyRef>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
    ) -> (Rc<crate::frame::FrameData>, Box<crate::frame::Buffers>) {
        let pooled = self.frame_pool.borrow_mut().pop();
        if let Some((mut data, bufs)) = pooled {
            if let Some(d) = Rc::get_mut(&mut data) {
                // (A push loop: `resize` is an out-of-line call, and frames
                // have few locals.)
                for _ in 0..code.code.nlocalsplus() {
                    d.fast.push(Cell::new(None));
                }
                d.code = code;
                d.func = func;
                d.globals = globals;
                d.builtins = builtins;
                d.locals = locals;
                return (data, bufs);
            }
        }
        self.take_frame_cold(code, func, globals, builtins, locals)
    }

    #[cold]
    #[inline(never)]
    fn take_frame_cold(
        &self,
        code: Rc<CodeInfo>,
        func: Option<PyRef>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
    ) -> (Rc<crate::frame::FrameData>, Box<crate::frame::Buffers>) {
        let bufs = self.spare_bufs.borrow_mut().pop().unwrap_or_else(|| {
            Box::new(crate::frame::Buffers {
                stack: Vec::with_capacity(16),
            })
        });
        let spare = self.spare_data.borrow_mut().pop();
        if let Some(mut data) = spare {
            if let Some(d) = Rc::get_mut(&mut data) {
                for _ in 0..code.code.nlocalsplus() {
                    d.fast.push(Cell::new(None));
                }
                d.code = code;
                d.func = func;
                d.globals = globals;
                d.builtins = builtins;
                d.locals = locals;
                return (data, bufs);
            }
        }
        let data = crate::frame::new_data(code, func, globals, builtins, locals);
        (data, bufs)
    }

    /// Takes back a finished frame's data and stack: the data's references
    /// are dropped and both go to the pool, unless a frame object still
    /// shares the data (it keeps it; the stack is then freed).
    pub(crate) fn give_frame(
        &self,
        mut data: Rc<crate::frame::FrameData>,
        bufs: Box<crate::frame::Buffers>,
    ) {
        let Some(d) = Rc::get_mut(&mut data) else {
            self.give_spare_bufs(bufs);
            return;
        };
        self.clear_data(d);
        let mut pool = self.frame_pool.borrow_mut();
        if pool.len() < 64 && !self.pool_closed.get() {
            pool.push((data, bufs));
        }
    }

    /// Drops what a finished frame's data references. (Dropping can run
    /// `__del__`, and so take frames from the pool: no borrow of the pool
    /// is held meanwhile.)
    #[inline(always)]
    fn clear_data(&self, d: &mut crate::frame::FrameData) {
        d.fast.clear();
        d.func = None;
        d.locals = None;
        drop(d.locals_dict.take());
        d.globals = self.none.clone();
        d.builtins = self.none.clone();
        d.lasti.set(0);
        d.owner.set(crate::frame::FrameOwner::Thread);
    }

    #[cold]
    fn give_spare_bufs(&self, bufs: Box<crate::frame::Buffers>) {
        let mut spare = self.spare_bufs.borrow_mut();
        if spare.len() < 64 && !self.pool_closed.get() {
            spare.push(bufs);
        }
    }

    /// A frame object dies holding the only reference to its frame's data:
    /// the data is cleared and kept to be paired with a spare stack.
    pub(crate) fn give_spare_data(&self, data: &mut Rc<crate::frame::FrameData>) {
        if self.pool_closed.get() {
            return;
        }
        let Some(d) = Rc::get_mut(data) else {
            return;
        };
        self.clear_data(d);
        let mut spare = self.spare_data.borrow_mut();
        if spare.len() < 64 {
            spare.push(data.clone());
        }
    }

    /// Empties the frame pool (at exit: the pooled data still holds code
    /// objects' constants).
    pub fn clear_frame_pool(&self) {
        self.pool_closed.set(true);
        let old = std::mem::take(&mut *self.frame_pool.borrow_mut());
        drop(old);
        let old = std::mem::take(&mut *self.spare_bufs.borrow_mut());
        drop(old);
        let old = std::mem::take(&mut *self.spare_data.borrow_mut());
        drop(old);
    }

    // ----- method cache ---------------------------------------------------

    #[inline]
    pub fn mcache_slot(&self, ty: &PyRef, name: &PyRef) -> usize {
        ((ty.addr() >> 4) ^ (name.addr() >> 3)).wrapping_mul(0x9E37_79B9) % MCACHE_SIZE
    }

    /// Empties the method cache, releasing the references it holds (before
    /// a collection, and at exit).
    pub fn clear_method_cache(&self) {
        let old: Vec<Option<McEntry>> = {
            let mut c = self.mcache.borrow_mut();
            c.iter_mut().map(|e| e.take()).collect()
        };
        drop(old);
    }

    /// Invalidates every cached type lookup (a type's dict or MRO changed).
    pub fn types_modified(&self) {
        self.type_version.set(self.type_version.get() + 1);
    }

    // ----- recursion ------------------------------------------------------

    /// Enters one level of Python (or native re-entrant) call depth.
    #[inline]
    pub fn enter(&self) -> Result<(), PyRef> {
        let d = self.thread.depth.get() + 1;
        if d > self.recursion_limit.get() || !crate::stack::has_room() {
            return Err(self.recursion_error());
        }
        self.thread.depth.set(d);
        Ok(())
    }

    #[inline]
    pub fn leave(&self) {
        self.thread.depth.set(self.thread.depth.get() - 1);
    }
}
