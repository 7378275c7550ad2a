//! AST constant folding (CPython 3.11's `Python/ast_opt.c`): folds unary
//! and binary operations on constants within CPython's size limits, tuples
//! of constants, `in <list/set literal>` and `for x in <list literal>`, and
//! `__debug__`.

mod consts;
mod format;
mod targets;

use rustpython_parser::ast::{self, Constant, Expr, Stmt};

use consts::{fold_binop, fold_subscr, fold_unary};
use format::{no_loc_const, optimize_format};
pub(crate) use targets::expr_name;
use targets::{check_store, invalid_target};

/// Why folding stopped: too deep a tree, or a syntax error CPython's parser reports.
pub(crate) enum FoldError {
    TooDeep,
    Syntax(String, ast::text_size::TextRange),
}

pub(super) type R = Result<(), FoldError>;

pub(super) fn syntax<T>(
    msg: impl Into<String>,
    range: ast::text_size::TextRange,
) -> Result<T, FoldError> {
    Err(FoldError::Syntax(msg.into(), range))
}

struct Folder<'s> {
    depth: usize,
    source: &'s str,
}

pub(crate) fn fold_mod(m: &mut ast::Mod, source: &str) -> R {
    let mut f = Folder { depth: 0, source };
    match m {
        ast::Mod::Module(m) => f.stmts(&mut m.body),
        ast::Mod::Interactive(m) => f.stmts(&mut m.body),
        ast::Mod::Expression(e) => f.expr(&mut e.body),
        ast::Mod::FunctionType(_) => Ok(()),
    }
}

fn make_const(e: &mut Expr, value: Constant) {
    let range = ast::Ranged::range(&*e);
    *e = Expr::Constant(ast::ExprConstant {
        range,
        value,
        kind: None,
    });
}

fn const_of(e: &Expr) -> Option<&Constant> {
    match e {
        Expr::Constant(c) => Some(&c.value),
        _ => None,
    }
}

fn make_const_tuple(elts: &[Expr]) -> Option<Constant> {
    let mut v = Vec::with_capacity(elts.len());
    for e in elts {
        v.push(const_of(e)?.clone());
    }
    Some(Constant::Tuple(v))
}

