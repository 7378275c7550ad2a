#!/usr/bin/env python3
"""Record the expected outputs of tests/cases/*.py from CPython 3.11.

Usage: python3 tests/record.py [NAME ...]

Each case runs with cwd = tests/cases, argv = [NAME.py], stdin = /dev/null and
PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1.  The result is written beside the
case as NAME.expected:

    # recorded from CPython 3.11 by tests/record.py; do not edit
    exit: N
    stderr: <last non-empty line of stderr, or empty; <CASES> for the folder>
and, when stderr is not empty, NAME.stderr with the whole stderr (the cases
folder's absolute path written as <CASES>), which the harness also compares.
    --- stdout
    <stdout verbatim>

tests/differential.rs compares minipy against these files (and, when python3
is 3.11, checks they are current by calling `render` logic of its own).
"""

import os
import subprocess
import sys

HEADER = "# recorded from CPython 3.11 by tests/record.py; do not edit"
CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
TIMEOUT = 60


def last_line(text):
    # Split on "\n" only (not str.splitlines) so tests/differential.rs can mirror it exactly.
    for line in reversed(text.split("\n")):
        line = line.rstrip()
        if line:
            return line
    return ""


def render(code, stdout, stderr):
    # The summary line, like NAME.stderr, has the cases folder written as <CASES>.
    return "%s\nexit: %d\nstderr: %s\n--- stdout\n%s" % (
        HEADER, code, last_line(normalize_stderr(stderr)), stdout)


def run_case(name):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONSTARTUP", None)
    proc = subprocess.run(
        [sys.executable, name],
        cwd=CASES,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=TIMEOUT,
    )
    stdout = proc.stdout.decode("utf-8", "surrogateescape")
    stderr = proc.stderr.decode("utf-8", "surrogateescape")
    return render(proc.returncode, stdout, stderr), normalize_stderr(stderr)


def normalize_stderr(stderr):
    """Whole stderr with the cases folder's absolute path replaced by
    <CASES>, so recordings do not depend on where the repository lives."""
    return stderr.replace(os.path.realpath(CASES) + os.sep, "<CASES>/")


def main(argv):
    if sys.version_info[:2] != (3, 11):
        sys.exit("tests/record.py needs CPython 3.11, this is %s" % sys.version.split()[0])
    if argv:
        names = [a if a.endswith(".py") else a + ".py" for a in (os.path.basename(a) for a in argv)]
    else:
        names = sorted(n for n in os.listdir(CASES) if n.endswith(".py"))
    for name in names:
        if not os.path.isfile(os.path.join(CASES, name)):
            sys.exit("no such case: %s" % name)
        text, stderr = run_case(name)
        path = os.path.join(CASES, name[:-3] + ".expected")
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(text)
        # The whole stderr (tracebacks included), when there is any.
        err_path = os.path.join(CASES, name[:-3] + ".stderr")
        if stderr:
            with open(err_path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                f.write(stderr)
        elif os.path.exists(err_path):
            os.remove(err_path)
        status = text.split("\n", 2)[1]
        print("%-40s %s" % (name, status))


if __name__ == "__main__":
    main(sys.argv[1:])
