#!/usr/bin/env bash
# Deterministic comparison of two minipy binaries: callgrind instruction
# counts (repeatable whatever else the machine does) on each program of
# benches/programs/*.py scaled down to the small N that benches/programs.rs
# uses (its `N = ...` line replaced).
#
#   benches/icount.sh OLD_BINARY NEW_BINARY [name-filter]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OLD="$1"; NEW="$2"; FILTER="${3:-}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# The small sizes, read from the criterion bench's table.
grep -o '("[a-z_]*\.py", [0-9_]*)' "$ROOT/benches/programs.rs" |
    sed -E 's/\("([a-z_]+\.py)", ([0-9_]+)\)/\1 \2/; s/_//2g' |
while read -r file n; do
    name="${file%.py}"
    [ -z "$FILTER" ] || [[ "$name" == *"$FILTER"* ]] || continue
    src="$ROOT/benches/programs/$file"
    [ -f "$src" ] || continue
    awk -v n="$n" 'BEGIN{d=0} !d && /^N = /{print "N = " n; d=1; next} {print}' "$src" > "$TMP/$file"
    count() {
        valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" "$1" "$TMP/$file" >/dev/null 2>"$TMP/cg.err" || true
        grep -o 'Collected : [0-9]*' "$TMP/cg.err" | awk '{print $3}'
    }
    a=$(count "$OLD"); b=$(count "$NEW")
    python3 -c "import sys; a,b=int(sys.argv[2]),int(sys.argv[3]); print('%-12s %12d %12d  %.3f' % (sys.argv[1], a, b, b/a))" "$name" "$a" "$b"
done
