//! The registry of built-in type objects, created once at start-up.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::heap::PyRef;
use crate::objects::layout::Payload;
use crate::objects::typeobj::spec::apply_spec;
use crate::objects::typeobj::{tpflags, Layout, SlotId, Slots, TypeData, TypeSpec};

pub struct Types {
    pub type_: PyRef,
    pub object: PyRef,
    pub int: PyRef,
    pub bool: PyRef,
    pub float: PyRef,
    pub complex: PyRef,
    pub str: PyRef,
    pub bytes: PyRef,
    pub list: PyRef,
    pub tuple: PyRef,
    pub dict: PyRef,
    pub set: PyRef,
    pub frozenset: PyRef,
    pub range: PyRef,
    pub slice: PyRef,
    pub none_type: PyRef,
    pub not_implemented_type: PyRef,
    pub ellipsis_type: PyRef,
    pub function: PyRef,
    pub builtin_function: PyRef,
    pub method: PyRef,
    pub module: PyRef,
    pub cell: PyRef,
    pub code: PyRef,
    pub generator: PyRef,
    pub property: PyRef,
    pub staticmethod: PyRef,
    pub classmethod: PyRef,
    pub super_: PyRef,
    pub list_iterator: PyRef,
    pub list_reverseiterator: PyRef,
    pub tuple_iterator: PyRef,
    /// The iterator of a non-ASCII str.
    pub str_iterator: PyRef,
    /// The iterator of an ASCII str.
    pub str_ascii_iterator: PyRef,
    pub range_iterator: PyRef,
    pub dict_keyiterator: PyRef,
    pub dict_valueiterator: PyRef,
    pub dict_itemiterator: PyRef,
    pub set_iterator: PyRef,
    pub iterator: PyRef,
    pub callable_iterator: PyRef,
    pub enumerate: PyRef,
    pub zip: PyRef,
    pub map: PyRef,
    pub filter: PyRef,
    pub reversed: PyRef,
    pub dict_keys: PyRef,
    pub dict_values: PyRef,
    pub dict_items: PyRef,
    pub null: PyRef,
    pub traceback: PyRef,
    pub frame: PyRef,
    pub getset_descriptor: PyRef,
    pub member_descriptor: PyRef,
    pub method_descriptor: PyRef,
    pub classmethod_descriptor: PyRef,
    pub wrapper_descriptor: PyRef,
    pub method_wrapper: PyRef,
    pub weakref: PyRef,
    pub weakproxy: PyRef,
    pub weakcallableproxy: PyRef,
    pub bytearray: PyRef,
    pub bytearray_iterator: PyRef,
    pub bytes_iterator: PyRef,
    pub longrange_iterator: PyRef,
    pub mappingproxy: PyRef,
    pub memoryview: PyRef,
}

/// Exception classes used from Rust; every class is also in `all`.
pub struct ExcTypes {
    pub base_exception: PyRef,
    pub exception: PyRef,
    pub type_error: PyRef,
    pub value_error: PyRef,
    pub index_error: PyRef,
    pub key_error: PyRef,
    pub attribute_error: PyRef,
    pub name_error: PyRef,
    pub unbound_local_error: PyRef,
    pub zero_division_error: PyRef,
    pub overflow_error: PyRef,
    pub runtime_error: PyRef,
    pub recursion_error: PyRef,
    pub not_implemented_error: PyRef,
    pub stop_iteration: PyRef,
    pub generator_exit: PyRef,
    pub system_exit: PyRef,
    pub keyboard_interrupt: PyRef,
    pub assertion_error: PyRef,
    pub import_error: PyRef,
    pub module_not_found_error: PyRef,
    pub memory_error: PyRef,
    pub eof_error: PyRef,
    pub os_error: PyRef,
    pub file_not_found_error: PyRef,
    pub syntax_error: PyRef,
    pub indentation_error: PyRef,
    pub tab_error: PyRef,
    pub unicode_decode_error: PyRef,
    pub unicode_encode_error: PyRef,
    pub lookup_error: PyRef,
    pub arithmetic_error: PyRef,
    pub system_error: PyRef,
    pub all: Vec<PyRef>,
}

/// CPython 3.11's exception hierarchy: (name, parent name).
pub const EXCEPTION_TREE: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("ExceptionGroup", "Exception"),
];

/// A dict object for a type's namespace. `dict_type` is None only while
/// bootstrapping the first types (fixed up afterwards).
pub fn raw_dict(dict_type: Option<&PyRef>) -> PyRef {
    PyRef::new_immortal(Payload::Dict(Box::default()), dict_type)
}

