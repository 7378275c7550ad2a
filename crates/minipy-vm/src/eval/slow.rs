//! The evaluation loop's slow paths, one named function per instruction
//! that needs more than a few lines (Lua's `luaV_finishget` style).

use std::cell::RefCell;

use minipy_bytecode::opcode::{fvc, mkfn, nb};

use crate::eval::Raised;
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, Function};
use crate::vm::Vm;

/// Sets `__context__` of a freshly raised exception to the exception being
/// handled, as CPython's `_PyErr_SetObject` does (breaking cycles).
pub fn on_new_exception(vm: &Vm, exc: &PyRef) {
    let Some(e) = exc.as_exception() else { return };
    if !e.traceback.borrow().is_empty() {
        return;
    }
    set_context(vm, exc);
}

pub fn set_context(vm: &Vm, exc: &PyRef) {
    let Some(e) = exc.as_exception() else { return };
    let Some(handled) = vm.handled_exception() else {
        return;
    };
    if handled.is(exc) {
        return;
    }
    // Break a cycle exc -> ... -> handled -> ... -> exc.
    let mut o = handled.clone();
    loop {
        let next = match o.as_exception() {
            Some(oe) => oe.context.borrow().clone(),
            None => None,
        };
        match next {
            Some(n) if n.is(exc) => {
                if let Some(oe) = o.as_exception() {
                    let old = oe.context.replace(None);
                    drop(old);
                }
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    let old = e.context.replace(Some(handled));
    drop(old);
}

pub fn unbound_local(vm: &Vm, f: &Frame, idx: u32) -> PyRef {
    let name = f
        .code
        .localsplusnames
        .get(idx as usize)
        .and_then(|n| n.as_str())
        .unwrap_or("?");
    vm.new_error(
        &vm.exc.unbound_local_error,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name
        ),
    )
}

pub fn name_error(vm: &Vm, name: &PyRef) -> PyRef {
    let e = vm.name_error(format!(
        "name '{}' is not defined",
        name.as_str().unwrap_or("?")
    ));
    if let Some(d) = vm.instance_dict(&e) {
        dict::set_str(vm, &d, vm.intern("name"), name.clone());
    }
    e
}

/// Machine-int fast path of `BINARY_OP`; None when it must go the long way.
#[inline(always)]
pub fn int_fast(vm: &Vm, x: i64, y: i64, op: u32) -> Option<PyRef> {
    let op = if op >= nb::INPLACE_OFFSET {
        op - nb::INPLACE_OFFSET
    } else {
        op
    };
    let r = match op {
        nb::ADD => x.checked_add(y)?,
        nb::SUBTRACT => x.checked_sub(y)?,
        nb::MULTIPLY => x.checked_mul(y)?,
        nb::AND => x & y,
        nb::OR => x | y,
        nb::XOR => x ^ y,
        nb::FLOOR_DIVIDE if y != 0 => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        nb::REMAINDER if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        _ => return None,
    };
    Some(vm.new_int(r))
}

pub fn load_global(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(v) = dict::get_str(vm, &f.globals, name) {
        return Ok(v);
    }
    let b = match &f.builtins.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => f.builtins.clone(),
    };
    if let Some(v) = dict::get_str(vm, &b, name) {
        return Ok(v);
    }
    Err(name_error(vm, name))
}

pub fn load_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult {
    if let Some(l) = &f.locals {
        if matches!(l.payload, Payload::Dict(_)) && l.class().is(&vm.types.dict) {
            if let Some(v) = dict::get_str(vm, l, name) {
                return Ok(v);
            }
        } else {
            match vm.getitem(l, name) {
                Ok(v) => return Ok(v),
                Err(e) if vm.exc_matches(&e, &vm.exc.key_error) => {}
                Err(e) => return Err(e),
            }
        }
    }
    load_global(vm, f, name)
}

pub fn store_name(vm: &Vm, f: &Frame, name: &PyRef, v: PyRef) -> PyResult<()> {
    match &f.locals {
        Some(l) if l.class().is(&vm.types.dict) => {
            dict::set_str(vm, l, name.clone(), v);
            Ok(())
        }
        Some(l) => vm.setitem(l, name, v),
        None => Err(vm.new_error(
            &vm.exc.system_error,
            "no locals when storing name".to_string(),
        )),
    }
}

pub fn delete_name(vm: &Vm, f: &Frame, name: &PyRef) -> PyResult<()> {
    if let Some(l) = &f.locals {
        if dict::del_item(vm, l, name)?.is_some() {
            return Ok(());
        }
    }
    Err(name_error(vm, name))
}

/// `CALL argc`: `[NULL|method, callable|self, args...] -- result`.
pub fn call(vm: &Vm, f: &mut Frame, argc: usize) -> Result<(), Raised> {
    let kwnames = f.kwnames.take();
    let len = f.stack.len();
    if len < argc + 2 {
        return Err(Raised::from(vm.new_error(
            &vm.exc.system_error,
            "bad bytecode: stack underflow in CALL".into(),
        )));
    }
    let base = len - argc - 2;
    let is_meth = !f.stack[base].is_null();
    let (callable, start) = if is_meth {
        (f.stack[base].clone(), base + 1)
    } else {
        (f.stack[base + 1].clone(), base + 2)
    };
    let kwn: &[PyRef] = match &kwnames {
        Some(k) => k.as_tuple().unwrap_or(&[]),
        None => &[],
    };
    if argc == 0 && kwn.is_empty() && callable.is(&vm.types.super_) {
        let r = zero_arg_super(vm, f);
        f.stack.truncate(base);
        f.stack.push(r?);
        return Ok(());
    }
    if argc == 0 {
        if let Payload::Builtin(b) = &callable.payload {
            if b.owner.is_none()
                && b.self_.is_none()
                && matches!(b.name, "globals" | "locals" | "vars" | "dir")
            {
                let r = frame_introspection(vm, f, b.name);
                f.stack.truncate(base);
                f.stack.push(r?);
                return Ok(());
            }
        }
    }
    let r = {
        let args = Args::with_kw(&f.stack[start..], kwn);
        match &callable.payload {
            Payload::Function(func) => vm.call_function(&callable, func, args),
            Payload::Builtin(b)
                if b.self_.is_none()
                    && b.owner.is_none()
                    && (b.name == "exec" || b.name == "eval") =>
            {
                let old = vm.caller_globals.replace(Some(f.globals.clone()));
                let r = (b.func)(vm, args);
                let _ = vm.caller_globals.replace(old);
                r
            }
            Payload::Builtin(b) if b.self_.is_none() => (b.func)(vm, args),
            Payload::Type(_) => {
                let old = vm.caller_globals.replace(Some(f.globals.clone()));
                let r = vm.call(&callable, args);
                let _ = vm.caller_globals.replace(old);
                r
            }
            _ => vm.call(&callable, args),
        }
    };
    f.stack.truncate(base);
    f.stack.push(r?);
    Ok(())
}

/// `CALL_FUNCTION_EX`: `[NULL, func, args_tuple, kwargs?] -- result`.
pub fn call_function_ex(vm: &Vm, f: &mut Frame, arg: u32) -> Result<(), Raised> {
    let kwargs = if arg & 1 != 0 { f.stack.pop() } else { None };
    let callargs = f.stack.pop().unwrap_or_else(|| vm.empty_tuple.clone());
    let func = f.stack.pop().unwrap_or_else(|| vm.none.clone());
    let _null = f.stack.pop();
    let mut args: Vec<PyRef> = match &callargs.payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => {
            if !vm.is_iterable(&callargs) {
                return Err(Raised::from(vm.type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    func_desc(vm, &func),
                    callargs.type_name()
                ))));
            }
            vm.iterate(&callargs)?
        }
    };
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs {
        if !matches!(kw.payload, Payload::Dict(_)) {
            return Err(Raised::from(vm.type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                func_desc(vm, &func),
                kw.type_name()
            ))));
        }
        for (k, v) in dict::items(&kw) {
            if k.as_str().is_none() {
                return Err(Raised::from(
                    vm.type_error("keywords must be strings".to_string()),
                ));
            }
            kwnames.push(k);
            args.push(v);
        }
    }
    let r = vm.call(&func, Args::with_kw(&args, &kwnames))?;
    f.stack.push(r);
    Ok(())
}

