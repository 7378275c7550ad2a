//! Calls: `PUSH_NULL`/`LOAD_METHOD` + `PRECALL` + `CALL`, `KW_NAMES`, and
//! `CALL_FUNCTION_EX` for `*args`/`**kwargs`.

use std::rc::Rc;

use minipy_bytecode::{Constant, Opcode};
use rustpython_parser::ast::{self, Expr, Ranged};

use super::{CResult, Compiler, STACK_USE_GUIDELINE};
use crate::symtable::flag;

impl<'a> Compiler<'a> {
    fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.st.scopes[0].flags(n.id.as_str()) & flag::IMPORT != 0,
            _ => false,
        }
    }

    pub(crate) fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult {
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.set_loc(c.func.range());
        self.emit(Opcode::PUSH_NULL, 0);
        self.set_loc(c.range);
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords)
    }

    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if !matches!(meth.ctx, ast::ExprContext::Load) {
            return Ok(false);
        }
        if self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let argsl = c.args.len();
        let kwdsl = c.keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if c.args.iter().any(|a| matches!(a, Expr::Starred(_))) {
            return Ok(false);
        }
        if c.keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(&meth.value)?;
        let old = self.ur().loc;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.emit_name(Opcode::LOAD_METHOD, meth.attr.as_str());
        self.visit_exprs(&c.args)?;
        if kwdsl > 0 {
            for k in &c.keywords {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(&c.keywords);
        }
        self.u().loc = old;
        self.set_loc(c.range);
        self.update_start_location_to_match_attr(meth);
        self.emit(Opcode::PRECALL, (argsl + kwdsl) as u32);
        self.emit(Opcode::CALL, (argsl + kwdsl) as u32);
        self.u().loc = old;
        Ok(true)
    }

    fn call_simple_kw_helper(&mut self, keywords: &[ast::Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map(|a| a.as_str()).unwrap_or(""))))
            .collect();
        let i = self.add_const(Constant::Tuple(names.into()));
        self.emit(Opcode::KW_NAMES, i);
    }

    /// `compiler_call_helper`: `n` arguments are already on the stack.
    pub(crate) fn call_helper(
        &mut self,
        n: usize,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        let nelts = args.len();
        let nkwelts = keywords.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            self.visit_exprs(args)?;
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(keywords);
            }
            self.emit(Opcode::PRECALL, (n + nelts + nkwelts) as u32);
            self.emit(Opcode::CALL, (n + nelts + nkwelts) as u32);
            return Ok(());
        }
        // ex_call
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            } else {
                self.starunpack_helper(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?;
            }
        } else {
            self.starunpack_helper(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(nkwelts > 0));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [ast::Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map(|a| a.as_str()).unwrap_or(""))))
                .collect();
            self.load_const(Constant::Tuple(keys.into()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noloc(
                crate::flowgraph::Op::Real(Opcode::BUILD_MAP),
                0,
                crate::flowgraph::NO_BLOCK,
            );
        }
        for k in &keywords[begin..end] {
            let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
            self.load_const(Constant::Str(Rc::from(name)));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noloc(
                    crate::flowgraph::Op::Real(Opcode::MAP_ADD),
                    1,
                    crate::flowgraph::NO_BLOCK,
                );
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
