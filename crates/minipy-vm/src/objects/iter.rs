//! The built-in iterators (`list_iterator`, `range_iterator`, dict and set
//! iterators, `enumerate`, `zip`, `map`, `filter`, `reversed`,
//! `callable_iterator`, the `__getitem__` sequence iterator).

use std::cell::{Cell, RefCell};

use crate::heap::PyRef;
use crate::object::{DictIterKind, IterKind, Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::vm::Vm;

pub fn new_iter(_vm: &Vm, kind: IterKind, ty: &PyRef) -> PyRef {
    PyRef::new(Payload::iter(kind), ty)
}

fn seq_iter(vm: &Vm, obj: &PyRef, ty: &PyRef) -> PyRef {
    new_iter(
        vm,
        IterKind::Seq {
            seq: obj.clone(),
            index: Cell::new(0),
        },
        ty,
    )
}

fn dict_iter(vm: &Vm, d: &PyRef, what: DictIterKind, ty: &PyRef) -> PyRef {
    let len_at_start = dict::len(d);
    new_iter(
        vm,
        IterKind::Dict {
            dict: d.clone(),
            pos: Cell::new(0),
            len_at_start,
            what,
        },
        ty,
    )
}

/// The iterator of a built-in iterable, or None.
pub fn native_iter(vm: &Vm, obj: &PyRef) -> Option<PyRef> {
    let t = &vm.types;
    Some(match &obj.payload {
        Payload::List(_) => seq_iter(vm, obj, &t.list_iterator),
        Payload::Tuple(_) => seq_iter(vm, obj, &t.tuple_iterator),
        Payload::Str(_) => seq_iter(vm, obj, &t.str_iterator),
        Payload::Bytes(_) => seq_iter(vm, obj, &t.bytes_iterator),
        Payload::ByteArray(_) => seq_iter(vm, obj, &t.bytearray_iterator),
        Payload::Dict(_) => dict_iter(vm, obj, DictIterKind::Keys, &t.dict_keyiterator),
        Payload::Set(_) => crate::objects::set::set_iter(vm, obj),
        Payload::DictView { dict: d, what } => {
            let ty = match what {
                DictIterKind::Keys => &t.dict_keyiterator,
                DictIterKind::Values => &t.dict_valueiterator,
                DictIterKind::Items => &t.dict_itemiterator,
            };
            dict_iter(vm, d, *what, ty)
        }
        Payload::Range { start, stop, step } => {
            let (Some(a), Some(b), Some(c)) = (
                start.as_small_int(),
                stop.as_small_int(),
                step.as_small_int(),
            ) else {
                return None;
            };
            new_iter(
                vm,
                IterKind::Range {
                    next: Cell::new(a),
                    stop: b,
                    step: c,
                },
                &t.range_iterator,
            )
        }
        Payload::Iter(_) | Payload::Generator(_) => obj.clone(),
        _ => return None,
    })
}

/// One step of a built-in iterator.
pub fn next_native(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let Payload::Iter(cell) = &it.payload else {
        return Ok(None);
    };
    // Fast, non-reentrant kinds first (no Python code runs while borrowed).
    {
        let k = cell.borrow();
        match &*k {
            IterKind::Seq { seq, index } => {
                let i = index.get();
                let r = match &seq.payload {
                    Payload::List(l) => l.borrow().get(i).cloned(),
                    Payload::Tuple(_) => seq.items().get(i).cloned(),
                    Payload::Str(s) => match s.s[i.min(s.s.len())..].chars().next() {
                        Some(c) => {
                            index.set(i + c.len_utf8());
                            let mut buf = [0u8; 4];
                            return Ok(Some(vm.new_str(c.encode_utf8(&mut buf))));
                        }
                        None => None,
                    },
                    Payload::Bytes(b) => b.get(i).map(|x| vm.new_int(*x as i64)),
                    Payload::ByteArray(b) => b.borrow().get(i).map(|x| vm.new_int(*x as i64)),
                    _ => None,
                };
                match r {
                    Some(v) => {
                        index.set(i + 1);
                        return Ok(Some(v));
                    }
                    None => {
                        drop(k);
                        finish(cell);
                        return Ok(None);
                    }
                }
            }
            IterKind::Reversed { seq, index } => {
                let i = index.get();
                let r = if i == 0 {
                    None
                } else {
                    match &seq.payload {
                        Payload::List(l) => l.borrow().get(i - 1).cloned(),
                        Payload::Tuple(_) => seq.items().get(i - 1).cloned(),
                        _ => None,
                    }
                };
                match r {
                    Some(v) => {
                        index.set(i - 1);
                        return Ok(Some(v));
                    }
                    None => {
                        drop(k);
                        finish(cell);
                        return Ok(None);
                    }
                }
            }
            IterKind::Range { next, stop, step } => {
                let n = next.get();
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    next.set(n.saturating_add(*step));
                    return Ok(Some(vm.new_int(n)));
                }
                return Ok(None);
            }
            IterKind::Dict {
                dict: d,
                pos,
                len_at_start,
                what,
            } => {
                let table = dict::table(d).borrow();
                if table.len() != *len_at_start {
                    let is_set = matches!(d.payload, Payload::Set(_));
                    drop(table);
                    drop(k);
                    finish(cell);
                    return Err(vm.runtime_error(if is_set {
                        "Set changed size during iteration".to_string()
                    } else {
                        "dictionary changed size during iteration".to_string()
                    }));
                }
                return match table.entry_from(pos.get()) {
                    Some((np, e)) => {
                        pos.set(np);
                        Ok(Some(match what {
                            DictIterKind::Keys => e.key.clone(),
                            DictIterKind::Values => e.value.clone(),
                            DictIterKind::Items => {
                                vm.new_tuple(vec![e.key.clone(), e.value.clone()])
                            }
                        }))
                    }
                    None => Ok(None),
                };
            }
            IterKind::Done => return Ok(None),
            _ => {}
        }
    }
    // Kinds that call back into Python: clone what is needed, release the borrow.
    enum Step {
        GetItem(PyRef, i64),
        Callable(PyRef, PyRef),
        Enumerate(PyRef, PyRef),
        Zip(Vec<PyRef>, bool),
        Map(PyRef, Vec<PyRef>),
        Filter(PyRef, PyRef),
    }
    let step = match &*cell.borrow() {
        IterKind::GetItem { obj, index } => Step::GetItem(obj.clone(), index.get()),
        IterKind::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterKind::Enumerate { it, count } => Step::Enumerate(it.clone(), count.borrow().clone()),
        IterKind::Zip { its, strict } => Step::Zip(its.to_vec(), *strict),
        IterKind::Map { func, its } => Step::Map(func.clone(), its.to_vec()),
        IterKind::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
        _ => return Ok(None),
    };
    match step {
        Step::GetItem(obj, i) => {
            let key = vm.new_int(i);
            match vm.getitem(&obj, &key) {
                Ok(v) => {
                    if let IterKind::GetItem { index, .. } = &*cell.borrow() {
                        index.set(i + 1);
                    }
                    Ok(Some(v))
                }
                Err(e)
                    if vm.exc_matches(&e, &vm.exc.index_error)
                        || vm.exc_matches(&e, &vm.exc.stop_iteration) =>
                {
                    finish(cell);
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        Step::Callable(func, sentinel) => {
            let v = vm.call_args(&func, &[])?;
            if vm.eq(&v, &sentinel)? {
                finish(cell);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Step::Enumerate(inner, count) => match vm.next(&inner)? {
            Some(v) => {
                let next =
                    vm.binary_op(&count, &vm.new_int(1), minipy_bytecode::opcode::nb::ADD)?;
                if let IterKind::Enumerate { count: c, .. } = &*cell.borrow() {
                    *c.borrow_mut() = next;
                }
                Ok(Some(vm.new_tuple(vec![count, v])))
            }
            None => Ok(None),
        },
        Step::Zip(its, strict) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        finish(cell);
                        if strict {
                            if i > 0 {
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i == 1 { "" } else { "s" },
                                    if i == 1 {
                                        String::new()
                                    } else {
                                        format!("-{}", i)
                                    }
                                )));
                            }
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if vm.next(rest)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{} 1{}",
                                        j + 1,
                                        if j == 1 { "" } else { "s" },
                                        if j == 1 {
                                            String::new()
                                        } else {
                                            format!("-{}", j)
                                        }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(out)))
        }
        Step::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call_args(&func, &args).map(Some)
        }
        Step::Filter(func, inner) => loop {
            let Some(v) = vm.next(&inner)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call_args(&func, std::slice::from_ref(&v))?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
    }
}