/// `f()`-style description of a callable for error messages.
pub fn func_desc(vm: &Vm, func: &PyRef) -> String {
    let _ = vm;
    match &func.payload {
        Payload::Function(fd) => {
            let q = fd.qualname.borrow().as_str().unwrap_or("?").to_string();
            match fd
                .module
                .borrow()
                .as_ref()
                .and_then(|m| m.as_str().map(|s| s.to_string()))
            {
                Some(m) if m != "builtins" => format!("{}.{}()", m, q),
                _ => format!("{}()", q),
            }
        }
        Payload::BoundMethod { func: inner, .. } => func_desc(vm, inner),
        Payload::Builtin(b) => format!("{}()", b.name),
        Payload::Type(t) => format!("{}()", t.name()),
        _ => format!("{} object", func.type_name()),
    }
}

pub fn subscr(vm: &Vm, container: &PyRef, key: &PyRef) -> PyResult {
    if let (Payload::List(l), Payload::Int(i)) = (&container.payload, &key.payload) {
        if container.class().is(&vm.types.list) {
            let l = l.borrow();
            let n = l.len() as i64;
            let idx = if *i < 0 { *i + n } else { *i };
            if idx >= 0 && idx < n {
                return Ok(l[idx as usize].clone());
            }
        }
    }
    vm.getitem(container, key)
}

