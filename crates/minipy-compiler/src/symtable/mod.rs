//! The symbol table (CPython's `Python/symtable.c`): one scope per module,
//! class, function, lambda and comprehension, and the analysis that decides
//! whether each name is local, global, a cell or a free variable.

mod analyze;
mod builder;

use std::collections::HashMap;

pub(crate) use builder::build;

/// Symbol flags (`DEF_*` in CPython).
pub(crate) mod flag {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE: u32 = 32;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Resolved scope of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockType {
    Module,
    Class,
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    None,
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub(crate) struct ScopeEntry {
    #[allow(dead_code)]
    pub name: String,
    pub kind: BlockType,
    /// Symbols in insertion order.
    pub names: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters in order.
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    /// Byte offset of the `global`/`nonlocal` directives, for errors.
    pub directives: HashMap<String, (usize, usize)>,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: CompKind,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    pub lineno_offset: usize,
}

impl ScopeEntry {
    pub(crate) fn new(name: &str, kind: BlockType, nested: bool, offset: usize) -> Self {
        ScopeEntry {
            name: name.to_string(),
            kind,
            names: Vec::new(),
            symbols: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: HashMap::new(),
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: CompKind::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            lineno_offset: offset,
        }
    }

    pub(crate) fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }

    pub(crate) fn scope(&self, name: &str) -> Scope {
        self.symbols
            .get(name)
            .map(|s| s.scope)
            .unwrap_or(Scope::Unknown)
    }

    /// Names whose scope is `want` (or that carry `extra_flag`), sorted.
    pub(crate) fn sorted_names(&self, want: Scope, extra_flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .names
            .iter()
            .filter(|n| {
                let s = &self.symbols[*n];
                s.scope == want || (extra_flag != 0 && s.flags & extra_flag != 0)
            })
            .cloned()
            .collect();
        v.sort();
        v
    }
}

/// All scopes of a module; scope 0 is the module.
#[derive(Debug, Default)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<ScopeEntry>,
    /// AST node address -> scope index.
    pub by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub(crate) fn lookup(&self, key: usize) -> Option<usize> {
        self.by_node.get(&key).copied()
    }
}

/// A symbol-table error: message and the byte span it points at.
#[derive(Debug)]
pub(crate) struct SymtableError {
    pub msg: String,
    pub start: usize,
    pub end: usize,
    pub recursion: bool,
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return name.to_string();
    }
    format!("_{p}{name}")
}

/// The key under which the symbol table stores the scope of an AST node.
pub(crate) fn builder_key<T>(node: &T) -> usize {
    builder::node_key(node)
}