fn finish(cell: &RefCell<IterKind>) {
    let old = cell.replace(IterKind::Done);
    drop(old);
}

fn check_cls<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    let pos = args.pos();
    match pos.split_first() {
        Some((cls, rest)) => Ok((cls, rest)),
        None => Err(vm.type_error(format!("{}() needs a class", name))),
    }
}

pub fn enumerate_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, rest) = check_cls(vm, &args, "enumerate")?;
    args.only_kwargs(vm, "enumerate", &["iterable", "start"])?;
    let iterable = match rest.first().or(args.kwarg("iterable")) {
        Some(i) => i,
        None => {
            return Err(vm.type_error(
                "enumerate() missing required argument 'iterable' (pos 1)".to_string(),
            ))
        }
    };
    if rest.len() > 2 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let start = match rest.get(1).or(args.kwarg("start")) {
        Some(s) => {
            vm.index_big(s)?;
            s.clone()
        }
        None => vm.new_int(0),
    };
    let it = vm.iter(iterable)?;
    Ok(new_iter(
        vm,
        IterKind::Enumerate {
            it,
            count: RefCell::new(start),
        },
        cls,
    ))
}

pub fn zip_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, rest) = check_cls(vm, &args, "zip")?;
    args.only_kwargs(vm, "zip", &["strict"])?;
    let strict = match args.kwarg("strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut its = Vec::with_capacity(rest.len());
    for (i, a) in rest.iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => its.push(it),
            Err(e) if vm.exc_matches(&e, &vm.exc.type_error) && !vm.is_iterable(a) => {
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(new_iter(
        vm,
        IterKind::Zip {
            its: its.into_boxed_slice(),
            strict,
        },
        cls,
    ))
}

pub fn map_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, rest) = check_cls(vm, &args, "map")?;
    args.no_kwargs(vm, "map")?;
    if rest.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments.".to_string()));
    }
    let mut its = Vec::with_capacity(rest.len() - 1);
    for a in &rest[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(new_iter(
        vm,
        IterKind::Map {
            func: rest[0].clone(),
            its: its.into_boxed_slice(),
        },
        cls,
    ))
}

