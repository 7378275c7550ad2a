//! Robustness sweep: minipy must never crash, whatever it is fed.
//!
//! For every `tests/cases/*.py` this feeds `minipy -` (program on stdin) every
//! line prefix (the first k lines, for each k) and every 97th byte prefix
//! (which also cuts UTF-8 sequences in half), plus a list of nasty inputs:
//! deep nesting, huge literals, deep recursion, invalid UTF-8, odd whitespace.
//!
//! A run fails if minipy exits with status 101 (Rust panic), dies by a signal
//! (SIGSEGV, SIGABRT, ...) or writes "panicked at" / "stack overflow" /
//! "overflowed its stack" to stderr.  Python-level errors are fine, and so is
//! a timeout (5 s; a truncated program may well loop forever).  After 3
//! timeouts among one file's prefixes, the rest of that file is skipped.
//!
//! Runs use cwd = tests/cases, stdout discarded, a 4 GiB address-space limit
//! (`tests/common`: `sh -c 'ulimit -v'`) so a runaway program cannot take
//! the machine down.
//! Failing inputs are saved under `$TMPDIR/minipy-sweep-failures/`.
//!
//! Environment: `MINIPY_SWEEP_THREADS=N` (default 2), `MINIPY_CASES=sub,...`
//! (only cases whose name contains a substring; nasty inputs always run),
//! `MINIPY_BIN=path` (another binary).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(5);
const BYTE_STEP: usize = 97;
/// After this many timeouts among one file's prefixes, its remaining prefixes
/// are skipped: a longer prefix of a looping program nearly always loops too.
const TIMEOUTS_PER_FILE: usize = 3;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

fn binary() -> String {
    common::minipy_binary()
}

struct Input {
    label: String,
    source: Vec<u8>,
    /// Index of the case file this is a prefix of (None for nasty inputs).
    file: Option<usize>,
}

fn input(label: impl Into<String>, source: impl Into<Vec<u8>>) -> Input {
    Input {
        label: label.into(),
        source: source.into(),
        file: None,
    }
}

