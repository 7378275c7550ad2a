//! `optimize_format`: `'%s' % (a,)` becomes an f-string (CPython 3.11's AST optimizer).

use rustpython_parser::ast::{self, Constant, Expr};

/// A range meaning "no location" (CPython's -1 positions).
fn no_range() -> ast::text_size::TextRange {
    let m = ast::text_size::TextSize::from(u32::MAX);
    ast::text_size::TextRange::new(m, m)
}

pub(super) fn no_loc_const(s: String) -> Expr {
    Expr::Constant(ast::ExprConstant {
        range: no_range(),
        value: Constant::Str(s),
        kind: None,
    })
}

/// `optimize_format`: `'%s, %r' % (a, b)` → `f'{a!s}, {b!r}'` (only simple formats).
pub(super) fn optimize_format(fmt: &str, elts: &[Expr]) -> Option<Vec<Expr>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut out = Vec::new();
    loop {
        // literal
        let start = pos;
        let mut has_percents = false;
        while pos < chars.len() {
            if chars[pos] != '%' {
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            let mut lit: String = chars[start..pos].iter().collect();
            if has_percents {
                lit = lit.replace("%%", "%");
            }
            out.push(no_loc_const(lit));
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let arg = &elts[cnt];
        cnt += 1;
        out.push(parse_format(&chars, &mut pos, arg)?);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(out)
}

fn parse_format(chars: &[char], ppos: &mut usize, arg: &Expr) -> Option<Expr> {
    const MAXDIGITS: u32 = 3;
    let mut pos = *ppos;
    let mut next = || -> Option<char> {
        let c = chars.get(pos).copied();
        pos += 1;
        c
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + (ch as i32 - '0' as i32);
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            prec = prec * 10 + (ch as i32 - '0' as i32);
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    *ppos = pos;
    let conversion = match ch {
        's' => ast::ConversionFlag::Str,
        'r' => ast::ConversionFlag::Repr,
        'a' => ast::ConversionFlag::Ascii,
        _ => return None,
    };
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push_str(&format!(".{prec}"));
    }
    let format_spec = if spec.is_empty() {
        None
    } else {
        Some(Box::new(no_loc_const(spec)))
    };
    Some(Expr::FormattedValue(ast::ExprFormattedValue {
        range: ast::Ranged::range(arg),
        value: Box::new(arg.clone()),
        conversion,
        format_spec,
    }))
}
