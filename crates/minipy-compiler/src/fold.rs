//! AST constant folding (CPython 3.11's `Python/ast_opt.c`): folds unary
//! and binary operations on constants within CPython's size limits, tuples
//! of constants, `in <list/set literal>` and `for x in <list literal>`, and
//! `__debug__`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, Constant, Expr, Stmt};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Why folding stopped: too deep a tree, or a syntax error CPython's parser reports.
pub(crate) enum FoldError {
    TooDeep,
    Syntax(String, ast::text_size::TextRange),
}

type R = Result<(), FoldError>;

fn syntax<T>(msg: impl Into<String>, range: ast::text_size::TextRange) -> Result<T, FoldError> {
    Err(FoldError::Syntax(msg.into(), range))
}

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
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Starred(s) if !del => invalid_target(&s.value, del),
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, del)),
        Expr::List(t) => t.elts.iter().find_map(|x| invalid_target(x, del)),
        _ => Some(e),
    }
}

fn check_store(e: &Expr) -> R {
    if let Some(bad) = invalid_target(e, false) {
        return syntax(format!("cannot assign to {}", expr_name(bad)), ast::Ranged::range(bad));
    }
    Ok(())
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

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => i.to_f64().filter(|f| f.is_finite() && f.abs() < 9.007_199_254_740_992e15),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Int(i) => !i.is_zero(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Ellipsis => true,
    }
}

fn count_items(c: &Constant) -> usize {
    match c {
        Constant::Tuple(t) => t.len() + t.iter().map(count_items).sum::<usize>(),
        _ => 0,
    }
}

fn repeat_ok(n: &BigInt, size: usize, limit: usize) -> Option<usize> {
    let n = n.to_i64()?;
    if n < 0 {
        return None;
    }
    let n = n as usize;
    if size > 0 && n > limit / size {
        return None;
    }
    Some(n)
}

fn py_float_floordiv(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        Some(fd)
    } else {
        Some((0.0f64).copysign(vx / wx))
    }
}

fn py_float_mod(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = (0.0f64).copysign(wx);
    }
    Some(m)
}

fn fold_binop(op: &ast::Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use ast::Operator::*;
    // int op int
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return match op {
            Add => Some(Constant::Int(a + b)),
            Sub => Some(Constant::Int(a - b)),
            Mult => {
                if !a.is_zero() && !b.is_zero() && num_bits(&a) + num_bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                Some(Constant::Int(a * b))
            }
            FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                Some(Constant::Int(a.div_floor(&b)))
            }
            Mod => {
                if b.is_zero() {
                    return None;
                }
                Some(Constant::Int(a.mod_floor(&b)))
            }
            Pow => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && b.is_positive() {
                    let vbits = num_bits(&a);
                    let wbits = b.to_u64()?;
                    if vbits > MAX_INT_SIZE / wbits {
                        return None;
                    }
                }
                let e = b.to_u32()?;
                Some(Constant::Int(num_traits::pow::pow(a, e as usize)))
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && !b.is_zero() {
                    let vbits = num_bits(&a);
                    let wbits = b.to_u64()?;
                    if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
                        return None;
                    }
                }
                Some(Constant::Int(a << b.to_usize()?))
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
                Some(Constant::Int(a >> s))
            }
            BitAnd => {
                if matches!((l, r), (Constant::Bool(x), Constant::Bool(y))) {
                    if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                        return Some(Constant::Bool(*x & *y));
                    }
                }
                Some(Constant::Int(a & b))
            }
            BitOr => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x | *y));
                }
                Some(Constant::Int(a | b))
            }
            BitXor => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x ^ *y));
                }
                Some(Constant::Int(a ^ b))
            }
            Div => {
                if b.is_zero() {
                    return None;
                }
                let (x, y) = (as_float(l)?, as_float(r)?);
                Some(Constant::Float(x / y))
            }
            MatMult => None,
        };
    }
    // float arithmetic (one side float, the other int/float)
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (x, y) = (as_float(l)?, as_float(r)?);
        return match op {
            Add => Some(Constant::Float(x + y)),
            Sub => Some(Constant::Float(x - y)),
            Mult => Some(Constant::Float(x * y)),
            Div => {
                if y == 0.0 {
                    None
                } else {
                    Some(Constant::Float(x / y))
                }
            }
            FloorDiv => py_float_floordiv(x, y).map(Constant::Float),
            Mod => py_float_mod(x, y).map(Constant::Float),
            _ => None,
        };
    }
    // complex add/sub
    let as_complex = |c: &Constant| -> Option<(f64, f64)> {
        match c {
            Constant::Complex { real, imag } => Some((*real, *imag)),
            _ => as_float(c).map(|f| (f, 0.0)),
        }
    };
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let (a, b) = (as_complex(l)?, as_complex(r)?);
        return match op {
            Add => Some(Constant::Complex { real: a.0 + b.0, imag: a.1 + b.1 }),
            Sub => Some(Constant::Complex { real: a.0 - b.0, imag: a.1 - b.1 }),
            _ => None,
        };
    }
    match (op, l, r) {
        (Add, Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}"))),
        (Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(Constant::Bytes(v))
        }
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            Some(Constant::Tuple(v))
        }
        (Mult, Constant::Str(s), n) | (Mult, n, Constant::Str(s)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, s.chars().count(), MAX_STR_SIZE)?;
            Some(Constant::Str(s.repeat(k)))
        }
        (Mult, Constant::Bytes(s), n) | (Mult, n, Constant::Bytes(s)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, s.len(), MAX_STR_SIZE)?;
            Some(Constant::Bytes(s.repeat(k)))
        }
        (Mult, Constant::Tuple(t), n) | (Mult, n, Constant::Tuple(t)) => {
            let n = as_int(n)?;
            let k = repeat_ok(&n, t.len(), MAX_COLLECTION_SIZE)?;
            if k > 0 && !t.is_empty() && count_items(&Constant::Tuple(t.clone())) > MAX_TOTAL_ITEMS / k {
                return None;
            }
            let mut v = Vec::new();
            for _ in 0..k {
                v.extend(t.iter().cloned());
            }
            Some(Constant::Tuple(v))
        }
        _ => None,
    }
}

