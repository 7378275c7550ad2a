//! Differential test: run every `tests/cases/*.py` with minipy and compare
//! against `NAME.expected`, recorded from CPython 3.11 by `tests/record.py`.
//!
//! Each case runs with cwd = tests/cases, argv = [NAME.py], stdin = /dev/null,
//! PYTHONHASHSEED=0 and a 20 s timeout.  Compared: stdout (verbatim), the last
//! non-empty line of stderr, and the exit status.  A Rust panic (exit 101) or a
//! death by signal is reported as a crash. minipy runs every case with
//! `-X leakcheck`, so a reference-count imbalance (an object alive after
//! teardown) fails the case.
//!
//! Handy environment variables:
//! * `MINIPY_CASES=sub1,sub2` runs only the cases whose name contains one of
//!   the substrings.
//! * `MINIPY_TEST_THREADS=N` sets the number of worker threads (default 4).
//! * `MINIPY_BIN=path` runs another interpreter instead of the freshly built
//!   minipy (e.g. a release build, or `python3` to sanity-check the harness).
//!
//! A second test (`expected_files_are_current`) re-runs CPython over the cases
//! when `python3` on PATH is 3.11 and fails naming the stale `.expected` files.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const HEADER: &str = "# recorded from CPython 3.11 by tests/record.py; do not edit";
const TIMEOUT: Duration = Duration::from_secs(20);
const MAX_DIFF_LINES: usize = 40;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