thread_local! {
    /// Every static type made by [`make_static_type`], for shutdown.
    static STATIC_TYPES: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

/// The static types created so far (the interpreter's built-in types).
pub fn static_types() -> Vec<PyRef> {
    STATIC_TYPES.with(|t| t.borrow().clone())
}

/// Creates a static (immortal) built-in type from its declaration (see
/// `objects::typeobj::spec`); its dict is filled once the VM exists.
pub fn make_spec_type(
    spec: &'static TypeSpec,
    metatype: Option<&PyRef>,
    base: Option<&PyRef>,
    dict_type: Option<&PyRef>,
) -> PyRef {
    // Plain instances of a type declaring MANAGED_DICT have a `__dict__`
    // (the other layouts keep theirs in the managed dict slot).
    let has_dict = spec.layout == Layout::Exception
        || (spec.layout == Layout::Object && spec.flags & tpflags::MANAGED_DICT != 0);
    let ty = static_type_object(
        spec.short_name(),
        metatype,
        base,
        spec.layout,
        dict_type,
        has_dict,
    );
    if spec.flags & tpflags::DISALLOW_INSTANTIATION == 0
        && !spec.slots.iter().any(|(id, _)| *id == SlotId::New)
        && base.is_some_and(|b| {
            b.as_type()
                .is_some_and(|t| &*t.name() == "object" && !t.heap)
        })
    {
        // CPython: a static type deriving from object without tp_new
        // cannot be instantiated (type_ready_set_new).
        if let Some(t) = ty.as_type() {
            t.flags.set(t.flags.get() | tpflags::DISALLOW_INSTANTIATION);
        }
    }
    apply_spec(&ty, spec, base);
    if spec.flags & tpflags::MANAGED_DICT != 0 {
        ty.set_type_managed_dict();
    }
    ty
}

/// The type object itself: name, bases, MRO, an empty dict (its slots
/// and flags come from its spec: `make_spec_type`, `spec::apply_spec`).
pub fn static_type_object(
    name: &str,
    metatype: Option<&PyRef>,
    base: Option<&PyRef>,
    layout: Layout,
    dict_type: Option<&PyRef>,
    has_dict: bool,
) -> PyRef {
    let bases: Vec<PyRef> = base.into_iter().cloned().collect();
    let mut mro_tail: Vec<PyRef> = Vec::new();
    let mut inherited_flags = 0;
    if let Some(b) = base {
        if let Some(bt) = b.as_type() {
            mro_tail = bt.mro.borrow().clone();
            inherited_flags = bt.flags.get() & tpflags::INHERITED;
        }
    }
    let data = TypeData {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(Rc::from(name)),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        dict: raw_dict(dict_type),
        layout,
        slots: Slots::empty(),
        flags: Cell::new(
            tpflags::READY | tpflags::IMMUTABLETYPE | tpflags::HAVE_VERSION_TAG | inherited_flags,
        ),
        spec: Cell::new(None),
        heap: false,
        has_del: Cell::new(false),
        has_dict,
        slot_names: Vec::new(),
        subclasses: RefCell::new(Vec::new()),
        tuples: RefCell::new(None),
        shared_keys: RefCell::new(Vec::new()),
        concrete_at: std::cell::Cell::new(0),
    };
    let ty = PyRef::new_immortal(Payload::Type(Box::new(data)), metatype);
    STATIC_TYPES.with(|t| t.borrow_mut().push(ty.clone()));
    if let Some(t) = ty.as_type() {
        let mut mro = vec![ty.clone()];
        mro.extend(mro_tail);
        *t.mro.borrow_mut() = mro;
    }
    ty
}

/// A native module's type, made from its declaration once the VM runs
/// (CPython's `PyType_Ready` on a static type of an extension module):
/// the type object with the spec's slots and the ones it inherits from
/// `base` (`object` when None), and its dict filled at once. The spec's
/// `name` carries the module (`"_io.FileIO"` gives `__module__ == "_io"`).
pub fn ready_type(vm: &crate::vm::Vm, spec: &'static TypeSpec, base: Option<&PyRef>) -> PyRef {
    let base = base.unwrap_or(&vm.types.object);
    let ty = make_spec_type(
        spec,
        Some(&vm.types.type_),
        Some(base),
        Some(&vm.types.dict),
    );
    if base.has_flag(crate::heap::TYPE_WEAKREFABLE) {
        ty.set_flag(crate::heap::TYPE_WEAKREFABLE, true);
    }
    crate::objects::typeobj::spec::fill_dict(vm, &ty);
    ty
}