pub fn build_set(vm: &Vm, items: Vec<PyRef>) -> PyResult {
    let s = vm.new_set();
    for it in items {
        crate::objects::set::add(vm, &s, it)?;
    }
    Ok(s)
}

pub fn build_map(vm: &Vm, items: Vec<PyRef>) -> PyResult {
    let d = vm.new_dict();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dict::set_item(vm, &d, k, v)?;
    }
    Ok(d)
}

pub fn build_const_key_map(vm: &Vm, keys: &PyRef, values: Vec<PyRef>) -> PyResult {
    let d = vm.new_dict();
    let ks = keys.as_tuple().unwrap_or(&[]);
    for (k, v) in ks.iter().zip(values) {
        dict::set_item(vm, &d, k.clone(), v)?;
    }
    Ok(d)
}

pub fn list_extend(vm: &Vm, l: &PyRef, it: &PyRef) -> PyResult<()> {
    let items = match vm.iterate(it) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_matches(&e, &vm.exc.type_error) && !vm.is_iterable(it) {
                return Err(vm.type_error(format!(
                    "Value after * must be an iterable, not {}",
                    it.type_name()
                )));
            }
            return Err(e);
        }
    };
    if let Payload::List(v) = &l.payload {
        v.borrow_mut().extend(items);
    }
    Ok(())
}

/// `DICT_UPDATE` / `DICT_MERGE` (the latter rejects duplicate keys, for
/// `f(**a, **b)`).
pub fn dict_update(vm: &Vm, f: &Frame, d: &PyRef, src: &PyRef, merge: bool) -> PyResult<()> {
    let pairs: Vec<(PyRef, PyRef)> = match &src.payload {
        Payload::Dict(_) => dict::items(src),
        _ => {
            let keys = match vm.getattr_opt(src, &vm.intern("keys"))? {
                Some(k) => k,
                None => {
                    let msg = if merge {
                        let func = f.stack.get(f.stack.len().wrapping_sub(3)).cloned();
                        let desc = func.map(|fu| func_desc(vm, &fu)).unwrap_or_default();
                        format!(
                            "{} argument after ** must be a mapping, not {}",
                            desc,
                            src.type_name()
                        )
                    } else {
                        format!("'{}' object is not a mapping", src.type_name())
                    };
                    return Err(vm.type_error(msg));
                }
            };
            let ks = vm.call_args(&keys, &[])?;
            let mut out = Vec::new();
            for k in vm.iterate(&ks)? {
                let v = vm.getitem(src, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in pairs {
        if merge && dict::get_item(vm, d, &k)?.is_some() {
            let func = f.stack.get(f.stack.len().wrapping_sub(3)).cloned();
            let desc = func.map(|fu| func_desc(vm, &fu)).unwrap_or_default();
            return Err(vm.type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                desc,
                k.as_str().unwrap_or("?")
            )));
        }
        dict::set_item(vm, d, k, v)?;
    }
    Ok(())
}

fn unpack_items(vm: &Vm, seq: &PyRef) -> PyResult<Vec<PyRef>> {
    match &seq.payload {
        Payload::Tuple(t) => Ok(t.to_vec()),
        Payload::List(l) => Ok(l.borrow().clone()),
        _ => {
            if !vm.is_iterable(seq) {
                return Err(vm.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.type_name()
                )));
            }
            vm.iterate(seq)
        }
    }
}