/// Top-level `*.py` files of tests/cases, sorted, filtered by `MINIPY_CASES`.
fn case_names() -> Vec<String> {
    let filter: Vec<String> = std::env::var("MINIPY_CASES")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .filter(|n| filter.is_empty() || filter.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    names
}

fn thread_count() -> usize {
    std::env::var("MINIPY_TEST_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(4)
}

/// What one run of a program produced.
struct Outcome {
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

fn read_pipe<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

fn wait_with_timeout(mut child: Child, timeout: Duration) -> Outcome {
    let out = read_pipe(child.stdout.take());
    let err = read_pipe(child.stderr.take());
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if start.elapsed() > timeout => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    Outcome {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        timed_out,
    }
}

/// Runs `program NAME.py` the way tests/record.py runs CPython. minipy
/// runs with `-X leakcheck`: an object still alive after interpreter
/// teardown is reported on stderr, which then differs from CPython's.
fn run_case(program: &str, name: &str) -> Result<Outcome, String> {
    let mut cmd = Command::new(program);
    if !program.contains("python") {
        cmd.args(["-X", "leakcheck"]);
    }
    let child = cmd
        .arg(name)
        .current_dir(cases_dir())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    Ok(wait_with_timeout(child, TIMEOUT))
}

/// The last non-empty line of `text`, split on "\n" and right-trimmed
/// (mirrors `last_line` in tests/record.py).
fn last_line(text: &str) -> String {
    text.split('\n')
        .rev()
        .map(str::trim_end)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Renders an outcome exactly as tests/record.py writes a `.expected` file.
fn render(code: i32, stdout: &[u8], stderr: &[u8]) -> Vec<u8> {
    let stderr = normalize_stderr(&String::from_utf8_lossy(stderr));
    let mut text = format!(
        "{HEADER}\nexit: {code}\nstderr: {}\n--- stdout\n",
        last_line(&stderr)
    )
    .into_bytes();
    text.extend_from_slice(stdout);
    text
}

struct Expected {
    exit: i32,
    stderr: String,
    stdout: String,
}

fn parse_expected(text: &str) -> Result<Expected, String> {
    let mut parts = text.splitn(5, '\n');
    let header = parts.next().unwrap_or("");
    if header != HEADER {
        return Err(format!("bad header line {header:?}"));
    }
    let exit = parts
        .next()
        .and_then(|l| l.strip_prefix("exit: "))
        .and_then(|n| n.trim().parse().ok())
        .ok_or("missing or bad `exit:` line")?;
    let stderr = parts
        .next()
        .and_then(|l| l.strip_prefix("stderr:"))
        .ok_or("missing `stderr:` line")?
        .trim_start_matches(' ')
        .to_string();
    if parts.next() != Some("--- stdout") {
        return Err("missing `--- stdout` line".into());
    }
    let stdout = parts.next().unwrap_or("").to_string();
    Ok(Expected {
        exit,
        stderr,
        stdout,
    })
}

#[cfg(unix)]
fn signal_of(status: &ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_status: &ExitStatus) -> Option<i32> {
    None
}

/// A small line diff (LCS) of expected vs actual, `-` expected, `+` actual,
/// with one line of context, capped at MAX_DIFF_LINES lines.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    if a.len() * b.len() > 4_000_000 {
        let first = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        return format!(
            "    (outputs too long to diff: {} vs {} lines; first difference at line {})\n",
            a.len(),
            b.len(),
            first + 1
        );
    }
    // lcs[i][j] = LCS length of a[i..] and b[j..]
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let changed: Vec<bool> = ops.iter().map(|(c, _)| *c != ' ').collect();
    let mut out = String::new();
    let mut shown = 0;
    let mut skipped = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        let near = changed[k.saturating_sub(1)..(k + 2).min(ops.len())]
            .iter()
            .any(|&x| x);
        if !near {
            skipped = true;
            continue;
        }
        if skipped {
            out.push_str("    ...\n");
            skipped = false;
        }
        if shown == MAX_DIFF_LINES {
            out.push_str("    ... (diff truncated)\n");
            break;
        }
        let text = line.strip_suffix('\n').unwrap_or(line);
        let eol = if line.ends_with('\n') {
            ""
        } else {
            "  [no newline at end]"
        };
        out.push_str(&format!("    {c} {text}{eol}\n"));
        shown += 1;
    }
    out
}

/// Compares one minipy run with its expectation; `None` means pass.
fn check_case(binary: &str, name: &str) -> Option<String> {
    let exp_path = cases_dir().join(name.replace(".py", ".expected"));
    let expected = match fs::read_to_string(&exp_path) {
        Ok(t) => match parse_expected(&t) {
            Ok(e) => e,
            Err(e) => return Some(format!("{}: {e}", exp_path.display())),
        },
        Err(_) => {
            return Some(format!(
                "no {} (run `python3 tests/record.py`)",
                exp_path.display()
            ))
        }
    };
    let out = match run_case(binary, name) {
        Ok(o) => o,
        Err(e) => return Some(e),
    };
    if out.timed_out {
        return Some(format!("TIMEOUT after {} s (killed)", TIMEOUT.as_secs()));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let Some(status) = out.status else {
        return Some("could not collect the exit status".into());
    };
    let mut report = String::new();
    if let Some(sig) = signal_of(&status) {
        report.push_str(&format!("CRASH: killed by signal {sig}\n"));
    } else if status.code() == Some(101) {
        report.push_str("CRASH: Rust panic (exit status 101)\n");
    }
    let code = status.code().unwrap_or(-1);
    if report.is_empty() && code != expected.exit {
        report.push_str(&format!(
            "exit status: expected {}, got {code}\n",
            expected.exit
        ));
    }
    let got_err = last_line(&normalize_stderr(&stderr));
    if !report.starts_with("CRASH") && got_err != expected.stderr {
        report.push_str(&format!(
            "stderr last line:\n    expected: {}\n    got:      {}\n",
            expected.stderr, got_err
        ));
    }
    if stdout != expected.stdout {
        report.push_str("stdout (- expected, + minipy):\n");
        report.push_str(&line_diff(&expected.stdout, &stdout));
    }
    // The whole stderr (tracebacks with 3.11's markers, SyntaxError carets)
    // when CPython's was recorded.
    if !report.starts_with("CRASH") {
        let err_path = cases_dir().join(name.replace(".py", ".stderr"));
        let expected_err = fs::read_to_string(&err_path).unwrap_or_default();
        let got = normalize_stderr(&stderr);
        if got != expected_err {
            report.push_str("whole stderr (- CPython, + minipy):\n");
            report.push_str(&line_diff(&expected_err, &got));
        }
    }
    if report.starts_with("CRASH") {
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect();
        report.push_str("stderr tail:\n");
        for l in tail.iter().rev() {
            report.push_str(&format!("    {l}\n"));
        }
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
}

/// Runs `job` over every name on a few threads; returns (name, failure) pairs.
fn parallel<F>(names: &[String], job: F) -> Vec<(String, String)>
where
    F: Fn(&str) -> Option<String> + Sync,
{
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..thread_count().min(names.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                if let Some(msg) = job(name) {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((name.clone(), msg));
                }
            });
        }
    });
    let mut f = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    f.sort();
    f
}

