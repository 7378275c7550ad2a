//! Iteration built-ins: `sorted` (with a stable sort usable by `list.sort`),
//! `any`, `all`, `iter`, `next`.

use crate::heap::PyRef;
use crate::object::{IterKind, Payload, PyResult};
use crate::objects::function::Args;
use crate::objects::iter::new_iter;
use crate::protocol::CompareOp;
use crate::vm::Vm;

use super::attrs::is_callable;
use super::{kw_only, one_arg};

/// `a < b` with Python semantics.
fn lt(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    vm.compare_bool(a, b, CompareOp::Lt)
}

/// Stable binary insertion sort of `v[..]` by keys (`v[i].0`).
fn insertion_sort(vm: &Vm, v: &mut [(PyRef, PyRef)]) -> PyResult<()> {
    for i in 1..v.len() {
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(vm, &v[i].0, &v[mid].0)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v[lo..=i].rotate_right(1);
    }
    Ok(())
}

/// Stable merge sort using only `<` (CPython's `list.sort` contract).
fn merge_sort(vm: &Vm, mut v: Vec<(PyRef, PyRef)>) -> PyResult<Vec<(PyRef, PyRef)>> {
    const RUN: usize = 16;
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        insertion_sort(vm, &mut v[start..end])?;
        start = end;
    }
    let mut width = RUN;
    while width < n {
        let mut out: Vec<(PyRef, PyRef)> = Vec::with_capacity(n);
        let mut it = v.into_iter();
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let left: Vec<(PyRef, PyRef)> = it.by_ref().take(mid - lo).collect();
            let right: Vec<(PyRef, PyRef)> = it.by_ref().take(hi - mid).collect();
            let (mut li, mut ri) = (left.into_iter().peekable(), right.into_iter().peekable());
            loop {
                let take_right = match (li.peek(), ri.peek()) {
                    (Some(l), Some(r)) => lt(vm, &r.0, &l.0)?,
                    (Some(_), None) => false,
                    (None, Some(_)) => true,
                    (None, None) => break,
                };
                let next = if take_right { ri.next() } else { li.next() };
                if let Some(x) = next {
                    out.push(x);
                }
            }
            lo = hi;
        }
        v = out;
        width *= 2;
    }
    Ok(v)
}

enum FastKeys {
    Ints(Vec<i64>),
    Floats(Vec<f64>),
    Strs,
    None,
}

fn fast_keys(vm: &Vm, keys: &[PyRef]) -> FastKeys {
    let Some(first) = keys.first() else {
        return FastKeys::None;
    };
    let t = &vm.types;
    let c = first.class();
    if c.is(&t.int) || c.is(&t.bool) {
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let kc = k.class();
            match k.payload {
                Payload::Int(i) if kc.is(&t.int) || kc.is(&t.bool) => out.push(i),
                _ => return FastKeys::None,
            }
        }
        return FastKeys::Ints(out);
    }
    if c.is(&t.float) {
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            match k.payload {
                Payload::Float(f) if k.class().is(&t.float) && !f.is_nan() => out.push(f),
                _ => return FastKeys::None,
            }
        }
        return FastKeys::Floats(out);
    }
    if c.is(&t.str) && keys.iter().all(|k| k.class().is(&t.str)) {
        return FastKeys::Strs;
    }
    FastKeys::None
}

