//! Memory-management fuzz test: random programs built from snippets that
//! stress the cycle collector, finalizers, weak references, generators,
//! freezing, `DEBUG_SAVEALL`, gc callbacks, metaclasses and `atexit` are run
//! with `minipy -X leakcheck`. Any crash (signal, Rust panic) or leak report
//! fails the test. The programs come from a fixed-seed generator, so a
//! failure is reproducible; the offending program is printed.
//! `MINIPY_GC_FUZZ=N` runs N programs (default 120) and
//! `MINIPY_GC_FUZZ_SEED=S` picks another sequence.

use std::process::{Command, Stdio};

const SNIPPETS: &[&str] = &[
    "class A:\n    def __del__(self):\n        G.append(self)\n",
    "class B:\n    def __del__(self):\n        raise ValueError('x')\n",
    "def gen():\n    try:\n        yield 1\n    finally:\n        L.append(2)\n",
    "x = A(); x.me = x\n",
    "y = B(); y.o = [y]\n",
    "g = gen(); next(g); g.me = None\n",
    "w = weakref.ref(A(), lambda r: L.append(r))\n",
    "d = {}; d['d'] = d; d['a'] = A()\n",
    "gc.collect()\n",
    "gc.set_threshold(T)\n",
    "G.clear()\n",
    "class C(list):\n    def __del__(self):\n        self.append(self)\n",
    "c = C([1]); c.append(c)\n",
    "p = weakref.proxy(A())\ntry:\n    p.x\nexcept ReferenceError:\n    pass\n",
    "z = [A() for _ in range(50)]\nfor i in range(49): z[i].n = z[i+1]\n",
    "gc.freeze()\n",
    "gc.unfreeze()\n",
    "atexit.register(lambda: G.append(A()))\n",
    "fin = weakref.finalize(A(), L.append, 'fin')\n",
    "class M(type):\n    def __del__(cls):\n        L.append(cls)\n",
    "class K(metaclass=M):\n    pass\n",
    "gc.callbacks.append(lambda p, i: A())\n",
    "gc.set_debug(gc.DEBUG_SAVEALL)\n",
    "gc.set_debug(0)\n",
    "for i in range(300):\n    t = A(); t.t = t\n",
    "ws = weakref.WeakValueDictionary(); ws[1] = A(); wk = weakref.WeakKeyDictionary(); wk[A()] = 1\n",
    "s = {frozenset([1])}; q = (s, [s]); q[1].append(q)\n",
    "e = Exception(); e.args = (e,); e.__context__ = e\n",
    "try:\n    del x\nexcept NameError:\n    pass\n",
];

/// A small deterministic generator (no external crates needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn program(rng: &mut Lcg) -> String {
    let t = [1, 5, 50, 700][rng.next(4)];
    let mut p = format!("import gc, weakref, atexit\nG = []\nL = []\nT = {t}\n");
    // The class definitions first, so the snippets that use them run.
    p.push_str(SNIPPETS[0]);
    p.push_str(SNIPPETS[1]);
    p.push_str(SNIPPETS[2]);
    for _ in 0..3 + rng.next(12) {
        p.push_str(SNIPPETS[rng.next(SNIPPETS.len())]);
    }
    p
}

#[test]
fn no_crash_or_leak_under_collector_stress() {
    let bin =
        std::env::var("MINIPY_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_minipy").to_string());
    let seed = std::env::var("MINIPY_GC_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1234);
    let mut rng = Lcg(seed);
    let count: usize = std::env::var("MINIPY_GC_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let mut failures = Vec::new();
    for i in 0..count {
        let prog = program(&mut rng);
        let out = Command::new(&bin)
            .args(["-X", "leakcheck", "-c", &prog])
            .stdin(Stdio::null())
            .output()
            .expect("minipy runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let crashed = out.status.code().is_none() || out.status.code() == Some(101);
        if crashed || stderr.contains("panicked") || stderr.contains("leakcheck") {
            failures.push(format!(
                "program {i} (status {:?}):\n{prog}\n--- stderr tail:\n{}",
                out.status.code(),
                stderr
                    .chars()
                    .rev()
                    .take(600)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            ));
        }
    }
    eprintln!("gc fuzz: {} programs, {} failures", count, failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
