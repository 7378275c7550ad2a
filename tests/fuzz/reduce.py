"""Shrinks a program that the fuzzer flagged, keeping the failure.

    python3 tests/fuzz/reduce.py FILE MARKER [MINIPY] > smaller.py

MARKER is a string the failing run writes to stderr ("leakcheck:",
"panicked at", ...). Two passes, repeated until nothing changes: remove
chunks of lines (halving the chunk size), then replace single statements by
`pass`. Each candidate runs under `minipy -X leakcheck` with a 5 s timeout
(a candidate that times out counts as not failing).
"""
import subprocess
import sys


def fails(binary, marker, lines):
    try:
        r = subprocess.run([binary, "-X", "leakcheck", "-"], input="\n".join(lines).encode(),
                           capture_output=True, timeout=5)
    except subprocess.TimeoutExpired:
        return False
    return marker in r.stderr.decode("utf-8", "replace")


def remove_chunks(binary, marker, lines):
    n = len(lines) // 2
    while n >= 1:
        i, changed = 0, False
        while i < len(lines):
            cand = lines[:i] + lines[i + n:]
            if fails(binary, marker, cand):
                lines, changed = cand, True
            else:
                i += n
        if not changed:
            n //= 2
    return lines


def passify(binary, marker, lines):
    for i, line in enumerate(lines):
        body = line.strip()
        if not body or body == "pass" or body.endswith(":"):
            continue
        cand = lines[:i] + [line[:len(line) - len(line.lstrip())] + "pass"] + lines[i + 1:]
        if fails(binary, marker, cand):
            lines = cand
    return lines


def main():
    path, marker = sys.argv[1], sys.argv[2]
    binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/minipy"
    lines = open(path, encoding="utf-8", errors="surrogateescape").read().split("\n")
    if not fails(binary, marker, lines):
        sys.exit(f"{path} does not fail with {marker!r}")
    while True:
        before = len("\n".join(lines))
        lines = passify(binary, marker, remove_chunks(binary, marker, lines))
        if len("\n".join(lines)) == before:
            break
    print("\n".join(lines))


main()
