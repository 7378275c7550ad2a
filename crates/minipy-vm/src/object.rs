//! The payload of every object: one enum variant per built-in layout.
//!
//! An object's *type* lives in its header (`ob_type`); the payload says how
//! its data is laid out. Instances of user classes that derive from a
//! built-in type carry that type's payload (an `Exception` subclass instance
//! has `Payload::Exception`), instances of plain classes `Payload::Instance`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::heap::{PyObject, PyRef};
use crate::objects::dict::DictData;
use crate::objects::function::{BuiltinFunction, Function};
use crate::objects::typeobj::TypeData;

pub type PyResult<T = PyRef> = Result<T, PyRef>;

/// A `str` object's data.
pub struct StrData {
    pub s: Box<str>,
    /// Number of code points (Python's `len`).
    pub char_len: usize,
    /// Cached hash; `-1` when not computed yet.
    pub hash: Cell<i64>,
}

impl StrData {
    pub fn new(s: Box<str>) -> StrData {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        StrData {
            s,
            char_len,
            hash: Cell::new(-1),
        }
    }
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
}

/// Exception instance data (CPython's `PyBaseExceptionObject`).
pub struct ExceptionData {
    pub args: RefCell<PyRef>,
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Option<PyRef>>,
    pub context: RefCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub dict: RefCell<Option<PyRef>>,
}

/// One line of a traceback: a frame's code and the instruction it was at.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<minipy_bytecode::CodeObject>,
    /// Index of the faulting instruction, in code units.
    pub lasti: usize,
}

/// Iterator states of the built-in iterators.
pub enum IterKind {
    /// Over a list, tuple or str: index into `seq`.
    Seq {
        seq: PyRef,
        index: Cell<usize>,
    },
    /// Reversed sequence iteration (`reversed(list)`): next index + 1.
    Reversed {
        seq: PyRef,
        index: Cell<usize>,
    },
    Range {
        next: Cell<i64>,
        stop: i64,
        step: i64,
    },
    /// Over a dict's keys/values/items (by entry position).
    Dict {
        dict: PyRef,
        pos: Cell<usize>,
        len_at_start: usize,
        what: DictIterKind,
    },
    /// `__getitem__`-protocol iteration.
    GetItem {
        obj: PyRef,
        index: Cell<i64>,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: PyRef,
        sentinel: PyRef,
    },
    Enumerate {
        it: PyRef,
        count: RefCell<PyRef>,
    },
    Zip {
        its: Box<[PyRef]>,
        strict: bool,
    },
    Map {
        func: PyRef,
        its: Box<[PyRef]>,
    },
    Filter {
        func: PyRef,
        it: PyRef,
    },
    /// Exhausted iterators drop their source.
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// The payload: how an object's data is laid out.
pub enum Payload {
    None,
    NotImplemented,
    Ellipsis,
    /// Machine-size int (also `bool`: True/False are ints of type bool).
    Int(i64),
    /// An int that does not fit in i64 (always normalised).
    BigInt(Box<BigInt>),
    Float(f64),
    Complex(f64, f64),
    Str(StrData),
    Bytes(Box<[u8]>),
    List(RefCell<Vec<PyRef>>),
    Tuple(Box<[PyRef]>),
    Dict(Box<RefCell<DictData>>),
    /// `set`/`frozenset`: a dict whose values are unused.
    Set(Box<RefCell<DictData>>),
    Range {
        start: PyRef,
        stop: PyRef,
        step: PyRef,
    },
    Slice {
        start: PyRef,
        stop: PyRef,
        step: PyRef,
    },
    Function(Box<Function>),
    Builtin(Box<BuiltinFunction>),
    BoundMethod {
        func: PyRef,
        self_: PyRef,
    },
    Type(Box<TypeData>),
    Module {
        dict: PyRef,
    },
    /// Instance of a user class (or `object()`); `dict` is None for
    /// `__slots__` classes without `__dict__`.
    Instance {
        dict: RefCell<Option<PyRef>>,
        slots: Box<[RefCell<Option<PyRef>>]>,
    },
    Cell(RefCell<Option<PyRef>>),
    Code(Rc<crate::frame::CodeInfo>),
    Generator(Box<crate::objects::generator::GeneratorData>),
    Exception(Box<ExceptionData>),
    Iter(RefCell<IterKind>),
    DictView {
        dict: PyRef,
        what: DictIterKind,
    },
    Property {
        fget: Option<PyRef>,
        fset: Option<PyRef>,
        fdel: Option<PyRef>,
        doc: Option<PyRef>,
    },
    StaticMethod(PyRef),
    ClassMethod(PyRef),
    Super {
        ty: PyRef,
        obj: Option<PyRef>,
        obj_type: Option<PyRef>,
    },
    /// The NULL marker pushed by PUSH_NULL; never visible to Python.
    Null,
}

const _: () = assert!(std::mem::size_of::<Payload>() <= 48);
const _: () = assert!(std::mem::size_of::<crate::heap::PyObject>() <= 64);

impl Payload {
    /// True for payloads that can hold references to other objects (those
    /// get a GC head and are traversed by the cycle collector).
    pub fn is_container(&self) -> bool {
        !matches!(
            self,
            Payload::None
                | Payload::NotImplemented
                | Payload::Ellipsis
                | Payload::Int(_)
                | Payload::BigInt(_)
                | Payload::Float(_)
                | Payload::Complex(..)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::Null
        )
    }

