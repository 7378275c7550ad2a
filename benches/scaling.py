"""Scaling benchmark: does each operation grow linearly (or n log n) with its
input, in minipy as in CPython?

Each case is a small program whose total work is O(N) in CPython (or
O(N log N) for sorting; a few are marked as quadratic in CPython too). The
driver (run by python3) runs it at N, 2N and 4N with minipy and with python3,
times each run from outside by the child's CPU time (minipy has no `time`
module yet; CPU time is steadier than wall time on a shared machine),
subtracts the interpreter's start-up time, and prints
time(2N)/time(N) and time(4N)/time(2N) side by side: about 2 for linear work,
about 4 for quadratic. A ratio above FLAG (3) is flagged with `!`.

    python3 benches/scaling.py MINIPY [FILTER]      # FILTER: substring of a name
    RUNS=5 python3 benches/scaling.py MINIPY

Each program is timed as the best of RUNS runs (default 3; TIMEOUT seconds
of wall time at most, default 60): the machine is
shared and noisy, and the minimum is the least disturbed run. Times below
MIN_TIME seconds are too short to give a ratio; the N of each case is chosen
so that minipy's time at N is well above it.
"""

import os
import resource
import subprocess
import sys

FLAG = 3.0
MIN_TIME = 0.05
TIMEOUT = int(os.environ.get("TIMEOUT", "60"))

# name -> (N, program). The program sees N as the variable `N`. Cases whose
# name ends in "(D)" are engineer D's (in-place str append, str indexing)
# and are measured here only.
CASES = [
    # --- compiler: N statements / functions / branches / terms ---
    ("compile: N stmts in a function", 10000,
     "src = 'def f():\\n' + ''.join('    x%d = %d\\n' % (i, i) for i in range(N))\n"
     "compile(src, 's', 'exec')"),
    ("compile: N module-level stmts", 10000,
     "src = ''.join('x%d = %d\\n' % (i, i) for i in range(N))\n"
     "compile(src, 's', 'exec')"),
    ("compile: N if/else statements", 3000,
     "src = 'def f(x):\\n' + ''.join('    if x == %d:\\n        y = %d\\n    else:\\n"
     "        y = -%d\\n' % (i, i, i) for i in range(N))\n"
     "compile(src, 's', 'exec')"),
    ("compile: N small functions", 3000,
     "src = ''.join('def f%d(a, b):\\n    return a + b * %d\\n' % (i, i) for i in range(N))\n"
     "compile(src, 's', 'exec')"),
    ("compile: list display of N items", 20000,
     "src = 'x = [' + ', '.join('a%d' % i for i in range(N)) + ']\\n'\n"
     "compile(src, 's', 'exec')"),
    ("compile: N names in one function", 5000,
     "src = 'def f():\\n' + ''.join('    v%d = g%d\\n' % (i, i) for i in range(N))\n"
     "compile(src, 's', 'exec')"),
    # --- slicing: N/10 slices of an N-item sequence ---
    ("list w[i:i+9]", 200000,
     "w = list(range(N))\nfor i in range(0, N, 9):\n    x = w[i:i+9]"),
    ("list w[-3:]", 200000,
     "w = list(range(N))\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("list w[::-1][:3] / w[-1:-4:-1]", 200000,
     "w = list(range(N))\nfor i in range(N // 10):\n    x = w[-1:-4:-1]"),
    ("tuple w[-3:]", 200000,
     "w = tuple(range(N))\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("str w[-3:]", 200000,
     "w = 'ab' * (N // 2)\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("bytes w[-3:]", 200000,
     "w = b'ab' * (N // 2)\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("bytearray w[-3:]", 200000,
     "w = bytearray(b'ab' * (N // 2))\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("range w[-3:]", 200000,
     "w = range(N)\nfor i in range(N // 10):\n    x = w[-3:]"),
    ("list w[-2:] = [..]; del w[-3:]", 200000,
     "w = list(range(N))\nfor i in range(N // 10):\n    w[-2:] = [1, 2, 3]\n    del w[-1:]"),
    ("bytearray w[-2:] = ..; del w[-3:]", 200000,
     "w = bytearray(N)\nfor i in range(N // 10):\n    w[-2:] = b'abc'\n    del w[-1:]"),
    # --- containers ---
    ("list.append / pop()", 200000,
     "w = []\nfor i in range(N):\n    w.append(i)\nfor i in range(N):\n    w.pop()"),
    ("dict insert/delete churn", 200000,
     "d = {}\nfor i in range(N):\n    d[i] = i\n    if i >= 8:\n        del d[i - 8]\nassert len(d) == 8"),
    ("set add/discard churn", 200000,
     "s = set()\nfor i in range(N):\n    s.add(i)\n    if i >= 8:\n        s.discard(i - 8)\nassert len(s) == 8"),
    ("x in dict / set", 200000,
     "d = dict.fromkeys(range(N))\ns = set(range(N))\nn = 0\n"
     "for i in range(N):\n    n += (i in d) + (i in s)\nassert n == 2 * N"),
    ("x in range(N)", 200000,
     "r = range(N)\nn = 0\nfor i in range(N):\n    n += (N - 1 - i) in r\nassert n == N"),
    ("len() of a growing list", 200000,
     "w = []\nfor i in range(N):\n    w.append(len(w))"),
    ("list comprehension of N", 400000,
     "w = [i * 2 for i in range(N)]"),
    ("dict(zip(a, b))", 400000,
     "d = dict(zip(range(N), range(N)))"),
    ("list.index near the end", 2000000,
     "w = list(range(N))\nw.index(N - 1)\nw.index(N - 2)"),
    ("deque append / popleft", 200000,
     "from collections import deque\nq = deque()\nfor i in range(N):\n    q.append(i)\n"
     "for i in range(N):\n    q.popleft()"),
    ("sorted(N) / list.sort(key=)", 200000,
     "w = [(i * 7919) % N for i in range(N)]\nsorted(w)\nw.sort(key=lambda x: -x)"),
    # --- bytes/str building ---
    ("bytearray += b'..'", 400000,
     "b = bytearray()\nfor i in range(N):\n    b += b'ab'"),
    ("b''.join(N)", 400000,
     "w = [b'ab'] * N\nx = b''.join(w)"),
    ("'sep'.join(N)", 400000,
     "w = ['ab'] * N\nx = ', '.join(w)"),
    ("str.split of a long string", 400000,
     "s = 'ab ' * N\nw = s.split()\nassert len(w) == N"),
    ("str.replace / find on long str", 1000000,
     "s = 'ab' * N + 'c'\nt = s.replace('ab', 'xyz')\nassert s.find('c') == 2 * N"),
    ("repr of a long list", 200000,
     "w = list(range(N))\nx = repr(w)"),
    ("repr of an N-item list nested 200 deep", 100000,
     "w = list(range(N))\nfor i in range(200):\n    w = [w]\nx = repr(w)"),
    ("str(int) of N/20 digits (quadratic in CPython too)", 2000000,
     "import sys\nsys.set_int_max_str_digits(0)\nx = 7 ** (N // 20)\ns = str(x)"),
    ("generator chain", 400000,
     "g = (x + 1 for x in (y * 2 for y in range(N)))\nn = sum(g)"),
    # --- heap ---
    ("delete a linked list of N", 200000,
     "head = None\nfor i in range(N):\n    head = [head]\ndel head"),
    ("gc.collect of a big heap", 200000,
     "import gc\nw = [[i] for i in range(N)]\ngc.collect()\ngc.collect()"),
    # --- engineer D's (expected quadratic until D's work lands) ---
    ("s += 'x' in a function's loop (D)", 2000000,
     "def f():\n    s = ''\n    for i in range(N):\n        s += 'x'\n    return s\nf()"),
    ("s += 'x' at module level (quadratic in CPython too)", 100000,
     "s = ''\nfor i in range(N):\n    s += 'x'"),
    ("non-ASCII str indexing (D)", 20000,
     "s = '\\u00e9' * N\nn = 0\nfor i in range(N):\n    n += s[i] == '\\u00e9'"),
]


