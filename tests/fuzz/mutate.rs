//! The mutator: takes a seed program (a differential case, or a module of
//! CPython's own `Lib/`) and applies a few random edits that keep it mostly
//! parseable — lines deleted, duplicated, swapped; literals replaced by
//! extreme values; names and operators swapped; a generated statement
//! inserted at a line's indentation; the text cut short; a stray byte.
//! Mutated programs may loop forever, so a timeout is only a hang when
//! CPython finishes the same program in time.

use crate::Rng;

const EXTREME_INTS: &[&str] = &[
    "0",
    "-1",
    "2**63",
    "-2**63-1",
    "2**64",
    "10**100",
    "-(10**20)",
    "255",
    "256",
    "65536",
    "0x7fffffff",
    "True",
    "None",
    "1.0",
    "float('nan')",
    "10**4300",
];

const NASTY_STRINGS: &[&str] = &[
    "''",
    "'\\x00'",
    "'😀' * 3",
    "'é'",
    "'\\ud800'",
    "'a' * 1000",
    "b'\\xff'",
    "'%s%d'",
    "'{0}{'",
    "'\\n'",
    "str(2**64)",
];

const OPERATORS: &[&str] = &[
    " + ", " - ", " * ", " / ", " // ", " % ", " ** ", " << ", " >> ", " & ", " | ", " ^ ", " == ",
    " != ", " < ", " > ", " <= ", " >= ", " in ", " is ", " and ", " or ",
];

/// `seed` with 1-4 random edits.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(seed).into_owned();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    let edits = 1 + rng.below(4);
    let mut cut: Option<usize> = None;
    let mut stray: Option<u8> = None;
    for _ in 0..edits {
        let i = rng.below(lines.len());
        match rng.below(11) {
            0 => {
                if lines.len() > 1 {
                    lines.remove(i);
                }
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => lines[i] = replace_token(rng, &lines[i], is_int_start, EXTREME_INTS),
            4 => lines[i] = replace_token(rng, &lines[i], |c| c == '\'' || c == '"', NASTY_STRINGS),
            5 => lines[i] = replace_operator(rng, &lines[i]),
            6 => {
                let indent = lines[i].len() - lines[i].trim_start().len();
                let stmt = super::gen::statement(rng, 0);
                let pad = " ".repeat(indent);
                let block: Vec<String> = stmt.lines().map(|l| format!("{pad}{l}")).collect();
                for (k, l) in block.into_iter().enumerate() {
                    lines.insert(i + k, l);
                }
            }
            7 => lines[i] = swap_names(rng, &lines[i], &text),
            8 => cut = Some(rng.below(text.len().max(1))),
            9 => stray = Some([b'(', b')', b':', b'\t', b'\\', 0xff, b'"', b'\''][rng.below(8)]),
            _ => {
                // Deepen a line: wrap it in a loop or a function call.
                let indent = lines[i].len() - lines[i].trim_start().len();
                let pad = " ".repeat(indent);
                let body = lines[i].trim_start().to_string();
                lines[i] = format!("{pad}for _m in range(3):\n{pad}    {body}");
            }
        }
    }
    let mut out = lines.join("\n").into_bytes();
    out.push(b'\n');
    if let Some(b) = stray {
        let at = rng.below(out.len());
        out.insert(at, b);
    }
    if let Some(c) = cut {
        out.truncate(c.min(out.len()));
    }
    out
}

fn is_int_start(c: char) -> bool {
    c.is_ascii_digit()
}

/// Replaces one token that starts with a char satisfying `starts` (a number
/// or a quoted string, found by a crude scan) by one of `with`.
fn replace_token(
    rng: &mut Rng,
    line: &str,
    starts: impl Fn(char) -> bool,
    with: &[&str],
) -> String {
    let chars: Vec<char> = line.chars().collect();
    let starts_at: Vec<usize> = (0..chars.len())
        .filter(|&k| {
            starts(chars[k]) && (k == 0 || !chars[k - 1].is_alphanumeric() && chars[k - 1] != '_')
        })
        .collect();
    if starts_at.is_empty() {
        return line.to_string();
    }
    let s = starts_at[rng.below(starts_at.len())];
    let mut e = s + 1;
    if chars[s] == '\'' || chars[s] == '"' {
        while e < chars.len() && chars[e] != chars[s] {
            e += if chars[e] == '\\' { 2 } else { 1 };
        }
        e = (e + 1).min(chars.len());
    } else {
        while e < chars.len() && (chars[e].is_alphanumeric() || chars[e] == '.' || chars[e] == '_')
        {
            e += 1;
        }
    }
    let mut out: String = chars[..s].iter().collect();
    out.push_str(with[rng.below(with.len())]);
    out.extend(&chars[e..]);
    out
}

fn replace_operator(rng: &mut Rng, line: &str) -> String {
    let found: Vec<(usize, &str)> = OPERATORS
        .iter()
        .flat_map(|op| line.match_indices(op).collect::<Vec<_>>())
        .collect();
    if found.is_empty() {
        return line.to_string();
    }
    let (at, op) = found[rng.below(found.len())];
    let new = OPERATORS[rng.below(OPERATORS.len())];
    format!("{}{new}{}", &line[..at], &line[at + op.len()..])
}

/// Replaces an identifier of `line` by another identifier of the program.
fn swap_names(rng: &mut Rng, line: &str, program: &str) -> String {
    let ident = |s: &str| -> Vec<(usize, usize)> {
        let b = s.as_bytes();
        let mut v = Vec::new();
        let mut k = 0;
        while k < b.len() {
            if b[k].is_ascii_alphabetic() || b[k] == b'_' {
                let st = k;
                while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'_') {
                    k += 1;
                }
                v.push((st, k));
            } else {
                k += 1;
            }
        }
        v
    };
    let here = ident(line);
    let all = ident(program);
    if here.is_empty() || all.is_empty() {
        return line.to_string();
    }
    let (s, e) = here[rng.below(here.len())];
    let (ps, pe) = all[rng.below(all.len())];
    format!("{}{}{}", &line[..s], &program[ps..pe], &line[e..])
}
