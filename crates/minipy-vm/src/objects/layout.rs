//! The layout registry: the payload of every object, one enum variant per
//! built-in layout, each variant's data defined in its type's file (the
//! few small ones here). This file necessarily names every layout; the
//! ground below it (`object.rs`) names none.
//!
//! An object's *type* lives in its header (`ob_type`); the payload says how
//! its data is laid out. Instances of user classes that derive from a
//! built-in type carry that type's payload (an `Exception` subclass instance
//! has `Payload::Exception`), instances of plain classes `Payload::Instance`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use minipy_heap::{Freelist, Trace};

use crate::heap::{PyObject, PyRef};
use crate::object::take_opt;
use crate::objects::dict::DictData;
use crate::objects::function::{BuiltinFunction, Function};
use crate::objects::typeobj::TypeData;

pub use crate::objects::str::StrData;

/// Exception instance data (CPython's `PyBaseExceptionObject`).
pub struct ExceptionData {
    pub args: RefCell<PyRef>,
    /// `__traceback__`: a `traceback` object (or None).
    pub traceback: RefCell<Option<PyRef>>,
    pub cause: RefCell<Option<PyRef>>,
    pub context: RefCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub dict: RefCell<Option<PyRef>>,
    /// The members of the subclasses that have some (`StopIteration.value`,
    /// `OSError.errno`...), by index (`objects/exceptions/fields.rs`).
    pub fields: RefCell<Vec<Option<PyRef>>>,
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
    /// `range_iterator` (CPython's `rangeiterobject`): item `index` is
    /// `start + index * step`, for `index < len`.
    Range {
        start: i64,
        step: i64,
        len: i64,
        index: Cell<i64>,
    },
    /// `longrange_iterator`: the same with int objects (`index` is any
    /// object `__setstate__` was given, as in CPython).
    LongRange {
        start: PyRef,
        step: PyRef,
        len: PyRef,
        index: RefCell<PyRef>,
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

/// What a weakref object is (`weakref.ref`, `proxy`, or a callable proxy).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// A weak reference's data (CPython's `PyWeakReference`). The link to the
/// referent is the heap's (`minipy_heap::weakref`), not the payload's.
pub struct WeakRefData {
    pub callback: RefCell<Option<PyRef>>,
    /// The referent's hash, once computed (`-1` before).
    pub hash: Cell<i64>,
    pub kind: WeakKind,
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
    /// Items stored after the object (`PyRef::new_tuple`, read with
    /// `obj.as_tuple()` / `obj.items()`); the payload holds only a mark.
    Tuple(crate::heap::TupleMark),
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
    Instance(crate::objects::inline_values::InstanceData),
    Cell(RefCell<Option<PyRef>>),
    Code(Rc<crate::objects::code::CodeInfo>),
    Generator(Box<crate::objects::generator::GeneratorData>),
    Exception(Box<ExceptionData>),
    /// A `frame` object (`objects/frameobj.rs`).
    Frame(crate::objects::frameobj::FrameObject),
    /// A `traceback` object (`objects/traceback.rs`).
    Traceback(crate::objects::traceback::TracebackData),
    /// Boxed: iterator states are the largest payload, and every other
    /// object is smaller for it (containers fit pymalloc's 80-byte class).
    Iter(Box<RefCell<IterKind>>),
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
    /// `bytearray` (mutable bytes).
    ByteArray(RefCell<Vec<u8>>),
    /// `types.MappingProxyType`: a read-only view of a mapping.
    MappingProxy(PyRef),
    /// `weakref.ref` / `weakref.proxy` objects.
    WeakRef(Box<WeakRefData>),
    /// `method_descriptor` / `classmethod_descriptor`.
    MethodDescr(Box<crate::objects::descr::MethodDescr>),
    /// `wrapper_descriptor` (a slot wrapper).
    WrapperDescr(Box<crate::objects::descr::WrapperDescr>),
    /// `method-wrapper`: a slot wrapper bound to an object.
    MethodWrapper {
        descr: PyRef,
        self_: PyRef,
    },
    /// `getset_descriptor` / `member_descriptor`.
    GetSetDescr(Box<crate::objects::descr::GetSetDescr>),
    /// The NULL marker pushed by PUSH_NULL; never visible to Python.
    Null,
}

const _: () = assert!(std::mem::size_of::<Payload>() <= 40);
const _: () = assert!(std::mem::size_of::<crate::heap::PyObject>() <= 56);

impl Payload {
    /// An iterator payload.
    pub fn iter(kind: IterKind) -> Payload {
        Payload::Iter(Box::new(RefCell::new(kind)))
    }

    /// Whether a new object with this payload starts tracked by the cycle
    /// collector: dicts only once they hold a container (CPython's
    /// `MAINTAIN_TRACKING`), every other container at once.
    pub fn tracked_at_creation(&self) -> bool {
        match self {
            Payload::Dict(d) => d.try_borrow().map_or(true, |d| {
                d.iter().any(|e| {
                    crate::heap::gc::may_be_tracked(&e.key)
                        || crate::heap::gc::may_be_tracked(&e.value)
                })
            }),
            _ => true,
        }
    }
}

/// An instance namespace: an inline dict is part of its instance (its
/// contents are visited), a materialised one is an object of its own.
pub fn visit_namespace(d: &PyRef, visit: &mut impl FnMut(&PyRef)) {
    if d.has_flag(crate::heap::INLINE_DICT) {
        if let Payload::Dict(t) = &d.payload {
            if let Ok(t) = t.try_borrow() {
                t.traverse(visit);
            }
        }
    } else {
        visit(d);
    }
}

/// True when `obj`'s type was created by a `class` statement.
pub fn is_heap_instance(obj: &PyObject) -> bool {
    matches!(&obj.class().payload, Payload::Type(t) if t.heap)
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
    if let Payload::Generator(g) = &obj.payload {
        if crate::objects::generator::needs_finalize(g) {
            return true;
        }
    }
    match &obj.class().payload {
        Payload::Type(t) => t.has_del.get(),
        _ => false,
    }
}

impl Payload {
    /// The small int value, if the object is an `int` (or `bool`) that fits.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        match self {
            Payload::Int(i) => Some(*i),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Payload::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_type(&self) -> Option<&TypeData> {
        match self {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Payload::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Payload::None)
    }

    pub fn as_exception(&self) -> Option<&ExceptionData> {
        match self {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }
}

/// What the heap needs to know about a payload (see `minipy_heap::Trace`).
impl Trace for Payload {
    /// True for payloads that can hold references to other objects (those
    /// get a GC head and are traversed by the cycle collector).
    #[inline]
    fn is_container(&self) -> bool {
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
                | Payload::ByteArray(_)
                | Payload::Code(_)
                | Payload::Null
        )
    }

    /// Instances of user classes are always tracked (they hold a reference
    /// to their heap type); dicts only once they hold a container.
    #[inline]
    fn tracked_at_creation(obj: &PyObject) -> bool {
        // The inherent (payload-level) method, not this one.
        Payload::tracked_at_creation(&obj.payload) || is_heap_instance(obj)
    }

    /// Every reference the object holds: its payload's (by its type's
    /// `tp_traverse`), then CPython's `subtype_traverse` part: an
    /// instance's attribute values or dict, its slot cells, its managed
    /// `__dict__`, and its heap type.
    #[inline(always)]
    fn traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
        if let Payload::Type(t) = &obj.class().payload {
            match t.slots.traverse() {
                Some(f) => f(obj, visit),
                // `object` has no `tp_traverse` (an instance's namespace is
                // visited below); a heap subclass of `str` or `int` is
                // tracked for its dict and type alone.
                None => debug_assert!(
                    !obj.payload.is_container() || matches!(obj.payload, Payload::Instance(_)),
                    "a container of type '{}' has no traverse slot",
                    t.name()
                ),
            }
        }
        // The instance's namespace: inline values or its dict (CPython's
        // `_PyObject_VisitInstanceAttributes` / managed dict).
        if let Payload::Instance(inst) = &obj.payload {
            inst.traverse(&mut |r| visit.visit(r));
        }
        for c in obj.cells() {
            if let Some(v) = crate::heap::cell_get(c) {
                visit.visit(&v);
            }
        }
        if let Some(slot) = obj.managed_dict() {
            if let Ok(d) = slot.try_borrow() {
                if let Some(d) = &*d {
                    visit_namespace(d, &mut |r| visit.visit(r));
                }
            }
        }
        // Instances own a reference to their type; for heap types (the
        // only collectable ones) it is reported last, as `subtype_traverse`
        // does.
        if !obj.class().is_immortal() {
            visit.visit(obj.class());
        }
    }

    /// `tp_clear` (the type's slot, when it has one), then the slot cells
    /// and managed `__dict__`. The references are dropped after every
    /// borrow is released, since dropping them can run `__del__` and
    /// weakref callbacks.
    fn clear(obj: &PyObject) {
        let mut dead: Vec<PyRef> = Vec::new();
        if let Payload::Type(t) = &obj.class().payload {
            if let Some(f) = t.slots.clear() {
                f(obj, &mut dead);
            }
        }
        if let Payload::Instance(inst) = &obj.payload {
            inst.clear(&mut dead);
        }
        if let Some(slot) = obj.managed_dict() {
            take_opt(slot, &mut dead);
        }
        dead.extend(obj.cells().iter().filter_map(|c| c.take()));
        drop(dead);
    }

    /// `_PyDict_MaybeUntrack`: an exact dict holding no container.
    fn may_untrack(obj: &PyObject) -> bool {
        match &obj.payload {
            Payload::Dict(d) if !is_heap_instance(obj) => match d.try_borrow() {
                Ok(d) => !d.iter().any(|e| {
                    crate::heap::gc::may_be_tracked(&e.key)
                        || crate::heap::gc::may_be_tracked(&e.value)
                }),
                Err(_) => false,
            },
            _ => false,
        }
    }

    fn has_finalizer(obj: &PyObject) -> bool {
        has_finalizer(obj)
    }

    fn finalize(obj: &PyRef) {
        crate::objects::instance::run_del_hook(obj)
    }

    fn call_weakref_callback(callback: &PyRef, weakref: &PyRef) {
        crate::objects::weakref::invoke_callback(callback, weakref)
    }

    #[inline]
    fn tuple(mark: crate::heap::TupleMark) -> Payload {
        Payload::Tuple(mark)
    }

    #[inline]
    fn weakref_callback(&self) -> Option<&RefCell<Option<PyRef>>> {
        match self {
            Payload::WeakRef(w) => Some(&w.callback),
            _ => None,
        }
    }

    #[inline]
    fn freelist(&self) -> Option<Freelist> {
        match self {
            Payload::Float(_) => Some(Freelist::Float),
            Payload::List(_) => Some(Freelist::List),
            Payload::Dict(_) => Some(Freelist::Dict),
            _ => None,
        }
    }

    /// The type's name (`type(obj).__name__`).
    fn type_name(obj: &PyObject) -> String {
        match &obj.class().payload {
            Payload::Type(t) => t.name.borrow().to_string(),
            _ => "?".to_string(),
        }
    }
}