def cpu_of_children():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def best_time(argv, runs):
    """The least CPU time (user + system of the child, from rusage) of
    `runs` runs: on a loaded machine CPU time is far steadier than wall
    time. A run longer than TIMEOUT seconds of wall time is cut short."""
    best = None
    for _ in range(runs):
        before = cpu_of_children()
        try:
            r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, ["timeout (%ds)" % TIMEOUT]
        t = cpu_of_children() - before
        if r.returncode != 0:
            return None, r.stderr.decode(errors="replace").strip().splitlines()[-1:]
        best = t if best is None else min(best, t)
    return best, None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    minipy = sys.argv[1]
    filt = sys.argv[2] if len(sys.argv) > 2 else ""
    runs = int(os.environ.get("RUNS", "3"))
    interpreters = [("minipy", minipy), ("python3", sys.executable)]
    startup = {}
    for label, exe in interpreters:
        startup[label], _ = best_time([exe, "-c", "pass"], runs)
    print("start-up: minipy %.3fs, python3 %.3fs (subtracted)" %
          (startup["minipy"], startup["python3"]))
    print()
    print("| operation | N | minipy t(N) | minipy 2N/N | minipy 4N/2N "
          "| python3 t(N) | python3 2N/N | python3 4N/2N |")
    print("|---|---|---|---|---|---|---|---|")
    flagged = []
    for name, n, prog in CASES:
        if filt and filt not in name:
            continue
        cells = []
        for label, exe in interpreters:
            times = []
            err = None
            for k in (1, 2, 4):
                t, err = best_time([exe, "-c", "N = %d\n%s" % (n * k, prog)], runs)
                if t is None:
                    break
                times.append(max(t - startup[label], 1e-4))
            if err is not None:
                shown = ["%.3fs" % times[0] if times else ""]
                shown += ["%.2f" % (times[1] / times[0])] if len(times) > 1 else []
                shown.append("%s at %dN" % (" ".join(err), 2 ** len(times)))
                cells += (shown + ["", ""])[:3]
                if label == "minipy":
                    flagged.append(name)
                continue
            r1, r2 = times[1] / times[0], times[2] / times[1]
            marks = []
            for r in (r1, r2):
                bad = r > FLAG and times[0] >= MIN_TIME
                marks.append("%.2f%s" % (r, " !" if bad else ""))
                # (A case quadratic in CPython too is shown, not flagged.)
                if bad and label == "minipy" and "quadratic in CPython too" not in name:
                    flagged.append(name)
            cells += ["%.3fs" % times[0]] + marks
        print("| %s | %d | %s |" % (name, n, " | ".join(cells)), flush=True)
    print()
    if flagged:
        print("ratio above %.0f for minipy: %s" % (FLAG, "; ".join(sorted(set(flagged)))))
    else:
        print("no minipy ratio above %.0f" % FLAG)


if __name__ == "__main__":
    main()
