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
//!
//! Every entry opens with a doc line (the macro requires it) giving the
//! instruction's stack picture and meaning, in the notation of CPython's
//! `Python/bytecodes.c`: `(inputs -- outputs)`, the top of the stack
//! rightmost; `name[n]` is n items, `name if (cond)` an item present only
//! when cond holds, `a|b` one item that is a or b, `unused[n]` items the
//! instruction reaches past without touching. For a jump the picture is the
//! fall-through edge. A test checks that each picture agrees with the
//! numeric effect for a range of opargs.

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
    ( $(
        #[doc = $doc:literal] $(#[doc = $more:literal])*
        $name:ident = $num:literal, cache $cache:literal, $kind:ident, |$oparg:ident, $jump:ident| $effect:expr;
    )* ) => {
        /// A CPython 3.11 opcode. The discriminant is the opcode number.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( #[doc = $doc] $(#[doc = $more])* $name = $num, )*
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

            /// The first line of the opcode's doc comment: its stack picture
            /// `(inputs -- outputs)` and the start of its meaning.
            pub const fn doc(self) -> &'static str {
                match self { $( Opcode::$name => $doc, )* }
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
    /// `( -- )` an inline cache entry of the instruction before it; never executed (reaching one is
    /// bad bytecode).
    CACHE = 0, cache 0, None, |o, j| 0;
    /// `(value -- )` discards the top of the stack.
    POP_TOP = 1, cache 0, None, |o, j| -1;
    /// `( -- NULL)` marks "no self" below a callable, for `CALL`.
    PUSH_NULL = 2, cache 0, None, |o, j| 1;
    /// `( -- )` does nothing (keeps a line number alive).
    NOP = 9, cache 0, None, |o, j| 0;
    /// `(value -- res)` res = +value.
    UNARY_POSITIVE = 10, cache 0, None, |o, j| 0;
    /// `(value -- res)` res = -value.
    UNARY_NEGATIVE = 11, cache 0, None, |o, j| 0;
    /// `(value -- res)` res = not value.
    UNARY_NOT = 12, cache 0, None, |o, j| 0;
    /// `(value -- res)` res = ~value.
    UNARY_INVERT = 15, cache 0, None, |o, j| 0;
    /// `(container, sub -- res)` res = container[sub].
    BINARY_SUBSCR = 25, cache 4, None, |o, j| -1;
    /// `(obj -- obj, len)` len = len(obj), for sequence patterns.
    GET_LEN = 30, cache 0, None, |o, j| 1;
    /// `(subject -- subject, res)` res = whether type(subject) is a mapping (`Py_TPFLAGS_MAPPING`).
    MATCH_MAPPING = 31, cache 0, None, |o, j| 1;
    /// `(subject -- subject, res)` res = whether type(subject) is a sequence
    /// (`Py_TPFLAGS_SEQUENCE`).
    MATCH_SEQUENCE = 32, cache 0, None, |o, j| 1;
    /// `(subject, keys -- subject, keys, values)` values = tuple of subject[k] for k in the keys
    /// tuple, or None if a key is missing.
    MATCH_KEYS = 33, cache 0, None, |o, j| 1;
    /// `(exc -- prev_exc, exc)` makes exc the handled exception, saving the previous one (or None)
    /// below it.
    PUSH_EXC_INFO = 35, cache 0, None, |o, j| 1;
    /// `(exc, type -- exc, res)` res = whether exc matches `except type:` (type may be a tuple).
    CHECK_EXC_MATCH = 36, cache 0, None, |o, j| 0;
    /// `(exc, match_type -- rest, match)` splits the exception group exc for `except* match_type:`;
    /// with no match, rest is exc and match None.
    CHECK_EG_MATCH = 37, cache 0, None, |o, j| 0;
    /// `(exit_func, lasti, prev_exc, exc -- exit_func, lasti, prev_exc, exc, res)` res =
    /// exit_func(type(exc), exc, exc.__traceback__).
    WITH_EXCEPT_START = 49, cache 0, None, |o, j| 1;
    /// `(obj -- aiter)` aiter = obj.__aiter__().
    GET_AITER = 50, cache 0, None, |o, j| 0;
    /// `(aiter -- aiter, awaitable)` awaitable for aiter.__anext__().
    GET_ANEXT = 51, cache 0, None, |o, j| 1;
    /// `(mgr -- exit, res)` exit = bound mgr.__aexit__, res = mgr.__aenter__() (an awaitable).
    BEFORE_ASYNC_WITH = 52, cache 0, None, |o, j| 1;
    /// `(mgr -- exit, res)` exit = bound mgr.__exit__, res = mgr.__enter__().
    BEFORE_WITH = 53, cache 0, None, |o, j| 1;
    /// `(aiter, exc -- )` ends an `async for` loop if exc is a StopAsyncIteration, else re-raises
    /// exc.
    END_ASYNC_FOR = 54, cache 0, None, |o, j| -2;
    /// `(value, container, sub -- )` container[sub] = value.
    STORE_SUBSCR = 60, cache 1, None, |o, j| -3;
    /// `(container, sub -- )` del container[sub].
    DELETE_SUBSCR = 61, cache 0, None, |o, j| -2;
    /// `(iterable -- iter)` iter = iter(iterable).
    GET_ITER = 68, cache 0, None, |o, j| 0;
    /// `(iterable -- iter)` iter(iterable) unless it is a generator (or a coroutine, in a
    /// coroutine), for `yield from`.
    GET_YIELD_FROM_ITER = 69, cache 0, None, |o, j| 0;
    /// `(value -- )` calls sys.displayhook(value) (interactive mode).
    PRINT_EXPR = 70, cache 0, None, |o, j| -1;
    /// `( -- build_class)` pushes builtins.__build_class__.
    LOAD_BUILD_CLASS = 71, cache 0, None, |o, j| 1;
    /// `( -- AssertionError)` pushes AssertionError, for `assert`.
    LOAD_ASSERTION_ERROR = 74, cache 0, None, |o, j| 1;
    /// `( -- )` returns a new generator (coroutine, async generator) owning this frame; the first
    /// send() resumes after it with the sent None pushed.
    RETURN_GENERATOR = 75, cache 0, None, |o, j| 0;
    /// `(list -- tuple)` tuple = tuple(list).
    LIST_TO_TUPLE = 82, cache 0, None, |o, j| 0;
    /// `(retval -- )` returns retval to the caller.
    RETURN_VALUE = 83, cache 0, None, |o, j| -1;
    /// `(module -- )` `from module import *` into the locals namespace.
    IMPORT_STAR = 84, cache 0, None, |o, j| -1;
    /// `( -- )` creates `__annotations__` in the locals namespace if it is missing.
    SETUP_ANNOTATIONS = 85, cache 0, None, |o, j| 0;
    /// `(value -- sent)` suspends the generator yielding value; it resumes with the value sent in.
    YIELD_VALUE = 86, cache 0, None, |o, j| 0;
    /// `(value -- wrapped)` marks a value yielded by an async generator.
    ASYNC_GEN_WRAP = 87, cache 0, None, |o, j| 0;
    /// `(orig, excs -- val)` val = what the `except*` clauses leave to raise (or None), from the
    /// original group and the list excs.
    PREP_RERAISE_STAR = 88, cache 0, None, |o, j| -1;
    /// `(prev_exc -- )` restores prev_exc as the handled exception.
    POP_EXCEPT = 89, cache 0, None, |o, j| -1;
    /// `(value -- )` locals[co_names[oparg]] = value.
    STORE_NAME = 90, cache 0, Name, |o, j| -1;
    /// `( -- )` del locals[co_names[oparg]].
    DELETE_NAME = 91, cache 0, Name, |o, j| 0;
    /// `(seq -- items[oparg])` unpacks seq into exactly oparg values, the first on top.
    UNPACK_SEQUENCE = 92, cache 1, Number, |o, j| o - 1;
    /// `(iter -- iter, next)` next = next(iter); when iter is exhausted, pops it and jumps forward
    /// by oparg.
    FOR_ITER = 93, cache 0, JumpForward, |o, j| if j { -1 } else { 1 };
    /// `(seq -- after[oparg >> 8], rest, before[oparg & 0xFF])` starred unpacking: oparg & 0xFF
    /// values before the star, the list rest, oparg >> 8 after; the first on top.
    UNPACK_EX = 94, cache 0, Number, |o, j| (o & 0xFF) + (o >> 8);
    /// `(value, owner -- )` owner.co_names[oparg] = value.
    STORE_ATTR = 95, cache 4, Name, |o, j| -2;
    /// `(owner -- )` del owner.co_names[oparg].
    DELETE_ATTR = 96, cache 0, Name, |o, j| -1;
    /// `(value -- )` globals[co_names[oparg]] = value.
    STORE_GLOBAL = 97, cache 0, Name, |o, j| -1;
    /// `( -- )` del globals[co_names[oparg]].
    DELETE_GLOBAL = 98, cache 0, Name, |o, j| 0;
    /// `(bottom, unused[oparg-2], top -- top, unused[oparg-2], bottom)` swaps the top with the item
    /// at position oparg (1 = top).
    SWAP = 99, cache 0, Number, |o, j| 0;
    /// `( -- value)` value = co_consts[oparg].
    LOAD_CONST = 100, cache 0, Const, |o, j| 1;
    /// `( -- value)` co_names[oparg] from locals, else globals, else builtins.
    LOAD_NAME = 101, cache 0, Name, |o, j| 1;
    /// `(values[oparg] -- tuple)` a tuple of the oparg values.
    BUILD_TUPLE = 102, cache 0, Number, |o, j| 1 - o;
    /// `(values[oparg] -- list)` a list of the oparg values.
    BUILD_LIST = 103, cache 0, Number, |o, j| 1 - o;
    /// `(values[oparg] -- set)` a set of the oparg values.
    BUILD_SET = 104, cache 0, Number, |o, j| 1 - o;
    /// `(items[2 * oparg] -- dict)` a dict of oparg key, value pairs (each key below its value).
    BUILD_MAP = 105, cache 0, Number, |o, j| 1 - 2 * o;
    /// `(owner -- attr)` attr = owner.co_names[oparg].
    LOAD_ATTR = 106, cache 4, Name, |o, j| 0;
    /// `(left, right -- res)` res = left cmp_op[oparg] right.
    COMPARE_OP = 107, cache 2, Compare, |o, j| -1;
    /// `(level, fromlist -- module)` module = __import__(co_names[oparg], globals, locals,
    /// fromlist, level).
    IMPORT_NAME = 108, cache 0, Name, |o, j| -1;
    /// `(module -- module, attr)` attr = module.co_names[oparg] (else the submodule from
    /// sys.modules).
    IMPORT_FROM = 109, cache 0, Name, |o, j| 1;
    /// `( -- )` jumps forward by oparg code units.
    JUMP_FORWARD = 110, cache 0, JumpForward, |o, j| 0;
    /// `(cond -- )` pops cond if it is true; if false, jumps forward by oparg leaving it on the
    /// stack.
    JUMP_IF_FALSE_OR_POP = 111, cache 0, JumpForward, |o, j| if j { 0 } else { -1 };
    /// `(cond -- )` pops cond if it is false; if true, jumps forward by oparg leaving it on the
    /// stack.
    JUMP_IF_TRUE_OR_POP = 112, cache 0, JumpForward, |o, j| if j { 0 } else { -1 };
    /// `(cond -- )` jumps forward by oparg if cond is false.
    POP_JUMP_FORWARD_IF_FALSE = 114, cache 0, JumpForward, |o, j| -1;
    /// `(cond -- )` jumps forward by oparg if cond is true.
    POP_JUMP_FORWARD_IF_TRUE = 115, cache 0, JumpForward, |o, j| -1;
    /// `( -- NULL if (oparg & 1), value)` value = co_names[oparg >> 1] from globals, else builtins;
    /// a NULL below it for `CALL` if oparg & 1.
    LOAD_GLOBAL = 116, cache 5, Name, |o, j| (o & 1) + 1;
    /// `(left, right -- res)` res = left is right (is not, if oparg is 1).
    IS_OP = 117, cache 0, Number, |o, j| -1;
    /// `(left, right -- res)` res = left in right (not in, if oparg is 1).
    CONTAINS_OP = 118, cache 0, Number, |o, j| -1;
    /// `(exc -- )` re-raises exc; if oparg is set, first restores f_lasti from the int at stack
    /// position oparg below exc.
    RERAISE = 119, cache 0, Number, |o, j| -1;
    /// `(bottom, unused[oparg-1] -- bottom, unused[oparg-1], bottom)` pushes the item at position
    /// oparg (1 = top) again.
    COPY = 120, cache 0, Number, |o, j| 1;
    /// `(lhs, rhs -- res)` res = lhs _nb_ops[oparg] rhs (the in-place forms from 13 on).
    BINARY_OP = 122, cache 1, Number, |o, j| -1;
    /// `(receiver, value -- receiver, retval)` retval = receiver.send(value) (next() for None);
    /// when receiver returns, its return value replaces it and jumps forward by oparg.
    SEND = 123, cache 0, JumpForward, |o, j| if j { -1 } else { 0 };
    /// `( -- value)` value = localsplus[oparg] (UnboundLocalError if unbound).
    LOAD_FAST = 124, cache 0, Local, |o, j| 1;
    /// `(value -- )` localsplus[oparg] = value.
    STORE_FAST = 125, cache 0, Local, |o, j| -1;
    /// `( -- )` unbinds localsplus[oparg] (UnboundLocalError if unbound).
    DELETE_FAST = 126, cache 0, Local, |o, j| 0;
    /// `(value -- )` jumps forward by oparg if value is not None.
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, cache 0, JumpForward, |o, j| -1;
    /// `(value -- )` jumps forward by oparg if value is None.
    POP_JUMP_FORWARD_IF_NONE = 129, cache 0, JumpForward, |o, j| -1;
    /// `(args[oparg] -- )` oparg 0: re-raises the handled exception; 1: `raise exc`; 2: `raise exc
    /// from cause`.
    RAISE_VARARGS = 130, cache 0, Number, |o, j| -o;
    /// `(iterable -- iter)` iter = the iterator of an awaitable (`__await__`); oparg 1/2 marks one
    /// after `__aenter__`/`__aexit__`, for messages.
    GET_AWAITABLE = 131, cache 0, Number, |o, j| 0;
    /// `(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code -- func)` a
    /// function of the code object and the parts the flags name.
    MAKE_FUNCTION = 132, cache 0, Number, |o, j| -(((o & 1) != 0) as i32) - (((o & 2) != 0) as i32) - (((o & 4) != 0) as i32) - (((o & 8) != 0) as i32);
    /// `(start, stop, step if (oparg == 3) -- slice)` slice(start, stop[, step]).
    BUILD_SLICE = 133, cache 0, Number, |o, j| if o == 3 { -2 } else { -1 };
    /// `( -- )` jumps backward by oparg, not a safe point (`yield from`/`await` loops).
    JUMP_BACKWARD_NO_INTERRUPT = 134, cache 0, JumpBackward, |o, j| 0;
    /// `( -- )` replaces localsplus[oparg] by a cell holding its value (or empty).
    MAKE_CELL = 135, cache 0, Free, |o, j| 0;
    /// `( -- cell)` cell = localsplus[oparg] itself (a cell), to build a closure.
    LOAD_CLOSURE = 136, cache 0, Free, |o, j| 1;
    /// `( -- value)` value = the contents of the cell localsplus[oparg] (NameError or
    /// UnboundLocalError if empty).
    LOAD_DEREF = 137, cache 0, Free, |o, j| 1;
    /// `(value -- )` stores value into the cell localsplus[oparg].
    STORE_DEREF = 138, cache 0, Free, |o, j| -1;
    /// `( -- )` empties the cell localsplus[oparg] (NameError or UnboundLocalError if already
    /// empty).
    DELETE_DEREF = 139, cache 0, Free, |o, j| 0;
    /// `( -- )` jumps backward by oparg code units; a safe point.
    JUMP_BACKWARD = 140, cache 0, JumpBackward, |o, j| 0;
    /// `(NULL, func, callargs, kwargs if (oparg & 0x01) -- result)` result = func(*callargs,
    /// **kwargs).
    CALL_FUNCTION_EX = 142, cache 0, Number, |o, j| -2 - (((o & 1) != 0) as i32);
    /// `( -- )` gives the next instruction's oparg 8 more high bits.
    EXTENDED_ARG = 144, cache 0, Number, |o, j| 0;
    /// `(list, unused[oparg-1], value -- list, unused[oparg-1])` list.append(value), for
    /// comprehensions.
    LIST_APPEND = 145, cache 0, Number, |o, j| -1;
    /// `(set, unused[oparg-1], value -- set, unused[oparg-1])` set.add(value), for comprehensions.
    SET_ADD = 146, cache 0, Number, |o, j| -1;
    /// `(dict, unused[oparg-1], key, value -- dict, unused[oparg-1])` dict[key] = value, for
    /// comprehensions.
    MAP_ADD = 147, cache 0, Number, |o, j| -2;
    /// `( -- value)` the name of localsplus[oparg] from locals if there, else the cell's contents
    /// (class bodies).
    LOAD_CLASSDEREF = 148, cache 0, Free, |o, j| 1;
    /// `( -- )` copies the oparg cells of the function's closure into the last oparg slots of
    /// localsplus.
    COPY_FREE_VARS = 149, cache 0, Number, |o, j| 0;
    /// `( -- )` start of the code or a point after yield/await (oparg 0: start, 1: yield, 2: yield
    /// from, 3: await); a safe point.
    RESUME = 151, cache 0, Number, |o, j| 0;
    /// `(subject, type, names -- attrs)` attrs = tuple of oparg positional and the keyword names'
    /// attributes if subject is an instance of type and has them, else None.
    MATCH_CLASS = 152, cache 0, Number, |o, j| -2;
    /// `(value, fmt_spec if (oparg & 0x04) -- result)` result = format(conv(value), fmt_spec), conv
    /// by oparg & 3: none, str, repr, ascii.
    FORMAT_VALUE = 155, cache 0, Number, |o, j| if (o & 0x04) == 0x04 { -1 } else { 0 };
    /// `(values[oparg], keys -- dict)` a dict of the constant keys tuple and the oparg values.
    BUILD_CONST_KEY_MAP = 156, cache 0, Number, |o, j| -o;
    /// `(pieces[oparg] -- str)` concatenates oparg strings.
    BUILD_STRING = 157, cache 0, Number, |o, j| 1 - o;
    /// `(owner -- meth|NULL, self|attr)` a plain method of owner's type as (unbound method, owner),
    /// any other attribute as (NULL, owner.co_names[oparg]).
    LOAD_METHOD = 160, cache 10, Name, |o, j| 1;
    /// `(list, unused[oparg-1], iterable -- list, unused[oparg-1])` list.extend(iterable).
    LIST_EXTEND = 162, cache 0, Number, |o, j| -1;
    /// `(set, unused[oparg-1], iterable -- set, unused[oparg-1])` set.update(iterable).
    SET_UPDATE = 163, cache 0, Number, |o, j| -1;
    /// `(dict, unused[oparg-1], other -- dict, unused[oparg-1])` dict.update(other), a repeated key
    /// is an error (`f(**a, **b)`).
    DICT_MERGE = 164, cache 0, Number, |o, j| -1;
    /// `(dict, unused[oparg-1], other -- dict, unused[oparg-1])` dict.update(other).
    DICT_UPDATE = 165, cache 0, Number, |o, j| -1;
    /// `(NULL|meth, callable|self, args[oparg] -- NULL|meth, callable|self, args[oparg])` prepares
    /// `CALL` (may split a bound method into function and self).
    /// (compile.c charges a call's stack effect, `-(oparg + 1)`, as `-oparg` here and `-1` at
    /// `CALL`; the table keeps its numbers.)
    PRECALL = 166, cache 1, Number, |o, j| -o;
    /// `(NULL|meth, callable|self, args[oparg] -- res)` calls with oparg arguments (self first if
    /// meth; the last len(kwnames) by keyword, see `KW_NAMES`).
    CALL = 171, cache 4, Number, |o, j| -1;
    /// `( -- )` co_consts[oparg], a tuple of str, names the keyword arguments of the next `CALL`.
    KW_NAMES = 172, cache 0, Const, |o, j| 0;
    /// `(value -- )` jumps backward by oparg if value is not None; a safe point.
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, cache 0, JumpBackward, |o, j| -1;
    /// `(value -- )` jumps backward by oparg if value is None; a safe point.
    POP_JUMP_BACKWARD_IF_NONE = 174, cache 0, JumpBackward, |o, j| -1;
    /// `(cond -- )` jumps backward by oparg if cond is false; a safe point.
    POP_JUMP_BACKWARD_IF_FALSE = 175, cache 0, JumpBackward, |o, j| -1;
    /// `(cond -- )` jumps backward by oparg if cond is true; a safe point.
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

    /// Every opcode has a doc line `(inputs -- outputs) meaning`.
    #[test]
    fn every_opcode_has_a_stack_picture() {
        for &op in OPCODES {
            let doc = op.doc().trim();
            let (picture, meaning) = split_picture(doc).unwrap_or_else(|| {
                panic!(
                    "{}: doc line {:?} has no `(inputs -- outputs)`",
                    op.name(),
                    doc
                )
            });
            assert!(picture.contains(" -- "), "{}: {:?}", op.name(), picture);
            assert!(
                !meaning.trim().is_empty(),
                "{}: no meaning after the picture",
                op.name()
            );
        }
    }

    /// Each doc line's stack picture agrees with the table's numeric effect
    /// (the fall-through edge) for every oparg in a range that exercises
    /// counts, flags and the `oparg & 0xFF` / `oparg >> 8` halves.
    #[test]
    fn stack_pictures_match_stack_effects() {
        const OPARGS: [i32; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 0x102, 0x203];
        let pictured = |op: Opcode, oparg: i32| {
            let (picture, _) = split_picture(op.doc().trim()).expect("a picture");
            picture_effect(picture, oparg)
                .unwrap_or_else(|e| panic!("{}: {:?}: {}", op.name(), picture, e))
        };
        let counted = |op: Opcode, oparg: i32| op.stack_effect(oparg as u32, false);
        for &op in OPCODES {
            let mut checked = 0;
            for oparg in OPARGS {
                // None: an item count below zero, an oparg the opcode never takes.
                let Some(effect) = pictured(op, oparg) else {
                    continue;
                };
                if matches!(op, Opcode::PRECALL | Opcode::CALL) {
                    // compile.c charges a call's -(oparg + 1) as -oparg at
                    // PRECALL and -1 at CALL: only the pair adds up.
                    let pair = pictured(Opcode::PRECALL, oparg).zip(pictured(Opcode::CALL, oparg));
                    let pair = pair.map(|(p, c)| p + c);
                    let table = counted(Opcode::PRECALL, oparg) + counted(Opcode::CALL, oparg);
                    assert_eq!(pair, Some(table), "PRECALL + CALL, oparg {}", oparg);
                } else {
                    assert_eq!(effect, counted(op, oparg), "{} oparg {}", op.name(), oparg);
                }
                checked += 1;
            }
            assert!(checked > 0, "{}: no oparg checked", op.name());
        }
    }

    /// `(inputs -- outputs)` and the text after it.
    fn split_picture(doc: &str) -> Option<(&str, &str)> {
        let rest = doc.strip_prefix("`(")?;
        let end = rest.find(")`")?;
        Some((&rest[..end], &rest[end + 2..]))
    }

    /// outputs - inputs of a picture for `oparg`; None when a count is negative.
    fn picture_effect(picture: &str, oparg: i32) -> Result<Option<i32>, String> {
        let (ins, outs) = picture.split_once(" -- ").ok_or("no ` -- `")?;
        Ok(match (count(ins, oparg)?, count(outs, oparg)?) {
            (Some(i), Some(o)) => Some(o - i),
            _ => None,
        })
    }

    /// Number of stack items a comma-separated item list stands for.
    fn count(items: &str, oparg: i32) -> Result<Option<i32>, String> {
        let mut n = 0;
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (item, present) = match item.split_once(" if ") {
                Some((i, cond)) => (i, eval(cond, oparg)? != 0),
                None => (item, true),
            };
            let k = match item.split_once('[') {
                Some((_, len)) => eval(len.strip_suffix(']').ok_or("unclosed [")?, oparg)?,
                None => 1,
            };
            if k < 0 {
                return Ok(None);
            }
            if present {
                n += k;
            }
        }
        Ok(Some(n))
    }

    /// Evaluates an oparg expression with C's precedence (`&` loosest,
    /// then `==`, `>>`, `+ -`, `*`); integers, `oparg`, parentheses.
    fn eval(expr: &str, oparg: i32) -> Result<i32, String> {
        let mut toks = tokens(expr)?;
        toks.reverse();
        let v = binary(&mut toks, 0, oparg)?;
        match toks.pop() {
            None => Ok(v),
            Some(t) => Err(format!("unexpected {:?} in {:?}", t, expr)),
        }
    }

    fn tokens(expr: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        let b = expr.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i] as char;
            if c == ' ' {
                i += 1;
            } else if c.is_ascii_alphanumeric() {
                let start = i;
                while i < b.len() && (b[i] as char).is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push(expr[start..i].to_string());
            } else if expr[i..].starts_with(">>") || expr[i..].starts_with("==") {
                out.push(expr[i..i + 2].to_string());
                i += 2;
            } else if "&+-*()".contains(c) {
                out.push(c.to_string());
                i += 1;
            } else {
                return Err(format!("unexpected {:?} in {:?}", c, expr));
            }
        }
        Ok(out)
    }

    const LEVELS: [&[&str]; 4] = [&["&"], &["=="], &[">>"], &["+", "-"]];

    fn binary(toks: &mut Vec<String>, level: usize, oparg: i32) -> Result<i32, String> {
        if level == LEVELS.len() {
            let mut v = atom(toks, oparg)?;
            while toks.last().map(String::as_str) == Some("*") {
                toks.pop();
                v *= atom(toks, oparg)?;
            }
            return Ok(v);
        }
        let mut v = binary(toks, level + 1, oparg)?;
        while let Some(op) = toks.last().filter(|t| LEVELS[level].contains(&t.as_str())) {
            let op = op.clone();
            toks.pop();
            let r = binary(toks, level + 1, oparg)?;
            v = match op.as_str() {
                "&" => v & r,
                "==" => (v == r) as i32,
                ">>" => v >> r,
                "+" => v + r,
                _ => v - r,
            };
        }
        Ok(v)
    }

    fn atom(toks: &mut Vec<String>, oparg: i32) -> Result<i32, String> {
        let t = toks.pop().ok_or("expression ends early")?;
        if t == "(" {
            let v = binary(toks, 0, oparg)?;
            return match toks.pop().as_deref() {
                Some(")") => Ok(v),
                _ => Err("unclosed (".to_string()),
            };
        }
        if t == "oparg" {
            return Ok(oparg);
        }
        match t.strip_prefix("0x") {
            Some(h) => i32::from_str_radix(h, 16),
            None => t.parse(),
        }
        .map_err(|_| format!("not a number: {:?}", t))
    }

    #[test]
    fn picture_expressions() {
        assert_eq!(eval("oparg & 0xFF", 0x203), Ok(3));
        assert_eq!(eval("oparg >> 8", 0x203), Ok(2));
        assert_eq!(eval("2 * oparg", 4), Ok(8));
        assert_eq!(eval("oparg-1", 4), Ok(3));
        assert_eq!(eval("(oparg & 4) == 4", 5), Ok(1));
        assert_eq!(eval("oparg == 3", 2), Ok(0));
        assert_eq!(
            picture_effect("a, b if (oparg & 1), c[oparg >> 8] -- d", 0x201),
            Ok(Some(-3))
        );
        assert_eq!(picture_effect("a, unused[oparg-2] -- ", 1), Ok(None));
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
