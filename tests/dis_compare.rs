//! Compares `minipy -m dis FILE` with `python3.11 -m dis FILE` for every
//! `tests/dis/*.py`.
//!
//! Both listings are split into code objects (the module, then one block per
//! `Disassembly of <code object ...>:` header) and each block is reduced to
//! its sequence of opnames. The test PRINTS the share of code objects whose
//! opname sequence matches exactly, a short diff for each mismatch, and how
//! many whole listings equal the golden files `tests/dis/NAME.dis`
//! (addresses normalised to `0x...`). There is no threshold: it fails only
//! when minipy crashes (exit code 101 or a signal) or prints nothing.
//!
//! When `python3` is not CPython 3.11 the golden files stand in for it.
//! Run with `cargo test --test dis_compare -- --nocapture`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One code object of a listing: its header label and its opnames.
struct Block {
    label: String,
    opnames: Vec<String>,
    text: String,
}

/// Replaces every `0x<hex digits>` by `0x...`.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x...");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// The golden file without its `#` header line.
fn golden_body(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("# golden:"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `<code object NAME at 0x..., file "F", line N>` -> `NAME (line N)`.
fn label_of(header: &str) -> String {
    let name = header
        .strip_prefix("Disassembly of <code object ")
        .and_then(|r| r.split(" at ").next())
        .unwrap_or(header);
    let line = header
        .rsplit(", line ")
        .next()
        .map(|r| r.trim_end_matches(">:"))
        .unwrap_or("?");
    format!("{name} (line {line})")
}

/// The opname of an instruction line, if the line is one.
fn opname_of(line: &str) -> Option<String> {
    for tok in line.split_whitespace() {
        if tok == ">>" || tok == "-->" || tok.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let is_name = tok.chars().all(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '<' || c == '>'
        });
        return is_name.then(|| tok.to_string());
    }
    None
}

fn parse(listing: &str) -> Vec<Block> {
    let mut blocks = vec![Block {
        label: "<module>".to_string(),
        opnames: Vec::new(),
        text: String::new(),
    }];
    let mut in_table = false;
    for line in listing.lines() {
        if line.starts_with("Disassembly of ") {
            blocks.push(Block {
                label: label_of(line),
                opnames: Vec::new(),
                text: String::new(),
            });
            in_table = false;
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        block.text.push_str(line);
        block.text.push('\n');
        if line.starts_with("ExceptionTable:") {
            in_table = true;
        } else if !in_table {
            if let Some(op) = opname_of(line) {
                block.opnames.push(op);
            }
        }
    }
    blocks
}

/// A compact diff of two opname sequences: the first differing position
/// with a little context on both sides.
fn short_diff(want: &[String], got: &[String]) -> String {
    let first = want
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    let from = first.saturating_sub(2);
    let show = |v: &[String]| {
        let end = (first + 4).min(v.len());
        let mut s = v.get(from..end).unwrap_or(&[]).join(" ");
        if end < v.len() {
            s.push_str(" ...");
        }
        s
    };
    format!(
        "at op #{first} (python {} ops, minipy {} ops)\n        python: {}\n        minipy: {}",
        want.len(),
        got.len(),
        show(want),
        show(got)
    )
}

fn python_is_311() -> bool {
    Command::new("python3")
        .args(["-c", "import sys;print(sys.version_info[:2])"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "(3, 11)")
        .unwrap_or(false)
}

fn dis_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("dis")
}

#[test]
fn dis_compare() {
    let dir = dis_dir();
    let mut sources: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/dis exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no tests/dis/*.py");

    let use_python = python_is_311();
    if !use_python {
        println!("dis_compare: python3 is not CPython 3.11; comparing with the golden files tests/dis/*.dis");
    }

    let mut failures = Vec::new();
    let (mut blocks_total, mut blocks_same, mut golden_total, mut golden_same) = (0, 0, 0, 0);
    let mut full_same = 0;
    let mut report = String::new();
    for src in &sources {
        let name = src.trim_end_matches(".py");
        let out = Command::new(env!("CARGO_BIN_EXE_minipy"))
            .args(["-m", "dis", src])
            .current_dir(&dir)
            .output()
            .expect("run minipy");
        let mini = normalise(&String::from_utf8_lossy(&out.stdout));
        let crashed = out.status.code().is_none_or(|c| c == 101);
        if crashed {
            let err = String::from_utf8_lossy(&out.stderr);
            let tail: Vec<&str> = err.lines().rev().take(5).collect();
            failures.push(format!(
                "{src}: minipy crashed ({:?}): {}",
                out.status,
                tail.join(" | ")
            ));
        } else if mini.trim().is_empty() {
            let err = String::from_utf8_lossy(&out.stderr);
            let first = err.lines().next().unwrap_or("").to_string();
            failures.push(format!(
                "{src}: minipy printed nothing ({:?}) {first}",
                out.status
            ));
        }

        let golden = std::fs::read_to_string(dir.join(format!("{name}.dis")))
            .ok()
            .map(|g| golden_body(&g));
        if let Some(g) = &golden {
            golden_total += 1;
            if *g == mini {
                golden_same += 1;
            }
        }
        let python = if use_python {
            let o = Command::new("python3")
                .args(["-m", "dis", src])
                .current_dir(&dir)
                .output()
                .expect("run python3");
            normalise(&String::from_utf8_lossy(&o.stdout))
        } else {
            match &golden {
                Some(g) => g.clone(),
                None => continue,
            }
        };

        let want = parse(&python);
        let got = parse(&mini);
        for (i, w) in want.iter().enumerate() {
            blocks_total += 1;
            match got.get(i) {
                Some(g) if g.opnames == w.opnames => {
                    blocks_same += 1;
                    if g.text == w.text {
                        full_same += 1;
                    }
                }
                Some(g) => {
                    report.push_str(&format!(
                        "  {src}: {}{}\n      {}\n",
                        w.label,
                        if g.label != w.label {
                            format!(" (minipy block: {})", g.label)
                        } else {
                            String::new()
                        },
                        short_diff(&w.opnames, &g.opnames)
                    ));
                }
                None => {
                    report.push_str(&format!("  {src}: {} missing in minipy output\n", w.label))
                }
            }
        }
        if got.len() > want.len() {
            report.push_str(&format!(
                "  {src}: minipy has {} extra code object(s)\n",
                got.len() - want.len()
            ));
        }
    }

    println!("\n=== dis_compare: minipy -m dis vs python3.11 -m dis ===");
    if !report.is_empty() {
        println!("mismatching code objects:\n{report}");
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "opname sequences identical: {blocks_same}/{blocks_total} code objects ({:.1}%)",
        pct(blocks_same, blocks_total)
    );
    println!(
        "full listings identical (args, lines, jumps, exception tables): {full_same}/{blocks_total} code objects ({:.1}%)",
        pct(full_same, blocks_total)
    );
    println!(
        "golden files identical: {golden_same}/{golden_total} ({:.1}%)",
        pct(golden_same, golden_total)
    );
    if !failures.is_empty() {
        panic!(
            "minipy failed on {} file(s):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
