#!/bin/sh
# Regenerates the golden files tests/dis/NAME.dis from tests/dis/NAME.py:
# the output of `python3.11 -m dis NAME.py` (run inside tests/dis, so code
# objects show file "NAME.py"), object addresses normalised to 0x...
# Usage: sh tests/dis/regen.sh   (needs CPython 3.11 as python3, or PYTHON=...)
set -eu
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != "3.11" ]; then
    echo "regen.sh: need Python 3.11, $PY is $ver" >&2
    exit 1
fi
for src in *.py; do
    name=${src%.py}
    {
        echo "# golden: python3.11 -m dis $src, addresses normalised to 0x...; regenerate with tests/dis/regen.sh"
        "$PY" -m dis "$src" | sed -E 's/0x[0-9a-f]+/0x.../g'
    } > "$name.dis"
done
