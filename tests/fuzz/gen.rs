//! The grammar-aware generator: random Python programs that are valid by
//! construction (nearly: names may be unbound, operands may mismatch, which
//! is what the fuzzer wants) and terminate by construction (every loop is
//! bounded, recursion is capped by a depth argument), so a timeout on one of
//! them is a hang of the interpreter, not of the program.
//!
//! A program is a prelude (a few classes with hostile dunders, a generator,
//! a context manager) and a list of statements over the variables `v0..v7`,
//! each statement wrapped, most of the time, in `try/except` that prints
//! the exception's type name, so one error does not end the run. Nothing
//! printed depends on addresses or hashes of objects.

use crate::Rng;

const VARS: usize = 8;

/// Values a program can make, from ordinary to extreme.
const ATOMS: &[&str] = &[
    "0",
    "1",
    "-1",
    "7",
    "255",
    "256",
    "2**31",
    "2**63",
    "-2**63",
    "2**64",
    "10**30",
    "-10**30",
    "0.0",
    "-0.0",
    "1.5",
    "1e308",
    "-1e-308",
    "float('inf')",
    "float('nan')",
    "2j",
    "True",
    "False",
    "None",
    "''",
    "'a'",
    "'abc'",
    "'héllo'",
    "'€uro'",
    "'😀x'",
    "'\\x00'",
    "'a\\nb'",
    "b''",
    "b'xyz'",
    "b'\\xff'",
    "bytearray(b'ab')",
    "[]",
    "[1, 2, 3]",
    "[[]]",
    "()",
    "(1,)",
    "(1, 'a', None)",
    "{}",
    "{1: 'a', 'b': 2}",
    "set()",
    "{1, 2}",
    "frozenset([3])",
    "range(5)",
    "range(-3, 10, 2)",
    "range(2**63, 2**64, 2**60)",
    "slice(1, None, -1)",
    "A()",
    "B(3)",
    "C()",
    "Seq()",
    "gen(3)",
    "iter([1, 2])",
    "len",
    "print",
    "type",
    "object()",
    "Exception('e')",
    "ValueError(1, 2)",
    "NotImplemented",
    "...",
];

const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "==", "!=", "<", "<=",
    ">", ">=", "is", "is not", "in", "not in", "and", "or",
];

const UNOPS: &[&str] = &["-", "+", "~", "not "];

const BUILTINS: &[&str] = &[
    "len",
    "repr",
    "str",
    "int",
    "float",
    "bool",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "sorted",
    "reversed",
    "min",
    "max",
    "sum",
    "abs",
    "hash",
    "iter",
    "next",
    "enumerate",
    "zip",
    "map",
    "filter",
    "divmod",
    "pow",
    "round",
    "format",
    "chr",
    "ord",
    "bytes",
    "bytearray",
    "range",
    "slice",
    "type",
    "isinstance",
    "callable",
    "any",
    "all",
    "ascii",
    "bin",
    "hex",
    "oct",
    "complex",
    "getattr",
    "hasattr",
    "vars",
    "dir",
    "memoryview",
];

const METHODS: &[&str] = &[
    "append",
    "pop",
    "extend",
    "insert",
    "remove",
    "index",
    "count",
    "sort",
    "reverse",
    "copy",
    "clear",
    "keys",
    "values",
    "items",
    "get",
    "update",
    "setdefault",
    "popitem",
    "add",
    "discard",
    "union",
    "intersection",
    "split",
    "rsplit",
    "join",
    "strip",
    "replace",
    "find",
    "rfind",
    "startswith",
    "endswith",
    "upper",
    "lower",
    "title",
    "format",
    "encode",
    "decode",
    "center",
    "ljust",
    "zfill",
    "expandtabs",
    "splitlines",
    "partition",
    "translate",
    "hex",
    "fromhex",
    "to_bytes",
    "bit_length",
    "conjugate",
    "is_integer",
    "as_integer_ratio",
    "send",
    "throw",
    "close",
    "__len__",
    "__iter__",
    "__getitem__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__reduce_ex__",
    "__sizeof__",
    "__format__",
    "__class__",
    "__dict__",
];

const EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "ZeroDivisionError",
    "RuntimeError",
    "StopIteration",
    "ArithmeticError",
    "LookupError",
    "OverflowError",
    "AttributeError",
    "RecursionError",
    "MemoryError",
    "NameError",
];

/// Classes, a generator and a context manager the statements use.
const PRELUDE: &str = r#"import sys, gc
class A:
    def __init__(self, *a):
        self.a = a
    def __repr__(self):
        return 'A' + repr(len(self.a))
class B(int):
    def __add__(self, o):
        return 'B+'
    def __eq__(self, o):
        return NotImplemented
    __hash__ = int.__hash__
