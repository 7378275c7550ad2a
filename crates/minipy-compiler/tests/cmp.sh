#!/bin/sh
# Usage: cmp.sh FILE [--nolines] — diff CPython's and minipy's code dumps.
D=$(dirname "$0")
python3 "$D/dumpcode.py" "$@" > /tmp/cmp_py.txt 2>&1
"${CARGO_TARGET_DIR:-/work/targets/compiler}/debug/examples/dumpcode" "$@" > /tmp/cmp_rs.txt 2>&1
diff /tmp/cmp_py.txt /tmp/cmp_rs.txt > /tmp/cmp_diff.txt && echo "SAME $1" || { echo "DIFF $1"; }
