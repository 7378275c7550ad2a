//! Running a program under limits, shared by the robustness tests
//! (`sweep.rs`, `fuzz.rs`): the interpreter reads the program on stdin,
//! under a 4 GiB address-space limit (`sh -c 'ulimit -v'`, so a runaway
//! program cannot take the machine down) and a wall-clock timeout, and the
//! verdict says whether it crashed: a Rust panic (exit status 101), a
//! death by signal (SIGSEGV, SIGABRT, ...), a crash marker on stderr, or a
//! `-X leakcheck` report.

#![allow(dead_code)] // each test target uses a different part

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Keep at most this much of a run's output (the rest is read and dropped).
const OUTPUT_CAP: usize = 256 * 1024;
/// What a crashing minipy writes to stderr.
pub const CRASH_MARKERS: [&str; 4] = [
    "panicked at",
    "stack overflow",
    "overflowed its stack",
    "memory allocation of",
];
/// What `-X leakcheck` writes when objects survive teardown.
pub const LEAK_MARKER: &str = "minipy: leakcheck:";

/// How one run ended.
pub struct Outcome {
    /// None when the run was killed at the timeout.
    pub status: Option<ExitStatus>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn timed_out(&self) -> bool {
        self.status.is_none()
    }

    /// Why this run counts as a crash of the interpreter (empty: it did
    /// not crash; Python-level errors and timeouts are not crashes).
    pub fn crash_reasons(&self) -> Vec<String> {
        let mut why = Vec::new();
        if let Some(st) = &self.status {
            if let Some(sig) = signal_of(st) {
                why.push(format!("killed by signal {sig}"));
            } else if st.code() == Some(101) {
                why.push("exit status 101 (Rust panic)".to_string());
            }
        }
        for marker in CRASH_MARKERS {
            if self.stderr.contains(marker) {
                why.push(format!("stderr contains {marker:?}"));
            }
        }
        why
    }

    pub fn leaked(&self) -> bool {
        self.stderr.contains(LEAK_MARKER)
    }

    /// The last `n` lines of stderr, indented for a report.
    pub fn stderr_tail(&self, n: usize) -> String {
        let tail: Vec<&str> = self.stderr.lines().rev().take(n).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        tail.join("\n      ")
    }
}

#[cfg(unix)]
pub fn signal_of(status: &ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
pub fn signal_of(_status: &ExitStatus) -> Option<i32> {
    None
}

/// The interpreter under test: `MINIPY_BIN` or the workspace's binary, as
/// an absolute path (runs happen in other directories).
pub fn minipy_binary() -> String {
    let bin =
        std::env::var("MINIPY_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_minipy").to_string());
    match std::fs::canonicalize(&bin) {
        Ok(p) => p.display().to_string(),
        Err(e) => panic!("the interpreter under test, {bin}, cannot be found: {e}"),
    }
}

fn read_capped(mut r: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = r.read(&mut buf) {
        if n == 0 {
            break;
        }
        if kept.len() < OUTPUT_CAP {
            kept.extend_from_slice(&buf[..n]);
        }
    }
    kept
}

/// Runs `bin ARGS... -` with `source` on stdin, in `cwd`, under the
/// address-space limit, killed after `timeout`. `keep_stdout` false
/// discards stdout.
pub fn run_limited(
    bin: &str,
    args: &[&str],
    source: &[u8],
    cwd: &Path,
    timeout: Duration,
    keep_stdout: bool,
) -> std::io::Result<Outcome> {
    let mut cmd = if cfg!(unix) {
        let mut c = Command::new("sh");
        // "$0" is the interpreter, "$@" its arguments.
        c.args([
            "-c",
            "ulimit -v 4194304 2>/dev/null; exec \"$0\" \"$@\" -",
            bin,
        ]);
        c.args(args);
        c
    } else {
        let mut c = Command::new(bin);
        c.args(args).arg("-");
        c
    };
    let mut child = cmd
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("RUST_BACKTRACE", "0")
        .env_remove("PYTHONPATH")
        .stdin(Stdio::piped())
        .stdout(if keep_stdout {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped())
        .spawn()?;
    let stdin = child.stdin.take();
    let src = source.to_vec();
    let writer = thread::spawn(move || {
        if let Some(mut w) = stdin {
            // A broken pipe is fine: the interpreter may stop reading early.
            let _ = w.write_all(&src);
        }
    });
    let stderr = child.stderr.take();
    let err_reader = thread::spawn(move || stderr.map(read_capped).unwrap_or_default());
    let stdout = child.stdout.take();
    let out_reader = thread::spawn(move || stdout.map(read_capped).unwrap_or_default());
    let start = Instant::now();
    let status = loop {
        match child.try_wait()? {
            Some(st) => break Some(st),
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => thread::sleep(Duration::from_millis(2)),
        }
    };
    let elapsed = start.elapsed();
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    let stdout = out_reader.join().unwrap_or_default();
    Ok(Outcome {
        status,
        stdout,
        stderr,
        elapsed,
    })
}