class C:
    n = 0
    def __eq__(self, o):
        C.n += 1
        if C.n > 50:
            raise RuntimeError('eq')
        return C.n % 2 == 0
    def __hash__(self):
        return 1
    def __len__(self):
        return C.n
    def __iter__(self):
        return iter(range(C.n % 4))
    def __getitem__(self, i):
        if i > 3:
            raise IndexError(i)
        return i
    def __del__(self):
        C.n += 1
class Seq(list):
    def __getitem__(self, i):
        return super().__getitem__(i) if self else i
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            return x
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is ValueError
def rec(n, f):
    return f(n) if n <= 0 else rec(n - 1, f)
"#;

/// One program, with `statements` top-level statements.
pub fn program(rng: &mut Rng, statements: usize) -> String {
    let mut g = Gen {
        rng,
        out: String::new(),
    };
    g.out.push_str(PRELUDE);
    for i in 0..VARS {
        let e = g.expr(2);
        g.out.push_str(&format!(
            "try:\n    v{i} = {e}\nexcept Exception:\n    v{i} = {i}\n"
        ));
    }
    for _ in 0..statements {
        g.statement(0, 3);
    }
    g.out.push_str("print('end')\n");
    g.out
}

/// One statement (with its indentation) for the mutator to insert.
pub fn statement(rng: &mut Rng, indent: usize) -> String {
    let mut g = Gen {
        rng,
        out: String::new(),
    };
    g.statement(indent, 2);
    g.out
}

struct Gen<'a> {
    rng: &'a mut Rng,
    out: String,
}