/// Case names listed in tests/cases/KNOWN_FAILURES.txt (`name.py  # reason`).
fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(cases_dir().join("KNOWN_FAILURES.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whole stderr with the cases folder's absolute path written as <CASES>
/// (as tests/record.py stores it).
fn normalize_stderr(stderr: &str) -> String {
    let dir = fs::canonicalize(cases_dir()).unwrap_or_else(|_| cases_dir());
    stderr.replace(&format!("{}/", dir.display()), "<CASES>/")
}

#[test]
fn cases_match_cpython() {
    let binary =
        std::env::var("MINIPY_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_minipy").to_string());
    let binary = binary.as_str();
    let names = case_names();
    assert!(
        !names.is_empty(),
        "no cases found in {}",
        cases_dir().display()
    );
    let start = Instant::now();
    let failures = parallel(&names, |name| check_case(binary, name));
    for (name, msg) in &failures {
        println!("--- FAIL {name}\n{msg}");
    }
    let crashes = failures
        .iter()
        .filter(|(_, m)| m.starts_with("CRASH"))
        .count();
    let timeouts = failures
        .iter()
        .filter(|(_, m)| m.starts_with("TIMEOUT"))
        .count();
    println!(
        "\ndifferential: {} passed, {} failed ({crashes} crashes, {timeouts} timeouts) of {} cases in {:.1} s",
        names.len() - failures.len(),
        failures.len(),
        names.len(),
        start.elapsed().as_secs_f64()
    );
    // Known failures (tests/cases/KNOWN_FAILURES.txt): behaviours not yet
    // matched, listed with a reason. A listed case that crashes or times out
    // still fails the run, and a listed case that now passes must be removed
    // from the list, so the list can only shrink honestly.
    let known = known_failures();
    let unexpected: Vec<&str> = failures
        .iter()
        .filter(|(n, m)| !known.contains(n) || m.starts_with("CRASH") || m.starts_with("TIMEOUT"))
        .map(|(n, _)| n.as_str())
        .collect();
    let fixed: Vec<&String> = known
        .iter()
        .filter(|k| names.contains(k) && !failures.iter().any(|(n, _)| n == *k))
        .collect();
    println!(
        "known failures: {} listed, {} still failing",
        known.len(),
        failures.len() - unexpected.len()
    );
    if !unexpected.is_empty() || !fixed.is_empty() {
        panic!(
            "{} unexpected failures: {}; {} known failures now pass (remove them from KNOWN_FAILURES.txt): {:?}",
            unexpected.len(),
            unexpected.join(" "),
            fixed.len(),
            fixed
        );
    }
}

fn python311() -> Option<&'static str> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    (String::from_utf8_lossy(&out.stdout).trim() == "True").then_some("python3")
}

#[test]
fn expected_files_are_current() {
    let Some(python) = python311() else {
        println!("python3 on PATH is not CPython 3.11: skipping the staleness check");
        return;
    };
    let names = case_names();
    let stale = parallel(&names, |name| {
        let exp_path = cases_dir().join(name.replace(".py", ".expected"));
        let Ok(on_disk) = fs::read(&exp_path) else {
            return Some("missing .expected file".into());
        };
        let out = match run_case(python, name) {
            Ok(o) => o,
            Err(e) => return Some(e),
        };
        if out.timed_out {
            return Some("CPython timed out".into());
        }
        let code = match out.status {
            Some(st) => st
                .code()
                .or_else(|| signal_of(&st).map(|s| -s))
                .unwrap_or(-1),
            None => -1,
        };
        let err_path = cases_dir().join(name.replace(".py", ".stderr"));
        let err_on_disk = fs::read_to_string(&err_path).unwrap_or_default();
        let err_now = normalize_stderr(&String::from_utf8_lossy(&out.stderr));
        (render(code, &out.stdout, &out.stderr) != on_disk || err_now != err_on_disk)
            .then(|| "stale".to_string())
    });
    if !stale.is_empty() {
        let list: Vec<String> = stale.iter().map(|(n, m)| format!("{n} ({m})")).collect();
        panic!(
            "{} .expected files are stale; re-run `python3 tests/record.py`: {}",
            stale.len(),
            list.join(", ")
        );
    }
    println!("all {} .expected files are current", names.len());
}
