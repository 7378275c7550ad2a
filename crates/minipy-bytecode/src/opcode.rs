//! CPython 3.11's instruction set, defined by ONE table.
//!
//! Every instruction is one 16-bit code unit — the low byte is the opcode,
//! the high byte its argument — followed by the number of `CACHE` code units
//! the table gives (CPython's inline caches for the specialising
//! interpreter; a non-specialising loop simply skips them):
//!
//! ```text
//!   15            8 7             0
//!  +---------------+---------------+
//!  |    oparg      |    opcode     |   one code unit (u16, little-endian in co_code)
//!  +---------------+---------------+
//!  |           CACHE (0)           |   × Opcode::cache_entries()
//!  +-------------------------------+
//! ```
//!
//! Arguments wider than 8 bits are built by `EXTENDED_ARG` prefixes, each
//! shifting the accumulated argument left by 8 bits.
//!
//! The table below is the single source of truth: the `Opcode` enum, the
//! names, the numbers (those of CPython 3.11's `Lib/opcode.py`), the inline
//! cache sizes, the argument kind, the stack effect (`compile.c`'s
//! `stack_effect` for 3.11) and the flags all derive from it. The compiler's
//! stack-depth computation, the disassembler and the evaluation loop read it.
//!
//! Stack effects are written `|oparg, jump| expr`: `jump` is true when the
//! effect is asked for the branch-taken edge of a jump instruction.

/// What an instruction's argument means (drives `dis` and the compiler).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The instruction takes no argument (opcode < HAVE_ARGUMENT).
    None,
    /// A plain number (counts, flags, operator selectors).
    Number,
    /// Index into `co_names`.
    Name,
    /// Index into `co_consts`.
    Const,
    /// Index into the fast locals (`co_localsplusnames`).
    Local,
    /// Index into cells and free variables (also in `co_localsplusnames`).
    Free,
    /// Relative jump forward: target = next instruction (after caches) + oparg.
    JumpForward,
    /// Relative jump backward: target = next instruction (after caches) - oparg.
    JumpBackward,
    /// Index into `cmp_op` (`COMPARE_OP`).
    Compare,
}

macro_rules! define_opcodes {
    ( $( $(#[doc = $doc:literal])* $name:ident = $num:literal, cache $cache:literal, $kind:ident, |$oparg:ident, $jump:ident| $effect:expr; )* ) => {
        /// A CPython 3.11 opcode. The discriminant is the opcode number.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        /// `(opcode number, name)` for every real opcode, in numeric order.
        pub const OPCODES: &[Opcode] = &[ $( Opcode::$name, )* ];

        /// Opcode by number (None where CPython 3.11 defines none): the
        /// decode table of the evaluation loop, derived from the table above.
        const DECODE: [Option<Opcode>; 256] = {
            let mut t = [None; 256];
            $( t[$num] = Some(Opcode::$name); )*
            t
        };

        /// Inline cache entries by opcode number, derived from the table above.
        const CACHE_ENTRIES: [u8; 256] = {
            let mut t = [0u8; 256];
            $( t[$num] = $cache; )*
            t
        };

        impl Opcode {
            /// The opcode with number `n`, if CPython 3.11 defines one.
            #[inline(always)]
            pub const fn from_u8(n: u8) -> Option<Opcode> {
                DECODE[n as usize]
            }

            /// The name as CPython's `opcode.opname` spells it.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// Number of inline `CACHE` code units that follow the instruction.
            #[inline(always)]
            pub const fn cache_entries(self) -> usize {
                CACHE_ENTRIES[self as usize] as usize
            }

            /// What the argument means.
            pub const fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Net change of the value-stack depth (CPython 3.11 `stack_effect`).
            #[allow(unused_variables)]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                match self {
                    $( Opcode::$name => { let $oparg = oparg as i32; let $jump = jump; $effect } )*
                }
            }
        }
    };
}

