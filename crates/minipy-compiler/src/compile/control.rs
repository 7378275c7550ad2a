//! Compound statements with control flow: if/while/for, try/except/finally,
//! with, and the frame-block unwinding used by return/break/continue.

use minipy_bytecode::{Constant, Opcode};
use rustpython_parser::ast::{self, Stmt};

use super::{CResult, Compiler, FBlock, FBlockKind, NameCtx};
use crate::flowgraph::Op;

impl<'a> Compiler<'a> {
    pub(crate) fn compile_if(&mut self, s: &'a ast::StmtIf) -> CResult {
        let end = self.new_block();
        let next = if s.orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(&s.test, next, false)?;
        self.visit_stmts(&s.body)?;
        if !s.orelse.is_empty() {
            self.emit_noloc(Op::Jump, 0, end);
            self.use_next_block(next);
            self.visit_stmts(&s.orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    pub(crate) fn compile_while(&mut self, s: &'a ast::StmtWhile) -> CResult {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end)?;
        self.jump_if(&s.test, anchor, false)?;
        self.use_next_block(body);
        self.visit_stmts(&s.body)?;
        self.set_loc(s.range);
        self.jump_if(&s.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(&s.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    pub(crate) fn compile_for(&mut self, s: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end)?;
        self.visit_iter_operand(&s.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_next_block(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), cleanup);
        self.use_next_block(body);
        self.visit_expr(&s.target)?;
        self.visit_stmts(&s.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&s.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    pub(crate) fn compile_break(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(self.error_here("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        self.emit_jump(Op::Jump, lp.exit);
        self.next_block();
        Ok(())
    }

    pub(crate) fn compile_continue(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(self.error_here("'continue' not properly in loop"));
        };
        self.emit_jump(Op::Jump, lp.block);
        self.next_block();
        Ok(())
    }

    /// `compiler_unwind_fblock`.
    pub(crate) fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match &info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::TryExcept => {
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
            }
            FBlockKind::FinallyTry(body) => {
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                if preserve_tos {
                    self.push_fblock(
                        FBlockKind::PopValue,
                        crate::flowgraph::NO_BLOCK,
                        crate::flowgraph::NO_BLOCK,
                    )?;
                }
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With(range) => {
                self.set_loc(*range);
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, NameCtx::Store)?;
                    self.nameop(n, NameCtx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds to the innermost loop (when
    /// `want_loop`) or completely, returning the loop block found.
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    pub(crate) fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_next_block(body_b);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), body_b, end)?;
        if !handlers.is_empty() {
            self.compile_try_except(body, handlers, orelse)?;
        } else {
            self.visit_stmts(body)?;
        }
        self.emit_noloc(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.emit_noloc(Op::Jump, 0, exit);
        // finally block (exception path)
        self.use_next_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, end, crate::flowgraph::NO_BLOCK)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    pub(crate) fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlockKind::TryExcept, body_b, crate::flowgraph::NO_BLOCK)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noloc(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
        self.visit_stmts(orelse)?;
        self.emit_noloc(Op::Jump, 0, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(
            FBlockKind::ExceptionHandler,
            crate::flowgraph::NO_BLOCK,
            crate::flowgraph::NO_BLOCK,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error_here("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name.as_str(), NameCtx::Store)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.as_str())),
                    cleanup_body,
                    crate::flowgraph::NO_BLOCK,
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store)?;
                self.nameop(name.as_str(), NameCtx::Del)?;
                self.emit_jump(Op::Jump, end);
                // except: cleanup when the handler body raised
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store)?;
                self.nameop(name.as_str(), NameCtx::Del)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(None),
                    cleanup_body,
                    crate::flowgraph::NO_BLOCK,
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    pub(crate) fn compile_with(&mut self, s: &'a ast::StmtWith, pos: usize) -> CResult {
        let item = &s.items[pos];
        let block = self.new_block();
        let final_b = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH, 0);
        self.emit_jump(Op::SetupWith, final_b);
        self.use_next_block(block);
        self.push_fblock(FBlockKind::With(s.range), block, final_b)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == s.items.len() {
            self.visit_stmts(&s.body)?;
        } else {
            self.compile_with(s, pos + 1)?;
        }
        self.unset_loc();
        self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
        self.pop_fblock();
        self.set_loc(s.range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        self.use_next_block(final_b);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        // compiler_with_except_finish
        self.unset_loc();
        let exit2 = self.new_block();
        self.emit_jump(Op::PopJumpIfTrue, exit2);
        self.next_block();
        self.emit(Opcode::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit2);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_full(Op::PopBlock, 0, crate::flowgraph::NO_BLOCK);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.use_next_block(exit);
        Ok(())
    }
}
