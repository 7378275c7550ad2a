//! Building the symbol table by walking the AST (CPython's `symtable_visit_*`).

use rustpython_parser::ast::{self, Expr, Stmt};

use super::{flag, mangle, BlockType, CompKind, ScopeEntry, SymbolTable, SymtableError};

pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    st: SymbolTable,
    stack: Vec<usize>,
    private: Vec<Option<String>>,
    depth: usize,
}

type R = Result<(), SymtableError>;

fn err(msg: impl Into<String>, range: ast::text_size::TextRange) -> SymtableError {
    SymtableError {
        msg: msg.into(),
        start: range.start().into(),
        end: range.end().into(),
        recursion: false,
    }
}

/// Builds and analyses the symbol table of a module body or expression.
pub(crate) fn build(body: &[Stmt], expr: Option<&Expr>) -> Result<SymbolTable, SymtableError> {
    let mut b = Builder {
        st: SymbolTable::default(),
        stack: Vec::new(),
        private: vec![None],
        depth: 0,
    };
    b.st.scopes
        .push(ScopeEntry::new("top", BlockType::Module, false, 0));
    b.stack.push(0);
    for s in body {
        b.visit_stmt(s)?;
    }
    if let Some(e) = expr {
        b.visit_expr(e)?;
    }
    super::analyze::analyze(&mut b.st)?;
    Ok(b.st)
}

impl Builder {
    fn cur(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn cur_private(&self) -> Option<&str> {
        self.private.last().and_then(|p| p.as_deref())
    }

    fn enter(&mut self, name: &str, kind: BlockType, key: usize, offset: usize) {
        let parent = self.cur();
        let nested =
            self.st.scopes[parent].nested || self.st.scopes[parent].kind == BlockType::Function;
        let idx = self.st.scopes.len();
        self.st
            .scopes
            .push(ScopeEntry::new(name, kind, nested, offset));
        self.st.scopes[parent].children.push(idx);
        self.st.by_node.insert(key, idx);
        self.stack.push(idx);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def_in(
        &mut self,
        scope: usize,
        name: &str,
        mut fl: u32,
        range: ast::text_size::TextRange,
    ) -> R {
        let mangled = mangle(self.cur_private(), name);
        let entry = &mut self.st.scopes[scope];
        if fl & flag::PARAM == 0 && entry.comp_iter_target {
            fl |= flag::COMP_ITER;
        }
        let old = entry.flags(&mangled);
        if fl & flag::PARAM != 0 && old & flag::PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{mangled}' in function definition"),
                range,
            ));
        }
        if !entry.symbols.contains_key(&mangled) {
            entry.names.push(mangled.clone());
            entry.symbols.insert(
                mangled.clone(),
                super::Symbol {
                    flags: 0,
                    scope: super::Scope::Unknown,
                },
            );
        }
        if let Some(sym) = entry.symbols.get_mut(&mangled) {
            sym.flags |= fl;
        }
        if fl & flag::PARAM != 0 {
            entry.varnames.push(mangled.clone());
        } else if fl & flag::GLOBAL != 0 && scope != 0 {
            let top = &mut self.st.scopes[0];
            if !top.symbols.contains_key(&mangled) {
                top.names.push(mangled.clone());
                top.symbols.insert(
                    mangled.clone(),
                    super::Symbol {
                        flags: 0,
                        scope: super::Scope::Unknown,
                    },
                );
            }
            if let Some(sym) = top.symbols.get_mut(&mangled) {
                sym.flags |= fl;
            }
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, fl: u32, range: ast::text_size::TextRange) -> R {
        self.add_def_in(self.cur(), name, fl, range)
    }