pub fn unpack_sequence(vm: &Vm, f: &mut Frame, seq: &PyRef, n: usize) -> PyResult<()> {
    let items = match &seq.payload {
        Payload::Tuple(t) if t.len() == n => t.to_vec(),
        Payload::List(l) if l.borrow().len() == n => l.borrow().clone(),
        Payload::Tuple(_) | Payload::List(_) => unpack_items(vm, seq)?,
        _ => {
            // Iterate only as far as needed to detect "too many".
            if !vm.is_iterable(seq) {
                return Err(vm.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.type_name()
                )));
            }
            let it = vm.iter(seq)?;
            let mut v = Vec::with_capacity(n);
            while v.len() < n {
                match vm.next(&it)? {
                    Some(x) => v.push(x),
                    None => break,
                }
            }
            if v.len() == n && vm.next(&it)?.is_some() {
                return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
            }
            v
        }
    };
    if items.len() < n {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {}, got {})",
            n,
            items.len()
        )));
    }
    if items.len() > n {
        return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
    }
    for v in items.into_iter().rev() {
        f.stack.push(v);
    }
    Ok(())
}

pub fn unpack_ex(vm: &Vm, f: &mut Frame, seq: &PyRef, arg: u32) -> PyResult<()> {
    let before = (arg & 0xff) as usize;
    let after = (arg >> 8) as usize;
    let items = unpack_items(vm, seq)?;
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let n = items.len();
    for i in (0..after).rev() {
        f.stack.push(items[n - after + i].clone());
    }
    f.stack.push(vm.new_list(items[before..n - after].to_vec()));
    for i in (0..before).rev() {
        f.stack.push(items[i].clone());
    }
    Ok(())
}

/// `MAKE_FUNCTION flags`: `[defaults, kwdefaults, annotations, closure,] code -- function`.
pub fn make_function(vm: &Vm, f: &mut Frame, flags: u32) -> PyResult<()> {
    let codeobj = f.stack.pop().unwrap_or_else(|| vm.none.clone());
    let Payload::Code(code) = &codeobj.payload else {
        return Err(vm.new_error(&vm.exc.system_error, "MAKE_FUNCTION without code".into()));
    };
    let closure = if flags & mkfn::CLOSURE != 0 {
        f.stack.pop()
    } else {
        None
    };
    let annotations = if flags & mkfn::ANNOTATIONS != 0 {
        f.stack.pop()
    } else {
        None
    };
    let kwdefaults = if flags & mkfn::KWDEFAULTS != 0 {
        f.stack.pop()
    } else {
        None
    };
    let defaults = if flags & mkfn::DEFAULTS != 0 {
        f.stack.pop()
    } else {
        None
    };
    let annotations = match annotations {
        Some(a) if a.as_tuple().is_some() => {
            let d = vm.new_dict();
            let t = a.as_tuple().unwrap_or(&[]).to_vec();
            let mut it = t.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                dict::set_item(vm, &d, k, v)?;
            }
            Some(d)
        }
        other => other,
    };
    // The compiler puts a docstring at co_consts[0] (else None there).
    let doc = code
        .consts
        .first()
        .filter(|c| c.as_str().is_some())
        .cloned();
    let module = dict::get_str(vm, &f.globals, &vm.intern("__name__"));
    let func = Function {
        code: code.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        name: RefCell::new(vm.intern(&code.code.co_name)),
        qualname: RefCell::new(vm.new_str(&code.code.co_qualname)),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        annotations: RefCell::new(annotations),
        closure,
        dict: RefCell::new(None),
        module: RefCell::new(module),
        doc: RefCell::new(doc),
    };
    f.stack.push(PyRef::new(
        Payload::Function(Box::new(func)),
        &vm.types.function,
    ));
    Ok(())
}

