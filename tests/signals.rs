//! Signals, Ctrl-C and broken pipes, driven on the built `minipy` binary
//! as a subprocess and compared with CPython 3.11 (`python3`) when it is
//! on PATH: SIGINT in `time.sleep` and in a busy loop (`finally` runs,
//! `except KeyboardInterrupt` catches, an uncaught one ends the process
//! "killed by SIGINT" after the traceback), a Python handler during a
//! sleep (PEP 475: the sleep resumes), and a pipe closed by its reader
//! (`BrokenPipeError`, exit status 1).
//!
//! Each program prints a "ready" line once it is where the signal should
//! find it; the test waits for that line, never for a fixed time.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const MINIPY: &str = env!("CARGO_BIN_EXE_minipy");

/// How a run ended: exit code or signal, stdout, stderr.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

fn spawn(exe: &str, code: &str) -> Option<Child> {
    Command::new(exe)
        .arg("-c")
        .arg(code)
        // CPython's stdout must be block-buffered, as minipy's is.
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()
}

/// Waits at most 20 s (a loaded machine), then kills the child and fails.
fn wait(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("child did not end in time");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs `code`, sends `SIGINT` once it printed its first line, and
/// collects the outcome.
fn interrupt(exe: &str, code: &str) -> Option<Outcome> {
    let mut child = spawn(exe, code)?;
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("ready line");
    assert_eq!(first, "ready\n", "{} did not get ready", exe);
    minipy_sys::signal::kill(child.id() as i32, 2).expect("kill -INT");
    let mut stdout = String::new();
    out.read_to_string(&mut stdout).expect("stdout");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let st = wait(&mut child);
    Some(Outcome {
        code: st.code(),
        signal: st.signal(),
        stdout,
        stderr,
    })
}

/// minipy's outcome, checked against `expected` and against python3's.
fn check_interrupt(code: &str, expected: &Outcome) {
    let got = interrupt(MINIPY, code).expect("minipy runs");
    assert_eq!(&got, expected, "minipy");
    if let Some(py) = interrupt("python3", code) {
        assert_eq!(&py, expected, "python3 (the specification) differs");
    }
}

#[test]
fn sigint_in_sleep_runs_finally_and_exits_by_sigint() {
    let code = "import time\ntry:\n    print('ready', flush=True)\n    time.sleep(30)\nfinally:\n    print('finally ran')\n";
    let got = interrupt(MINIPY, code).expect("minipy runs");
    assert_eq!(got.signal, Some(2), "{:?}", got);
    assert_eq!(got.code, None);
    assert_eq!(got.stdout, "finally ran\n");
    // Where the signal lands (the print's end or the sleep) decides the
    // line; the report is CPython's either way.
    let line = if got.stderr.contains("line 3") { 3 } else { 4 };
    assert_eq!(
        got.stderr,
        format!(
            "Traceback (most recent call last):\n  File \"<string>\", line {}, in <module>\nKeyboardInterrupt\n",
            line
        )
    );
    if let Some(py) = interrupt("python3", code) {
        assert_eq!(py.signal, Some(2));
        assert_eq!(py.stdout, got.stdout);
    }
}

#[test]
fn sigint_in_busy_loop_is_caught() {
    let code = "try:\n    print('ready', flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt as e:\n    print('caught', repr(e))\n";
    check_interrupt(
        code,
        &Outcome {
            code: Some(0),
            signal: None,
            stdout: "caught KeyboardInterrupt()\n".to_string(),
            stderr: String::new(),
        },
    );
}

#[test]
fn sigint_uncaught_in_busy_loop() {
    let code = "print('ready', flush=True)\nwhile True:\n    pass\n";
    let got = interrupt(MINIPY, code).expect("minipy runs");
    assert_eq!(got.signal, Some(2), "{:?}", got);
    assert!(
        got.stderr.ends_with("KeyboardInterrupt\n")
            && got
                .stderr
                .starts_with("Traceback (most recent call last):\n"),
        "{:?}",
        got
    );
    if let Some(py) = interrupt("python3", code) {
        assert_eq!(py.signal, Some(2));
    }
}

#[test]
fn handler_during_sleep_then_sleep_resumes() {
    let code = "import signal, time\nsignal.signal(signal.SIGINT, lambda n, f: print('handled', n))\nprint('ready', flush=True)\nt = time.monotonic()\ntime.sleep(0.5)\nprint('done', time.monotonic() - t >= 0.45)\n";
    check_interrupt(
        code,
        &Outcome {
            code: Some(0),
            signal: None,
            stdout: "handled 2\ndone True\n".to_string(),
            stderr: String::new(),
        },
    );
}

/// Reads the first bytes of the program's output, then closes the pipe.
fn closed_pipe(exe: &str, code: &str) -> Option<(Option<i32>, String)> {
    let mut child = spawn(exe, code)?;
    let mut out = child.stdout.take().expect("stdout");
    let mut buf = [0u8; 2];
    out.read_exact(&mut buf).expect("first bytes");
    drop(out);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let st = wait(&mut child);
    Some((st.code(), stderr))
}

#[test]
fn broken_pipe_raises_broken_pipe_error() {
    let code = "for i in range(10**6): print(i)";
    let expected = (
        Some(1),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nBrokenPipeError: [Errno 32] Broken pipe\n".to_string(),
    );
    assert_eq!(closed_pipe(MINIPY, code).expect("minipy runs"), expected);
    if let Some(py) = closed_pipe("python3", code) {
        assert_eq!(py, expected, "python3 (the specification) differs");
    }
}