define_opcodes! {
    /// Inline cache entry; never executed.
    CACHE = 0, cache 0, None, |o, j| 0;
    /// `(value -- )`
    POP_TOP = 1, cache 0, None, |o, j| -1;
    /// `( -- NULL)` marks "no self" below a callable.
    PUSH_NULL = 2, cache 0, None, |o, j| 1;
    NOP = 9, cache 0, None, |o, j| 0;
    /// `(value -- +value)`
    UNARY_POSITIVE = 10, cache 0, None, |o, j| 0;
    /// `(value -- -value)`
    UNARY_NEGATIVE = 11, cache 0, None, |o, j| 0;
    /// `(value -- not value)`
    UNARY_NOT = 12, cache 0, None, |o, j| 0;
    /// `(value -- ~value)`
    UNARY_INVERT = 15, cache 0, None, |o, j| 0;
    /// `(container, sub -- container[sub])`
    BINARY_SUBSCR = 25, cache 4, None, |o, j| -1;
    /// `(obj -- obj, len(obj))`
    GET_LEN = 30, cache 0, None, |o, j| 1;
    MATCH_MAPPING = 31, cache 0, None, |o, j| 1;
    MATCH_SEQUENCE = 32, cache 0, None, |o, j| 1;
    MATCH_KEYS = 33, cache 0, None, |o, j| 1;
    /// `(exc -- prev_exc, exc)` saves the handled exception.
    PUSH_EXC_INFO = 35, cache 0, None, |o, j| 1;
    /// `(exc, type -- exc, bool)`
    CHECK_EXC_MATCH = 36, cache 0, None, |o, j| 0;
    CHECK_EG_MATCH = 37, cache 0, None, |o, j| 0;
    /// `(exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, res)`
    WITH_EXCEPT_START = 49, cache 0, None, |o, j| 1;
    GET_AITER = 50, cache 0, None, |o, j| 0;
    GET_ANEXT = 51, cache 0, None, |o, j| 1;
    BEFORE_ASYNC_WITH = 52, cache 0, None, |o, j| 1;
    /// `(mgr -- exit, mgr.__enter__())`
    BEFORE_WITH = 53, cache 0, None, |o, j| 1;
    END_ASYNC_FOR = 54, cache 0, None, |o, j| -2;
    /// `(value, container, sub -- )` container[sub] = value
    STORE_SUBSCR = 60, cache 1, None, |o, j| -3;
    /// `(container, sub -- )`
    DELETE_SUBSCR = 61, cache 0, None, |o, j| -2;
    /// `(iterable -- iter(iterable))`
    GET_ITER = 68, cache 0, None, |o, j| 0;
    GET_YIELD_FROM_ITER = 69, cache 0, None, |o, j| 0;
    PRINT_EXPR = 70, cache 0, None, |o, j| -1;
    /// `( -- builtins.__build_class__)`
    LOAD_BUILD_CLASS = 71, cache 0, None, |o, j| 1;
    LOAD_ASSERTION_ERROR = 74, cache 0, None, |o, j| 1;
    /// Creates the generator object and returns it from the frame.
    RETURN_GENERATOR = 75, cache 0, None, |o, j| 0;
    LIST_TO_TUPLE = 82, cache 0, None, |o, j| 0;
    /// `(value -- )` returns value
    RETURN_VALUE = 83, cache 0, None, |o, j| -1;
    IMPORT_STAR = 84, cache 0, None, |o, j| -1;
    SETUP_ANNOTATIONS = 85, cache 0, None, |o, j| 0;
    /// `(value -- sent)`
    YIELD_VALUE = 86, cache 0, None, |o, j| 0;
    ASYNC_GEN_WRAP = 87, cache 0, None, |o, j| 0;
    PREP_RERAISE_STAR = 88, cache 0, None, |o, j| -1;
    /// `(prev_exc -- )` restores the handled exception.
    POP_EXCEPT = 89, cache 0, None, |o, j| -1;
    /// `(value -- )` names[oparg] = value
    STORE_NAME = 90, cache 0, Name, |o, j| -1;
    DELETE_NAME = 91, cache 0, Name, |o, j| 0;
    /// `(seq -- item[oparg-1], ..., item[0])`
    UNPACK_SEQUENCE = 92, cache 1, Number, |o, j| o - 1;
    /// `(iter -- iter, next)`; on exhaustion pops iter and jumps
    FOR_ITER = 93, cache 0, JumpForward, |o, j| if j { -1 } else { 1 };
    UNPACK_EX = 94, cache 0, Number, |o, j| (o & 0xFF) + (o >> 8);
    /// `(value, owner -- )` owner.names[oparg] = value
    STORE_ATTR = 95, cache 4, Name, |o, j| -2;
    DELETE_ATTR = 96, cache 0, Name, |o, j| -1;
    STORE_GLOBAL = 97, cache 0, Name, |o, j| -1;
    DELETE_GLOBAL = 98, cache 0, Name, |o, j| 0;
    /// Swaps TOS with the item at position oparg.
    SWAP = 99, cache 0, Number, |o, j| 0;
    /// `( -- consts[oparg])`
    LOAD_CONST = 100, cache 0, Const, |o, j| 1;
    LOAD_NAME = 101, cache 0, Name, |o, j| 1;
    BUILD_TUPLE = 102, cache 0, Number, |o, j| 1 - o;
    BUILD_LIST = 103, cache 0, Number, |o, j| 1 - o;
    BUILD_SET = 104, cache 0, Number, |o, j| 1 - o;
    BUILD_MAP = 105, cache 0, Number, |o, j| 1 - 2 * o;
    /// `(owner -- owner.names[oparg])`
    LOAD_ATTR = 106, cache 4, Name, |o, j| 0;
    /// `(left, right -- left cmp_op[oparg] right)`
    COMPARE_OP = 107, cache 2, Compare, |o, j| -1;
    /// `(level, fromlist -- module)`
    IMPORT_NAME = 108, cache 0, Name, |o, j| -1;
    IMPORT_FROM = 109, cache 0, Name, |o, j| 1;
    JUMP_FORWARD = 110, cache 0, JumpForward, |o, j| 0;
    JUMP_IF_FALSE_OR_POP = 111, cache 0, JumpForward, |o, j| if j { 0 } else { -1 };
    JUMP_IF_TRUE_OR_POP = 112, cache 0, JumpForward, |o, j| if j { 0 } else { -1 };
    POP_JUMP_FORWARD_IF_FALSE = 114, cache 0, JumpForward, |o, j| -1;
    POP_JUMP_FORWARD_IF_TRUE = 115, cache 0, JumpForward, |o, j| -1;
    /// `( -- [NULL,] globals[names[oparg>>1]])`
    LOAD_GLOBAL = 116, cache 5, Name, |o, j| (o & 1) + 1;
    IS_OP = 117, cache 0, Number, |o, j| -1;
    CONTAINS_OP = 118, cache 0, Number, |o, j| -1;
    /// `(exc -- )` re-raises; oparg set means restore f_lasti from the stack
    RERAISE = 119, cache 0, Number, |o, j| -1;
    /// Pushes a copy of the item at position oparg.
    COPY = 120, cache 0, Number, |o, j| 1;
    /// `(lhs, rhs -- lhs op rhs)` op from `_nb_ops[oparg]`
    BINARY_OP = 122, cache 1, Number, |o, j| -1;
    SEND = 123, cache 0, JumpForward, |o, j| if j { -1 } else { 0 };
    /// `( -- localsplus[oparg])`
    LOAD_FAST = 124, cache 0, Local, |o, j| 1;
    STORE_FAST = 125, cache 0, Local, |o, j| -1;
    DELETE_FAST = 126, cache 0, Local, |o, j| 0;
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, cache 0, JumpForward, |o, j| -1;
    POP_JUMP_FORWARD_IF_NONE = 129, cache 0, JumpForward, |o, j| -1;
    RAISE_VARARGS = 130, cache 0, Number, |o, j| -o;
    GET_AWAITABLE = 131, cache 0, Number, |o, j| 0;
    /// `([defaults, kwdefaults, annotations, closure,] code -- function)`
    MAKE_FUNCTION = 132, cache 0, Number, |o, j| -(((o & 1) != 0) as i32) - (((o & 2) != 0) as i32) - (((o & 4) != 0) as i32) - (((o & 8) != 0) as i32);
    BUILD_SLICE = 133, cache 0, Number, |o, j| if o == 3 { -2 } else { -1 };
    JUMP_BACKWARD_NO_INTERRUPT = 134, cache 0, JumpBackward, |o, j| 0;
    MAKE_CELL = 135, cache 0, Free, |o, j| 0;
    LOAD_CLOSURE = 136, cache 0, Free, |o, j| 1;
    LOAD_DEREF = 137, cache 0, Free, |o, j| 1;
    STORE_DEREF = 138, cache 0, Free, |o, j| -1;
    DELETE_DEREF = 139, cache 0, Free, |o, j| 0;
    JUMP_BACKWARD = 140, cache 0, JumpBackward, |o, j| 0;
    CALL_FUNCTION_EX = 142, cache 0, Number, |o, j| -2 - (((o & 1) != 0) as i32);
    EXTENDED_ARG = 144, cache 0, Number, |o, j| 0;
    LIST_APPEND = 145, cache 0, Number, |o, j| -1;
    SET_ADD = 146, cache 0, Number, |o, j| -1;
    MAP_ADD = 147, cache 0, Number, |o, j| -2;
    LOAD_CLASSDEREF = 148, cache 0, Free, |o, j| 1;
    COPY_FREE_VARS = 149, cache 0, Number, |o, j| 0;
    RESUME = 151, cache 0, Number, |o, j| 0;
    MATCH_CLASS = 152, cache 0, Number, |o, j| -2;
    FORMAT_VALUE = 155, cache 0, Number, |o, j| if (o & 0x04) == 0x04 { -1 } else { 0 };
    BUILD_CONST_KEY_MAP = 156, cache 0, Number, |o, j| -o;
    BUILD_STRING = 157, cache 0, Number, |o, j| 1 - o;
    /// `(owner -- unbound_meth, owner)` or `(owner -- NULL, attr)`
    LOAD_METHOD = 160, cache 10, Name, |o, j| 1;
    LIST_EXTEND = 162, cache 0, Number, |o, j| -1;
    SET_UPDATE = 163, cache 0, Number, |o, j| -1;
    DICT_MERGE = 164, cache 0, Number, |o, j| -1;
    DICT_UPDATE = 165, cache 0, Number, |o, j| -1;
    /// Prepares a call (binds methods); the stack accounting of a call is split with `CALL`.
    PRECALL = 166, cache 1, Number, |o, j| -o;
    /// `(NULL|meth, callable|self, args[oparg] -- result)`
    CALL = 171, cache 4, Number, |o, j| -1;
    KW_NAMES = 172, cache 0, Const, |o, j| 0;
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, cache 0, JumpBackward, |o, j| -1;
    POP_JUMP_BACKWARD_IF_NONE = 174, cache 0, JumpBackward, |o, j| -1;
    POP_JUMP_BACKWARD_IF_FALSE = 175, cache 0, JumpBackward, |o, j| -1;
    POP_JUMP_BACKWARD_IF_TRUE = 176, cache 0, JumpBackward, |o, j| -1;
}