/// `COPY_FREE_VARS n`: copies the closure's cells into the last n slots.
pub fn copy_free_vars(_vm: &Vm, f: &mut Frame, n: usize) {
    let Some(func) = &f.func else { return };
    let Payload::Function(fd) = &func.payload else {
        return;
    };
    let Some(closure) = &fd.closure else { return };
    let cells = closure.as_tuple().unwrap_or(&[]);
    let total = f.fast.len();
    let offset = total - n.min(total);
    for (i, c) in cells.iter().take(n).enumerate() {
        f.fast[offset + i] = Some(c.clone());
    }
}

fn cell_value(f: &Frame, idx: usize) -> Option<PyRef> {
    match &f.fast.get(idx)?.as_ref()?.payload {
        Payload::Cell(c) => c.borrow().clone(),
        _ => None,
    }
}

fn deref_error(vm: &Vm, f: &Frame, idx: usize) -> PyRef {
    let name = f
        .code
        .localsplusnames
        .get(idx)
        .and_then(|n| n.as_str())
        .unwrap_or("?");
    let kind = f
        .code
        .code
        .co_localspluskinds
        .get(idx)
        .copied()
        .unwrap_or(0);
    if kind & minipy_bytecode::code::kinds::FREE != 0 {
        vm.name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ))
    } else {
        vm.new_error(
            &vm.exc.unbound_local_error,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name
            ),
        )
    }
}

pub fn load_deref(vm: &Vm, f: &Frame, idx: usize) -> PyResult {
    cell_value(f, idx).ok_or_else(|| deref_error(vm, f, idx))
}

pub fn load_classderef(vm: &Vm, f: &Frame, idx: usize) -> PyResult {
    if let Some(l) = &f.locals {
        if let Some(name) = f.code.localsplusnames.get(idx) {
            if let Some(v) = dict::get_item(vm, l, name)? {
                return Ok(v);
            }
        }
    }
    load_deref(vm, f, idx)
}

pub fn delete_deref(vm: &Vm, f: &Frame, idx: usize) -> PyResult<()> {
    if cell_value(f, idx).is_none() {
        return Err(deref_error(vm, f, idx));
    }
    if let Some(Some(c)) = f.fast.get(idx) {
        if let Payload::Cell(cell) = &c.payload {
            let old = cell.replace(None);
            drop(old);
        }
    }
    Ok(())
}

/// `format(value, spec)`.
pub fn format(vm: &Vm, value: &PyRef, spec: &PyRef) -> PyResult {
    if value.class().is(&vm.types.str) && spec.as_str() == Some("") {
        return Ok(value.clone());
    }
    match vm.call_special(value, "__format__", std::slice::from_ref(spec))? {
        Some(r) => {
            if r.as_str().is_none() {
                return Err(vm.type_error(format!(
                    "__format__ must return a str, not {}",
                    r.type_name()
                )));
            }
            Ok(r)
        }
        None => Err(vm.type_error(format!(
            "Type {} doesn't define __format__",
            value.type_name()
        ))),
    }
}