    fn guard(&mut self) -> R {
        self.depth += 1;
        if self.depth > crate::MAX_DEPTH {
            return Err(SymtableError {
                msg: crate::errors::RECURSION_MSG.into(),
                start: 0,
                end: 0,
                recursion: true,
            });
        }
        Ok(())
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_arguments_defaults(&mut self, args: &ast::Arguments) -> R {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> R {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(an) = &a.def.annotation {
                self.visit_expr(an)?;
            }
        }
        for a in args.vararg.iter().chain(args.kwarg.iter()) {
            if let Some(an) = &a.annotation {
                self.visit_expr(an)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &ast::Arguments) -> R {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(a.def.arg.as_str(), flag::PARAM, a.def.range)?;
        }
        if let Some(v) = &args.vararg {
            self.add_def(v.arg.as_str(), flag::PARAM, v.range)?;
            let c = self.cur();
            self.st.scopes[c].varargs = true;
        }
        if let Some(v) = &args.kwarg {
            self.add_def(v.arg.as_str(), flag::PARAM, v.range)?;
            let c = self.cur();
            self.st.scopes[c].varkeywords = true;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_function(
        &mut self,
        key: usize,
        name: &str,
        args: &ast::Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: Option<&Expr>,
        range: ast::text_size::TextRange,
        is_async: bool,
    ) -> R {
        self.add_def(name, flag::LOCAL, range)?;
        self.visit_arguments_defaults(args)?;
        self.visit_annotations(args, returns)?;
        self.visit_exprs(decorators)?;
        self.enter(name, BlockType::Function, key, range.start().into());
        if is_async {
            let c = self.cur();
            self.st.scopes[c].coroutine = true;
        }
        self.private.push(self.cur_private().map(str::to_string));
        self.visit_params(args)?;
        self.visit_stmts(body)?;
        self.private.pop();
        self.exit();
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.guard()?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.visit_function(
                node_key(f),
                f.name.as_str(),
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                f.range,
                false,
            ),
            Stmt::AsyncFunctionDef(f) => self.visit_function(
                node_key(f),
                f.name.as_str(),
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                f.range,
                true,
            ),
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), flag::LOCAL, c.range)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter(
                    c.name.as_str(),
                    BlockType::Class,
                    node_key(c),
                    c.range.start().into(),
                );
                self.private.push(Some(c.name.to_string()));
                self.visit_stmts(&c.body)?;
                self.private.pop();
                self.exit();
                Ok(())
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                    let c = self.cur();
                    self.st.scopes[c].returns_value = true;
                }
                Ok(())
            }
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::TypeAlias(t) => Err(err("type alias statements are not supported", t.range)),
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.cur();
                    let old = self.st.scopes[cur].flags(&mangle(self.cur_private(), n.id.as_str()));
                    if old & (flag::GLOBAL | flag::NONLOCAL) != 0 && cur != 0 && a.simple {
                        let msg = if old & flag::GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        };
                        return Err(err(msg, n.range));
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), flag::ANNOT | flag::LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), flag::LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
                Ok(())
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)
            }
            Stmt::AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_stmts(&w.body)?;
                self.visit_stmts(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_stmts(&i.body)?;
                self.visit_stmts(&i.orelse)
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(&w.body)
            }
            Stmt::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(&w.body)
            }
            Stmt::Match(m) => Err(err("minipy does not support match statements yet", m.range)),
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(e) = &r.cause {
                    self.visit_expr(e)?;
                }
                Ok(())
            }
            Stmt::Try(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            Stmt::TryStar(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
                Ok(())
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
                Ok(())
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let cur = self.cur();
                    let m = mangle(self.cur_private(), name.as_str());
                    let old = self.st.scopes[cur].flags(&m);
                    if old & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if old & flag::PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if old & flag::USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if old & flag::ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(err(msg, g.range));
                    }
                    self.add_def(name.as_str(), flag::GLOBAL, g.range)?;
                    self.st.scopes[cur]
                        .directives
                        .entry(m)
                        .or_insert((g.range.start().into(), g.range.end().into()));
                }
                Ok(())
            }
            Stmt::Nonlocal(g) => {
                for name in &g.names {
                    let cur = self.cur();
                    let m = mangle(self.cur_private(), name.as_str());
                    let old = self.st.scopes[cur].flags(&m);
                    if old & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if old & flag::PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if old & flag::USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if old & flag::ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, g.range));
                    }
                    if cur == 0 {
                        return Err(err(
                            "nonlocal declaration not allowed at module level",
                            g.range,
                        ));
                    }
                    self.add_def(name.as_str(), flag::NONLOCAL, g.range)?;
                    self.st.scopes[cur]
                        .directives
                        .entry(m)
                        .or_insert((g.range.start().into(), g.range.end().into()));
                }
                Ok(())
            }
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
        }
    }

    fn visit_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> R {
        self.visit_stmts(body)?;
        self.visit_stmts(orelse)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add_def(n.as_str(), flag::LOCAL, h.range)?;
            }
            self.visit_stmts(&h.body)?;
        }
        self.visit_stmts(finalbody)
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let name = a.name.as_str();
        let store = match &a.asname {
            Some(n) => n.to_string(),
            None => name.split('.').next().unwrap_or(name).to_string(),
        };
        if name == "*" {
            if self.st.scopes[self.cur()].kind != BlockType::Module {
                return Err(err("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        self.add_def(&store, flag::IMPORT, a.range)
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.guard()?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::NamedExpr(n) => {
                let cur = self.cur();
                if self.st.scopes[cur].comp_iter_expr > 0 {
                    return Err(err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if self.st.scopes[cur].comprehension != CompKind::None {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.visit_expr(&n.value)?;
                self.visit_expr(&n.target)
            }
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => {
                self.visit_arguments_defaults(&l.args)?;
                self.enter(
                    "lambda",
                    BlockType::Function,
                    node_key(l),
                    l.range.start().into(),
                );
                self.private.push(self.cur_private().map(str::to_string));
                self.visit_params(&l.args)?;
                self.visit_expr(&l.body)?;
                self.private.pop();
                self.exit();
                Ok(())
            }
            Expr::IfExp(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(v)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => self.visit_comprehension(
                node_key(c),
                "listcomp",
                CompKind::List,
                &c.generators,
                &c.elt,
                None,
                c.range,
            ),
            Expr::SetComp(c) => self.visit_comprehension(
                node_key(c),
                "setcomp",
                CompKind::Set,
                &c.generators,
                &c.elt,
                None,
                c.range,
            ),
            Expr::DictComp(c) => self.visit_comprehension(
                node_key(c),
                "dictcomp",
                CompKind::Dict,
                &c.generators,
                &c.key,
                Some(&c.value),
                c.range,
            ),
            Expr::GeneratorExp(c) => self.visit_comprehension(
                node_key(c),
                "genexpr",
                CompKind::Generator,
                &c.generators,
                &c.elt,
                None,
                c.range,
            ),
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                let c = self.cur();
                self.st.scopes[c].coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(y.range)
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.mark_generator(y.range)
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.args)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                Ok(())
            }
            Expr::FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.visit_expr(s)?;
                }
                Ok(())
            }
            Expr::JoinedStr(j) => self.visit_exprs(&j.values),
            Expr::Constant(_) => Ok(()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(p)?;
                }
                Ok(())
            }
            Expr::Name(n) => {
                let fl = if matches!(n.ctx, ast::ExprContext::Load) {
                    flag::USE
                } else {
                    flag::LOCAL
                };
                self.add_def(n.id.as_str(), fl, n.range)?;
                let cur = self.cur();
                if matches!(n.ctx, ast::ExprContext::Load)
                    && self.st.scopes[cur].kind == BlockType::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", flag::USE, n.range)?;
                }
                Ok(())
            }
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
        }
    }

    fn mark_generator(&mut self, range: ast::text_size::TextRange) -> R {
        let c = self.cur();
        self.st.scopes[c].generator = true;
        let kind = self.st.scopes[c].comprehension;
        let what = match kind {
            CompKind::None => return Ok(()),
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        };
        Err(err(format!("'yield' inside {what}"), range))
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let Expr::Name(n) = target else {
            return Ok(());
        };
        let name = n.id.as_str();
        for i in (0..self.stack.len()).rev() {
            let sc = self.stack[i];
            let entry = &self.st.scopes[sc];
            if entry.comprehension != CompKind::None {
                if entry.flags(name) & flag::COMP_ITER != 0 {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        n.range,
                    ));
                }
                continue;
            }
            match entry.kind {
                BlockType::Function => {
                    let cur = self.cur();
                    if entry.flags(name) & flag::GLOBAL != 0 {
                        self.add_def(name, flag::GLOBAL, n.range)?;
                    } else {
                        self.add_def(name, flag::NONLOCAL, n.range)?;
                    }
                    self.st.scopes[cur]
                        .directives
                        .entry(name.to_string())
                        .or_insert((n.range.start().into(), n.range.end().into()));
                    return self.add_def_in(sc, name, flag::LOCAL, n.range);
                }
                BlockType::Module => {
                    let cur = self.cur();
                    self.add_def(name, flag::GLOBAL, n.range)?;
                    self.st.scopes[cur]
                        .directives
                        .entry(name.to_string())
                        .or_insert((n.range.start().into(), n.range.end().into()));
                    return self.add_def_in(sc, name, flag::GLOBAL, n.range);
                }
                BlockType::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_comprehension(
        &mut self,
        key: usize,
        name: &str,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        range: ast::text_size::TextRange,
    ) -> R {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        let cur = self.cur();
        self.st.scopes[cur].comp_iter_expr += 1;
        let r = self.visit_expr(&first.iter);
        self.st.scopes[cur].comp_iter_expr -= 1;
        r?;
        self.enter(name, BlockType::Function, key, range.start().into());
        let c = self.cur();
        self.st.scopes[c].comprehension = kind;
        if first.is_async {
            self.st.scopes[c].coroutine = true;
        }
        self.add_def(".0", flag::PARAM, range)?;
        self.st.scopes[c].comp_iter_target = true;
        self.visit_expr(&first.target)?;
        self.st.scopes[c].comp_iter_target = false;
        self.visit_exprs(&first.ifs)?;
        for g in &generators[1..] {
            self.st.scopes[c].comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.st.scopes[c].comp_iter_target = false;
            self.st.scopes[c].comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.st.scopes[c].comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.st.scopes[c].coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        if kind == CompKind::Generator {
            self.st.scopes[c].generator = true;
        }
        self.exit();
        Ok(())
    }
}
