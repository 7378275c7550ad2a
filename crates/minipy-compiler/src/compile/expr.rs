//! Expressions (`compiler_visit_expr1` and helpers).

use std::rc::Rc;

use minipy_bytecode::opcode::{fvc, nb};
use minipy_bytecode::{Constant, Opcode};
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Expr, Ranged};

use super::{CResult, Compiler, NameCtx, STACK_USE_GUIDELINE};
use crate::flowgraph::{BlockId, Op, NO_BLOCK};
use crate::symtable::BlockType;

/// Converts an AST constant to a code-object constant.
pub(crate) fn to_constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ast::Constant::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Int(i) => match i.to_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(i.clone()),
        },
        ast::Constant::Tuple(t) => {
            Constant::Tuple(t.iter().map(to_constant).collect::<Vec<_>>().into())
        }
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

pub(crate) fn binop_arg(op: &ast::Operator) -> u32 {
    use ast::Operator::*;
    match op {
        Add => nb::ADD,
        Sub => nb::SUBTRACT,
        Mult => nb::MULTIPLY,
        MatMult => nb::MATRIX_MULTIPLY,
        Div => nb::TRUE_DIVIDE,
        Mod => nb::REMAINDER,
        Pow => nb::POWER,
        LShift => nb::LSHIFT,
        RShift => nb::RSHIFT,
        BitOr => nb::OR,
        BitXor => nb::XOR,
        BitAnd => nb::AND,
        FloorDiv => nb::FLOOR_DIVIDE,
    }
}

pub(crate) fn is_const(e: &Expr) -> bool {
    matches!(e, Expr::Constant(_))
}