pub fn filter_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, rest) = check_cls(vm, &args, "filter")?;
    args.no_kwargs(vm, "filter")?;
    if rest.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", rest.len())));
    }
    let it = vm.iter(&rest[1])?;
    Ok(new_iter(
        vm,
        IterKind::Filter {
            func: rest[0].clone(),
            it,
        },
        cls,
    ))
}

pub fn reversed_new(vm: &Vm, args: Args) -> PyResult {
    let (_cls, rest) = check_cls(vm, &args, "reversed")?;
    args.no_kwargs(vm, "reversed")?;
    if rest.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", rest.len())));
    }
    let seq = &rest[0];
    match &seq.payload {
        Payload::List(l) if !seq.class().as_type().map(|t| t.heap).unwrap_or(false) => {
            let n = l.borrow().len();
            return Ok(new_iter(
                vm,
                IterKind::Reversed {
                    seq: seq.clone(),
                    index: Cell::new(n),
                },
                &vm.types.list_reverseiterator,
            ));
        }
        Payload::Tuple(_) => {
            let n = seq.items().len();
            return Ok(new_iter(
                vm,
                IterKind::Reversed {
                    seq: seq.clone(),
                    index: Cell::new(n),
                },
                &vm.types.reversed,
            ));
        }
        _ => {}
    }
    if let Some(r) = vm.call_special(seq, "__reversed__", &[])? {
        return Ok(r);
    }
    if vm.lookup_special(seq, "__len__").is_some()
        && vm.lookup_special(seq, "__getitem__").is_some()
        || crate::objects::seq::len(seq).is_some()
    {
        let items = vm.iterate(seq)?;
        let n = items.len();
        let l = vm.new_tuple(items);
        return Ok(new_iter(
            vm,
            IterKind::Reversed {
                seq: l,
                index: Cell::new(n),
            },
            &vm.types.reversed,
        ));
    }
    Err(vm.type_error(format!("'{}' object is not reversible", seq.type_name())))
}

impl Vm {
    pub fn is_iterable(&self, obj: &PyRef) -> bool {
        native_iter(self, obj).is_some()
            || self.lookup_special(obj, "__iter__").is_some()
            || self.lookup_special(obj, "__getitem__").is_some()
    }
}

fn iter_iter(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn iter_next(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__next__", 1, 1)?;
    match next_native(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}

pub const ITER_METHODS: &[(&str, NativeFn)] = &[("__iter__", iter_iter), ("__next__", iter_next)];

/// The `iterator` over `obj[0]`, `obj[1]`, ... until IndexError
/// (`PySeqIter_New`).
pub fn seq_getitem_iter(vm: &Vm, obj: &PyRef) -> PyRef {
    new_iter(
        vm,
        IterKind::GetItem {
            obj: obj.clone(),
            index: Cell::new(0),
        },
        &vm.types.iterator,
    )
}
