//! The built-in types, one file per type (named after it), each ending in
//! its method table.

pub mod bytearray;
pub mod bytes;
pub mod descr;
pub mod descriptors;
pub mod dict;
pub mod dict_methods;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod generator;
pub mod inline_values;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod module;
pub mod number;
pub mod range;
pub mod seq;
pub mod set;
pub mod sizeof;
pub mod slot_wrappers;
pub mod special;
pub mod str;
pub mod textio;
pub mod tuple;
pub mod typeobj;
pub mod weakref;