/// `FORMAT_VALUE flags`: `(value[, spec] -- str)`.
pub fn format_value(vm: &Vm, f: &mut Frame, flags: u32) -> PyResult<()> {
    let spec = if flags & fvc::HAVE_SPEC != 0 {
        f.stack.pop()
    } else {
        None
    };
    let value = f.stack.pop().unwrap_or_else(|| vm.none.clone());
    let value = match flags & fvc::MASK {
        fvc::STR => vm.str(&value)?,
        fvc::REPR => vm.repr(&value)?,
        fvc::ASCII => {
            let r = vm.repr_string(&value)?;
            vm.new_string(crate::builtins::ascii_escape(&r))
        }
        _ => value,
    };
    let spec = spec.unwrap_or_else(|| vm.empty_str.clone());
    let r = format(vm, &value, &spec)?;
    f.stack.push(r);
    Ok(())
}

/// Turns `raise X` operands into an exception instance.
pub fn make_exception(vm: &Vm, v: &PyRef) -> PyResult {
    if v.as_type().is_some() {
        if crate::objects::typeobj::is_subtype(v, &vm.exc.base_exception) {
            let e = vm.call_args(v, &[])?;
            if e.as_exception().is_none() {
                return Err(vm.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr_string(v)?,
                    e.type_name()
                )));
            }
            return Ok(e);
        }
    } else if v.as_exception().is_some() {
        return Ok(v.clone());
    }
    Err(vm.type_error("exceptions must derive from BaseException".to_string()))
}

/// `RAISE_VARARGS argc`.
pub fn raise_varargs(vm: &Vm, f: &mut Frame, argc: u32) -> Raised {
    let cause = if argc >= 2 { f.stack.pop() } else { None };
    let exc = if argc >= 1 { f.stack.pop() } else { None };
    let Some(exc) = exc else {
        return match vm.handled_exception() {
            Some(e) => Raised {
                exc: e,
                reraise: true,
                lasti: None,
            },
            None => Raised::from(vm.runtime_error("No active exception to reraise".to_string())),
        };
    };
    let exc = match make_exception(vm, &exc) {
        Ok(e) => e,
        Err(e) => return Raised::from(e),
    };
    if let Some(cause) = cause {
        let c = if cause.is_none() {
            None
        } else if cause.as_type().is_some()
            && crate::objects::typeobj::is_subtype(&cause, &vm.exc.base_exception)
        {
            match vm.call_args(&cause, &[]) {
                Ok(c) => Some(c),
                Err(e) => return Raised::from(e),
            }
        } else if cause.as_exception().is_some() {
            Some(cause)
        } else {
            return Raised::from(
                vm.type_error("exception causes must derive from BaseException".to_string()),
            );
        };
        if let Some(e) = exc.as_exception() {
            e.suppress_context.set(true);
            let old = e.cause.replace(c);
            drop(old);
        }
    }
    set_context(vm, &exc);
    Raised::from(exc)
}

pub fn exception_matches(vm: &Vm, exc: &PyRef, ty: &PyRef) -> PyResult<bool> {
    let check = |t: &PyRef| -> PyResult<bool> {
        if t.as_type().is_none() || !crate::objects::typeobj::is_subtype(t, &vm.exc.base_exception)
        {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed"
                    .to_string(),
            ));
        }
        Ok(crate::objects::typeobj::is_subtype(exc.class(), t))
    };
    if let Some(items) = ty.as_tuple() {
        let mut any = false;
        for t in items {
            if check(t)? {
                any = true;
            }
        }
        return Ok(any);
    }
    check(ty)
}

pub fn load_build_class(vm: &Vm, f: &Frame) -> PyResult {
    let b = match &f.builtins.payload {
        Payload::Module { dict: d } => d.clone(),
        _ => f.builtins.clone(),
    };
    dict::get_str(vm, &b, &vm.intern("__build_class__"))
        .ok_or_else(|| vm.name_error("__build_class__ not found".to_string()))
}

/// `BEFORE_WITH`: `(mgr -- exit, mgr.__enter__())`.
pub fn before_with(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let mgr = f.stack.pop().unwrap_or_else(|| vm.none.clone());
    let enter = vm.lookup_special(&mgr, "__enter__");
    let exit = vm.lookup_special(&mgr, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            mgr.type_name()
        )));
    };
    let exit = vm.descr_get(&exit, Some(&mgr), mgr.class())?;
    let enter = vm.descr_get(&enter, Some(&mgr), mgr.class())?;
    f.stack.push(exit);
    let r = vm.call_args(&enter, &[])?;
    f.stack.push(r);
    Ok(())
}

