//! Two rules of CPython's tokenizer that rustpython-parser does not apply,
//! checked on the token stream before parsing:
//!
//! - identifiers are NFKC-normalised (PEP 3131: `ｆｏｏ` is `foo`);
//! - at most 100 indentation levels (`MAXINDENT`): deeper is
//!   `IndentationError: too many levels of indentation`.
//!
//! Both only matter for rare sources, so the source is lexed a second time
//! only when it has a character that NFKC may change or a line indented by
//! 100 bytes or more. A renamed identifier is written into a copy of the source and
//! padded with spaces to its old length, so every later token keeps its
//! byte offset (and tracebacks their columns).

use rustpython_parser::{lexer, Mode, Tok};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;

/// What the pass found.
pub(crate) enum Prepass {
    /// Parse the source as it is.
    Unchanged,
    /// Parse this copy (identifiers normalised).
    Rewritten(String),
    /// Too many indentation levels: the byte offset of the line's start.
    TooDeep(usize),
}

pub(crate) fn prepass(source: &str, mode: Mode) -> Prepass {
    // Only a character that NFKC may change can make an identifier change
    // (most non-ASCII text, é, €, CJK, emoji, is already NFKC).
    let non_ascii = !source.is_ascii()
        && source
            .chars()
            .any(|c| !c.is_ascii() && is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes);
    if !non_ascii && !deeply_indented(source) {
        return Prepass::Unchanged;
    }
    let mut depth = 0usize;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for tok in lexer::lex(source, mode) {
        // A lexical error is the parser's to report.
        let Ok((tok, range)) = tok else { break };
        match tok {
            Tok::Indent => {
                depth += 1;
                if depth >= MAX_INDENT {
                    let start: usize = range.start().into();
                    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
                    return Prepass::TooDeep(line_start);
                }
            }
            Tok::Dedent => depth = depth.saturating_sub(1),
            Tok::Name { name }
                if non_ascii
                    && !name.is_ascii()
                    && is_nfkc_quick(name.chars()) != IsNormalized::Yes =>
            {
                let norm: String = name.nfkc().collect();
                if norm != name {
                    edits.push((range.start().into(), range.end().into(), norm));
                }
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return Prepass::Unchanged;
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end, norm) in edits {
        out.push_str(&source[at..start]);
        out.push_str(&norm);
        for _ in norm.len()..(end - start) {
            out.push(' ');
        }
        at = end;
    }
    out.push_str(&source[at..]);
    Prepass::Rewritten(out)
}

/// Whether some line starts with at least `MAX_INDENT` bytes of
/// indentation (fewer cannot make that many levels).
fn deeply_indented(source: &str) -> bool {
    source.split('\n').any(|line| {
        line.bytes()
            .take(MAX_INDENT)
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
            .count()
            >= MAX_INDENT
    })
}
