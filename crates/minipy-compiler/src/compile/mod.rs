//! The code generator (CPython 3.11's `Python/compile.c`): walks the AST
//! unit by unit, emitting instructions into a CFG that the assembler turns
//! into code objects.

mod call;
mod control;
mod expr;
mod function;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use minipy_bytecode::code::flags as coflags;
use minipy_bytecode::{CodeObject, Constant, Opcode};
use rustpython_parser::ast::{self, text_size::TextRange};

use crate::errors::CompileError;
use crate::flowgraph::assemble::{assemble, UnitInfo};
use crate::flowgraph::{BlockId, Cfg, ConstPool, Loc, Op, NO_BLOCK};
use crate::source::LineIndex;
use crate::symtable::{mangle, BlockType, Scope, SymbolTable};

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// Keep expressions on the stack below this many items (CPython's `STACK_USE_GUIDELINE`).
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

impl From<&ast::ExprContext> for NameCtx {
    fn from(c: &ast::ExprContext) -> Self {
        match c {
            ast::ExprContext::Load => NameCtx::Load,
            ast::ExprContext::Store => NameCtx::Store,
            ast::ExprContext::Del => NameCtx::Del,
        }
    }
}

/// An insertion-ordered set of names (CPython's name→index dicts).
#[derive(Default, Clone, Debug)]
pub(crate) struct NameSet {
    pub list: Vec<Rc<str>>,
    map: HashMap<Rc<str>, u32>,
}

impl NameSet {
    pub(crate) fn from_vec(v: Vec<String>) -> Self {
        let mut s = NameSet::default();
        for n in v {
            s.add(&n);
        }
        s
    }

    pub(crate) fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.list.len() as u32;
        self.list.push(rc.clone());
        self.map.insert(rc, i);
        i
    }

    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }
}

/// Kinds of frame blocks (`enum fblocktype`).
#[derive(Clone, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [ast::Stmt]),
    FinallyEnd,
    With(TextRange),
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    pub block: BlockId,
    pub exit: BlockId,
}

/// One code object being compiled (`struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub ste: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub cfg: Cfg,
    pub consts: ConstPool,
    pub names: NameSet,
    pub varnames: NameSet,
    pub cellvars: NameSet,
    pub freevars: NameSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub loc: Loc,
    pub private: Option<String>,
    pub fblocks: Vec<FBlock<'a>>,
}

