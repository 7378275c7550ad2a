//! minipy's compiler: Python source → CPython 3.11 code objects.
//!
//! The pipeline follows CPython: parse (rustpython-parser) → AST constant
//! folding ([`fold`], `Python/ast_opt.c`) → symbol table ([`symtable`],
//! `Python/symtable.c`) → code generation into a control-flow graph
//! ([`compile`], `Python/compile.c`) → assembly of code objects with 3.11's
//! inline caches, location table and exception table ([`flowgraph`]).
#![forbid(unsafe_code)]

#[doc(hidden)]
pub mod anchors;
mod compile;
pub mod decode;
pub mod dump;
mod errors;
mod flowgraph;
mod fold;
mod numbers;
mod source;
mod symtable;
mod tokens;

use std::rc::Rc;

use minipy_bytecode::CodeObject;
use rustpython_parser::ast;

pub use errors::CompileError;

/// Maximum nesting of AST nodes the compiler's recursive passes accept.
pub(crate) const MAX_DEPTH: usize = 3000;

/// What the source is (`compile()`'s mode argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// One interactive statement; expression values are printed (`PRINT_EXPR`).
    Single,
}

/// Compiles Python source to a module/expression code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, CompileError> {
    let mut index = source::LineIndex::new(source);
    if let Some(b) = source::scan_brackets(source) {
        if b.msg == "too many nested parentheses" {
            return Err(CompileError::at(
                "SyntaxError",
                b.msg,
                filename,
                &index,
                b.offset,
                b.end,
            ));
        }
    }
    let pmode = match mode {
        Mode::Exec => rustpython_parser::Mode::Module,
        Mode::Eval => rustpython_parser::Mode::Expression,
        Mode::Single => rustpython_parser::Mode::Interactive,
    };
    let rewritten;
    let source = match tokens::prepass(source, pmode) {
        tokens::Prepass::Unchanged => source,
        tokens::Prepass::Rewritten(s) => {
            rewritten = s;
            if rewritten.len() != source.len() {
                // An identifier grew under NFKC: offsets follow the copy.
                index = source::LineIndex::new(&rewritten);
            }
            rewritten.as_str()
        }
        tokens::Prepass::TooDeep(line_start) => {
            // CPython's tokenizer error: column 1, an empty span before it.
            let (line, _) = index.position(line_start);
            return Err(CompileError {
                kind: "IndentationError",
                msg: "too many levels of indentation".into(),
                filename: filename.to_string(),
                lineno: line,
                offset: 1,
                end_lineno: line,
                end_offset: 0,
                text: index.line_text(line),
            });
        }
    };
    let mut module = match rustpython_parser::parse(source, pmode, filename) {
        Ok(m) => m,
        Err(e) => return Err(errors::from_parse_error(&e, source, filename, &index)),
    };
    match fold::fold_mod(&mut module, source) {
        Ok(()) => {}
        Err(fold::FoldError::TooDeep) => return Err(CompileError::recursion(filename)),
        Err(fold::FoldError::Syntax(msg, r)) => {
            return Err(CompileError::at(
                "SyntaxError",
                msg,
                filename,
                &index,
                r.start().into(),
                r.end().into(),
            ))
        }
    }
    let (body, expr): (&[ast::Stmt], Option<&ast::Expr>) = match &module {
        ast::Mod::Module(m) => (&m.body, None),
        ast::Mod::Interactive(m) => (&m.body, None),
        ast::Mod::Expression(e) => (&[], Some(&e.body)),
        ast::Mod::FunctionType(_) => (&[], None),
    };
    let st = match symtable::build(body, expr) {
        Ok(st) => st,
        Err(e) => {
            if e.recursion {
                return Err(CompileError::recursion(filename));
            }
            return Err(CompileError::at(
                "SyntaxError",
                e.msg,
                filename,
                &index,
                e.start,
                e.end,
            ));
        }
    };
    let mut c = compile::Compiler::new(index, filename, st);
    c.compile_module(body, expr, mode)
}

#[cfg(test)]
mod tests;
