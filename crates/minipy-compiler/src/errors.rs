//! `CompileError` and the mapping of parser errors to CPython's messages.

use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::{ParseError, ParseErrorType, Tok};

use crate::source::{scan_brackets, LineIndex};

/// A compile-time error, shaped like CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// "SyntaxError" | "IndentationError" | "TabError" | "RecursionError"
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based column (CPython's `SyntaxError.offset`, in characters).
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The offending source line.
    pub text: Option<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind, self.msg, self.filename, self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

pub(crate) const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

impl CompileError {
    /// An error located at byte offsets `start..end` of the source.
    pub(crate) fn at(
        kind: &'static str,
        msg: impl Into<String>,
        filename: &str,
        index: &LineIndex,
        start: usize,
        end: usize,
    ) -> CompileError {
        let (line, col) = index.position(start);
        let (end_line, end_col) = index.position(end.max(start));
        CompileError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno: line,
            offset: index.char_col(line, col),
            end_lineno: end_line,
            end_offset: index.char_col(end_line, end_col),
            text: index.line_text(line),
        }
    }

    pub(crate) fn recursion(filename: &str) -> CompileError {
        CompileError {
            kind: "RecursionError",
            msg: RECURSION_MSG.into(),
            filename: filename.to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }
    }
}

/// The keyword starting the compound statement at or before `line` whose
/// block is missing (for "expected an indented block after ...").
fn block_opener(index: &LineIndex, mut line: u32) -> Option<(String, u32)> {
    while line >= 1 {
        let text = index.line_text(line)?;
        let t = text.trim_start();
        if t.is_empty() || t.starts_with('#') {
            line -= 1;
            continue;
        }
        let t = t.strip_prefix("async ").map(str::trim_start).unwrap_or(t);
        let word: String = t
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let what = match word.as_str() {
            "if" => "'if' statement".to_string(),
            "elif" => "'elif' statement".to_string(),
            "else" => "'else' statement".to_string(),
            "while" => "'while' statement".to_string(),
            "for" => "'for' statement".to_string(),
            "with" => "'with' statement".to_string(),
            "try" => "'try' statement".to_string(),
            "except" => "'except' statement".to_string(),
            "finally" => "'finally' statement".to_string(),
            "match" => "'match' statement".to_string(),
            "case" => "'case' statement".to_string(),
            "def" => {
                let name: String = t[3..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                format!("function definition")
                    + &if name.is_empty() {
                        String::new()
                    } else {
                        String::new()
                    }
            }
            "class" => "class definition".to_string(),
            _ => return None,
        };
        return Some((what, line));
    }
    None
}

/// Maps a parse error to CPython's exception kind and message.
pub(crate) fn from_parse_error(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> CompileError {
    let offset: usize = err.offset.into();
    let mk = |kind: &'static str, msg: String, start: usize, end: usize| {
        CompileError::at(kind, msg, filename, index, start, end)
    };
    // Bracket errors found by the tokenizer come first in CPython.
    if let Some(b) = scan_brackets(source) {
        let is_eof = matches!(
            err.error,
            ParseErrorType::Eof | ParseErrorType::Lexical(LexicalErrorType::Eof)
        );
        if b.offset <= offset || is_eof || b.msg.ends_with("was never closed") {
            if b.msg.ends_with("was never closed") && !is_eof && offset < source.len() {
                // A real syntax error inside the brackets comes first.
            } else {
                return mk("SyntaxError", b.msg, b.offset, b.end);
            }
        }
    }
    match &err.error {
        ParseErrorType::Eof => {
            // An unfinished block at EOF is an indentation problem.
            let (line, _) = index.position(offset);
            if let Some(text) = index.line_text(line.saturating_sub(0)) {
                let _ = text;
            }
            mk(
                "SyntaxError",
                "unexpected EOF while parsing".into(),
                offset,
                offset,
            )
        }
        ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => {
            mk("SyntaxError", "invalid syntax".into(), offset, offset + 1)
        }
        ParseErrorType::UnrecognizedToken(tok, expected) => {
            let (line, _) = index.position(offset);
            if *tok == Tok::Indent {
                return mk("IndentationError", "unexpected indent".into(), offset, offset);
            }
            if expected.as_deref() == Some("Indent") {
                let prev = line.saturating_sub(1).max(1);
                let msg = match block_opener(index, prev) {
                    Some((what, l)) => format!("expected an indented block after {what} on line {l}"),
                    None => "expected an indented block".into(),
                };
                return mk("IndentationError", msg, offset, offset);
            }
            if *tok == Tok::Dedent {
                return mk(
                    "IndentationError",
                    "unindent does not match any outer indentation level".into(),
                    offset,
                    offset,
                );
            }
            if expected.as_deref() == Some("':'") || expected.as_deref() == Some(":") {
                return mk("SyntaxError", "expected ':'".into(), offset, offset + 1);
            }
            let msg = match tok {
                Tok::EndOfFile => "unexpected EOF while parsing".to_string(),
                _ => "invalid syntax".to_string(),
            };
            mk("SyntaxError", msg, offset, offset + 1)
        }
        ParseErrorType::Lexical(lex) => {
            let (kind, msg) = match lex {
                LexicalErrorType::IndentationError => (
                    "IndentationError",
                    "unindent does not match any outer indentation level".to_string(),
                ),
                LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => (
                    "TabError",
                    "inconsistent use of tabs and spaces in indentation".to_string(),
                ),
                LexicalErrorType::Eof => {
                    ("SyntaxError", "unexpected EOF while parsing".to_string())
                }
                LexicalErrorType::UnrecognizedToken { tok } => {
                    let c = *tok;
                    if c == '$' || c == '?' || c == '!' || c == '`' {
                        ("SyntaxError", "invalid syntax".to_string())
                    } else if c.is_ascii() {
                        ("SyntaxError", format!("invalid character '{c}' (U+{:04X})", c as u32))
                    } else {
                        (
                            "SyntaxError",
                            format!("invalid character '{c}' (U+{:04X})", c as u32),
                        )
                    }
                }
                LexicalErrorType::StringError => {
                    ("SyntaxError", "unterminated string literal".to_string())
                }
                LexicalErrorType::UnicodeError => (
                    "SyntaxError",
                    "(unicode error) 'unicodeescape' codec can't decode bytes".to_string(),
                ),
                LexicalErrorType::FStringError(e) => ("SyntaxError", format!("f-string: {e}")),
                other => ("SyntaxError", other.to_string()),
            };
            let mut e = mk(kind, msg, offset, offset + 1);
            if e.msg.starts_with("unterminated string literal") {
                e.msg = format!("unterminated string literal (detected at line {})", e.lineno);
            }
            e
        }
    }
}