pub(crate) struct Compiler<'a> {
    pub index: LineIndex<'a>,
    pub filename: Rc<str>,
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    pub depth: usize,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(index: LineIndex<'a>, filename: &str, st: SymbolTable) -> Self {
        Compiler {
            index,
            filename: Rc::from(filename),
            st,
            units: Vec::new(),
            interactive: false,
            depth: 0,
        }
    }

    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub(crate) fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn ste_kind(&self) -> BlockType {
        self.st.scopes[self.ur().ste].kind
    }

    // ----- errors and recursion -----

    pub(crate) fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::at(
            "SyntaxError",
            msg,
            &self.filename,
            &self.index,
            range.start().into(),
            range.end().into(),
        )
    }

    /// Error at the current location (as `compiler_error`).
    pub(crate) fn error_here(&self, msg: impl Into<String>) -> CompileError {
        let loc = self.ur().loc;
        let line = loc.line.max(1) as u32;
        let text = self.index.line_text(line);
        let offset = if loc.col >= 0 {
            self.index.char_col(line, loc.col as u32)
        } else {
            1
        };
        let end_line = loc.end_line.max(loc.line).max(1) as u32;
        let end_offset = if loc.end_col >= 0 {
            self.index.char_col(end_line, loc.end_col as u32)
        } else {
            offset
        };
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: line,
            offset,
            end_lineno: end_line,
            end_offset,
            text,
        }
    }

    pub(crate) fn enter_recursion(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > crate::MAX_DEPTH {
            return Err(CompileError::recursion(&self.filename));
        }
        Ok(())
    }

    pub(crate) fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    // ----- locations -----

    pub(crate) fn loc_of(&self, range: TextRange) -> Loc {
        if u32::from(range.start()) == u32::MAX {
            return Loc::NONE;
        }
        let (l, el, c, ec) = self.index.range(range);
        Loc {
            line: l as i32,
            end_line: el as i32,
            col: c as i32,
            end_col: ec as i32,
        }
    }

    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let l = self.loc_of(range);
        self.u().loc = l;
    }

    pub(crate) fn unset_loc(&mut self) {
        self.u().loc = Loc::NONE;
    }

    // ----- emission -----

    pub(crate) fn emit_full(&mut self, op: Op, arg: u32, target: BlockId) {
        let loc = self.ur().loc;
        self.u().cfg.add(op, arg, target, loc);
    }

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        self.emit_full(Op::Real(op), arg, NO_BLOCK);
    }

    pub(crate) fn emit_noloc(&mut self, op: Op, arg: u32, target: BlockId) {
        self.u().cfg.add(op, arg, target, Loc::NONE);
    }

    pub(crate) fn emit_jump(&mut self, op: Op, target: BlockId) {
        self.emit_full(op, 0, target);
    }

    pub(crate) fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    pub(crate) fn use_next_block(&mut self, b: BlockId) {
        self.u().cfg.use_next_block(b);
    }

    /// `NEXT_BLOCK`: start a fresh fall-through block.
    pub(crate) fn next_block(&mut self) {
        let b = self.new_block();
        self.use_next_block(b);
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        self.u().consts.add(c)
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.ur().private.as_deref(), name)
    }

    /// `ADDOP_NAME`: a mangled name in `co_names`.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str) {
        let m = self.mangle(name);
        let i = self.u().names.add(&m);
        self.emit(op, i);
    }

    /// `ADDOP_N` with `names`: unmangled.
    pub(crate) fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.add(name);
        self.emit(op, i);
    }

    // ----- names -----

    pub(crate) fn nameop(&mut self, name: &str, ctx: NameCtx) -> CResult {
        if ctx == NameCtx::Store && name == "__debug__" {
            return Err(self.error_here("cannot assign to __debug__"));
        }
        if ctx == NameCtx::Del && name == "__debug__" {
            return Err(self.error_here("cannot delete __debug__"));
        }
        let mangled = self.mangle(name);
        let ste = self.ur().ste;
        let scope = self.st.scopes[ste].scope(&mangled);
        let is_function = self.st.scopes[ste].kind == BlockType::Function;
        let is_class = self.st.scopes[ste].kind == BlockType::Class;
        enum Kind {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let kind = match scope {
            Scope::Free => {
                let ncell = self.ur().cellvars.len() as u32;
                let i = self.u().freevars.add(&mangled);
                Kind::Deref(ncell + i)
            }
            Scope::Cell => {
                let i = self.u().cellvars.add(&mangled);
                Kind::Deref(i)
            }
            Scope::Local if is_function => Kind::Fast,
            Scope::GlobalImplicit if is_function => Kind::Global,
            Scope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let i = self.u().varnames.add(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, i);
            }
            Kind::Deref(i) => {
                let op = match ctx {
                    NameCtx::Load => {
                        if is_class {
                            Opcode::LOAD_CLASSDEREF
                        } else {
                            Opcode::LOAD_DEREF
                        }
                    }
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    NameCtx::Store => self.emit(Opcode::STORE_GLOBAL, i),
                    NameCtx::Del => self.emit(Opcode::DELETE_GLOBAL, i),
                }
            }
            Kind::Name => {
                let i = self.u().names.add(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    // ----- scopes -----

    pub(crate) fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        firstlineno: i32,
    ) -> CResult {
        let ste = match scope_type {
            ScopeType::Module => 0,
            _ => match self.st.lookup(key) {
                Some(s) => s,
                None => return Err(self.error_here("internal error: unknown scope")),
            },
        };
        let entry = &self.st.scopes[ste];
        let varnames = NameSet::from_vec(entry.varnames.clone());
        let mut cellvars = NameSet::from_vec(entry.sorted_names(Scope::Cell, 0));
        if entry.needs_class_closure {
            cellvars = NameSet::default();
            cellvars.add("__class__");
        }
        let freevars =
            NameSet::from_vec(entry.sorted_names(Scope::Free, crate::symtable::flag::FREE_CLASS));
        let private = self.units.last().and_then(|u| u.private.clone());
        let unit = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            cfg: Cfg::new(),
            consts: ConstPool::default(),
            names: NameSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            loc: Loc {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            },
            private,
            fblocks: Vec::new(),
        };
        self.units.push(unit);
        if scope_type == ScopeType::Module {
            self.u().loc.line = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Opcode::RESUME, 0);
        Ok(())
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n <= 2 {
            return;
        }
        let parent = &self.units[n - 2];
        let u = &self.units[n - 1];
        let mut force_global = false;
        if matches!(
            u.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &u.name);
            if self.st.scopes[parent.ste].scope(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        if force_global {
            return;
        }
        let base = if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        let q = format!("{}.{}", base, u.name);
        self.units[n - 1].qualname = q;
    }

    fn code_flags(&self) -> u32 {
        let ste = &self.st.scopes[self.ur().ste];
        let mut flags = 0;
        if ste.kind == BlockType::Function {
            flags |= coflags::NEWLOCALS | coflags::OPTIMIZED;
            if ste.nested {
                flags |= coflags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= coflags::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= coflags::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= coflags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= coflags::VARARGS;
            }
            if ste.varkeywords {
                flags |= coflags::VARKEYWORDS;
            }
        }
        flags
    }

    /// Assembles the current unit (`assemble(c, addNone)`) and pops it.
    pub(crate) fn exit_scope(&mut self, add_none: bool) -> Rc<CodeObject> {
        let returns = {
            let u = self.ur();
            let cur = u.cfg.current;
            u.cfg.blocks[cur]
                .instrs
                .last()
                .map(|i| i.op == Op::Real(Opcode::RETURN_VALUE))
                .unwrap_or(false)
        };
        if !returns {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let flags = self.code_flags();
        let unit = match self.units.pop() {
            Some(u) => u,
            None => return Rc::new(CodeObject::default()),
        };
        let info = UnitInfo {
            name: Rc::from(unit.name.as_str()),
            qualname: Rc::from(unit.qualname.as_str()),
            filename: self.filename.clone(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount + unit.posonlyargcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags,
            consts: unit.consts,
            names: unit.names.list,
            varnames: unit.varnames.list,
            cellvars: unit.cellvars.list,
            freevars: unit.freevars.list,
        };
        Rc::new(assemble(unit.cfg, info))
    }

    // ----- frame blocks -----

    pub(crate) fn push_fblock(
        &mut self,
        kind: FBlockKind<'a>,
        block: BlockId,
        exit: BlockId,
    ) -> CResult {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.error_here("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_mod`: the top-level code object.
    pub(crate) fn compile_module(
        &mut self,
        body: &'a [ast::Stmt],
        expr: Option<&'a ast::Expr>,
        mode: crate::Mode,
    ) -> CResult<Rc<CodeObject>> {
        self.enter_scope("<module>", ScopeType::Module, 0, 1)?;
        let add_none = match mode {
            crate::Mode::Exec => {
                self.compile_body(body)?;
                true
            }
            crate::Mode::Single => {
                self.interactive = true;
                self.visit_stmts(body)?;
                true
            }
            crate::Mode::Eval => {
                if let Some(e) = expr {
                    self.visit_expr(e)?;
                }
                false
            }
        };
        Ok(self.exit_scope(add_none))
    }
}