/// Line prefixes and byte prefixes of every case file, and the number of files.
fn case_inputs() -> (Vec<Input>, usize) {
    let filter: Vec<String> = std::env::var("MINIPY_CASES")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .filter(|n| filter.is_empty() || filter.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    let mut inputs = Vec::new();
    for (file, name) in names.iter().enumerate() {
        let Ok(src) = fs::read(cases_dir().join(name)) else {
            continue;
        };
        let mut end = 0;
        let mut k = 0;
        for line in src.split_inclusive(|&b| b == b'\n') {
            end += line.len();
            k += 1;
            let mut inp = input(format!("{name} (first {k} lines)"), &src[..end]);
            inp.file = Some(file);
            inputs.push(inp);
        }
        for cut in (BYTE_STEP..src.len()).step_by(BYTE_STEP) {
            let mut inp = input(format!("{name} (first {cut} bytes)"), &src[..cut]);
            inp.file = Some(file);
            inputs.push(inp);
        }
    }
    (inputs, names.len())
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!(
        "x = {}{}{}\n",
        open.repeat(depth),
        middle,
        close.repeat(depth)
    )
}

fn deep_blocks(depth: usize) -> String {
    let mut s = String::new();
    for d in 0..depth {
        s.push_str(&" ".repeat(d));
        s.push_str("if True:\n");
    }
    s.push_str(&" ".repeat(depth));
    s.push_str("print('deep')\n");
    s
}

/// Hand-written hostile inputs.
fn nasty_inputs() -> Vec<Input> {
    let mut v = vec![
        input("empty input", ""),
        input("only comments", "# just a comment\n# and another\n"),
        input("only blank lines", "\n\n   \n\t\n"),
        input("no trailing newline", "print(1)"),
        input("tabs/spaces mix", "if 1:\n\tx = 1\n        y = 2\nprint(x, y)\n"),
        input("tabs/spaces inconsistent", "if 1:\n        x = 1\n\ty = 2\n"),
        input("many tabs", format!("{}x\n", "\t".repeat(1000))),
        input("10000 nested ()", nested("(", "1", ")", 10_000)),
        input("10000 nested []", nested("[", "", "]", 10_000)),
        input("10000 nested {}", nested("{", "", "}", 10_000)),
        input("10000 unclosed (", "(".repeat(10_000)),
        input("10000 stray )", ")".repeat(10_000)),
        input("100000 unary minus", format!("print({}1)\n", "-".repeat(100_000))),
        input("10000 not", format!("print({}True)\n", "not ".repeat(10_000))),
        input("100000-term sum", format!("print(1{})\n", "+1".repeat(100_000))),
        input("10000-term power chain", format!("x = 1{}\n", "**1".repeat(10_000))),
        input("10000 chained compares", format!("print(1{})\n", "<2".repeat(10_000))),
        input("10000 attribute chain", format!("x{}\n", ".a".repeat(10_000))),
        input("10000 call chain", format!("f{}\n", "()".repeat(10_000))),
        input("10000 subscript chain", format!("x{}\n", "[0]".repeat(10_000))),
        input("1000 nested lambdas", format!("f = {}1\n", "lambda: ".repeat(1000))),
        input("1000 nested f-strings", format!("x = {}1{}\n", "f'{".repeat(1000), "}'".repeat(1000))),
        input("nested ternaries", format!("x = {}0\n", "1 if 1 else ".repeat(10_000))),
        input("200 nested blocks", deep_blocks(200)),
        input("90 nested blocks", deep_blocks(90)),
        input("deep recursion", "def f():\n    f()\nf()\n"),
        input(
            "deep recursion, raised limit",
            "import sys\nsys.setrecursionlimit(1000000)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
        ),
        input("deep generator recursion", "def g():\n    yield from g()\nnext(g())\n"),
        input("recursive repr", "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n"),
        input("deep eval nesting", "print(eval('(' * 5000 + '1' + ')' * 5000))\n"),
        input(
            "deeply nested list built at run time",
            "a = []\nfor i in range(200000):\n    a = [a]\nprint(len(a))\ndel a\nprint('freed')\n",
        ),
        input(
            "deeply nested dict repr",
            "d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(repr(d)[:10])\n",
        ),
        input(
            "long exception chain",
            "e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n    except ValueError as x:\n        e = x\nprint('ok')\n",
        ),
        input("huge int literal", format!("x = {}\nprint(x % 7)\n", "9".repeat(100_000))),
        input("big int arithmetic", "x = 2 ** 1000000\nprint(x.bit_length(), x % 1000)\n"),
        input("big int to str", "print(len(str(2 ** 100000)))\n"),
        input("long string literal", format!("s = '{}'\nprint(len(s))\n", "a".repeat(1_000_000))),
        input("10**7 string repeat", "s = 'x' * 10**7\nprint(len(s))\n"),
        input("10**8 string repeat", "s = 'x' * 10**8\nprint(len(s))\n"),
        input("huge list repeat", "l = [None] * 10**7\nprint(len(l))\n"),
        input("overflowing repeat", "s = 'x' * (2 ** 62)\n"),
        input("overflowing list repeat", "l = [0] * (2 ** 62)\n"),
        input("huge range", "print(len(range(2 ** 100)))\n"),
        input("huge shift", "x = 1 << (2 ** 40)\n"),
        input("huge format width", "print(format(1, '999999999999999999999'))\n"),
        input("huge str index", "print('abc'[2 ** 100])\n"),
        input("NUL byte", "print(1)\0\n"),
        input("only NUL", "\0"),
        input("BOM", b"\xef\xbb\xbfprint('bom')\n".to_vec()),
        input("invalid utf-8 in string", b"print('\xff\xfe')\n".to_vec()),
        input("invalid utf-8 in code", b"x = 1\n\xc3\x28 = 2\n".to_vec()),
        input("truncated utf-8", b"print('\xe2\x82')".to_vec()),
        input("latin-1 coding cookie", b"# -*- coding: latin-1 -*-\nprint('\xe9')\n".to_vec()),
        input("unknown coding cookie", "# coding: no-such-codec\nprint(1)\n"),
        input("lone surrogate escape", "print('\\ud800')\ns = '\\udfff'.encode()\n"),
        input("CR line endings", "x = 1\ry = 2\rprint(x + y)\r"),
        input("CRLF line endings", "x = 1\r\nprint(x)\r\n"),
        input("form feed", "\x0cx = 1\n\x0cprint(x)\n"),
        input("backslash at EOF", "x = 1 + \\"),
        input("unterminated triple quote", "s = '''abc\n"),
        input("unterminated f-string", "f'{"),
        input("bad f-string conversion", "x = 1\nprint(f'{x!z}')\n"),
        input("empty f-string expression", "print(f'{}')\n"),
        input("bad escapes", "print('\\N{NO SUCH NAME}')\n"),
        input("bad numbers", "x = 0x\ny = 1e\nz = 1__0\n"),
        input("stray decorators", "@\n@x\n"),
        input("starred assignment target", "*a = 1\n"),
        input("bad slices", "a[::::]\n"),
        input("print star", "print(*)\n"),
        input("return at module level", "return\n"),
        input("yield at module level", "yield 1\n"),
        input("await outside async", "await x\n"),
        input("async def", "async def f():\n    await g()\nf()\n"),
        input("match statement", "match 1:\n    case 1:\n        print('one')\n"),
        input("walrus", "if (n := 10) > 5:\n    print(n)\n"),
        input("global after use", "def f():\n    x = 1\n    global x\n"),
        input("nonlocal at module", "nonlocal x\n"),
        input("duplicate args", "def f(a, a):\n    pass\n"),
        input("many arguments", format!("def f({}):\n    pass\nf()\n", (0..5000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", "))),
        input("many locals", (0..20_000).map(|i| format!("v{i} = {i}\n")).collect::<String>()),
        input("many constants", format!("x = [{}]\nprint(len(x))\n", (0..100_000).map(|i| i.to_string()).collect::<Vec<_>>().join(","))),
        input("huge dict display", format!("d = {{{}}}\nprint(len(d))\n", (0..50_000).map(|i| format!("{i}: {i}")).collect::<Vec<_>>().join(","))),
        input("long jump", format!("if x:\n{}else:\n    pass\n", "    y = 1\n".repeat(100_000))),
        input("exec/compile garbage", "exec('\\x00')\ncompile('(' * 10000, 's', 'exec')\n"),
        input("int() huge base string", "int('1' * 100000)\n"),
        input("float parsing", "print(float('1e400'), float('-1e-400'), float('9' * 400))\n"),
        input("sys.exit huge", "import sys\nsys.exit(2 ** 100)\n"),
        input("sys.exit negative", "import sys\nsys.exit(-1)\n"),
        input("del builtins", "import builtins\ndel builtins.print\nprint(1)\n"),
        input("replace sys.stdout", "import sys\nsys.stdout = None\nprint(1)\n"),
        input("raise in __del__-like repr", "class E(Exception):\n    def __str__(self):\n        raise ValueError\nraise E()\n"),
        input("exception with bad __str__ type", "class E(Exception):\n    def __str__(self):\n        return 5\nraise E()\n"),
        input("mutating list while sorting", "l = list(range(100))\ndef k(x):\n    l.clear()\n    return x\nl.sort(key=k)\n"),
        input("mutating dict while iterating", "d = {i: i for i in range(10)}\nfor k in d:\n    del d[k]\n"),
        input("self-referencing structures", "a = [1]\na.append(a)\nd = {}\nd[1] = d\nprint(a, d, a == a)\n"),
        input("comparing deep lists", "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n"),
        input("generator re-entry", "def g():\n    yield next(x)\nx = g()\nnext(x)\n"),
        input("close running generator", "def g():\n    x.close()\n    yield 1\nx = g()\nnext(x)\n"),
        input("huge tuple unpack", "a, *b = range(10**6)\nprint(len(b))\n"),
    ];
    v.push(input("all bytes", (0u8..=255).collect::<Vec<u8>>()));
    v
}

enum Verdict {
    Ok,
    TimedOut,
    Crash(String),
}

fn run_one(bin: &str, source: &[u8]) -> Verdict {
    let out = match common::run_limited(bin, &[], source, &cases_dir(), TIMEOUT, false) {
        Ok(o) => o,
        Err(e) => return Verdict::Crash(format!("cannot run {bin}: {e}")),
    };
    if out.timed_out() {
        return Verdict::TimedOut;
    }
    let why = out.crash_reasons();
    if why.is_empty() {
        return Verdict::Ok;
    }
    Verdict::Crash(format!("{}\n      {}", why.join(", "), out.stderr_tail(6)))
}

fn save_failure(index: usize, inp: &Input) -> String {
    let dir = std::env::temp_dir().join("minipy-sweep-failures");
    let _ = fs::create_dir_all(&dir);
    let path = dir.join(format!("{index:05}.py"));
    match fs::write(&path, &inp.source) {
        Ok(()) => path.display().to_string(),
        Err(_) => "(not saved)".to_string(),
    }
}

#[test]
fn no_crash_on_any_prefix_or_nasty_input() {
    let bin = binary();
    let mut inputs = nasty_inputs();
    let (prefixes, files) = case_inputs();
    inputs.extend(prefixes);
    let file_timeouts: Vec<AtomicUsize> = (0..files).map(|_| AtomicUsize::new(0)).collect();
    let skipped = AtomicUsize::new(0);
    let threads = std::env::var("MINIPY_SWEEP_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(2);
    let next = AtomicUsize::new(0);
    let timeouts = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let start = Instant::now();
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(inp) = inputs.get(i) else { break };
                let per_file = inp.file.and_then(|f| file_timeouts.get(f));
                if per_file.is_some_and(|t| t.load(Ordering::SeqCst) >= TIMEOUTS_PER_FILE) {
                    skipped.fetch_add(1, Ordering::SeqCst);
                    continue;
                }
                match run_one(&bin, &inp.source) {
                    Verdict::Ok => {}
                    Verdict::TimedOut => {
                        timeouts.fetch_add(1, Ordering::SeqCst);
                        if let Some(t) = per_file {
                            t.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                    Verdict::Crash(why) => {
                        let saved = save_failure(i, inp);
                        failures
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push((i, format!("{}  [saved as {saved}]\n    {why}", inp.label)));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    for (_, msg) in failures.iter().take(100) {
        println!("--- CRASH {msg}");
    }
    if failures.len() > 100 {
        println!("... and {} more", failures.len() - 100);
    }
    println!(
        "\nsweep: {} programs run, {} crashed, {} timed out (not a failure), \
         {} skipped after {TIMEOUTS_PER_FILE} timeouts in their file, in {:.1} s",
        inputs.len() - skipped.load(Ordering::SeqCst),
        failures.len(),
        timeouts.load(Ordering::SeqCst),
        skipped.load(Ordering::SeqCst),
        start.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {} sweep inputs crashed minipy (see the list above)",
        failures.len(),
        inputs.len()
    );
}
