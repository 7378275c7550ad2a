//! Functions, lambdas, classes and comprehensions: nested code objects and
//! `MAKE_FUNCTION` with defaults, annotations and closures.

use std::rc::Rc;

use minipy_bytecode::opcode::mkfn;
use minipy_bytecode::{CodeObject, Constant, Opcode};
use rustpython_parser::ast::{self, text_size::TextRange, Expr, Ranged, Stmt};

use super::{CResult, Compiler, NameCtx, ScopeType};
use crate::flowgraph::Op;
use crate::symtable::{builder_key, Scope};

pub(crate) struct FuncDef<'a> {
    pub key: usize,
    pub name: &'a str,
    pub args: &'a ast::Arguments,
    pub body: &'a [Stmt],
    pub decorators: &'a [Expr],
    pub returns: Option<&'a Expr>,
    pub range: TextRange,
    pub is_async: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompType {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    /// `compiler_make_closure`.
    pub(crate) fn make_closure(&mut self, co: Rc<CodeObject>, mut flags: u32) -> CResult {
        let frees = co.co_freevars();
        if !frees.is_empty() {
            for name in &frees {
                let is_class = self.ur().scope_type == ScopeType::Class;
                let ste = self.ur().ste;
                let scope = if is_class && &**name == "__class__" {
                    Scope::Cell
                } else {
                    self.st.scopes[ste].scope(name)
                };
                let arg = if scope == Scope::Cell {
                    self.ur().cellvars.get(name)
                } else {
                    self.ur()
                        .freevars
                        .get(name)
                        .map(|i| i + self.ur().cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(
                        self.error_here(format!("internal error: no closure cell for '{name}'"))
                    );
                };
                self.emit(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= mkfn::CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, frees.len() as u32);
        }
        self.load_const(Constant::Code(co));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// `compiler_default_arguments`.
    fn default_arguments(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
            flags |= mkfn::DEFAULTS;
        }
        let mut keys = Vec::new();
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                let m = self.mangle(a.def.arg.as_str());
                keys.push(Constant::Str(Rc::from(m.as_str())));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= mkfn::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn visit_argannotation(
        &mut self,
        name: &str,
        ann: Option<&'a Expr>,
        count: &mut u32,
    ) -> CResult {
        let Some(ann) = ann else {
            return Ok(());
        };
        let m = self.mangle(name);
        self.load_const(Constant::Str(Rc::from(m.as_str())));
        if let Expr::Starred(s) = ann {
            self.visit_expr(&s.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: returns true when a tuple was pushed.
    fn visit_annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut count = 0;
        for a in args.args.iter().chain(&args.posonlyargs) {
            self.visit_argannotation(a.def.arg.as_str(), a.def.annotation.as_deref(), &mut count)?;
        }
        if let Some(v) = &args.vararg {
            self.visit_argannotation(v.arg.as_str(), v.annotation.as_deref(), &mut count)?;
        }
        for a in &args.kwonlyargs {
            self.visit_argannotation(a.def.arg.as_str(), a.def.annotation.as_deref(), &mut count)?;
        }
        if let Some(v) = &args.kwarg {
            self.visit_argannotation(v.arg.as_str(), v.annotation.as_deref(), &mut count)?;
        }
        self.visit_argannotation("return", returns, &mut count)?;
        if count > 0 {
            self.emit(Opcode::BUILD_TUPLE, count);
            return Ok(true);
        }
        Ok(false)
    }

    fn check_debug_args(&self, args: &ast::Arguments) -> CResult {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if a.def.arg.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", a.def.range));
            }
        }
        for a in args.vararg.iter().chain(args.kwarg.iter()) {
            if a.arg.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", a.range));
            }
        }
        Ok(())
    }

    pub(crate) fn compile_function(&mut self, f: FuncDef<'a>) -> CResult {
        self.check_debug_args(f.args)?;
        self.visit_exprs(f.decorators)?;
        let mut firstlineno = self.loc_of(f.range).line;
        if let Some(d) = f.decorators.first() {
            firstlineno = self.loc_of(d.range()).line;
        }
        let mut funcflags = self.default_arguments(f.args)?;
        if self.visit_annotations(f.args, f.returns)? {
            funcflags |= mkfn::ANNOTATIONS;
        }
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(f.name, scope_type, f.key, firstlineno)?;
        let doc = super::stmt::docstring(f.body);
        match doc {
            Some(d) => self.add_const(Constant::Str(Rc::from(d))),
            None => self.add_const(Constant::None),
        };
        self.u().argcount = f.args.args.len() as u32;
        self.u().posonlyargcount = f.args.posonlyargs.len() as u32;
        self.u().kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let start = usize::from(doc.is_some());
        let r = self.visit_stmts(&f.body[start..]);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let co = self.exit_scope(true);
        self.make_closure(co, funcflags)?;
        self.apply_decorators(f.decorators);
        self.set_loc(f.range);
        self.nameop(f.name, NameCtx::Store)
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.set_loc(d.range());
            self.emit(Opcode::PRECALL, 0);
            self.emit(Opcode::CALL, 0);
        }
    }

    pub(crate) fn compile_class(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        self.visit_exprs(&c.decorator_list)?;
        let mut firstlineno = self.loc_of(c.range).line;
        if let Some(d) = c.decorator_list.first() {
            firstlineno = self.loc_of(d.range()).line;
        }
        self.enter_scope(
            c.name.as_str(),
            ScopeType::Class,
            builder_key(c),
            firstlineno,
        )?;
        self.u().private = Some(c.name.to_string());
        let r = (|| -> CResult {
            self.nameop("__name__", NameCtx::Load)?;
            self.nameop("__module__", NameCtx::Store)?;
            let q = self.ur().qualname.clone();
            self.load_const(Constant::Str(Rc::from(q.as_str())));
            self.nameop("__qualname__", NameCtx::Store)?;
            self.compile_body(&c.body)?;
            self.unset_loc();
            let ste = self.ur().ste;
            if self.st.scopes[ste].needs_class_closure {
                let i = self.ur().cellvars.get("__class__").unwrap_or(0);
                self.emit(Opcode::LOAD_CLOSURE, i);
                self.emit(Opcode::COPY, 1);
                self.nameop("__classcell__", NameCtx::Store)?;
            } else {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
            Ok(())
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let co = self.exit_scope(true);
        self.set_loc(c.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(co, 0)?;
        self.load_const(Constant::Str(Rc::from(c.name.as_str())));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.set_loc(c.range);
        self.nameop(c.name.as_str(), NameCtx::Store)
    }

    pub(crate) fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        self.check_debug_args(&l.args)?;
        let funcflags = self.default_arguments(&l.args)?;
        let line = self.loc_of(l.range).line;
        self.enter_scope("<lambda>", ScopeType::Lambda, builder_key(l), line)?;
        self.add_const(Constant::None);
        self.u().argcount = l.args.args.len() as u32;
        self.u().posonlyargcount = l.args.posonlyargs.len() as u32;
        self.u().kwonlyargcount = l.args.kwonlyargs.len() as u32;
        if let Err(e) = self.visit_expr(&l.body) {
            self.units.pop();
            return Err(e);
        }
        let ste = self.ur().ste;
        let co = if self.st.scopes[ste].generator {
            self.exit_scope(false)
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
            self.exit_scope(true)
        };
        self.make_closure(co, funcflags)
    }

    fn comprehension_key(e: &'a Expr) -> usize {
        match e {
            Expr::ListComp(c) => builder_key(c),
            Expr::SetComp(c) => builder_key(c),
            Expr::DictComp(c) => builder_key(c),
            Expr::GeneratorExp(c) => builder_key(c),
            _ => 0,
        }
    }

    pub(crate) fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        ty: CompType,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        let Some(outermost) = generators.first() else {
            return Err(self.error_here("comprehension without generators"));
        };
        let outer_scope_type = self.ur().scope_type;
        let line = self.loc_of(e.range()).line;
        self.enter_scope(
            name,
            ScopeType::Comprehension,
            Self::comprehension_key(e),
            line,
        )?;
        self.set_loc(e.range());
        let r = (|| -> CResult {
            let ste = self.ur().ste;
            let is_async_generator = self.st.scopes[ste].coroutine;
            if is_async_generator
                && ty != CompType::Gen
                && outer_scope_type != ScopeType::AsyncFunction
                && outer_scope_type != ScopeType::Comprehension
            {
                return Err(self
                    .error_here("asynchronous comprehension outside of an asynchronous function"));
            }
            if is_async_generator {
                return Err(
                    self.error_here("minipy does not support asynchronous comprehensions yet")
                );
            }
            match ty {
                CompType::List => self.emit(Opcode::BUILD_LIST, 0),
                CompType::Set => self.emit(Opcode::BUILD_SET, 0),
                CompType::Dict => self.emit(Opcode::BUILD_MAP, 0),
                CompType::Gen => {}
            }
            self.comprehension_generator(generators, 0, 0, elt, val, ty)?;
            if ty != CompType::Gen {
                self.emit(Opcode::RETURN_VALUE, 0);
            }
            Ok(())
        })();
        if let Err(err) = r {
            self.units.pop();
            return Err(err);
        }
        let co = self.exit_scope(true);
        self.make_closure(co, 0)?;
        self.visit_iter_operand(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        self.emit(Opcode::PRECALL, 0);
        self.emit(Opcode::CALL, 0);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        ty: CompType,
    ) -> CResult {
        self.enter_recursion()?;
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            let elts = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0], Expr::Starred(_)) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_iter_operand(&gen.iter)?;
                self.emit(Opcode::GET_ITER, 0);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_next_block(st);
            self.emit_jump(Op::Real(Opcode::FOR_ITER), anchor);
            self.next_block();
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, ty)?;
        } else {
            match ty {
                CompType::Gen => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::YIELD_VALUE, 0);
                    self.emit(Opcode::RESUME, 1);
                    self.emit(Opcode::POP_TOP, 0);
                }
                CompType::List => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1);
                }
                CompType::Set => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1);
                }
                CompType::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = val {
                        self.visit_expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        self.use_next_block(if_cleanup);
        if let Some(st) = start {
            self.emit_jump(Op::Jump, st);
            self.use_next_block(anchor);
        }
        self.leave_recursion();
        Ok(())
    }
}