    /// Calls `visit` on every reference the payload holds (`tp_traverse`).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        match self {
            Payload::List(v) => v.borrow().iter().for_each(visit),
            Payload::Tuple(v) => v.iter().for_each(visit),
            Payload::Dict(d) | Payload::Set(d) => d.borrow().traverse(visit),
            Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
                visit(start);
                visit(stop);
                visit(step);
            }
            Payload::Function(f) => f.traverse(visit),
            Payload::BoundMethod { func, self_ } => {
                visit(func);
                visit(self_);
            }
            Payload::Module { dict } => visit(dict),
            Payload::Instance { dict, slots } => {
                if let Some(d) = &*dict.borrow() {
                    visit(d);
                }
                for s in slots.iter() {
                    if let Some(v) = &*s.borrow() {
                        visit(v);
                    }
                }
            }
            Payload::Cell(c) => {
                if let Some(v) = &*c.borrow() {
                    visit(v);
                }
            }
            Payload::StaticMethod(f) | Payload::ClassMethod(f) => visit(f),
            Payload::DictView { dict, .. } => visit(dict),
            Payload::Exception(e) => {
                visit(&e.args.borrow());
                for r in [&e.cause, &e.context, &e.dict] {
                    if let Some(v) = &*r.borrow() {
                        visit(v);
                    }
                }
            }
            Payload::Property {
                fget,
                fset,
                fdel,
                doc,
            } => {
                for v in [fget, fset, fdel, doc].into_iter().flatten() {
                    visit(v);
                }
            }
            Payload::Super { ty, obj, obj_type } => {
                visit(ty);
                for v in [obj, obj_type].into_iter().flatten() {
                    visit(v);
                }
            }
            Payload::Type(t) => t.traverse(visit),
            Payload::Builtin(b) => {
                if let Some(s) = &b.self_ {
                    visit(s);
                }
            }
            Payload::Generator(g) => g.traverse(visit),
            Payload::Iter(it) => match &*it.borrow() {
                IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => visit(seq),
                IterKind::Dict { dict, .. } => visit(dict),
                IterKind::GetItem { obj, .. } => visit(obj),
                IterKind::Callable { func, sentinel } => {
                    visit(func);
                    visit(sentinel);
                }
                IterKind::Enumerate { it, count } => {
                    visit(it);
                    visit(&count.borrow());
                }
                IterKind::Zip { its, .. } => its.iter().for_each(visit),
                IterKind::Map { func, its } => {
                    visit(func);
                    its.iter().for_each(visit);
                }
                IterKind::Filter { func, it } => {
                    visit(func);
                    visit(it);
                }
                IterKind::Range { .. } | IterKind::Done => {}
            },
            Payload::Code(_) => {}
            _ => {}
        }
    }
}

/// True when instances of `ty` carry a managed `__dict__` slot: user
/// subclasses of built-in types other than `object` and exceptions (whose
/// payloads hold their own dict).
pub fn needs_dict_slot(ty: &PyObject) -> bool {
    use crate::objects::typeobj::Layout;
    match &ty.payload {
        Payload::Type(t) => {
            t.heap
                && t.has_dict
                && !matches!(
                    t.layout,
                    Layout::Object | Layout::Exception | Layout::Type | Layout::Other
                )
        }
        _ => false,
    }
}

/// True when destroying `obj` must first run a `__del__` method.
pub fn has_finalizer(obj: &PyObject) -> bool {
    match &obj.class().payload {
        Payload::Type(t) => t.has_del.get(),
        _ => false,
    }
}

impl PyObject {
    /// Every reference the object holds: its payload's and its managed
    /// `__dict__` (what the cycle collector's traversal must see).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        self.payload.traverse(visit);
        if let Some(slot) = self.managed_dict() {
            if let Some(d) = &*slot.borrow() {
                visit(d);
            }
        }
    }

    /// The small int value, if the object is an `int` (or `bool`) that fits.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        match self.payload {
            Payload::Int(i) => Some(i),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.payload {
            Payload::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self.payload, Payload::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self.payload, Payload::None)
    }

    pub fn as_tuple(&self) -> Option<&[PyRef]> {
        match &self.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_exception(&self) -> Option<&ExceptionData> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }

    /// The type's name (`type(obj).__name__`).
    pub fn type_name(&self) -> String {
        match &self.class().payload {
            Payload::Type(t) => t.name.borrow().to_string(),
            _ => "?".to_string(),
        }
    }
}
