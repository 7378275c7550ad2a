//! Criterion benchmarks: the programs in benches/programs/*.py run in-process
//! through `minipy_vm::run_source`.
//!
//! Each program starts with a line `N = <size>`.  By default the bench swaps
//! in a small size so one iteration stays short; set `MINIPY_BENCH_FULL=1` to
//! run the full sizes (the ones benches/compare.sh times against CPython).
//!
//!     cargo bench --bench programs
//!     MINIPY_BENCH_FULL=1 cargo bench --bench programs -- fib

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;
use std::time::Duration;

/// (file name, the small N used by default)
const PROGRAMS: [(&str, u64); 11] = [
    ("fib.py", 20),
    ("loop.py", 50_000),
    ("methods.py", 10_000),
    ("dictstr.py", 6_000),
    ("gc_trees.py", 2),
    ("alloc_small.py", 20_000),
    ("numbers.py", 20_000),
    ("text.py", 2_000),
    ("seqs.py", 20_000),
    ("dictset.py", 5_000),
    ("exceptions.py", 5_000),
];

/// Replaces the first `N = ...` line with `N = small`.
fn resize(source: &str, small: u64) -> String {
    let mut done = false;
    source
        .lines()
        .map(|line| {
            if !done && line.starts_with("N = ") {
                done = true;
                format!("N = {small}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn programs(c: &mut Criterion) {
    let full = std::env::var_os("MINIPY_BENCH_FULL").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join("programs");
    let mut group = c.benchmark_group("programs");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, small) in PROGRAMS {
        let path = dir.join(name);
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("skipping {}: {e}", path.display());
                continue;
            }
        };
        let source = if full { source } else { resize(&source, small) };
        let filename = path.display().to_string();
        // Fail loudly once, before measuring, if the program does not run.
        if let Err(e) = minipy_vm::run_source(&source, &filename) {
            eprintln!("skipping {name}: minipy failed: {e}");
            continue;
        }
        group.bench_function(name.trim_end_matches(".py"), |b| {
            b.iter(|| minipy_vm::run_source(&source, &filename))
        });
    }
    group.finish();
}

criterion_group!(benches, programs);
criterion_main!(benches);