fn fold_unary(op: &ast::UnaryOp, c: &Constant) -> Option<Constant> {
    use ast::UnaryOp::*;
    match op {
        Not => Some(Constant::Bool(!truth(c))),
        USub => match c {
            Constant::Int(i) => Some(Constant::Int(-i)),
            Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)))),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex { real: -real, imag: -imag }),
            _ => None,
        },
        UAdd => match c {
            Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } => Some(c.clone()),
            Constant::Bool(b) => Some(Constant::Int(BigInt::from(u8::from(*b)))),
            _ => None,
        },
        Invert => match c {
            Constant::Int(i) => Some(Constant::Int(-i - 1)),
            Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)) - 1)),
            _ => None,
        },
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
        for x in a.posonlyargs.iter_mut().chain(a.args.iter_mut()).chain(a.kwonlyargs.iter_mut()) {
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
                        return syntax(format!("cannot delete {}", expr_name(bad)), ast::Ranged::range(bad));
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
                            && !matches!(bad, Expr::Constant(ast::ExprConstant { value: Constant::None | Constant::Bool(_), .. }));
                        let msg = if here {
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
                if !matches!(&*a.target, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)) {
                    return syntax(
                        format!("'{}' is an illegal expression for augmented assignment", expr_name(&a.target)),
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
                        format!("cannot use assignment expressions with {}", expr_name(&n.target)),
                        ast::Ranged::range(&*n.target),
                    );
                }
                self.expr(&mut n.target)?;
                self.expr(&mut n.value)?;
            }
            Expr::BinOp(b) => {
                self.expr(&mut b.left)?;
                self.expr(&mut b.right)?;
                if let (ast::Operator::Mod, Expr::Constant(l), Expr::Tuple(t)) = (&b.op, &*b.left, &*b.right) {
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
                                let inner = std::mem::replace(&mut *u.operand, no_loc_const(String::new()));
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
                            let (st, en) = (usize::from(g.range.start()), usize::from(g.range.end()));
                            if !is_parenthesized(self.source, st, en) {
                                return syntax("Generator expression must be parenthesized", g.range);
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
                        if start >= usize::from(func_end) && !is_parenthesized(self.source, start, end) {
                            if let Some(off) = self.source[usize::from(func_end)..start].find('(') {
                                let open = ast::text_size::TextSize::from((usize::from(func_end) + off) as u32);
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

/// A range meaning "no location" (CPython's -1 positions).
fn no_range() -> ast::text_size::TextRange {
    let m = ast::text_size::TextSize::from(u32::MAX);
    ast::text_size::TextRange::new(m, m)
}

fn no_loc_const(s: String) -> Expr {
    Expr::Constant(ast::ExprConstant {
        range: no_range(),
        value: Constant::Str(s),
        kind: None,
    })
}

/// `optimize_format`: `'%s, %r' % (a, b)` → `f'{a!s}, {b!r}'` (only simple formats).
fn optimize_format(fmt: &str, elts: &[Expr]) -> Option<Vec<Expr>> {
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

fn fold_subscr(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = as_int(i)?.to_i64()?;
    let pick = |len: usize| -> Option<usize> {
        let len = len as i64;
        let k = if idx < 0 { idx + len } else { idx };
        (0..len).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.chars().count();
            let k = pick(n)?;
            s.chars().nth(k).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => {
            let k = pick(b.len())?;
            Some(Constant::Int(BigInt::from(b[k])))
        }
        Constant::Tuple(t) => {
            let k = pick(t.len())?;
            Some(t[k].clone())
        }
        _ => None,
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
