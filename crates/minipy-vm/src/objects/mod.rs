//! The built-in types, one file per type (named after it), each ending in
//! its method table.

pub mod bool;
pub mod builtin_function;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod classmethod;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
/// Transitional: the legacy switchboards' path to `dict`'s helpers.
pub use dict::methods as dict_methods;
pub mod exceptions;
pub mod float;
pub mod frameobj;
pub mod function;
pub mod generator;
pub mod genericalias;
pub mod inline_values;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod method;
pub mod module;
pub mod number;
pub mod property;
pub mod range;
pub mod seq;
pub mod set;
pub mod singletons;
pub mod sizeof;
pub mod slice;
pub mod slot_wrappers;
pub mod special;
pub mod staticmethod;
pub mod str;
pub mod superobj;
pub mod textio;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod weakproxy;
pub mod weakref;