impl<'a> Compiler<'a> {
    pub(crate) fn visit_exprs(&mut self, es: &'a [Expr]) -> CResult {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    /// `compiler_visit_expr`: sets the location for the node and restores it after.
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_recursion()?;
        let old = self.ur().loc;
        self.set_loc(e.range());
        let r = self.visit_expr1(e);
        self.u().loc = old;
        self.leave_recursion();
        r
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.visit_expr(&n.target)
            }
            Expr::BoolOp(b) => self.compile_boolop(b),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(&b.op));
                Ok(())
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    ast::UnaryOp::Not => Opcode::UNARY_NOT,
                    ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Lambda(l) => self.compile_lambda(l),
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_noloc(Op::Jump, 0, end);
                self.use_next_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_next_block(end);
                Ok(())
            }
            Expr::Dict(d) => self.compile_dict(d),
            Expr::Set(s) => self.starunpack_helper(
                &s.elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            ),
            Expr::ListComp(c) => self.compile_comprehension(
                e,
                super::function::CompType::List,
                "<listcomp>",
                &c.generators,
                &c.elt,
                None,
            ),
            Expr::SetComp(c) => self.compile_comprehension(
                e,
                super::function::CompType::Set,
                "<setcomp>",
                &c.generators,
                &c.elt,
                None,
            ),
            Expr::DictComp(c) => self.compile_comprehension(
                e,
                super::function::CompType::Dict,
                "<dictcomp>",
                &c.generators,
                &c.key,
                Some(&c.value),
            ),
            Expr::GeneratorExp(c) => self.compile_comprehension(
                e,
                super::function::CompType::Gen,
                "<genexpr>",
                &c.generators,
                &c.elt,
                None,
            ),
            Expr::Yield(y) => {
                if self.ste_kind() != BlockType::Function {
                    return Err(self.error_here("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                let ste = &self.st.scopes[self.ur().ste];
                if ste.coroutine && ste.generator {
                    self.emit(Opcode::ASYNC_GEN_WRAP, 0);
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::RESUME, 1);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                if self.ste_kind() != BlockType::Function {
                    return Err(self.error_here("'yield' outside function"));
                }
                if self.ur().scope_type == super::ScopeType::AsyncFunction {
                    return Err(self.error_here("'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.add_yield_from(false);
                Ok(())
            }
            Expr::Await(a) => {
                if self.ste_kind() != BlockType::Function {
                    return Err(self.error_here("'await' outside function"));
                }
                if !matches!(
                    self.ur().scope_type,
                    super::ScopeType::AsyncFunction | super::ScopeType::Comprehension
                ) {
                    return Err(self.error_here("'await' outside async function"));
                }
                self.visit_expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
                Ok(())
            }
            Expr::Compare(c) => self.compile_compare(c),
            Expr::Call(c) => self.compile_call(c),
            Expr::FormattedValue(f) => self.compile_formatted_value(f),
            Expr::JoinedStr(j) => {
                if j.values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str(Rc::from("")));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit(Opcode::BUILD_LIST, 0);
                    for v in &j.values {
                        self.visit_expr(v)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::PRECALL, 1);
                    self.emit(Opcode::CALL, 1);
                } else {
                    self.visit_exprs(&j.values)?;
                    if j.values.len() != 1 {
                        self.emit(Opcode::BUILD_STRING, j.values.len() as u32);
                    }
                }
                Ok(())
            }
            Expr::Constant(c) => {
                self.load_const(to_constant(&c.value));
                Ok(())
            }
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match a.ctx {
                    ast::ExprContext::Load => self.emit_name(Opcode::LOAD_ATTR, a.attr.as_str()),
                    ast::ExprContext::Store => {
                        if a.attr.as_str() == "__debug__" {
                            return Err(self.error_here("cannot assign to __debug__"));
                        }
                        self.emit_name(Opcode::STORE_ATTR, a.attr.as_str())
                    }
                    ast::ExprContext::Del => self.emit_name(Opcode::DELETE_ATTR, a.attr.as_str()),
                }
                Ok(())
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                let op = match s.ctx {
                    ast::ExprContext::Load => Opcode::BINARY_SUBSCR,
                    ast::ExprContext::Store => Opcode::STORE_SUBSCR,
                    ast::ExprContext::Del => Opcode::DELETE_SUBSCR,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Starred(s) => match s.ctx {
                ast::ExprContext::Store => {
                    Err(self.error_here("starred assignment target must be in a list or tuple"))
                }
                _ => Err(self.error_here("can't use starred expression here")),
            },
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(st) = &s.step {
                    n += 1;
                    self.visit_expr(st)?;
                }
                self.emit(Opcode::BUILD_SLICE, n);
                Ok(())
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::from(&n.ctx)),
            Expr::List(l) => match l.ctx {
                ast::ExprContext::Store => self.assignment_helper(&l.elts),
                ast::ExprContext::Del => self.visit_exprs(&l.elts),
                ast::ExprContext::Load => self.starunpack_helper(
                    &l.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                ),
            },
            Expr::Tuple(t) => match t.ctx {
                ast::ExprContext::Store => self.assignment_helper(&t.elts),
                ast::ExprContext::Del => self.visit_exprs(&t.elts),
                ast::ExprContext::Load => self.starunpack_helper(
                    &t.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                ),
            },
        }
    }

    pub(crate) fn update_start_location_to_match_attr(&mut self, a: &ast::ExprAttribute) {
        let loc = self.loc_of(a.range);
        let u = self.u();
        if u.loc.line != loc.end_line {
            u.loc.line = loc.end_line;
            let len = a.attr.as_str().len() as i32;
            if len <= loc.end_col {
                u.loc.col = loc.end_col - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_line = u.loc.end_line.max(u.loc.line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    /// `ADD_YIELD_FROM`.
    pub(crate) fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.emit_jump(Op::Real(Opcode::SEND), exit);
        self.use_next_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    fn compile_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let jumpi = match b.op {
            ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let n = b.values.len();
        for v in &b.values[..n.saturating_sub(1)] {
            self.visit_expr(v)?;
            self.emit_jump(Op::Real(jumpi), end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        if let Some(last) = b.values.last() {
            self.visit_expr(last)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// Visits the iterable of `for`/`in`: a set display of constants is a frozenset constant.
    pub(crate) fn visit_iter_operand(&mut self, e: &'a Expr) -> CResult {
        if let Expr::Set(s) = e {
            if !s.elts.is_empty() && s.elts.iter().all(is_const) {
                let old = self.ur().loc;
                self.set_loc(e.range());
                let items: Vec<Constant> = s
                    .elts
                    .iter()
                    .map(|x| match x {
                        Expr::Constant(c) => to_constant(&c.value),
                        _ => Constant::None,
                    })
                    .collect();
                self.load_const(Constant::FrozenSet(items.into()));
                self.u().loc = old;
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    fn visit_comparator(&mut self, c: &'a ast::ExprCompare, i: usize) -> CResult {
        if i + 1 == c.comparators.len() && matches!(c.ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
            self.visit_iter_operand(&c.comparators[i])
        } else {
            self.visit_expr(&c.comparators[i])
        }
    }

    pub(crate) fn emit_compare(&mut self, op: &ast::CmpOp) {
        use ast::CmpOp::*;
        match op {
            Eq => self.emit(Opcode::COMPARE_OP, 2),
            NotEq => self.emit(Opcode::COMPARE_OP, 3),
            Lt => self.emit(Opcode::COMPARE_OP, 0),
            LtE => self.emit(Opcode::COMPARE_OP, 1),
            Gt => self.emit(Opcode::COMPARE_OP, 4),
            GtE => self.emit(Opcode::COMPARE_OP, 5),
            Is => self.emit(Opcode::IS_OP, 0),
            IsNot => self.emit(Opcode::IS_OP, 1),
            In => self.emit(Opcode::CONTAINS_OP, 0),
            NotIn => self.emit(Opcode::CONTAINS_OP, 1),
        }
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.visit_expr(&c.left)?;
        let n = c.ops.len().saturating_sub(1);
        if n == 0 {
            self.visit_comparator(c, 0)?;
            self.emit_compare(&c.ops[0]);
        } else {
            let cleanup = self.new_block();
            for i in 0..n {
                self.visit_expr(&c.comparators[i])?;
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::COPY, 2);
                self.emit_compare(&c.ops[i]);
                self.emit_jump(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), cleanup);
                self.next_block();
            }
            self.visit_comparator(c, n)?;
            self.emit_compare(&c.ops[n]);
            let end = self.new_block();
            self.emit_noloc(Op::Jump, 0, end);
            self.use_next_block(cleanup);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::POP_TOP, 0);
            self.use_next_block(end);
        }
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` when `e` is `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        self.enter_recursion()?;
        let r = self.jump_if_inner(e, next, cond);
        self.leave_recursion();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let mut next2 = next;
                if cond2 != cond {
                    next2 = self.new_block();
                }
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_noloc(Op::Jump, 0, end);
                self.use_next_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                // CPython sets the comparison's location here and keeps it.
                self.set_loc(e.range());
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit_compare(&c.ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                    self.next_block();
                }
                self.visit_comparator(c, n)?;
                self.emit_compare(&c.ops[n]);
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                self.next_block();
                let end = self.new_block();
                self.emit_noloc(Op::Jump, 0, end);
                self.use_next_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_noloc(Op::Jump, 0, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            Expr::Compare(_) => self.set_loc(e.range()),
            _ => {}
        }
        self.visit_expr(e)?;
        self.emit_jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        self.next_block();
        Ok(())
    }

    fn compile_formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult {
        self.visit_expr(&f.value)?;
        let mut oparg = match f.conversion {
            ast::ConversionFlag::Str => fvc::STR,
            ast::ConversionFlag::Repr => fvc::REPR,
            ast::ConversionFlag::Ascii => fvc::ASCII,
            ast::ConversionFlag::None => fvc::NONE,
        };
        if let Some(spec) = &f.format_spec {
            self.visit_expr(spec)?;
            oparg |= fvc::HAVE_SPEC;
        }
        self.emit(Opcode::FORMAT_VALUE, oparg);
        Ok(())
    }

    fn compile_subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = d.keys[begin..end]
            .iter()
            .all(|k| matches!(k, Some(Expr::Constant(_))));
        if n > 1 && !big && all_const {
            for v in &d.values[begin..end] {
                self.visit_expr(v)?;
            }
            let keys: Vec<Constant> = d.keys[begin..end]
                .iter()
                .map(|k| match k {
                    Some(Expr::Constant(c)) => to_constant(&c.value),
                    _ => Constant::None,
                })
                .collect();
            self.load_const(Constant::Tuple(keys.into()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &d.keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&d.values[i])?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `starunpack_helper`.
    pub(crate) fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: usize,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Constant> = elts
                .iter()
                .map(|e| match e {
                    Expr::Constant(c) => to_constant(&c.value),
                    _ => Constant::None,
                })
                .collect();
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(items.into()));
            } else {
                let folded = if add == Opcode::SET_ADD {
                    Constant::FrozenSet(items.into())
                } else {
                    Constant::Tuple(items.into())
                };
                self.emit(build, pushed as u32);
                self.load_const(folded);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            if tuple {
                self.emit(Opcode::BUILD_TUPLE, (n + pushed) as u32);
            } else {
                self.emit(build, (n + pushed) as u32);
            }
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.emit(build, pushed as u32);
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !sequence_built {
                    self.emit(build, (i + pushed) as u32);
                    sequence_built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(e)?;
                if sequence_built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn unpack_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in assignment"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error_here("too many expressions in star-unpacking assignment")
                    );
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        self.unpack_helper(elts)?;
        for e in elts {
            match e {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    #[allow(dead_code)]
    pub(crate) fn no_block(&self) -> BlockId {
        NO_BLOCK
    }
}