/// Opcodes below this number take no argument (`opcode.HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u8 = 90;

/// `opcode.cmp_op`.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `opcode._nb_ops`: (enum name, symbol) for `BINARY_OP`'s argument.
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// `BINARY_OP` argument values (indexes into [`NB_OPS`]).
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Add this to a binary operator to get its in-place form.
    pub const INPLACE_OFFSET: u32 = 13;
}

/// `FORMAT_VALUE` flags.
pub mod fvc {
    pub const MASK: u32 = 0x3;
    pub const NONE: u32 = 0x0;
    pub const STR: u32 = 0x1;
    pub const REPR: u32 = 0x2;
    pub const ASCII: u32 = 0x3;
    pub const HAVE_SPEC: u32 = 0x4;
}

/// `MAKE_FUNCTION` flags.
pub mod mkfn {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

impl Opcode {
    /// True when the opcode takes an argument.
    pub const fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// True for every relative jump (forward or backward).
    pub const fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward
        )
    }

    /// True for instructions after which control never falls through.
    pub const fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// Code units the instruction occupies including its caches (not its EXTENDED_ARG prefixes).
    pub const fn size(self) -> usize {
        1 + self.cache_entries()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for &op in OPCODES {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(Opcode::from_u8(3), None);
        assert_eq!(OPCODES.len(), 110);
    }

    #[test]
    fn cache_sizes_match_cpython() {
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_METHOD.cache_entries(), 10);
        assert_eq!(Opcode::CALL.cache_entries(), 4);
        assert_eq!(Opcode::BINARY_OP.cache_entries(), 1);
    }

    #[test]
    fn stack_effects() {
        assert_eq!(Opcode::BUILD_MAP.stack_effect(2, false), -3);
        assert_eq!(Opcode::FOR_ITER.stack_effect(4, true), -1);
        assert_eq!(Opcode::FOR_ITER.stack_effect(4, false), 1);
        assert_eq!(Opcode::MAKE_FUNCTION.stack_effect(0x09, false), -2);
        assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(3, false), 2);
    }
}
