//! Caret anchors for tracebacks: where the `^` part of 3.11's
//! `~~~^^^~~~` markers goes inside a failing expression's source segment
//! (CPython's `traceback._extract_caret_anchors_from_line_segment`).

use rustpython_parser::ast::{self, Ranged};

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Byte offset → character offset within `s`.
fn char_offset(s: &str, byte: usize) -> usize {
    let b = byte.min(s.len());
    let mut b = b;
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    s[..b].chars().count()
}

/// `(left_end, right_start)` character offsets into `segment` for a binary
/// operation (the operator) or a subscript (the brackets); None for other
/// expressions or unparsable segments.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    if segment.contains('\n') || segment.len() > 10_000 {
        return None;
    }
    let module =
        rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<segment>").ok()?;
    let ast::Mod::Module(m) = module else {
        return None;
    };
    if m.body.len() != 1 {
        return None;
    }
    let ast::Stmt::Expr(e) = &m.body[0] else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    match &*e.value {
        ast::Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let op_start = char_offset(segment, left_end);
            let op_end = char_offset(segment, right_start);
            let op_str: Vec<char> = chars.get(op_start..op_end.max(op_start))?.to_vec();
            let op_offset = op_str.iter().take_while(|c| is_space(**c)).count();
            let mut left = op_start + op_offset;
            let mut right = left + 1;
            if op_offset + 1 < op_str.len() && !is_space(op_str[op_offset + 1]) {
                right += 1;
            }
            while left < chars.len()
                && (is_space(chars[left]) || chars[left] == ')' || chars[left] == '#')
            {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        ast::Expr::Subscript(s) => {
            let mut left = char_offset(segment, s.value.range().end().to_usize());
            let mut right = char_offset(segment, s.slice.range().end().to_usize()) + 1;
            while left < chars.len() && (is_space(chars[left]) || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (is_space(chars[right]) || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binop_and_subscript() {
        assert_eq!(caret_anchors("1 / x"), Some((2, 3)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("d['k']"), Some((1, 6)));
        assert_eq!(caret_anchors("f(x)"), None);
    }
}
