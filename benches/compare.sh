#!/usr/bin/env bash
# Times minipy (release build) against the real CPython binary on
# benches/programs/*.py and prints a markdown table (median of RUNS runs,
# minipy and CPython runs interleaved).
#
#   benches/compare.sh            # all programs, 5 runs each
#   RUNS=9 benches/compare.sh fib # only programs whose name contains "fib"
#   MINIPY=path/to/minipy benches/compare.sh   # skip the release build
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
"$PYTHON" - "$MINIPY" "$PYTHON" "$RUNS" "${PROGRAMS[@]}" <<'PY'
import os, statistics, subprocess, sys, time

minipy, python, runs, programs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]

def once(exe, prog):
    t = time.perf_counter()
    r = subprocess.run([exe, prog], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, cwd=os.path.dirname(prog))
    return time.perf_counter() - t, r

print("| program | minipy s | CPython s | ratio |")
print("|---|---:|---:|---:|")
for prog in programs:
    mine, theirs, note = [], [], ""
    for _ in range(runs):
        dt, r = once(minipy, prog)
        mine.append(dt)
        if r.returncode != 0:
            note = " (minipy exit %d)" % r.returncode
        dt, c = once(python, prog)
        theirs.append(dt)
        if not note and r.stdout != c.stdout:
            note = " (output differs)"
    m, c = statistics.median(mine), statistics.median(theirs)
    name = os.path.basename(prog)[:-3]
    print("| %s%s | %.3f | %.3f | %.2f |" % (name, note, m, c, m / c if c else float("nan")))
PY
