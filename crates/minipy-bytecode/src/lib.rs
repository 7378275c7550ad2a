//! CPython 3.11's instruction set ([`opcode`]), the code object ([`code`]),
//! the location and exception tables ([`linetable`], [`exctable`]) and the
//! disassembler ([`dis`]).
#![forbid(unsafe_code)]

pub mod code;
pub mod dis;
pub mod exctable;
pub mod linetable;
pub mod opcode;
pub mod repr;

pub use code::{CodeObject, Constant};
pub use opcode::{ArgKind, Opcode};