pub fn setup_annotations(vm: &Vm, f: &Frame) -> PyResult<()> {
    if let Some(l) = &f.locals {
        let key = vm.intern("__annotations__");
        if dict::get_item(vm, l, &key)?.is_none() {
            dict::set_item(vm, l, key, vm.new_dict())?;
        }
    }
    Ok(())
}

pub fn print_expr(vm: &Vm, v: &PyRef) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let r = vm.repr_string(v)?;
    crate::builtins::write_stdout(vm, &format!("{}\n", r))?;
    if let Payload::Module { dict: d } = &vm.builtins.payload {
        dict::set_str(vm, d, vm.intern("_"), v.clone());
    }
    Ok(())
}

/// `super()` without arguments: `__class__` from the frame's cell and the
/// first argument of the frame (CPython's `super_init_without_args`).
fn zero_arg_super(vm: &Vm, f: &Frame) -> PyResult {
    let co = &f.code.code;
    if co.co_argcount == 0 && co.co_flags & minipy_bytecode::code::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments".to_string()));
    }
    let mut obj = match f.fast.first().cloned().flatten() {
        Some(o) => o,
        None => return Err(vm.runtime_error("super(): arg[0] deleted".to_string())),
    };
    if co
        .co_localspluskinds
        .first()
        .map(|k| k & minipy_bytecode::code::kinds::CELL != 0)
        .unwrap_or(false)
    {
        if let Payload::Cell(c) = &obj.payload {
            let inner = c.borrow().clone();
            match inner {
                Some(v) => obj = v,
                None => return Err(vm.runtime_error("super(): arg[0] deleted".to_string())),
            }
        }
    }
    let idx = f
        .code
        .localsplusnames
        .iter()
        .position(|n| n.as_str() == Some("__class__"));
    let cls = match idx.and_then(|i| f.fast.get(i).cloned().flatten()) {
        Some(c) => match &c.payload {
            Payload::Cell(cell) => cell.borrow().clone(),
            _ => None,
        },
        None => return Err(vm.runtime_error("super(): __class__ cell not found".to_string())),
    };
    let Some(cls) = cls else {
        return Err(vm.runtime_error("super(): empty __class__ cell".to_string()));
    };
    if cls.as_type().is_none() {
        return Err(vm.runtime_error("super(): __class__ is not a type".to_string()));
    }
    crate::objects::descriptors::super_new(vm, Args::new(&[vm.types.super_.clone(), cls, obj]))
}

/// `globals()`, `locals()`, `vars()` and `dir()` without arguments: they
/// read the calling frame.
fn frame_introspection(vm: &Vm, f: &Frame, name: &str) -> PyResult {
    if name == "globals" {
        return Ok(f.globals.clone());
    }
    let locals = match &f.locals {
        Some(l) => l.clone(),
        None => {
            let d = vm.new_dict();
            let kinds = &f.code.code.co_localspluskinds;
            for (i, n) in f.code.localsplusnames.iter().enumerate() {
                let kind = kinds.get(i).copied().unwrap_or(0);
                let v = match f.fast.get(i).cloned().flatten() {
                    Some(v)
                        if kind
                            & (minipy_bytecode::code::kinds::CELL
                                | minipy_bytecode::code::kinds::FREE)
                            != 0 =>
                    {
                        match &v.payload {
                            Payload::Cell(c) => c.borrow().clone(),
                            _ => Some(v),
                        }
                    }
                    other => other,
                };
                if let Some(v) = v {
                    dict::set_item(vm, &d, n.clone(), v)?;
                }
            }
            d
        }
    };
    if name == "dir" {
        let mut keys: Vec<String> = vm
            .iterate(&locals)?
            .iter()
            .filter_map(|k| k.as_str().map(|s| s.to_string()))
            .collect();
        keys.sort();
        return Ok(vm.new_list(keys.iter().map(|k| vm.new_str(k)).collect()));
    }
    Ok(locals)
}
