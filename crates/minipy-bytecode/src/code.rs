//! The code object, with CPython 3.11's fields.
//!
//! `co_code` holds 16-bit code units (opcode in the low byte, argument in the
//! high byte) with the inline `CACHE` units in place, exactly as CPython 3.11
//! lays them out; `co_linetable` and `co_exceptiontable` are byte strings in
//! 3.11's encodings (see [`crate::linetable`] and [`crate::exctable`]).

use std::rc::Rc;

use num_bigint::BigInt;

/// `co_flags` bits (CPython's `CO_*`).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kinds of an entry in `co_localsplusnames` (CPython's `CO_FAST_*`).
pub mod kinds {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant (an element of `co_consts`).
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// An int that fits in a machine word.
    Int(i64),
    /// An int that does not.
    BigInt(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

impl PartialEq for Constant {
    /// Constants are equal when they are the same value *and type* (CPython's
    /// `_PyCode_ConstantKey`: `1`, `1.0` and `True` are distinct constants,
    /// and so are `0.0` and `-0.0`).
    fn eq(&self, other: &Self) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// `eq` compares floats by their bits, so it is reflexive.
impl Eq for Constant {}

impl std::hash::Hash for Constant {
    /// Consistent with `eq`: the variant, then the value as `eq` compares it
    /// (floats by their bits, code objects by address). Lets the compiler
    /// find an existing constant in a hash map instead of scanning `co_consts`.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        use Constant::*;
        std::mem::discriminant(self).hash(state);
        match self {
            None | Ellipsis => {}
            Bool(b) => b.hash(state),
            Int(i) => i.hash(state),
            BigInt(b) => b.hash(state),
            Float(f) => f.to_bits().hash(state),
            Complex { re, im } => {
                re.to_bits().hash(state);
                im.to_bits().hash(state);
            }
            Str(s) => s.hash(state),
            Bytes(b) => b.hash(state),
            Tuple(t) | FrozenSet(t) => t.hash(state),
            Code(c) => std::ptr::hash(Rc::as_ptr(c), state),
        }
    }
}

/// A compiled code object (CPython's `PyCodeObject`, 3.11 layout).
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_stacksize: u32,
    pub co_flags: u32,
    pub co_firstlineno: u32,
    /// Code units: `opcode | (oparg << 8)`, inline caches included.
    pub co_code: Vec<u16>,
    pub co_consts: Vec<Constant>,
    pub co_names: Vec<Rc<str>>,
    /// Locals, then cells, then free variables (an argument that is also a
    /// cell appears once, with both kind bits set).
    pub co_localsplusnames: Vec<Rc<str>>,
    /// One `kinds::*` bit set per entry of `co_localsplusnames`.
    pub co_localspluskinds: Vec<u8>,
    pub co_filename: Rc<str>,
    pub co_name: Rc<str>,
    pub co_qualname: Rc<str>,
    /// 3.11 location table (see `linetable`).
    pub co_linetable: Vec<u8>,
    /// 3.11 exception table (see `exctable`).
    pub co_exceptiontable: Vec<u8>,
}

impl CodeObject {
    fn names_of_kind(&self, want: u8) -> Vec<Rc<str>> {
        self.co_localsplusnames
            .iter()
            .zip(&self.co_localspluskinds)
            .filter(|(_, &k)| k & want != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: the plain locals (arguments first).
    pub fn co_varnames(&self) -> Vec<Rc<str>> {
        self.names_of_kind(kinds::LOCAL)
    }

    /// `co_cellvars`: variables of this scope captured by inner scopes.
    pub fn co_cellvars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(kinds::CELL)
    }

    /// `co_freevars`: variables captured from enclosing scopes.
    pub fn co_freevars(&self) -> Vec<Rc<str>> {
        self.names_of_kind(kinds::FREE)
    }

    /// `co_nlocals`: the number of plain locals.
    pub fn co_nlocals(&self) -> u32 {
        self.co_localspluskinds
            .iter()
            .filter(|&&k| k & kinds::LOCAL != 0)
            .count() as u32
    }

    /// Size of the frame's `localsplus` array (locals + cells + frees).
    pub fn nlocalsplus(&self) -> usize {
        self.co_localsplusnames.len()
    }

    /// `co_code` as CPython's `bytes` (little-endian code units).
    pub fn code_bytes(&self) -> Vec<u8> {
        self.co_code.iter().flat_map(|u| u.to_le_bytes()).collect()
    }

    /// True for generator, coroutine and async generator code.
    pub fn is_generator_like(&self) -> bool {
        self.co_flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}
