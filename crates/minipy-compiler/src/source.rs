//! Source positions: byte offsets to (line, UTF-8 column), and the bracket
//! pre-scan that reports CPython's tokenizer errors before parsing.

use rustpython_parser::text_size::TextRange;

/// Line starts of a source text, for turning byte offsets into positions.
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    /// 1-based line and 0-based UTF-8 byte column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let line = line.max(1);
        let start = self.starts[line - 1];
        (line as u32, (offset - start) as u32)
    }

    /// Location of a range as (line, end_line, col, end_col).
    pub(crate) fn range(&self, r: TextRange) -> (u32, u32, u32, u32) {
        let (l, c) = self.position(r.start().into());
        let (el, ec) = self.position(r.end().into());
        (l, el, c, ec)
    }

    /// Text of the 1-based line `line` (without its line ending).
    pub(crate) fn line_text(&self, line: u32) -> Option<String> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(idx)?;
        let end = self
            .starts
            .get(idx + 1)
            .copied()
            .unwrap_or(self.source.len());
        let text = self.source.get(start..end)?;
        Some(text.to_string())
    }

    /// 1-based character column (as `SyntaxError.offset`) of a byte column on a line.
    pub(crate) fn char_col(&self, line: u32, byte_col: u32) -> u32 {
        let idx = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(idx) else {
            return byte_col + 1;
        };
        let end = (start + byte_col as usize).min(self.source.len());
        match self.source.get(start..end) {
            Some(s) => s.chars().count() as u32 + 1,
            None => byte_col + 1,
        }
    }
}

/// A bracket or string problem found by [`scan_brackets`].
pub(crate) struct BracketError {
    pub msg: String,
    /// Byte offset where the error points.
    pub offset: usize,
    /// Offset of the end of the error span (for `end_offset`).
    pub end: usize,
    /// True for errors only reported when the tokenizer reaches them
    /// (unclosed brackets at EOF).
    pub at_eof: bool,
}

/// CPython's tokenizer limit on nested brackets (`MAXLEVEL`).
const MAXLEVEL: usize = 200;

/// Brackets open at byte offset `limit`: (bracket, offset).
pub(crate) fn open_brackets_at(source: &str, limit: usize) -> Vec<(u8, usize)> {
    let mut stack = Vec::new();
    let _ = scan(source, limit, &mut stack);
    stack
}

/// Scans strings, comments and brackets like CPython's tokenizer and
/// reports "too many nested parentheses", unmatched/mismatched brackets,
/// unterminated strings, and brackets never closed.
pub(crate) fn scan_brackets(source: &str) -> Option<BracketError> {
    let mut stack = Vec::new();
    if let Some(e) = scan(source, usize::MAX, &mut stack) {
        return Some(e);
    }
    stack.last().map(|&(o, pos)| BracketError {
        msg: format!("'{}' was never closed", o as char),
        offset: pos,
        end: pos + 1,
        at_eof: true,
    })
}

fn scan(source: &str, limit: usize, stack: &mut Vec<(u8, usize)>) -> Option<BracketError> {
    let bytes = source.as_bytes();
    let index = LineIndex::new(source);
    let mut i = 0;
    while i < bytes.len() && i < limit {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
                let mut start = i;
                while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
                    start -= 1;
                }
                if triple {
                    i += 3;
                    loop {
                        if i >= bytes.len() {
                            let trimmed = source.strip_suffix('\n').unwrap_or(source);
                            let last_line = index.position(trimmed.len()).0;
                            return Some(BracketError {
                                msg: format!(
                                    "unterminated triple-quoted string literal (detected at line {last_line})"
                                ),
                                offset: start,
                                end: start + 1,
                                at_eof: false,
                            });
                        }
                        if bytes[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if bytes[i] == c
                            && i + 2 < bytes.len()
                            && bytes[i + 1] == c
                            && bytes[i + 2] == c
                        {
                            i += 3;
                            break;
                        }
                        i += 1;
                    }
                } else {
                    i += 1;
                    loop {
                        if i >= bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
                            let line = index.position(start).0;
                            return Some(BracketError {
                                msg: format!(
                                    "unterminated string literal (detected at line {line})"
                                ),
                                offset: start,
                                end: start + 1,
                                at_eof: false,
                            });
                        }
                        if bytes[i] == b'\\' {
                            if i + 1 < bytes.len()
                                && bytes[i + 1] == b'\r'
                                && i + 2 < bytes.len()
                                && bytes[i + 2] == b'\n'
                            {
                                i += 3;
                            } else {
                                i += 2;
                            }
                            continue;
                        }
                        if bytes[i] == c {
                            i += 1;
                            break;
                        }
                        i += 1;
                    }
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                if stack.len() >= MAXLEVEL {
                    return Some(BracketError {
                        msg: "too many nested parentheses".into(),
                        offset: i,
                        end: i + 1,
                        at_eof: false,
                    });
                }
                stack.push((c, i));
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        return Some(BracketError {
                            msg: format!("unmatched '{}'", c as char),
                            offset: i,
                            end: i + 1,
                            at_eof: false,
                        })
                    }
                    Some((o, pos)) if o != open => {
                        let (ol, _) = index.position(pos);
                        let (cl, _) = index.position(i);
                        let msg = if ol != cl {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, o as char, ol
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, o as char
                            )
                        };
                        return Some(BracketError {
                            msg,
                            offset: i,
                            end: i + 1,
                            at_eof: false,
                        });
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
