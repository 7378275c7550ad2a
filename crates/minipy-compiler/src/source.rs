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
        let end = self.starts.get(idx + 1).copied().unwrap_or(self.source.len());
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

    pub(crate) fn source(&self) -> &'a str {
        self.source
    }

    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// A bracket problem found by [`scan_brackets`]: (message, byte offset).
pub(crate) struct BracketError {
    pub msg: String,
    pub offset: usize,
    /// Offset of the end of the error span (for `end_offset`).
    pub end: usize,
}

/// CPython's tokenizer limit on nested brackets (`MAXLEVEL`).
const MAXLEVEL: usize = 200;

/// Scans strings, comments and brackets the way CPython's tokenizer does
/// and reports "too many nested parentheses", unmatched and unclosed
/// brackets. Strings and comments are skipped (f-string contents included).
pub(crate) fn scan_brackets(source: &str) -> Option<BracketError> {
    let bytes = source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                // Find the prefix: letters right before the quote are part of it.
                let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
                let mut raw = false;
                let mut j = i;
                while j > 0 && bytes[j - 1].is_ascii_alphabetic() {
                    j -= 1;
                    if bytes[j] == b'r' || bytes[j] == b'R' {
                        raw = true;
                    }
                }
                let _ = raw;
                let start = i;
                if triple {
                    i += 3;
                    loop {
                        if i >= bytes.len() {
                            // Unterminated: let the parser report it.
                            return None;
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
                            // Unterminated string literal: the parser reports it.
                            let _ = start;
                            return None;
                        }
                        if bytes[i] == b'\\' {
                            i += 2;
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
                        })
                    }
                    Some((o, pos)) if o != open => {
                        let (ol, _) = LineIndex::new(source).position(pos);
                        let (cl, _) = LineIndex::new(source).position(i);
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
                        });
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(&(o, pos)) = stack.last() {
        return Some(BracketError {
            msg: format!("'{}' was never closed", o as char),
            offset: pos,
            end: pos + 1,
        });
    }
    None
}
