#!/usr/bin/env bash
# Times minipy (release build) against the real CPython binary on
# benches/programs/*.py and prints a markdown table: median wall time of RUNS
# runs (minipy and CPython runs interleaved) and peak resident memory (the
# largest of the runs, measured by GNU time, /usr/bin/time).
#
#   benches/compare.sh            # all programs, 5 runs each
#   RUNS=9 benches/compare.sh fib # only programs whose name contains "fib"
#   MINIPY=path/to/minipy benches/compare.sh   # skip the release build
#   BASELINE=path/to/old/minipy benches/compare.sh
#                                 # also time an older minipy in the same run
#                                 # (before/after tables: its ratios beside)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
cd "$ROOT"

if [ -z "${MINIPY:-}" ]; then
    cargo build --release --quiet --bin minipy
    MINIPY="${CARGO_TARGET_DIR:-$ROOT/target}/release/minipy"
fi
PYTHON="$(python3 -c 'import sys; print(sys.executable)')"

if [ ! -x "$MINIPY" ]; then
    echo "compare.sh: no binary at $MINIPY" >&2
    exit 1
fi

PROGRAMS=()
for p in "$ROOT"/benches/programs/*.py; do
    name="$(basename "$p" .py)"
    if [ "$#" -eq 0 ] || [[ "$name" == *"$1"* ]]; then
        PROGRAMS+=("$p")
    fi
done

# One timing loop for both cases (hyperfine's interleaving is not needed here):
# python's perf_counter around subprocess.run, median of RUNS.
"$PYTHON" - "$MINIPY" "$PYTHON" "$RUNS" "${BASELINE:-}" "${PROGRAMS[@]}" <<'PY'
import os, statistics, subprocess, sys, time

minipy, python, runs, baseline = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
programs = sys.argv[5:]

def once(exe, prog):
    """Wall time, the completed process and its peak resident set in MB.
    The peak comes from /usr/bin/time (GNU time): a child forked by this
    Python process would report this process's pages as its own."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "MAXRSS_KB %M", exe, prog],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, cwd=os.path.dirname(prog))
    dt = time.perf_counter() - t
    lines = r.stderr.decode(errors="replace").splitlines()
    kb = 0
    if lines and lines[-1].startswith("MAXRSS_KB "):
        kb = int(lines.pop().split()[1])
    r.stderr = "\n".join(lines).encode()
    return dt, r, kb / 1024.0

if baseline:
    print("| program | baseline s | minipy s | CPython s | baseline ratio | time ratio | baseline MB | minipy MB | CPython MB | memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
else:
    print("| program | minipy s | CPython s | time ratio | minipy MB | CPython MB | memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
for prog in programs:
    mine, theirs, base, note = [], [], [], ""
    mem_m, mem_c, mem_b = 0.0, 0.0, 0.0
    for _ in range(runs):
        if baseline:
            dt, b, mb = once(baseline, prog)
            base.append(dt)
            mem_b = max(mem_b, mb)
        dt, r, mb = once(minipy, prog)
        mine.append(dt)
        mem_m = max(mem_m, mb)
        if r.returncode != 0:
            note = " (minipy exit %d)" % r.returncode
        dt, c, mb = once(python, prog)
        theirs.append(dt)
        mem_c = max(mem_c, mb)
        if not note and r.stdout != c.stdout:
            note = " (output differs)"
    m, c = statistics.median(mine), statistics.median(theirs)
    name = os.path.basename(prog)[:-3]
    if baseline:
        bm = statistics.median(base)
        print("| %s%s | %.3f | %.3f | %.3f | %.2f | %.2f | %.1f | %.1f | %.1f | %.2f |" % (
            name, note, bm, m, c, bm / c if c else float("nan"), m / c if c else float("nan"),
            mem_b, mem_m, mem_c, mem_m / mem_c if mem_c else float("nan")))
    else:
        print("| %s%s | %.3f | %.3f | %.2f | %.1f | %.1f | %.2f |" % (
            name, note, m, c, m / c if c else float("nan"), mem_m, mem_c,
            mem_m / mem_c if mem_c else float("nan")))
PY