impl Gen<'_> {
    fn pick<'s>(&mut self, xs: &[&'s str]) -> &'s str {
        xs[self.rng.below(xs.len())]
    }

    fn var(&mut self) -> String {
        format!("v{}", self.rng.below(VARS))
    }

    fn expr(&mut self, depth: usize) -> String {
        if depth == 0 {
            return if self.rng.below(3) == 0 {
                self.var()
            } else {
                self.pick(ATOMS).to_string()
            };
        }
        let d = depth - 1;
        match self.rng.below(16) {
            0 | 1 => self.var(),
            2 | 3 => self.pick(ATOMS).to_string(),
            4 | 5 => {
                let op = self.pick(BINOPS);
                format!("({} {op} {})", self.expr(d), self.expr(d))
            }
            6 => format!("({}{})", self.pick(UNOPS), self.expr(d)),
            7 => {
                let f = self.pick(BUILTINS);
                let n = self.rng.below(3);
                let args: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
                format!("{f}({})", args.join(", "))
            }
            8 => {
                let m = self.pick(METHODS);
                let n = self.rng.below(3);
                let args: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
                format!("({}).{m}({})", self.expr(d), args.join(", "))
            }
            9 => format!("{}[{}]", self.expr(d), self.index(d)),
            10 => format!("[{} for x in {} if x]", self.expr(d), self.iterable()),
            11 => format!(
                "({} if {} else {})",
                self.expr(d),
                self.expr(d),
                self.expr(d)
            ),
            // Names only inside the braces: 3.11's f-strings take no
            // backslash and no reused quote in an expression.
            12 => {
                let spec = self.pick(&["", ":>8", ":^5", ":x", ":.3", ":,", "!s:10"]);
                let conv = if spec.starts_with('!') { "" } else { "!r" };
                format!("f\"{{{}{conv}}}:{{{}{spec}}}\"", self.var(), self.var())
            }
            13 => format!("('%s %r' % ({}, {}))", self.expr(d), self.expr(d)),
            14 => format!("(lambda x, *a, k=1: {})({})", self.expr(d), self.expr(d)),
            _ => format!(
                "{{{}: {} for x in {}}}",
                self.expr(d),
                self.expr(d),
                self.iterable()
            ),
        }
    }

    fn index(&mut self, d: usize) -> String {
        let ints = ["0", "1", "-1", "2**63", "-2**64", "None", "10"];
        match self.rng.below(4) {
            0 => self.expr(d),
            1 => self.pick(&ints).to_string(),
            2 => format!("{}:{}", self.pick(&ints), self.pick(&ints)),
            _ => format!(
                "{}:{}:{}",
                self.pick(&ints),
                self.pick(&ints),
                self.pick(&["1", "-1", "2", "-3", "None", "2**63"])
            ),
        }
    }

    /// A bounded iterable (loops over it terminate).
    fn iterable(&mut self) -> String {
        let n = self.rng.below(20);
        match self.rng.below(6) {
            0 => format!("range({n})"),
            1 => format!("list(range({n}))[::-1]"),
            2 => "'héllo€😀'".to_string(),
            3 => format!("gen({n})"),
            4 => format!("zip(range({n}), 'abcdef')"),
            _ => "[0, 1.5, 'x', None, (), b'b']".to_string(),
        }
    }

    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// A block body: 1-3 statements.
    fn body(&mut self, indent: usize, depth: usize) {
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            self.statement(indent, depth);
        }
    }

    fn statement(&mut self, indent: usize, depth: usize) {
        // Most statements are guarded so the program goes on after an error.
        let guarded = self.rng.below(5) != 0;
        let at = if guarded { indent + 1 } else { indent };
        if guarded {
            self.line(indent, "try:");
        }
        self.simple_or_compound(at, depth);
        if guarded {
            self.line(indent, "except Exception as e:");
            self.line(indent + 1, "print(type(e).__name__)");
        }
    }

    fn simple_or_compound(&mut self, indent: usize, depth: usize) {
        let choice = if depth == 0 {
            self.rng.below(8)
        } else {
            self.rng.below(17)
        };
        let d = depth.saturating_sub(1);
        match choice {
            0 | 1 => {
                let (v, e) = (self.var(), self.expr(3));
                self.line(indent, &format!("{v} = {e}"));
            }
            2 => {
                let (v, op, e) = (
                    self.var(),
                    self.pick(&["+=", "-=", "*=", "|=", "//=", "**="]),
                    self.expr(2),
                );
                self.line(indent, &format!("{v} {op} {e}"));
            }
            3 | 4 => {
                let e = self.expr(3);
                self.line(indent, &format!("print(repr({e})[:60])"));
            }
            5 => {
                let (v, i, e) = (self.var(), self.index(1), self.expr(2));
                self.line(indent, &format!("{v}[{i}] = {e}"));
            }
            6 => {
                let (v, i) = (self.var(), self.index(1));
                self.line(indent, &format!("del {v}[{i}]"));
            }
            7 => {
                let e = self.expr(2);
                let x = self.pick(EXCEPTIONS);
                self.line(indent, &format!("raise {x}({e})"));
            }
            8 => {
                let c = self.expr(2);
                self.line(indent, &format!("if {c}:"));
                self.body(indent + 1, d);
                self.line(indent, "else:");
                self.body(indent + 1, d);
            }
            9 => {
                let it = self.iterable();
                self.line(indent, &format!("for x in {it}:"));
                self.body(indent + 1, d);
                if self.rng.below(3) == 0 {
                    self.line(indent + 1, "break");
                }
            }
            10 => {
                let n = self.rng.below(30);
                // A counter per nesting level: an inner loop cannot reset
                // an outer one's.
                self.line(indent, &format!("k{indent} = 0"));
                self.line(indent, &format!("while k{indent} < {n}:"));
                self.line(indent + 1, &format!("k{indent} += 1"));
                self.body(indent + 1, d);
            }
            11 => {
                let x = self.pick(EXCEPTIONS);
                self.line(indent, "try:");
                self.body(indent + 1, d);
                self.line(indent, &format!("except {x} as e:"));
                self.line(indent + 1, "print('caught', type(e).__name__)");
                self.line(indent, "finally:");
                self.body(indent + 1, d);
            }
            12 => {
                let v = self.var();
                self.line(indent, "def f(a, b=None, *args, **kw):");
                self.body(indent + 1, d);
                let e = self.expr(2);
                self.line(indent + 1, &format!("return {e}"));
                let a = self.expr(1);
                self.line(indent, &format!("{v} = f({a}, k=2)"));
            }
            13 => {
                let base = self.pick(&[
                    "object",
                    "A",
                    "list",
                    "dict",
                    "int",
                    "Exception",
                    "str",
                    "tuple",
                ]);
                let m = self.pick(&[
                    "__repr__",
                    "__len__",
                    "__eq__",
                    "__hash__",
                    "__iter__",
                    "__bool__",
                    "__getitem__",
                    "__add__",
                    "__lt__",
                    "__index__",
                ]);
                let e = self.expr(2);
                let v = self.var();
                self.line(indent, &format!("class K({base}):"));
                self.line(indent + 1, &format!("def {m}(self, *a):"));
                self.line(indent + 2, &format!("return {e}"));
                let arg = self.expr(1);
                self.line(indent, &format!("{v} = K() if {arg} else K"));
            }
            14 => {
                self.line(indent, "with Ctx() as c:");
                self.body(indent + 1, d);
            }
            15 => {
                let v = self.var();
                let n = self.rng.below(60);
                let e = self.expr(1);
                self.line(indent, "def g2(n):");
                self.line(indent + 1, "while n > 0:");
                self.line(indent + 2, "n -= 1");
                self.line(indent + 2, &format!("yield {e}"));
                self.line(indent, &format!("{v} = list(g2({n}))"));
            }
            _ => {
                let n = self.rng.below(3000);
                let e = self.expr(1);
                self.line(indent, &format!("print(rec({n}, lambda n: {e}) is None)"));
            }
        }
    }
}
