//! `CompileError` and the mapping of parser errors to CPython's messages.

use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::{ParseError, ParseErrorType, Tok};

use crate::source::{open_brackets_at, scan_brackets, LineIndex};

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
        let (mut end_line, mut end_col) = index.position(end.max(start));
        if end_line != line && end <= start + 1 {
            // A one-character span on the newline: CPython reports it as an
            // empty span at the end of the line.
            end_line = line;
            end_col = col;
        }
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
        if t.trim().is_empty() || t.starts_with('#') {
            line -= 1;
            continue;
        }
        let t = t.strip_prefix("async ").map(str::trim_start).unwrap_or(t);
        let word: String = t
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let what = match word.as_str() {
            "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "finally"
            | "match" | "case" => format!("'{word}' statement"),
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            _ => return None,
        };
        return Some((what, line));
    }
    None
}

const COMPOUND: &[&str] = &[
    "if", "elif", "else", "while", "for", "def", "class", "try", "except", "finally", "with",
    "async",
];

fn first_word(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Maps a parse error to CPython's exception kind and message.
pub(crate) fn from_parse_error(
    err: &ParseError,
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> CompileError {
    let offset: usize = usize::from(err.offset).min(source.len());
    let mk = |kind: &'static str, msg: String, start: usize, end: usize| {
        CompileError::at(kind, msg, filename, index, start, end)
    };
    let (err_line, _) = index.position(offset);
    // Tokenizer errors (unmatched brackets, unterminated strings) anywhere in
    // the file take priority over parser errors, as CPython re-tokenizes the
    // whole source before reporting a syntax error.
    let is_lexical = matches!(err.error, ParseErrorType::Lexical(_));
    if let Some(b) = scan_brackets(source) {
        if !b.at_eof && (!is_lexical || b.offset <= offset) {
            return mk("SyntaxError", b.msg, b.offset, b.end);
        }
    }
    // Not a tokenizer error, though reported as one: no bracket or number
    // heuristics apply. CPython's range covers `name=value`.
    if let ParseErrorType::Lexical(LexicalErrorType::DuplicateKeywordArgumentError(name)) =
        &err.error
    {
        let end = argument_end(source, offset);
        return mk(
            "SyntaxError",
            format!("keyword argument repeated: {name}"),
            offset,
            end,
        );
    }
    // A malformed number literal before the failure point: the tokenizer
    // stops there first.
    if let Some(n) = crate::numbers::first_bad_number(source, offset) {
        return mk("SyntaxError", n.msg, n.start, n.end);
    }
    if !is_lexical {
        if let Some(e) = missing_handler(index, source, offset, &mk) {
            return e;
        }
    }
    // Unclosed brackets at the point of failure.
    let open = open_brackets_at(source, offset);
    if let Some(&(o, pos)) = open.last() {
        let (bl, _) = index.position(pos);
        let at_eof = offset >= source.trim_end().len();
        if err_line > bl || at_eof {
            return mk(
                "SyntaxError",
                format!("'{}' was never closed", o as char),
                pos,
                pos + 1,
            );
        }
    }
    let line_text = index.line_text(err_line).unwrap_or_default();
    let indent = line_text.len() - line_text.trim_start().len();
    match &err.error {
        ParseErrorType::Eof => {
            let prev = if err_line > 1 { err_line - 1 } else { 1 };
            if let Some(t) = index.line_text(prev) {
                if t.trim_end().ends_with(':') {
                    if let Some((what, l)) = block_opener(index, prev) {
                        let mut e = mk(
                            "IndentationError",
                            format!("expected an indented block after {what} on line {l}"),
                            offset,
                            offset,
                        );
                        e.lineno = l + 1;
                        e.offset = 1;
                        return e;
                    }
                }
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
            if *tok == Tok::Indent {
                let mut e = mk(
                    "IndentationError",
                    "unexpected indent".into(),
                    offset,
                    offset,
                );
                e.offset = indent as u32;
                e.end_offset = e.offset;
                return e;
            }
            if expected.as_deref() == Some("Indent") {
                let prev = err_line.saturating_sub(1).max(1);
                let prev = opener_line(index, source, prev);
                let msg = match block_opener(index, prev) {
                    Some((what, l)) => {
                        format!("expected an indented block after {what} on line {l}")
                    }
                    None => "expected an indented block".into(),
                };
                let mut e = mk("IndentationError", msg, offset, offset);
                e.offset = indent as u32 + 1;
                e.end_offset = e.offset;
                return e;
            }
            if *tok == Tok::Dedent {
                let mut e = mk(
                    "IndentationError",
                    "unindent does not match any outer indentation level".into(),
                    offset,
                    offset,
                );
                e.offset = line_text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
                return e;
            }
            if expected.as_deref() == Some("\"else\"") {
                if let Some(start) = if_expression_start(source, offset) {
                    let end = source[..offset].trim_end().len();
                    return mk(
                        "SyntaxError",
                        "expected 'else' after 'if' expression".into(),
                        start,
                        end,
                    );
                }
            }
            let word = first_word(&line_text);
            // A header keyword with nothing after it (`class`, `while`) is
            // plain invalid syntax in CPython; only complete headers get
            // "expected ':'".
            let bare_keyword = line_text.trim() == word
                && matches!(
                    word.as_str(),
                    "class" | "def" | "if" | "elif" | "while" | "for" | "with"
                );
            if (*tok == Tok::Newline || expected.as_deref() == Some("':'"))
                && COMPOUND.contains(&word.as_str())
                && !line_text.trim_end().ends_with(':')
                && !bare_keyword
            {
                return mk("SyntaxError", "expected ':'".into(), offset, offset + 1);
            }
            if (word == "print" || word == "exec")
                && !line_text.trim_start()[word.len()..]
                    .trim_start()
                    .starts_with('(')
            {
                let start = index_line_start(index, err_line, source).min(offset);
                let s = start + indent;
                return mk(
                    "SyntaxError",
                    format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
                    s,
                    s + 1,
                );
            }
            let msg = match tok {
                Tok::EndOfFile => "unexpected EOF while parsing".to_string(),
                _ => "invalid syntax".to_string(),
            };
            mk("SyntaxError", msg, offset, offset + 1)
        }
        ParseErrorType::Lexical(lex) => {
            let (kind, msg) = match lex {
                LexicalErrorType::IndentationError => {
                    let mut e = mk(
                        "IndentationError",
                        "unindent does not match any outer indentation level".into(),
                        offset,
                        offset,
                    );
                    e.offset = line_text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
                    return e;
                }
                LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => {
                    let mut e = mk(
                        "TabError",
                        "inconsistent use of tabs and spaces in indentation".into(),
                        offset,
                        offset,
                    );
                    e.offset = 1;
                    return e;
                }
                LexicalErrorType::Eof => {
                    ("SyntaxError", "unexpected EOF while parsing".to_string())
                }
                LexicalErrorType::UnrecognizedToken { tok } => {
                    let c = *tok;
                    let at = offset.saturating_sub(c.len_utf8());
                    let at = if source.get(at..).is_some_and(|t| t.starts_with(c)) {
                        at
                    } else {
                        offset
                    };
                    if c == '$' || c == '?' || c == '!' || c == '`' {
                        return mk("SyntaxError", "invalid syntax".into(), at, at + 1);
                    }
                    return mk(
                        "SyntaxError",
                        format!("invalid character '{c}' (U+{:04X})", c as u32),
                        at,
                        at + 1,
                    );
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
            mk(kind, msg, offset, offset + 1)
        }
    }
}

fn index_line_start(index: &LineIndex, line: u32, source: &str) -> usize {
    // Byte offset of the start of `line`.
    let mut off = 0usize;
    for l in 1..line {
        off += index.line_text(l).map(|t| t.len()).unwrap_or(0);
    }
    off.min(source.len())
}

fn indent_of(t: &str) -> usize {
    t.len() - t.trim_start().len()
}

/// "expected 'except' or 'finally' block": a `try:` body ended without handlers.
fn missing_handler(
    index: &LineIndex,
    source: &str,
    offset: usize,
    mk: &dyn Fn(&'static str, String, usize, usize) -> CompileError,
) -> Option<CompileError> {
    let (err_line, _) = index.position(offset);
    let text = index.line_text(err_line)?;
    if text.trim().is_empty() && offset < source.trim_end().len() {
        return None;
    }
    let at_eof = offset >= source.trim_end().len();
    let ind = if at_eof { 0 } else { indent_of(&text) };
    let word = first_word(&text);
    if !at_eof && (word == "except" || word == "finally") {
        return None;
    }
    let mut line = if at_eof {
        index.position(source.trim_end().len()).0
    } else {
        err_line - 1
    };
    let mut saw_body = false;
    while line >= 1 {
        let t = index.line_text(line)?;
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            line -= 1;
            continue;
        }
        let ti = indent_of(&t);
        if ti <= ind {
            if saw_body && ti == ind && first_word(&t) == "try" && t.trim_end().ends_with(':') {
                let last_body = index
                    .line_text(err_line.saturating_sub(1))
                    .unwrap_or_default();
                let _ = last_body;
                let mut e = mk(
                    "SyntaxError",
                    "expected 'except' or 'finally' block".into(),
                    offset,
                    offset,
                );
                if at_eof {
                    e.lineno = index.position(source.trim_end().len()).0;
                }
                return Some(e);
            }
            return None;
        }
        saw_body = true;
        line -= 1;
    }
    None
}

/// The line where the statement containing `line` starts (skipping back over
/// lines inside brackets).
fn opener_line(index: &LineIndex, source: &str, mut line: u32) -> u32 {
    // Skip blank and comment lines.
    while line > 1 {
        match index.line_text(line) {
            Some(t) if t.trim().is_empty() || t.trim_start().starts_with('#') => line -= 1,
            _ => break,
        }
    }
    let mut off = 0usize;
    for l in 1..line {
        off += index.line_text(l).map(|t| t.len()).unwrap_or(0);
    }
    let open = crate::source::open_brackets_at(source, off.min(source.len()));
    match open.first() {
        Some(&(_, pos)) => index.position(pos).0,
        None => line,
    }
}

/// Where the body of the conditional expression whose `else` is missing
/// begins (CPython's `invalid_expression`: the range from that body to the
/// condition): the `if` before `offset` at bracket depth 0 on its line,
/// then back over the body to the delimiter before it (`=`, an opening
/// bracket, `,`, `:`, a keyword such as `return` or `else`, or the start
/// of the line). None when there is no
/// such `if` (string contents are not looked into: rare enough).
fn if_expression_start(source: &str, offset: usize) -> Option<usize> {
    let b = source.as_bytes();
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let word_at = |i: usize, w: &str| {
        source.is_char_boundary(i)
            && source[i..].starts_with(w)
            && (i == 0 || !is_ident_byte(b[i - 1]))
            && !b.get(i + w.len()).is_some_and(|&c| is_ident_byte(c))
    };
    // The `if`: scan back at depth 0.
    let mut depth = 0i32;
    let mut i = offset;
    let mut if_at = None;
    while i > line_start {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            b'i' if depth == 0 && word_at(i, "if") => {
                if_at = Some(i);
                break;
            }
            _ => {}
        }
    }
    let if_at = if_at?;
    // The body: back over balanced brackets to the delimiter before it.
    let mut depth = 0i32;
    let mut j = if_at;
    let ends_keyword = |j: usize| {
        ["else", "return", "yield", "assert", "raise", "from"]
            .iter()
            .any(|kw| j >= line_start + kw.len() && word_at(j - kw.len(), kw))
    };
    while j > line_start {
        if depth == 0 && ends_keyword(j) {
            break;
        }
        let c = b[j - 1];
        match c {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth == 0 => break,
            b'(' | b'[' | b'{' => depth -= 1,
            // `=` of `==`, `!=`, `<=`, `>=` is an operator inside the body.
            b'=' if depth == 0
                && !(b.get(j) == Some(&b'=')
                    || (j >= 2 && matches!(b[j - 2], b'=' | b'!' | b'<' | b'>'))) =>
            {
                break
            }
            b',' | b':' if depth == 0 => break,
            _ => {}
        }
        j -= 1;
    }
    Some(j + (source[j..if_at].len() - source[j..if_at].trim_start().len()))
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The end of the call argument starting at `start`: the first `,` or
/// closing bracket at bracket depth 0 (trailing spaces trimmed).
fn argument_end(source: &str, start: usize) -> usize {
    let b = source.as_bytes();
    let mut depth = 0i32;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => break,
            b')' | b']' | b'}' => depth -= 1,
            b',' | b'\n' if depth == 0 => break,
            _ => {}
        }
        i += 1;
    }
    source[..i].trim_end().len().max(start + 1)
}
