//! The built-in exception classes below `BaseException`, one declaration
//! each (CPython's `SimpleExtendsException` / `ComplexExtendsException`
//! table in `Objects/exceptions.c`); generated from CPython 3.11's
//! classes (docstrings, and which dunders each class's dict holds).
//! The behaviour of the classes with members is in `fields.rs`.

use crate::objects::typeobj::{slot, tpflags, Layout, TypeSpec};

use super::fields::*;
use super::{exception_init, exception_new, exception_str};

const FLAGS: u64 = tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::BASE_EXC_SUBCLASS;

pub static BASE_EXCEPTION_GROUP_TYPE: TypeSpec = TypeSpec {
    name: "BaseExceptionGroup",
    doc: Some("A combination of multiple unrelated exceptions."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[
        slot::tp_new(exception_new),
        slot::str(exception_str),
        slot::init(exception_init),
    ],
    methods: &[],
    getsets: &[],
};

pub static GENERATOR_EXIT_TYPE: TypeSpec = TypeSpec {
    name: "GeneratorExit",
    doc: Some("Request that a generator exit."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static KEYBOARD_INTERRUPT_TYPE: TypeSpec = TypeSpec {
    name: "KeyboardInterrupt",
    doc: Some("Program interrupted by user."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static SYSTEM_EXIT_TYPE: TypeSpec = TypeSpec {
    name: "SystemExit",
    doc: Some("Request to exit from the interpreter."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(system_exit_init)],
    methods: &[],
    getsets: SYSTEM_EXIT_MEMBERS,
};

pub static EXCEPTION_TYPE: TypeSpec = TypeSpec {
    name: "Exception",
    doc: Some("Common base class for all non-exit exceptions."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static ARITHMETIC_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ArithmeticError",
    doc: Some("Base class for arithmetic errors."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static FLOATING_POINT_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "FloatingPointError",
    doc: Some("Floating point operation failed."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static OVERFLOW_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "OverflowError",
    doc: Some("Result too large to be represented."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static ZERO_DIVISION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ZeroDivisionError",
    doc: Some("Second argument to a division or modulo operation was zero."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static ASSERTION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "AssertionError",
    doc: Some("Assertion failed."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static ATTRIBUTE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "AttributeError",
    doc: Some("Attribute not found."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::str(exception_str), slot::init(attribute_error_init)],
    methods: &[],
    getsets: ATTRIBUTE_ERROR_MEMBERS,
};

pub static BUFFER_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "BufferError",
    doc: Some("Buffer error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static E_O_F_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "EOFError",
    doc: Some("Read beyond end of file."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static IMPORT_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ImportError",
    doc: Some("Import can't find module, or can't find name in module."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::str(import_error_str), slot::init(import_error_init)],
    methods: IMPORT_ERROR_METHODS,
    getsets: IMPORT_ERROR_MEMBERS,
};

pub static MODULE_NOT_FOUND_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ModuleNotFoundError",
    doc: Some("Module not found."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(import_error_init)],
    methods: &[],
    getsets: &[],
};

pub static LOOKUP_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "LookupError",
    doc: Some("Base class for lookup errors."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static INDEX_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "IndexError",
    doc: Some("Sequence index out of range."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static KEY_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "KeyError",
    doc: Some("Mapping key not found."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::str(key_error_str), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static MEMORY_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "MemoryError",
    doc: Some("Out of memory."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static NAME_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "NameError",
    doc: Some("Name not found globally."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::str(exception_str), slot::init(name_error_init)],
    methods: &[],
    getsets: NAME_ERROR_MEMBERS,
};

pub static UNBOUND_LOCAL_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "UnboundLocalError",
    doc: Some("Local name referenced but not bound to a value."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static O_S_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "OSError",
    doc: Some("Base class for I/O related errors."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[
        slot::tp_new(os_error_new),
        slot::str(os_error_str),
        slot::init(os_error_init),
    ],
    methods: OS_ERROR_METHODS,
    getsets: OS_ERROR_MEMBERS,
};

pub static BLOCKING_I_O_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "BlockingIOError",
    doc: Some("I/O operation would block."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static CHILD_PROCESS_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ChildProcessError",
    doc: Some("Child process error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static CONNECTION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ConnectionError",
    doc: Some("Connection error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static BROKEN_PIPE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "BrokenPipeError",
    doc: Some("Broken pipe."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static CONNECTION_ABORTED_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ConnectionAbortedError",
    doc: Some("Connection aborted."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static CONNECTION_REFUSED_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ConnectionRefusedError",
    doc: Some("Connection refused."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static CONNECTION_RESET_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ConnectionResetError",
    doc: Some("Connection reset."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static FILE_EXISTS_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "FileExistsError",
    doc: Some("File already exists."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static FILE_NOT_FOUND_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "FileNotFoundError",
    doc: Some("File not found."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static INTERRUPTED_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "InterruptedError",
    doc: Some("Interrupted by signal."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static IS_A_DIRECTORY_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "IsADirectoryError",
    doc: Some("Operation doesn't work on directories."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static NOT_A_DIRECTORY_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "NotADirectoryError",
    doc: Some("Operation only works on directories."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static PERMISSION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "PermissionError",
    doc: Some("Not enough permissions."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static PROCESS_LOOKUP_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ProcessLookupError",
    doc: Some("Process not found."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static TIMEOUT_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "TimeoutError",
    doc: Some("Timeout expired."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(os_error_init)],
    methods: &[],
    getsets: &[],
};

pub static REFERENCE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ReferenceError",
    doc: Some("Weak ref proxy used after referent went away."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static RUNTIME_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "RuntimeError",
    doc: Some("Unspecified run-time error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static NOT_IMPLEMENTED_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "NotImplementedError",
    doc: Some("Method or function hasn't been implemented yet."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static RECURSION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "RecursionError",
    doc: Some("Recursion limit exceeded."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static STOP_ASYNC_ITERATION_TYPE: TypeSpec = TypeSpec {
    name: "StopAsyncIteration",
    doc: Some("Signal the end from iterator.__anext__()."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static STOP_ITERATION_TYPE: TypeSpec = TypeSpec {
    name: "StopIteration",
    doc: Some("Signal the end from iterator.__next__()."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(stop_iteration_init)],
    methods: &[],
    getsets: STOP_ITERATION_MEMBERS,
};

pub static SYNTAX_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "SyntaxError",
    doc: Some("Invalid syntax."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::str(syntax_error_str), slot::init(syntax_error_init)],
    methods: &[],
    getsets: SYNTAX_ERROR_MEMBERS,
};

pub static INDENTATION_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "IndentationError",
    doc: Some("Improper indentation."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(syntax_error_init)],
    methods: &[],
    getsets: &[],
};

pub static TAB_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "TabError",
    doc: Some("Improper mixture of spaces and tabs."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::init(syntax_error_init)],
    methods: &[],
    getsets: &[],
};

pub static SYSTEM_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "SystemError",
    doc: Some("Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static TYPE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "TypeError",
    doc: Some("Inappropriate argument type."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static VALUE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "ValueError",
    doc: Some("Inappropriate argument value (of correct type)."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static UNICODE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "UnicodeError",
    doc: Some("Unicode related error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static UNICODE_DECODE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "UnicodeDecodeError",
    doc: Some("Unicode decoding error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[
        slot::tp_new(exception_new),
        slot::str(unicode_decode_error_str),
        slot::init(unicode_decode_error_init),
    ],
    methods: &[],
    getsets: UNICODE_ERROR_MEMBERS,
};

pub static UNICODE_ENCODE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "UnicodeEncodeError",
    doc: Some("Unicode encoding error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[
        slot::tp_new(exception_new),
        slot::str(unicode_encode_error_str),
        slot::init(unicode_encode_error_init),
    ],
    methods: &[],
    getsets: UNICODE_ERROR_MEMBERS,
};

pub static UNICODE_TRANSLATE_ERROR_TYPE: TypeSpec = TypeSpec {
    name: "UnicodeTranslateError",
    doc: Some("Unicode translation error."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[
        slot::tp_new(exception_new),
        slot::str(unicode_translate_error_str),
        slot::init(unicode_translate_error_init),
    ],
    methods: &[],
    getsets: UNICODE_ERROR_MEMBERS,
};

pub static WARNING_TYPE: TypeSpec = TypeSpec {
    name: "Warning",
    doc: Some("Base class for warning categories."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static BYTES_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "BytesWarning",
    doc: Some("Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static DEPRECATION_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "DeprecationWarning",
    doc: Some("Base class for warnings about deprecated features."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static ENCODING_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "EncodingWarning",
    doc: Some("Base class for warnings about encodings."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static FUTURE_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "FutureWarning",
    doc: Some(
        "Base class for warnings about constructs that will change semantically\nin the future.",
    ),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static IMPORT_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "ImportWarning",
    doc: Some("Base class for warnings about probable mistakes in module imports"),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static PENDING_DEPRECATION_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "PendingDeprecationWarning",
    doc: Some("Base class for warnings about features which will be deprecated\nin the future."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static RESOURCE_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "ResourceWarning",
    doc: Some("Base class for warnings about resource usage."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static RUNTIME_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "RuntimeWarning",
    doc: Some("Base class for warnings about dubious runtime behavior."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static SYNTAX_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "SyntaxWarning",
    doc: Some("Base class for warnings about dubious syntax."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static UNICODE_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "UnicodeWarning",
    doc: Some("Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static USER_WARNING_TYPE: TypeSpec = TypeSpec {
    name: "UserWarning",
    doc: Some("Base class for warnings generated by user code."),
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

pub static EXCEPTION_GROUP_TYPE: TypeSpec = TypeSpec {
    name: "ExceptionGroup",
    doc: None,
    layout: Layout::Exception,
    flags: FLAGS,
    slots: &[slot::tp_new(exception_new), slot::init(exception_init)],
    methods: &[],
    getsets: &[],
};

/// The classes in `types::EXCEPTION_TREE` order (after `BaseException`).
pub static EXCEPTION_SPECS: &[&TypeSpec] = &[
    &BASE_EXCEPTION_GROUP_TYPE,
    &GENERATOR_EXIT_TYPE,
    &KEYBOARD_INTERRUPT_TYPE,
    &SYSTEM_EXIT_TYPE,
    &EXCEPTION_TYPE,
    &ARITHMETIC_ERROR_TYPE,
    &FLOATING_POINT_ERROR_TYPE,
    &OVERFLOW_ERROR_TYPE,
    &ZERO_DIVISION_ERROR_TYPE,
    &ASSERTION_ERROR_TYPE,
    &ATTRIBUTE_ERROR_TYPE,
    &BUFFER_ERROR_TYPE,
    &E_O_F_ERROR_TYPE,
    &IMPORT_ERROR_TYPE,
    &MODULE_NOT_FOUND_ERROR_TYPE,
    &LOOKUP_ERROR_TYPE,
    &INDEX_ERROR_TYPE,
    &KEY_ERROR_TYPE,
    &MEMORY_ERROR_TYPE,
    &NAME_ERROR_TYPE,
    &UNBOUND_LOCAL_ERROR_TYPE,
    &O_S_ERROR_TYPE,
    &BLOCKING_I_O_ERROR_TYPE,
    &CHILD_PROCESS_ERROR_TYPE,
    &CONNECTION_ERROR_TYPE,
    &BROKEN_PIPE_ERROR_TYPE,
    &CONNECTION_ABORTED_ERROR_TYPE,
    &CONNECTION_REFUSED_ERROR_TYPE,
    &CONNECTION_RESET_ERROR_TYPE,
    &FILE_EXISTS_ERROR_TYPE,
    &FILE_NOT_FOUND_ERROR_TYPE,
    &INTERRUPTED_ERROR_TYPE,
    &IS_A_DIRECTORY_ERROR_TYPE,
    &NOT_A_DIRECTORY_ERROR_TYPE,
    &PERMISSION_ERROR_TYPE,
    &PROCESS_LOOKUP_ERROR_TYPE,
    &TIMEOUT_ERROR_TYPE,
    &REFERENCE_ERROR_TYPE,
    &RUNTIME_ERROR_TYPE,
    &NOT_IMPLEMENTED_ERROR_TYPE,
    &RECURSION_ERROR_TYPE,
    &STOP_ASYNC_ITERATION_TYPE,
    &STOP_ITERATION_TYPE,
    &SYNTAX_ERROR_TYPE,
    &INDENTATION_ERROR_TYPE,
    &TAB_ERROR_TYPE,
    &SYSTEM_ERROR_TYPE,
    &TYPE_ERROR_TYPE,
    &VALUE_ERROR_TYPE,
    &UNICODE_ERROR_TYPE,
    &UNICODE_DECODE_ERROR_TYPE,
    &UNICODE_ENCODE_ERROR_TYPE,
    &UNICODE_TRANSLATE_ERROR_TYPE,
    &WARNING_TYPE,
    &BYTES_WARNING_TYPE,
    &DEPRECATION_WARNING_TYPE,
    &ENCODING_WARNING_TYPE,
    &FUTURE_WARNING_TYPE,
    &IMPORT_WARNING_TYPE,
    &PENDING_DEPRECATION_WARNING_TYPE,
    &RESOURCE_WARNING_TYPE,
    &RUNTIME_WARNING_TYPE,
    &SYNTAX_WARNING_TYPE,
    &UNICODE_WARNING_TYPE,
    &USER_WARNING_TYPE,
    &EXCEPTION_GROUP_TYPE,
];
