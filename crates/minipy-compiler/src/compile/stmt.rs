//! Simple statements and bodies (`compiler_visit_stmt`).

use std::rc::Rc;

use minipy_bytecode::{Constant, Opcode};
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::expr::{binop_arg, to_constant};
use super::{CResult, Compiler, NameCtx, ScopeType};
use crate::flowgraph::{Op, NO_BLOCK};
use crate::symtable::BlockType;

/// The docstring of a body, if its first statement is a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::Constant(c) = &*e.value {
            if let ast::Constant::Str(s) = &c.value {
                return Some(s.as_str());
            }
        }
    }
    None
}

/// `find_ann`: does the body contain an annotated assignment (not in nested scopes)?
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::AsyncWith(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::TryStar(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub(crate) fn visit_stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// `compiler_body`: module and class bodies (annotations setup and docstring).
    pub(crate) fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
        }
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut start = 0;
        if let Some(doc) = docstring(body) {
            start = 1;
            if let Stmt::Expr(e) = &body[0] {
                self.set_loc(body[0].range());
                let _ = doc;
                self.visit_expr(&e.value)?;
                self.unset_loc();
                self.nameop("__doc__", NameCtx::Store)?;
            }
        }
        self.visit_stmts(&body[start..])
    }

    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_recursion()?;
        self.set_loc(s.range());
        let r = self.visit_stmt_inner(s);
        self.leave_recursion();
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.compile_function(super::function::FuncDef {
                key: crate::symtable::builder_key(f),
                name: f.name.as_str(),
                args: &f.args,
                body: &f.body,
                decorators: &f.decorator_list,
                returns: f.returns.as_deref(),
                range: f.range,
                is_async: false,
            }),
            Stmt::AsyncFunctionDef(f) => self.compile_function(super::function::FuncDef {
                key: crate::symtable::builder_key(f),
                name: f.name.as_str(),
                args: &f.args,
                body: &f.body,
                decorators: &f.decorator_list,
                returns: f.returns.as_deref(),
                range: f.range,
                is_async: true,
            }),
            Stmt::ClassDef(c) => self.compile_class(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(self.error("type aliases are not supported", t.range)),
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::For(f) => self.compile_for(f),
            Stmt::AsyncFor(f) => {
                Err(self.error("minipy does not support 'async for' yet", f.range))
            }
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => self.compile_with(w, 0),
            Stmt::AsyncWith(w) => {
                Err(self.error("minipy does not support 'async with' yet", w.range))
            }
            Stmt::Match(m) => {
                Err(self.error("minipy does not support match statements yet", m.range))
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                self.next_block();
                Ok(())
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.compile_try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody)
                } else {
                    self.compile_try_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            Stmt::TryStar(t) => Err(self.error("minipy does not support 'except*' yet", t.range)),
            Stmt::Assert(a) => {
                let end = self.new_block();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::PRECALL, 0);
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.use_next_block(end);
                Ok(())
            }
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_from_import(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() <= 1 {
                    self.visit_expr(&e.value)?;
                    self.emit(Opcode::PRINT_EXPR, 0);
                    return Ok(());
                }
                if matches!(&*e.value, Expr::Constant(_)) {
                    self.emit(Opcode::NOP, 0);
                    return Ok(());
                }
                self.visit_expr(&e.value)?;
                self.unset_loc();
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            Stmt::Break(_) => self.compile_break(),
            Stmt::Continue(_) => self.compile_continue(),
        }
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> CResult {
        let value = r.value.as_deref();
        let preserve_tos = matches!(value, Some(v) if !matches!(v, Expr::Constant(_)));
        if self.ste_kind() != BlockType::Function {
            return Err(self.error_here("'return' outside function"));
        }
        let ste = &self.st.scopes[self.ur().ste];
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error_here("'return' with value in async generator"));
        }
        if let Some(v) = value {
            if preserve_tos {
                self.visit_expr(v)?;
            } else {
                self.set_loc(v.range());
                self.emit(Opcode::NOP, 0);
            }
        }
        let stmt_line = self.loc_of(r.range).line;
        let value_line = value.map(|v| self.loc_of(v.range()).line);
        if value.is_none() || value_line != Some(stmt_line) {
            self.set_loc(r.range);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(Constant::None),
            Some(Expr::Constant(c)) => self.load_const(to_constant(&c.value)),
            Some(_) => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let e = &*a.target;
        let old = self.ur().loc;
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Opcode::COPY, 1);
                self.update_start_location_to_match_attr(at);
                self.emit_name(Opcode::LOAD_ATTR, at.attr.as_str());
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Load)?,
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    e.range(),
                ))
            }
        }
        self.u().loc = old;
        self.visit_expr(&a.value)?;
        self.emit(
            Opcode::BINARY_OP,
            binop_arg(&a.op) + minipy_bytecode::opcode::nb::INPLACE_OFFSET,
        );
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.update_start_location_to_match_attr(at);
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, at.attr.as_str());
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        match &*a.target {
            Expr::Name(n) => {
                if a.simple && module_or_class {
                    self.visit_expr(&a.annotation)?;
                    self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Constant::Str(Rc::from(m.as_str())));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.visit_expr(&at.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.visit_expr(&sub.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => {
                return Err(self.error("invalid target for annotated assignment", a.target.range()))
            }
        }
        if !a.simple && module_or_class {
            self.visit_expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(p)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
                Ok(())
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => {
                self.visit_expr(e)?;
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
        }
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let name = alias.name.as_str();
            self.emit_name(Opcode::IMPORT_NAME, name);
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = name.split('.').collect();
                if parts.len() > 1 {
                    for (k, attr) in parts[1..].iter().enumerate() {
                        self.emit_name_raw(Opcode::IMPORT_FROM, attr);
                        if k + 2 == parts.len() {
                            break;
                        }
                        self.emit(Opcode::SWAP, 2);
                        self.emit(Opcode::POP_TOP, 0);
                    }
                    self.nameop(asname.as_str(), NameCtx::Store)?;
                    self.emit(Opcode::POP_TOP, 0);
                } else {
                    self.nameop(asname.as_str(), NameCtx::Store)?;
                }
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.nameop(first, NameCtx::Store)?;
            }
        }
        Ok(())
    }

    fn compile_from_import(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let level = i.level.as_ref().map(|l| l.to_u32()).unwrap_or(0);
        self.load_const(Constant::Int(i64::from(level)));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(Rc::from(a.name.as_str())))
            .collect();
        if let Some(m) = &i.module {
            if m.as_str() == "__future__" {
                let ok = i.names.iter().all(|a| {
                    matches!(
                        a.name.as_str(),
                        "nested_scopes"
                            | "generators"
                            | "division"
                            | "absolute_import"
                            | "with_statement"
                            | "print_function"
                            | "unicode_literals"
                            | "generator_stop"
                            | "annotations"
                    )
                });
                if !ok {
                    let bad = i.names.iter().find(|a| a.name.as_str() == "braces");
                    if bad.is_some() {
                        return Err(self.error("not a chance", i.range));
                    }
                }
            }
        }
        self.load_const(Constant::Tuple(names.into()));
        match &i.module {
            Some(m) => self.emit_name(Opcode::IMPORT_NAME, m.as_str()),
            None => self.emit_name(Opcode::IMPORT_NAME, ""),
        }
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.as_str().starts_with('*') {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, alias.name.as_str());
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store.as_str(), NameCtx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `compiler_call_exit_with_nones`.
    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::PRECALL, 2);
        self.emit(Opcode::CALL, 2);
    }

    pub(crate) fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    #[allow(dead_code)]
    pub(crate) fn emit_pseudo(&mut self, op: Op) {
        self.emit_full(op, 0, NO_BLOCK);
    }
}
