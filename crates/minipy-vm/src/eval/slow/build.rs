//! Slow paths that build or take apart values: `BINARY_SUBSCR`, the
//! `BUILD_*`/`*_EXTEND`/`*_UPDATE` family, `UNPACK_*`, `FORMAT_VALUE`.

use crate::eval::stack::{self, wrong_kind};
use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::Payload;
use crate::objects::{dict, set};
use crate::vm::Vm;
use minipy_bytecode::opcode::{fvc, Opcode};

use super::*;

pub fn subscr(vm: &Vm, container: &PyRef, key: &PyRef) -> PyResult {
    match (&container.payload, &key.payload) {
        (Payload::List(l), Payload::Int(i)) if container.class().is(&vm.types.list) => {
            let l = l.borrow();
            let n = l.len() as i64;
            let idx = if *i < 0 { *i + n } else { *i };
            if idx >= 0 && idx < n {
                return Ok(l[idx as usize].clone());
            }
        }
        (Payload::Tuple(_), Payload::Int(i)) if container.class().is(&vm.types.tuple) => {
            let t = container.items();
            let n = t.len() as i64;
            let idx = if *i < 0 { *i + n } else { *i };
            if idx >= 0 && idx < n {
                return Ok(t[idx as usize].clone());
            }
        }
        _ => {}
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

/// `BUILD_MAP n`: the top `2n` stack values as key/value pairs (taken
/// straight off the stack, into a table sized for them).
pub fn build_map(vm: &Vm, stack: &mut Vec<PyRef>, n: usize) -> PyResult {
    let start = stack::tail(vm, stack, 2 * n, Opcode::BUILD_MAP)?;
    let d = vm.new_dict_with(crate::objects::dict::DictData::with_capacity(n));
    let mut it = stack.drain(start..);
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dict::set_item(vm, &d, k, v)?;
    }
    Ok(d)
}

/// `BUILD_CONST_KEY_MAP n`: `(values[n], keys -- dict)`, keys a constant
/// tuple of n keys.
pub fn build_const_key_map(vm: &Vm, stack: &mut Vec<PyRef>, n: usize) -> PyResult {
    let keys = stack::pop(vm, stack, Opcode::BUILD_CONST_KEY_MAP)?;
    let ks = match keys.as_tuple() {
        Some(ks) if ks.len() == n => ks,
        // CPython's message.
        _ => {
            return Err(vm.new_error(
                &vm.exc.system_error,
                "bad BUILD_CONST_KEY_MAP keys argument".to_string(),
            ))
        }
    };
    let start = stack::tail(vm, stack, n, Opcode::BUILD_CONST_KEY_MAP)?;
    let d = vm.new_dict();
    for (k, v) in ks.iter().zip(stack.drain(start..)) {
        dict::set_item(vm, &d, k.clone(), v)?;
    }
    Ok(d)
}

/// `BUILD_STRING n`: the top n values, which the compiler makes strings
/// (constants and `FORMAT_VALUE` results), concatenated.
pub fn build_string(vm: &Vm, stack: &mut Vec<PyRef>, n: usize) -> PyResult {
    let start = stack::tail(vm, stack, n, Opcode::BUILD_STRING)?;
    let mut out = String::new();
    for (i, piece) in stack[start..].iter().enumerate() {
        match piece.as_str() {
            Some(p) => crate::objects::seq::alloc::push_str(vm, &mut out, p)?,
            None => {
                let what = format!("piece {}", i);
                return Err(wrong_kind(vm, Opcode::BUILD_STRING, &what, piece, "str"));
            }
        }
    }
    stack.truncate(start);
    Ok(vm.new_string(out))
}

/// `SET_ADD`: the target is the set the comprehension built.
pub fn set_add(vm: &Vm, target: &PyRef, v: PyRef) -> PyResult<()> {
    if !matches!(target.payload, Payload::Set(_)) {
        return Err(wrong_kind(vm, Opcode::SET_ADD, "target", target, "set"));
    }
    set::add(vm, target, v)
}

/// `SET_UPDATE`: the target is the set `BUILD_SET` made.
pub fn set_update(vm: &Vm, target: &PyRef, it: &PyRef) -> PyResult<()> {
    if !matches!(target.payload, Payload::Set(_)) {
        return Err(wrong_kind(vm, Opcode::SET_UPDATE, "target", target, "set"));
    }
    set::update(vm, target, it)
}

/// `MAP_ADD`: the target is the dict the comprehension built.
pub fn map_add(vm: &Vm, target: &PyRef, k: PyRef, v: PyRef) -> PyResult<()> {
    if !matches!(target.payload, Payload::Dict(_)) {
        return Err(wrong_kind(vm, Opcode::MAP_ADD, "target", target, "dict"));
    }
    dict::set_item(vm, target, k, v)
}

/// `LIST_EXTEND`: the target is the list `BUILD_LIST` made.
pub fn list_extend(vm: &Vm, l: &PyRef, it: &PyRef) -> PyResult<()> {
    let Payload::List(target) = &l.payload else {
        return Err(wrong_kind(vm, Opcode::LIST_EXTEND, "target", l, "list"));
    };
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
    target.borrow_mut().extend(items);
    Ok(())
}

/// `DICT_UPDATE` / `DICT_MERGE` (the latter rejects duplicate keys, for
/// `f(**a, **b)`): `(dict, unused[oparg-1], other -- dict, unused[oparg-1])`.
pub fn dict_update(vm: &Vm, f: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    let src = stack::pop(vm, &mut f.bufs.stack, op)?;
    let d = stack::peek(vm, &f.bufs.stack, arg as usize, op)?.clone();
    if !matches!(d.payload, Payload::Dict(_)) {
        return Err(wrong_kind(vm, op, "target", &d, "dict"));
    }
    let merge = op == Opcode::DICT_MERGE;
    // For DICT_MERGE the callable sits below the NULL/self slot, the
    // positional arguments and the dict (CPython's `PEEK(2 + oparg)`).
    let func = |f: &Frame| -> PyResult<String> {
        let func = stack::peek(vm, &f.bufs.stack, 2 + arg as usize, op)?;
        Ok(func_desc(vm, func))
    };
    let pairs: Vec<(PyRef, PyRef)> = match &src.payload {
        Payload::Dict(_) => dict::items(&src),
        _ => {
            let keys = match vm.getattr_opt(&src, &vm.intern("keys"))? {
                Some(k) => k,
                None => {
                    let msg = if merge {
                        format!(
                            "{} argument after ** must be a mapping, not {}",
                            func(f)?,
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
                let v = vm.getitem(&src, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in pairs {
        if merge && dict::get_item(vm, &d, &k)?.is_some() {
            return Err(vm.type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                func(f)?,
                k.as_str().unwrap_or("?")
            )));
        }
        dict::set_item(vm, &d, k, v)?;
    }
    Ok(())
}

fn unpack_items(vm: &Vm, seq: &PyRef) -> PyResult<Vec<PyRef>> {
    match &seq.payload {
        Payload::Tuple(_) => Ok(seq.items().to_vec()),
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
        Payload::Tuple(_) if seq.items().len() == n => seq.items().to_vec(),
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
            // (n comes from the bytecode; the iterator decides how many.)
            let mut v = Vec::with_capacity(n.min(256));
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
        f.bufs.stack.push(v);
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
        f.bufs.stack.push(items[n - after + i].clone());
    }
    f.bufs
        .stack
        .push(vm.new_list(items[before..n - after].to_vec()));
    for i in (0..before).rev() {
        f.bufs.stack.push(items[i].clone());
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
    let op = Opcode::FORMAT_VALUE;
    let spec = if flags & fvc::HAVE_SPEC != 0 {
        Some(stack::pop(vm, &mut f.bufs.stack, op)?)
    } else {
        None
    };
    let value = stack::pop(vm, &mut f.bufs.stack, op)?;
    let value = match flags & fvc::MASK {
        fvc::STR => vm.str(&value)?,
        fvc::REPR => vm.repr(&value)?,
        fvc::ASCII => {
            let r = vm.repr_string(&value)?;
            vm.new_string(crate::builtins::ascii_escape(&r))
        }
        _ => value,
    };
    // No spec is the empty spec.
    let spec = spec.unwrap_or_else(|| vm.empty_str.clone());
    let r = format(vm, &value, &spec)?;
    f.bufs.stack.push(r);
    Ok(())
}
