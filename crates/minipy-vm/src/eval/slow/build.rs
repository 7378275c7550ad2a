//! Slow paths that build or take apart values: `BINARY_SUBSCR`, the
//! `BUILD_*`/`*_EXTEND`/`*_UPDATE` family, `UNPACK_*`, `FORMAT_VALUE`.

use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::dict;
use crate::vm::Vm;
use minipy_bytecode::opcode::fvc;

use super::*;

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

/// `BUILD_MAP n`: the top `2n` stack values as key/value pairs (taken
/// straight off the stack, into a table sized for them).
pub fn build_map(vm: &Vm, stack: &mut Vec<PyRef>, n: usize) -> PyResult {
    let d = vm.new_dict_with(crate::objects::dict::DictData::with_capacity(n));
    let start = stack.len().saturating_sub(2 * n);
    let mut it = stack.drain(start..);
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
                        let func = f
                            .bufs
                            .stack
                            .get(f.bufs.stack.len().wrapping_sub(3))
                            .cloned();
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
            let func = f
                .bufs
                .stack
                .get(f.bufs.stack.len().wrapping_sub(3))
                .cloned();
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
    let spec = if flags & fvc::HAVE_SPEC != 0 {
        f.bufs.stack.pop()
    } else {
        None
    };
    let value = f.bufs.stack.pop().unwrap_or_else(|| vm.none.clone());
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
    f.bufs.stack.push(r);
    Ok(())
}