impl Folder<'_> {
    fn stmts(&mut self, body: &mut [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &mut [Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &mut Option<Box<Expr>>) -> R {
        if let Some(e) = e {
            self.expr(e)?;
        }
        Ok(())
    }

    fn args(&mut self, a: &mut ast::Arguments) -> R {
        for x in a
            .posonlyargs
            .iter_mut()
            .chain(a.args.iter_mut())
            .chain(a.kwonlyargs.iter_mut())
        {
            self.opt(&mut x.default)?;
            self.opt(&mut x.def.annotation)?;
        }
        if let Some(v) = &mut a.vararg {
            self.opt(&mut v.annotation)?;
        }
        if let Some(v) = &mut a.kwarg {
            self.opt(&mut v.annotation)?;
        }
        Ok(())
    }

    /// `fold_iter`: a list literal becomes a tuple, a set literal a frozenset constant.
    fn fold_iter(&mut self, e: &mut Expr) {
        match e {
            Expr::List(l) => {
                if l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                    return;
                }
                let folded = make_const_tuple(&l.elts);
                let range = l.range;
                let elts = std::mem::take(&mut l.elts);
                *e = Expr::Tuple(ast::ExprTuple {
                    range,
                    elts,
                    ctx: ast::ExprContext::Load,
                });
                if let Some(c) = folded {
                    make_const(e, c);
                }
            }
            Expr::Set(_) => {
                // frozenset constants are created by the code generator.
            }
            _ => {}
        }
    }

    fn comprehensions(&mut self, gens: &mut [ast::Comprehension]) -> R {
        for g in gens.iter() {
            check_store(&g.target)?;
        }
        for g in gens {
            self.expr(&mut g.target)?;
            self.expr(&mut g.iter)?;
            self.fold_iter(&mut g.iter);
            self.exprs(&mut g.ifs)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &mut Stmt) -> R {
        self.depth += 1;
        if self.depth > crate::MAX_DEPTH {
            return Err(FoldError::TooDeep);
        }
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &mut Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.args(&mut f.args)?;
                self.stmts(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                self.opt(&mut f.returns)
            }
            Stmt::AsyncFunctionDef(f) => {
                self.args(&mut f.args)?;
                self.stmts(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                self.opt(&mut f.returns)
            }
            Stmt::ClassDef(c) => {
                self.exprs(&mut c.bases)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
                self.stmts(&mut c.body)?;
                self.exprs(&mut c.decorator_list)
            }
            Stmt::Return(r) => self.opt(&mut r.value),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    if let Some(bad) = invalid_target(t, true) {
                        return syntax(
                            format!("cannot delete {}", expr_name(bad)),
                            ast::Ranged::range(bad),
                        );
                    }
                }
                self.exprs(&mut d.targets)
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    if let Some(bad) = invalid_target(t, false) {
                        let name = expr_name(bad);
                        let here = a.targets.len() == 1
                            && std::ptr::eq(bad, t)
                            && !matches!(
                                bad,
                                Expr::Constant(ast::ExprConstant {
                                    value: Constant::None | Constant::Bool(_),
                                    ..
                                })
                            );
                        // A bare `yield` as a whole target is its own rule of
                        // the grammar (`(star_targets '=')* yield_expr '='`).
                        let start = usize::from(ast::Ranged::range(bad).start());
                        let bare_yield = matches!(bad, Expr::Yield(_) | Expr::YieldFrom(_))
                            && std::ptr::eq(bad, t)
                            && !self.source[..start.min(self.source.len())]
                                .trim_end()
                                .ends_with('(');
                        let msg = if bare_yield {
                            "assignment to yield expression not possible".to_string()
                        } else if here {
                            format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
                        } else {
                            format!("cannot assign to {name}")
                        };
                        return syntax(msg, ast::Ranged::range(bad));
                    }
                }
                self.exprs(&mut a.targets)?;
                self.expr(&mut a.value)
            }
            Stmt::AugAssign(a) => {
                if !matches!(
                    &*a.target,
                    Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
                ) {
                    return syntax(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&a.target)
                        ),
                        ast::Ranged::range(&*a.target),
                    );
                }
                self.expr(&mut a.target)?;
                self.expr(&mut a.value)
            }
            Stmt::AnnAssign(a) => {
                self.expr(&mut a.target)?;
                self.expr(&mut a.annotation)?;
                self.opt(&mut a.value)
            }
            Stmt::For(f) => {
                check_store(&f.target)?;
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.fold_iter(&mut f.iter);
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)
            }
            Stmt::AsyncFor(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)
            }
            Stmt::While(w) => {
                self.expr(&mut w.test)?;
                self.stmts(&mut w.body)?;
                self.stmts(&mut w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&mut i.test)?;
                self.stmts(&mut i.body)?;
                self.stmts(&mut i.orelse)
            }
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        check_store(v)?;
                    }
                }
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)
            }
            Stmt::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)
            }
            Stmt::Raise(r) => {
                self.opt(&mut r.exc)?;
                self.opt(&mut r.cause)
            }
            Stmt::Try(t) => {
                self.stmts(&mut t.body)?;
                for h in &mut t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt(&mut h.type_)?;
                    self.stmts(&mut h.body)?;
                }
                self.stmts(&mut t.orelse)?;
                self.stmts(&mut t.finalbody)
            }
            Stmt::TryStar(t) => {
                self.stmts(&mut t.body)?;
                for h in &mut t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt(&mut h.type_)?;
                    self.stmts(&mut h.body)?;
                }
                self.stmts(&mut t.orelse)?;
                self.stmts(&mut t.finalbody)
            }
            Stmt::Assert(a) => {
                self.expr(&mut a.test)?;
                self.opt(&mut a.msg)
            }
            Stmt::Expr(e) => self.expr(&mut e.value),
            _ => Ok(()),
        }
    }

    fn expr(&mut self, e: &mut Expr) -> R {
        self.depth += 1;
        if self.depth > crate::MAX_DEPTH {
            return Err(FoldError::TooDeep);
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &mut Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.exprs(&mut b.values)?,
            Expr::NamedExpr(n) => {
                if !matches!(&*n.target, Expr::Name(_)) {
                    return syntax(
                        format!(
                            "cannot use assignment expressions with {}",
                            expr_name(&n.target)
                        ),
                        ast::Ranged::range(&*n.target),
                    );
                }
                self.expr(&mut n.target)?;
                self.expr(&mut n.value)?;
            }
            Expr::BinOp(b) => {
                self.expr(&mut b.left)?;
                self.expr(&mut b.right)?;
                if let (ast::Operator::Mod, Expr::Constant(l), Expr::Tuple(t)) =
                    (&b.op, &*b.left, &*b.right)
                {
                    if let Constant::Str(fmt) = &l.value {
                        if !t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                            if let Some(values) = optimize_format(fmt, &t.elts) {
                                let range = b.range;
                                *e = Expr::JoinedStr(ast::ExprJoinedStr { range, values });
                            }
                            return Ok(());
                        }
                    }
                }
                if let (Some(l), Some(r)) = (const_of(&b.left), const_of(&b.right)) {
                    if let Some(v) = fold_binop(&b.op, l, r) {
                        make_const(e, v);
                    }
                }
            }
            Expr::UnaryOp(u) => {
                self.expr(&mut u.operand)?;
                if let Some(c) = const_of(&u.operand) {
                    if let Some(v) = fold_unary(&u.op, c) {
                        make_const(e, v);
                    }
                } else if u.op == ast::UnaryOp::Not {
                    // `not (a in b)` -> `a not in b` (and is/is not).
                    if let Expr::Compare(c) = &mut *u.operand {
                        if c.ops.len() == 1 {
                            let inv = match c.ops[0] {
                                ast::CmpOp::Is => Some(ast::CmpOp::IsNot),
                                ast::CmpOp::IsNot => Some(ast::CmpOp::Is),
                                ast::CmpOp::In => Some(ast::CmpOp::NotIn),
                                ast::CmpOp::NotIn => Some(ast::CmpOp::In),
                                _ => None,
                            };
                            if let Some(op) = inv {
                                c.ops[0] = op;
                                let inner =
                                    std::mem::replace(&mut *u.operand, no_loc_const(String::new()));
                                *e = inner;
                            }
                        }
                    }
                }
            }
            Expr::Lambda(l) => {
                self.args(&mut l.args)?;
                self.expr(&mut l.body)?;
            }
            Expr::IfExp(i) => {
                self.expr(&mut i.test)?;
                self.expr(&mut i.body)?;
                self.expr(&mut i.orelse)?;
            }
            Expr::Dict(d) => {
                for k in d.keys.iter_mut().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&mut d.values)?;
            }
            Expr::Set(s) => self.exprs(&mut s.elts)?,
            Expr::ListComp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::SetComp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::DictComp(c) => {
                self.expr(&mut c.key)?;
                self.expr(&mut c.value)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::GeneratorExp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::Await(a) => self.expr(&mut a.value)?,
            Expr::Yield(y) => self.opt(&mut y.value)?,
            Expr::YieldFrom(y) => self.expr(&mut y.value)?,
            Expr::Compare(c) => {
                self.expr(&mut c.left)?;
                self.exprs(&mut c.comparators)?;
                if let (Some(op), Some(last)) = (c.ops.last(), c.comparators.last_mut()) {
                    if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                        self.fold_iter(last);
                    }
                }
            }
            Expr::Call(c) => {
                if c.args.len() + c.keywords.len() > 1 {
                    for a in &c.args {
                        if let Expr::GeneratorExp(g) = a {
                            let (st, en) =
                                (usize::from(g.range.start()), usize::from(g.range.end()));
                            if !is_parenthesized(self.source, st, en) {
                                return syntax(
                                    "Generator expression must be parenthesized",
                                    g.range,
                                );
                            }
                        }
                    }
                }
                // A generator expression that is the sole argument takes the
                // call's parentheses as its own (as in CPython's grammar).
                if c.args.len() == 1 && c.keywords.is_empty() {
                    let call_end = c.range.end();
                    let func_end = ast::Ranged::range(&*c.func).end();
                    if let Expr::GeneratorExp(g) = &mut c.args[0] {
                        let start: usize = g.range.start().into();
                        let end: usize = g.range.end().into();
                        if start >= usize::from(func_end)
                            && !is_parenthesized(self.source, start, end)
                        {
                            if let Some(off) = self.source[usize::from(func_end)..start].find('(') {
                                let open = ast::text_size::TextSize::from(
                                    (usize::from(func_end) + off) as u32,
                                );
                                g.range = ast::text_size::TextRange::new(open, call_end);
                            }
                        }
                    }
                }
                self.expr(&mut c.func)?;
                self.exprs(&mut c.args)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&mut f.value)?;
                self.opt(&mut f.format_spec)?;
            }
            Expr::JoinedStr(j) => {
                self.exprs(&mut j.values)?;
                // CPython gives every replacement field the whole f-string's location.
                let range = j.range;
                for v in &mut j.values {
                    if let Expr::FormattedValue(f) = v {
                        f.range = range;
                        if let Some(spec) = &mut f.format_spec {
                            if let Expr::JoinedStr(sj) = &mut **spec {
                                for sv in &mut sj.values {
                                    match sv {
                                        Expr::FormattedValue(sf) => sf.range = range,
                                        Expr::Constant(sc) => sc.range = range,
                                        _ => {}
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&mut a.value)?,
            Expr::Subscript(s) => {
                self.expr(&mut s.value)?;
                self.expr(&mut s.slice)?;
                if matches!(s.ctx, ast::ExprContext::Load) {
                    if let (Some(v), Some(i)) = (const_of(&s.value), const_of(&s.slice)) {
                        if let Some(c) = fold_subscr(v, i) {
                            make_const(e, c);
                        }
                    }
                }
            }
            Expr::Starred(s) => self.expr(&mut s.value)?,
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" && matches!(n.ctx, ast::ExprContext::Load) {
                    make_const(e, Constant::Bool(true));
                }
            }
            Expr::List(l) => self.exprs(&mut l.elts)?,
            Expr::Tuple(t) => {
                self.exprs(&mut t.elts)?;
                if matches!(t.ctx, ast::ExprContext::Load) {
                    if let Some(c) = make_const_tuple(&t.elts) {
                        make_const(e, c);
                    }
                }
            }
            Expr::Slice(s) => {
                self.opt(&mut s.lower)?;
                self.opt(&mut s.upper)?;
                self.opt(&mut s.step)?;
            }
            Expr::Constant(_) => {}
        }
        Ok(())
    }
}

/// Is `source[start..end]` one parenthesized group (its first `(` closed by its last char)?
fn is_parenthesized(source: &str, start: usize, end: usize) -> bool {
    let Some(text) = source.get(start..end) else {
        return false;
    };
    let b = text.as_bytes();
    if b.first() != Some(&b'(') || b.last() != Some(&b')') {
        return false;
    }
    let mut depth = 0i32;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i == b.len() - 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}
