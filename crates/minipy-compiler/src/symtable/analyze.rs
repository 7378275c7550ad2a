//! Scope analysis (`analyze_block` and friends in CPython's symtable.c).

use std::collections::HashSet;

use super::{flag, BlockType, Scope, SymbolTable, SymtableError};

type NameSet = HashSet<String>;

fn err_at(st: &SymbolTable, scope: usize, name: &str, msg: String) -> SymtableError {
    let (start, end) = st.scopes[scope].directives.get(name).copied().unwrap_or((
        st.scopes[scope].lineno_offset,
        st.scopes[scope].lineno_offset,
    ));
    SymtableError {
        msg,
        start,
        end,
        recursion: false,
    }
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    st: &mut SymbolTable,
    scope: usize,
    scopes: &mut Vec<(String, Scope)>,
    name: &str,
    flags: u32,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), SymtableError> {
    if flags & flag::GLOBAL != 0 {
        if flags & flag::NONLOCAL != 0 {
            return Err(err_at(
                st,
                scope,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        scopes.push((name.to_string(), Scope::GlobalExplicit));
        global.insert(name.to_string());
        return Ok(());
    }
    if flags & flag::NONLOCAL != 0 {
        match bound {
            None => {
                return Err(err_at(
                    st,
                    scope,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                ))
            }
            Some(b) if !b.contains(name) => {
                return Err(err_at(
                    st,
                    scope,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ))
            }
            _ => {}
        }
        scopes.push((name.to_string(), Scope::Free));
        st.scopes[scope].free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & flag::BOUND != 0 {
        scopes.push((name.to_string(), Scope::Local));
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if let Some(b) = bound {
        if b.contains(name) {
            scopes.push((name.to_string(), Scope::Free));
            st.scopes[scope].free = true;
            free.insert(name.to_string());
            return Ok(());
        }
    }
    if global.contains(name) {
        scopes.push((name.to_string(), Scope::GlobalImplicit));
        return Ok(());
    }
    if st.scopes[scope].nested {
        st.scopes[scope].free = true;
    }
    scopes.push((name.to_string(), Scope::GlobalImplicit));
    Ok(())
}

pub(crate) fn analyze(st: &mut SymbolTable) -> Result<(), SymtableError> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    analyze_block(st, 0, None, &mut free, &mut global, 0)
}

fn analyze_block(
    st: &mut SymbolTable,
    scope: usize,
    bound: Option<&NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    depth: usize,
) -> Result<(), SymtableError> {
    if depth > crate::MAX_DEPTH {
        return Err(SymtableError {
            msg: crate::errors::RECURSION_MSG.into(),
            start: 0,
            end: 0,
            recursion: true,
        });
    }
    let kind = st.scopes[scope].kind;
    let mut local = NameSet::new();
    let mut scopes: Vec<(String, Scope)> = Vec::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    // A mutable copy of `bound` for discards done by GLOBAL declarations.
    let mut bound_copy: Option<NameSet> = bound.cloned();
    let names = st.scopes[scope].names.clone();
    for name in &names {
        let flags = st.scopes[scope].symbols[name].flags;
        analyze_name(
            st,
            scope,
            &mut scopes,
            name,
            flags,
            bound_copy.as_ref(),
            &mut local,
            free,
            global,
        )?;
        if flags & flag::GLOBAL != 0 {
            if let Some(b) = bound_copy.as_mut() {
                b.remove(name);
            }
        }
    }
    if kind != BlockType::Class {
        if kind == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = NameSet::new();
    let children = st.scopes[scope].children.clone();
    for child in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        let _ = &mut temp_bound;
        analyze_block(
            st,
            child,
            Some(&temp_bound),
            &mut temp_free,
            &mut temp_global,
            depth + 1,
        )?;
        allfree.extend(temp_free);
        if st.scopes[child].free || st.scopes[child].child_free {
            st.scopes[scope].child_free = true;
        }
    }
    newfree.extend(allfree);
    // Apply the scopes.
    for (name, sc) in &scopes {
        if let Some(sym) = st.scopes[scope].symbols.get_mut(name) {
            sym.scope = *sc;
        }
    }
    if kind == BlockType::Function {
        // analyze_cells
        for (name, sc) in &scopes {
            if *sc == Scope::Local && newfree.contains(name) {
                if let Some(sym) = st.scopes[scope].symbols.get_mut(name) {
                    sym.scope = Scope::Cell;
                }
                newfree.remove(name);
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        st.scopes[scope].needs_class_closure = true;
    }
    // update_symbols: record free names from children.
    let class_flag = kind == BlockType::Class;
    let mut sorted_free: Vec<&String> = newfree.iter().collect();
    sorted_free.sort();
    for name in sorted_free {
        let entry = &mut st.scopes[scope];
        if let Some(sym) = entry.symbols.get_mut(name) {
            if class_flag && sym.flags & (flag::BOUND | flag::GLOBAL) != 0 {
                sym.flags |= flag::FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = &bound_copy {
            if !b.contains(name) {
                continue;
            }
        } else {
            continue;
        }
        entry.names.push(name.clone());
        entry.symbols.insert(
            name.clone(),
            super::Symbol {
                flags: flag::FREE,
                scope: Scope::Free,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}