/// Sorts `values` in place like `list.sort(key=key, reverse=reverse)`:
/// stable, comparing keys with `<` only.
pub fn sort_values(
    vm: &Vm,
    values: &mut Vec<PyRef>,
    key: Option<&PyRef>,
    reverse: bool,
) -> PyResult<()> {
    if values.len() < 2 && key.is_none() {
        return Ok(());
    }
    let keys: Vec<PyRef> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(values.len());
            for v in values.iter() {
                ks.push(vm.call_args(k, std::slice::from_ref(v))?);
            }
            ks
        }
        None => values.clone(),
    };
    let mut pairs: Vec<(PyRef, PyRef)> = keys.into_iter().zip(values.drain(..)).collect();
    if reverse {
        pairs.reverse();
    }
    let ks: Vec<PyRef> = pairs.iter().map(|p| p.0.clone()).collect();
    let sorted = match fast_keys(vm, &ks) {
        FastKeys::Ints(iv) => {
            let mut idx: Vec<usize> = (0..pairs.len()).collect();
            idx.sort_by_key(|&i| iv[i]);
            reorder(pairs, &idx)
        }
        FastKeys::Floats(fv) => {
            // No NaN among the keys, so this is a consistent total preorder
            // (-0.0 and 0.0 compare equal, as in Python).
            let mut idx: Vec<usize> = (0..pairs.len()).collect();
            idx.sort_by(|&a, &b| {
                fv[a]
                    .partial_cmp(&fv[b])
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            reorder(pairs, &idx)
        }
        FastKeys::Strs => {
            let mut idx: Vec<usize> = (0..pairs.len()).collect();
            idx.sort_by(|&a, &b| {
                ks[a]
                    .as_str()
                    .unwrap_or("")
                    .cmp(ks[b].as_str().unwrap_or(""))
            });
            reorder(pairs, &idx)
        }
        FastKeys::None => merge_sort(vm, pairs)?,
    };
    values.extend(sorted.into_iter().map(|p| p.1));
    if reverse {
        values.reverse();
    }
    Ok(())
}

fn reorder(pairs: Vec<(PyRef, PyRef)>, idx: &[usize]) -> Vec<(PyRef, PyRef)> {
    let mut slots: Vec<Option<(PyRef, PyRef)>> = pairs.into_iter().map(Some).collect();
    idx.iter()
        .filter_map(|&i| slots.get_mut(i).and_then(|s| s.take()))
        .collect()
}

/// Parses `list.sort`'s keyword-only arguments `key` and `reverse`.
pub fn sort_kwargs(vm: &Vm, args: &Args) -> PyResult<(Option<PyRef>, bool)> {
    let kw = kw_only(vm, args, "sort", &["key", "reverse"])?;
    let key = kw[0].filter(|k| !k.is_none()).cloned();
    let reverse = match kw[1] {
        Some(r) => !num_traits::Zero::is_zero(&vm.index_big(r)?),
        None => false,
    };
    Ok((key, reverse))
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn builtin_sorted(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut items = vm.iterate(&pos[0])?;
    let (key, reverse) = sort_kwargs(vm, &args)?;
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(vm.new_list(items))
}

fn any_all(vm: &Vm, args: Args, name: &str, want: bool) -> PyResult {
    let x = one_arg(vm, &args, name)?;
    let it = vm.iter(x)?;
    while let Some(item) = vm.next(&it)? {
        if vm.truthy(&item)? == want {
            return Ok(vm.new_bool(want));
        }
    }
    Ok(vm.new_bool(!want))
}

pub fn builtin_any(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, "any", true)
}

pub fn builtin_all(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, "all", false)
}

/// `iter(object)` / `iter(callable, sentinel)`.
pub fn builtin_iter(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "iter")?;
    let pos = args.check(vm, "iter", 1, 2)?;
    if pos.len() == 1 {
        return vm.iter(&pos[0]);
    }
    if !is_callable(vm, &pos[0]) {
        return Err(vm.type_error("iter(v, w): v must be callable".to_string()));
    }
    Ok(new_iter(
        vm,
        IterKind::Callable {
            func: pos[0].clone(),
            sentinel: pos[1].clone(),
        },
        &vm.types.callable_iterator,
    ))
}

/// `next(iterator[, default])`.
pub fn builtin_next(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "next")?;
    let pos = args.check(vm, "next", 1, 2)?;
    let it = &pos[0];
    if !vm.is_iterator(it) {
        return Err(vm.type_error(format!("'{}' object is not an iterator", it.type_name())));
    }
    match vm.next_raising(it) {
        Ok(v) => Ok(v),
        Err(e) if pos.len() == 2 && vm.exc_matches(&e, &vm.exc.stop_iteration) => {
            Ok(pos[1].clone())
        }
        Err(e) => Err(e),
    }
}
