//! Assignment-target validation and `_PyPegen_get_expr_name` (errors CPython's parser raises).

use rustpython_parser::ast::{self, Constant, Expr};

use super::{syntax, R};

/// `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(c) => match &c.value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

/// The first sub-expression of a target that cannot be assigned to (or deleted).
pub(super) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Starred(s) if !del => invalid_target(&s.value, del),
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, del)),
        Expr::List(t) => t.elts.iter().find_map(|x| invalid_target(x, del)),
        _ => Some(e),
    }
}

pub(super) fn check_store(e: &Expr) -> R {
    if let Some(bad) = invalid_target(e, false) {
        return syntax(
            format!("cannot assign to {}", expr_name(bad)),
            ast::Ranged::range(bad),
        );
    }
    Ok(())
}
