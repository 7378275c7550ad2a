//! Start-up: creates the built-in types (resolving the `type`/`object`/
//! `dict` chicken-and-egg), the singletons, the VM, the method tables, and
//! the `builtins` and `sys` modules.

use crate::heap::PyRef;
use crate::objects::layout::Payload;
use crate::objects::typeobj::Layout;
use crate::objects::typeobj::TypeSpec;
use crate::objects::{self};
use crate::types::{make_spec_type, static_type_object, ExcTypes, Types, EXCEPTION_TREE};
use crate::vm::Vm;

pub fn create() -> Box<Vm> {
    use Layout as L;
    // `type` is its own type; its dict (and those of `object` and `dict`)
    // are created self-typed and re-typed once `dict` exists.
    let type_ = static_type_object("type", None, None, L::Type, None, false);
    let object = static_type_object("object", Some(&type_), None, L::Object, None, false);
    // type's base is object: patch bases and MRO now that object exists.
    if let Some(t) = type_.as_type() {
        t.bases.borrow_mut().push(object.clone());
        t.mro.borrow_mut().push(object.clone());
    }
    objects::typeobj::spec::apply_spec(&object, &objects::instance::OBJECT_TYPE, None);
    objects::typeobj::spec::apply_spec(
        &type_,
        &objects::typeobj::methods::TYPE_TYPE,
        Some(&object),
    );
    let dict_t = make_spec_type(
        &objects::dict::methods::DICT_TYPE,
        Some(&type_),
        Some(&object),
        None,
    );
    for t in [&type_, &object, &dict_t] {
        if let Some(td) = t.as_type() {
            td.dict.set_class(&dict_t);
        }
    }
    let mkspec =
        |spec: &'static TypeSpec| make_spec_type(spec, Some(&type_), Some(&object), Some(&dict_t));
    let int = mkspec(&objects::int::INT_TYPE);
    let exc_base = mkspec(&objects::exceptions::BASE_EXCEPTION_TYPE);
    let types = Types {
        bool: make_spec_type(
            &objects::bool::BOOL_TYPE,
            Some(&type_),
            Some(&int),
            Some(&dict_t),
        ),
        float: mkspec(&objects::float::FLOAT_TYPE),
        complex: mkspec(&objects::complex::COMPLEX_TYPE),
        str: mkspec(&objects::str::STR_TYPE),
        bytes: mkspec(&objects::bytes::BYTES_TYPE),
        list: mkspec(&objects::list::LIST_TYPE),
        tuple: mkspec(&objects::tuple::TUPLE_TYPE),
        set: mkspec(&objects::set::methods::SET_TYPE),
        frozenset: mkspec(&objects::set::methods::FROZENSET_TYPE),
        range: mkspec(&objects::range::RANGE_TYPE),
        slice: mkspec(&objects::slice::SLICE_TYPE),
        none_type: mkspec(&objects::singletons::NONE_TYPE),
        not_implemented_type: mkspec(&objects::singletons::NOT_IMPLEMENTED_TYPE),
        ellipsis_type: mkspec(&objects::singletons::ELLIPSIS_TYPE),
        function: mkspec(&objects::function::FUNCTION_TYPE),
        builtin_function: mkspec(&objects::builtin_function::BUILTIN_FUNCTION_TYPE),
        method: mkspec(&objects::method::METHOD_TYPE),
        module: mkspec(&objects::module::MODULE_TYPE),
        cell: mkspec(&objects::cell::CELL_TYPE),
        code: mkspec(&objects::code::CODE_TYPE),
        generator: mkspec(&objects::generator::GENERATOR_TYPE),
        property: mkspec(&objects::property::PROPERTY_TYPE),
        staticmethod: mkspec(&objects::staticmethod::STATICMETHOD_TYPE),
        classmethod: mkspec(&objects::classmethod::CLASSMETHOD_TYPE),
        super_: mkspec(&objects::superobj::SUPER_TYPE),
        list_iterator: mkspec(&objects::iter::seqiter::LIST_ITERATOR_TYPE),
        list_reverseiterator: mkspec(&objects::iter::seqiter::LIST_REVERSEITERATOR_TYPE),
        tuple_iterator: mkspec(&objects::iter::seqiter::TUPLE_ITERATOR_TYPE),
        str_iterator: mkspec(&objects::str::STR_ITERATOR_TYPE),
        str_ascii_iterator: mkspec(&objects::str::STR_ASCII_ITERATOR_TYPE),
        range_iterator: mkspec(&objects::iter::range::RANGE_ITERATOR_TYPE),
        dict_keyiterator: mkspec(&objects::iter::dictiter::DICT_KEYITERATOR_TYPE),
        dict_valueiterator: mkspec(&objects::iter::dictiter::DICT_VALUEITERATOR_TYPE),
        dict_itemiterator: mkspec(&objects::iter::dictiter::DICT_ITEMITERATOR_TYPE),
        set_iterator: mkspec(&objects::iter::dictiter::SET_ITERATOR_TYPE),
        iterator: mkspec(&objects::iter::seqiter::ITERATOR_TYPE),
        callable_iterator: mkspec(&objects::iter::seqiter::CALLABLE_ITERATOR_TYPE),
        enumerate: mkspec(&objects::iter::builtins::ENUMERATE_TYPE),
        zip: mkspec(&objects::iter::builtins::ZIP_TYPE),
        map: mkspec(&objects::iter::builtins::MAP_TYPE),
        filter: mkspec(&objects::iter::builtins::FILTER_TYPE),
        reversed: mkspec(&objects::iter::builtins::REVERSED_TYPE),
        dict_keys: mkspec(&objects::dict::views::DICT_KEYS_TYPE),
        dict_values: mkspec(&objects::dict::views::DICT_VALUES_TYPE),
        dict_items: mkspec(&objects::dict::views::DICT_ITEMS_TYPE),
        null: mkspec(&objects::singletons::NULL_TYPE),
        traceback: mkspec(&objects::traceback::TRACEBACK_TYPE),
        frame: mkspec(&objects::frameobj::FRAME_TYPE),
        getset_descriptor: mkspec(&objects::descr::getset::GETSET_DESCRIPTOR_TYPE),
        member_descriptor: mkspec(&objects::descr::getset::MEMBER_DESCRIPTOR_TYPE),
        method_descriptor: mkspec(&objects::descr::method::METHOD_DESCRIPTOR_TYPE),
        classmethod_descriptor: mkspec(&objects::descr::method::CLASSMETHOD_DESCRIPTOR_TYPE),
        wrapper_descriptor: mkspec(&objects::descr::wrapper::WRAPPER_DESCRIPTOR_TYPE),
        method_wrapper: mkspec(&objects::descr::wrapper::METHOD_WRAPPER_TYPE),
        weakref: mkspec(&objects::weakref::REF_TYPE),
        weakproxy: mkspec(&objects::weakproxy::PROXY_TYPE),
        weakcallableproxy: mkspec(&objects::weakproxy::CALLABLE_PROXY_TYPE),
        bytearray: mkspec(&objects::bytearray::BYTEARRAY_TYPE),
        bytearray_iterator: mkspec(&objects::bytes::BYTEARRAY_ITERATOR_TYPE),
        bytes_iterator: mkspec(&objects::bytes::BYTES_ITERATOR_TYPE),
        longrange_iterator: mkspec(&objects::iter::range::LONGRANGE_ITERATOR_TYPE),
        mappingproxy: mkspec(&objects::mappingproxy::MAPPINGPROXY_TYPE),
        memoryview: mkspec(&objects::bytearray::MEMORYVIEW_TYPE),
        int,
        dict: dict_t.clone(),
        object: object.clone(),
        type_: type_.clone(),
    };
    // Exceptions.
    let mut all: Vec<PyRef> = vec![exc_base.clone()];
    for ((_, parent), spec) in EXCEPTION_TREE[1..]
        .iter()
        .zip(objects::exceptions::classes::EXCEPTION_SPECS)
    {
        let base = all
            .iter()
            .find(|t| t.as_type().map(|d| &*d.name() == *parent).unwrap_or(false))
            .cloned()
            .unwrap_or_else(|| exc_base.clone());
        all.push(make_spec_type(
            spec,
            Some(&type_),
            Some(&base),
            Some(&dict_t),
        ));
    }
    let find = |n: &str| {
        all.iter()
            .find(|t| t.as_type().map(|d| &*d.name() == n).unwrap_or(false))
            .cloned()
            .unwrap_or_else(|| exc_base.clone())
    };
    let exc = ExcTypes {
        base_exception: exc_base.clone(),
        exception: find("Exception"),
        type_error: find("TypeError"),
        value_error: find("ValueError"),
        index_error: find("IndexError"),
        key_error: find("KeyError"),
        attribute_error: find("AttributeError"),
        name_error: find("NameError"),
        unbound_local_error: find("UnboundLocalError"),
        zero_division_error: find("ZeroDivisionError"),
        overflow_error: find("OverflowError"),
        runtime_error: find("RuntimeError"),
        recursion_error: find("RecursionError"),
        not_implemented_error: find("NotImplementedError"),
        stop_iteration: find("StopIteration"),
        generator_exit: find("GeneratorExit"),
        system_exit: find("SystemExit"),
        keyboard_interrupt: find("KeyboardInterrupt"),
        assertion_error: find("AssertionError"),
        import_error: find("ImportError"),
        module_not_found_error: find("ModuleNotFoundError"),
        memory_error: find("MemoryError"),
        eof_error: find("EOFError"),
        os_error: find("OSError"),
        file_not_found_error: find("FileNotFoundError"),
        syntax_error: find("SyntaxError"),
        indentation_error: find("IndentationError"),
        tab_error: find("TabError"),
        unicode_decode_error: find("UnicodeDecodeError"),
        unicode_encode_error: find("UnicodeEncodeError"),
        lookup_error: find("LookupError"),
        arithmetic_error: find("ArithmeticError"),
        system_error: find("SystemError"),
        all: all.clone(),
    };
    let none = PyRef::new_immortal(Payload::None, Some(&types.none_type));
    let true_ = PyRef::new_immortal(Payload::Int(1), Some(&types.bool));
    let false_ = PyRef::new_immortal(Payload::Int(0), Some(&types.bool));
    let not_implemented =
        PyRef::new_immortal(Payload::NotImplemented, Some(&types.not_implemented_type));
    let ellipsis = PyRef::new_immortal(Payload::Ellipsis, Some(&types.ellipsis_type));
    let null = PyRef::new_immortal(Payload::Null, Some(&types.null));
    let vm = Box::new(Vm::assemble(
        types,
        exc,
        none,
        true_,
        false_,
        not_implemented,
        ellipsis,
        null,
    ));
    objects::weakref::mark_weakrefable_types(&vm);
    for ty in crate::types::static_types() {
        objects::typeobj::spec::fill_dict(&vm, &ty);
    }
    crate::builtins::init(&vm);
    crate::sysmodule::init(&vm);
    run_prelude(&vm);
    vm
}

/// The namespace of `prelude.py` (Python-level runtime helpers), kept as
/// module state.
#[derive(Default)]
pub struct Prelude {
    pub namespace: std::cell::RefCell<Option<PyRef>>,
}

/// Runs `prelude.py` (Python-level runtime pieces such as
/// `sys.implementation`). A failure here is a bug in minipy itself; it is
/// reported on stderr rather than aborting.
fn run_prelude(vm: &Vm) {
    let m = vm.new_module("_minipy_prelude");
    let Some(d) = vm.instance_dict(&m) else {
        return;
    };
    *vm.module_state::<Prelude>().namespace.borrow_mut() = Some(d.clone());
    if let Err(e) = crate::exec_source(vm, include_str!("prelude.py"), "<minipy prelude>", &d) {
        crate::traceback::write_stderr(&crate::traceback::format_exception(vm, &e));
    }
}
