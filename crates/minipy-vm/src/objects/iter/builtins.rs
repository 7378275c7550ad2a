//! The iterator types of the builtins module: `enumerate`
//! (`Objects/enumobject.c`), `reversed` (same file), `zip`, `map` and
//! `filter` (`Python/bltinmodule.c`). All are subclassable.
//!
//! Constructors follow CPython's two entry points: a call of the exact
//! type takes the vectorcall path (`enum_vectorcall`, ...), a subclass or
//! `T.__new__(T, ...)` the `tp_new` one; they differ only in a few
//! argument messages, which are reproduced per case.
//!
//! `enumerate`, `zip`, `map` and `filter` poll their iterators again at
//! every step, even after one was exhausted (they keep no exhausted
//! state); `reversed` drops its sequence once done.

use std::cell::{Cell, RefCell};

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{IterKind, Payload};
use crate::objects::seq::args;
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, SlotId, TypeSpec};
use crate::vm::Vm;

use super::{
    bad_state, finish, new_iter, self_iter, state, LENGTH_HINT_DOC, REDUCE_DOC, SETSTATE_DOC,
};

/// `(cls, positional arguments after it)` of a `tp_new` call.
fn split_cls<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    match a.pos().split_first() {
        Some((cls, rest)) => Ok((cls, rest)),
        None => Err(vm.type_error(format!("{}.__new__(): not enough arguments", name))),
    }
}

// ----- enumerate ---------------------------------------------------------------

/// `enum_new_impl`: `start` through `PyNumber_Index`, then the iterator.
fn enumerate_make(vm: &Vm, cls: &PyRef, iterable: &PyRef, start: Option<&PyRef>) -> PyResult {
    let count = match start {
        Some(s) => vm.new_bigint(vm.index_big(s)?),
        None => vm.new_int(0),
    };
    let it = vm.iter(iterable)?;
    let kind = IterKind::Enumerate {
        it,
        count: RefCell::new(count),
    };
    Ok(new_iter(vm, kind, cls))
}

/// `enum_vectorcall`'s `check_keyword`.
fn enum_keyword(vm: &Vm, given: &str, want: &str) -> PyResult<()> {
    if given == want {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "'{}' is an invalid keyword argument for enumerate()",
        given
    )))
}

/// `enumerate(iterable, start=0)` of the exact type (`enum_vectorcall`).
fn enumerate_vectorcall(vm: &Vm, cls: &PyRef, pos: &[PyRef], a: &Args) -> PyResult {
    let kw: Vec<(&str, &PyRef)> = a.kwargs().collect();
    match (pos.len(), kw.len()) {
        (2, 0) => enumerate_make(vm, cls, &pos[0], Some(&pos[1])),
        (1, 1) => {
            enum_keyword(vm, kw[0].0, "start")?;
            enumerate_make(vm, cls, &pos[0], Some(kw[0].1))
        }
        (0, 2) => {
            if kw[0].0 == "start" {
                enum_keyword(vm, kw[1].0, "iterable")?;
                return enumerate_make(vm, cls, kw[1].1, Some(kw[0].1));
            }
            enum_keyword(vm, kw[0].0, "iterable")?;
            enum_keyword(vm, kw[1].0, "start")?;
            enumerate_make(vm, cls, kw[0].1, Some(kw[1].1))
        }
        (1, 0) => enumerate_make(vm, cls, &pos[0], None),
        (0, 1) => {
            enum_keyword(vm, kw[0].0, "iterable")?;
            enumerate_make(vm, cls, kw[0].1, None)
        }
        (0, _) => Err(vm.type_error("enumerate() missing required argument 'iterable'".into())),
        (n, k) => Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            n + k
        ))),
    }
}

fn enumerate_new(vm: &Vm, a: Args) -> PyResult {
    let (cls, pos) = split_cls(vm, &a, "enumerate")?;
    if cls.is(&vm.types.enumerate) {
        return enumerate_vectorcall(vm, cls, pos, &a);
    }
    let b = args::unpack_keywords(
        vm,
        &a,
        pos,
        "enumerate",
        &["iterable", "start"],
        0,
        (1, 2, 0),
    )?;
    match b[0] {
        Some(iterable) => enumerate_make(vm, cls, iterable, b[1]),
        None => {
            Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)".into()))
        }
    }
}

fn enumerate_parts(vm: &Vm, e: &PyRef) -> PyResult<(PyRef, PyRef)> {
    match &*state(vm, e)?.borrow() {
        IterKind::Enumerate { it, count } => Ok((it.clone(), count.borrow().clone())),
        _ => Err(bad_state(vm, e)),
    }
}

/// `enum_next`: `(count, next(it))`, then `count + 1`.
fn enumerate_next(vm: &Vm, e: &PyRef) -> PyResult<Option<PyRef>> {
    let (it, count) = enumerate_parts(vm, e)?;
    let Some(item) = vm.next(&it)? else {
        return Ok(None);
    };
    let next = match count.payload {
        Payload::Int(i) if i < i64::MAX => vm.new_int(i + 1),
        _ => vm.binary_op(&count, &vm.new_int(1), nb::ADD)?,
    };
    if let IterKind::Enumerate { count: c, .. } = &*state(vm, e)?.borrow() {
        let old = c.replace(next);
        drop(old);
    }
    Ok(Some(vm.new_tuple(vec![count, item])))
}

fn enumerate_reduce(vm: &Vm, a: Args) -> PyResult {
    let e = args::noargs(vm, &a, "enumerate.__reduce__")?;
    let (it, count) = enumerate_parts(vm, e)?;
    Ok(vm.new_tuple(vec![e.class().clone(), vm.new_tuple(vec![it, count])]))
}

pub static ENUMERATE_TYPE: TypeSpec = TypeSpec {
    name: "enumerate",
    doc: Some("enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::BASETYPE,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(enumerate_next),
        slot::tp_new(enumerate_new),
    ],
    methods: &[
        MethodDef::method("__reduce__", enumerate_reduce).doc(REDUCE_DOC),
        MethodDef::class("__class_getitem__", crate::objects::genericalias::class_getitem)
            .doc("See PEP 585"),
    ],
    getsets: &[],
};

// ----- zip ---------------------------------------------------------------------

/// `zip(*iterables, strict=False)` (`zip_new`).
fn zip_new(vm: &Vm, a: Args) -> PyResult {
    let (cls, pos) = split_cls(vm, &a, "zip")?;
    let kw: Vec<(&str, &PyRef)> = a.kwargs().collect();
    if kw.len() > 1 {
        return Err(vm.type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            kw.len()
        )));
    }
    let mut strict = false;
    if let Some((k, v)) = kw.first() {
        if *k != "strict" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for zip()", k)));
        }
        strict = vm.truthy(v)?;
    }
    let mut its = Vec::with_capacity(pos.len());
    for p in pos {
        its.push(vm.iter(p)?);
    }
    let kind = IterKind::Zip {
        its: its.into_boxed_slice(),
        strict,
    };
    Ok(new_iter(vm, kind, cls))
}

fn zip_parts(vm: &Vm, z: &PyRef) -> PyResult<(Vec<PyRef>, bool)> {
    match &*state(vm, z)?.borrow() {
        IterKind::Zip { its, strict } => Ok((its.to_vec(), *strict)),
        _ => Err(bad_state(vm, z)),
    }
}

/// `next()` of one of zip's iterators, with StopIteration as exhaustion
/// (the strict checks look at both).
fn zip_poll(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    match vm.next(it) {
        Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => Ok(None),
        r => r,
    }
}

/// `"argument 1"`, `"arguments 1-2"`, ... of the strict messages.
fn zip_others(i: usize) -> String {
    if i == 1 {
        " 1".to_string()
    } else {
        format!("s 1-{}", i)
    }
}

/// `zip_next`, with `strict=True`'s length checks.
fn zip_next(vm: &Vm, z: &PyRef) -> PyResult<Option<PyRef>> {
    let (its, strict) = zip_parts(vm, z)?;
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        let item = if strict {
            zip_poll(vm, it)?
        } else {
            vm.next(it)?
        };
        match item {
            Some(v) => out.push(v),
            None if !strict => return Ok(None),
            None => {
                if i > 0 {
                    return Err(vm.value_error(format!(
                        "zip() argument {} is shorter than argument{}",
                        i + 1,
                        zip_others(i)
                    )));
                }
                for (j, rest) in its.iter().enumerate().skip(1) {
                    if zip_poll(vm, rest)?.is_some() {
                        return Err(vm.value_error(format!(
                            "zip() argument {} is longer than argument{}",
                            j + 1,
                            zip_others(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(out)))
}

fn zip_reduce(vm: &Vm, a: Args) -> PyResult {
    let z = args::noargs(vm, &a, "zip.__reduce__")?;
    let (its, strict) = zip_parts(vm, z)?;
    let mut v = vec![z.class().clone(), vm.new_tuple(its)];
    if strict {
        v.push(vm.true_.clone());
    }
    Ok(vm.new_tuple(v))
}

fn zip_setstate(vm: &Vm, a: Args) -> PyResult {
    let (z, st) = args::onearg(vm, &a, "zip.__setstate__")?;
    let v = vm.truthy(st)?;
    match &mut *state(vm, z)?.borrow_mut() {
        IterKind::Zip { strict, .. } => *strict = v,
        _ => return Err(bad_state(vm, z)),
    }
    Ok(vm.none.clone())
}

pub static ZIP_TYPE: TypeSpec = TypeSpec {
    name: "zip",
    doc: Some("zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::BASETYPE,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(zip_next),
        slot::tp_new(zip_new),
    ],
    methods: &[
        MethodDef::method("__reduce__", zip_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", zip_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};

// ----- map ---------------------------------------------------------------------

/// `map(func, *iterables)` (`map_new` / `map_vectorcall`).
fn map_new(vm: &Vm, a: Args) -> PyResult {
    let (cls, pos) = split_cls(vm, &a, "map")?;
    if args::same_slot(cls, &vm.types.map, SlotId::Init) {
        args::no_keywords(vm, &a, "map")?;
    }
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments.".to_string()));
    }
    let mut its = Vec::with_capacity(pos.len() - 1);
    for p in &pos[1..] {
        its.push(vm.iter(p)?);
    }
    let kind = IterKind::Map {
        func: pos[0].clone(),
        its: its.into_boxed_slice(),
    };
    Ok(new_iter(vm, kind, cls))
}

fn map_parts(vm: &Vm, m: &PyRef) -> PyResult<(PyRef, Vec<PyRef>)> {
    match &*state(vm, m)?.borrow() {
        IterKind::Map { func, its } => Ok((func.clone(), its.to_vec())),
        _ => Err(bad_state(vm, m)),
    }
}

fn map_next(vm: &Vm, m: &PyRef) -> PyResult<Option<PyRef>> {
    let (func, its) = map_parts(vm, m)?;
    let mut argv = Vec::with_capacity(its.len());
    for it in &its {
        match vm.next(it)? {
            Some(v) => argv.push(v),
            None => return Ok(None),
        }
    }
    vm.call_args(&func, &argv).map(Some)
}

fn map_reduce(vm: &Vm, a: Args) -> PyResult {
    let m = args::noargs(vm, &a, "map.__reduce__")?;
    let (func, its) = map_parts(vm, m)?;
    let mut v = vec![func];
    v.extend(its);
    Ok(vm.new_tuple(vec![m.class().clone(), vm.new_tuple(v)]))
}

pub static MAP_TYPE: TypeSpec = TypeSpec {
    name: "map",
    doc: Some("map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::BASETYPE,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(map_next),
        slot::tp_new(map_new),
    ],
    methods: &[MethodDef::method("__reduce__", map_reduce).doc(REDUCE_DOC)],
    getsets: &[],
};

// ----- filter ------------------------------------------------------------------

/// `filter(function or None, iterable)` (`filter_new`).
fn filter_new(vm: &Vm, a: Args) -> PyResult {
    let (cls, pos) = split_cls(vm, &a, "filter")?;
    if args::same_slot(cls, &vm.types.filter, SlotId::Init) {
        args::no_keywords(vm, &a, "filter")?;
    }
    args::check_positional(vm, "filter", pos.len(), 2, 2)?;
    let it = vm.iter(&pos[1])?;
    let kind = IterKind::Filter {
        func: pos[0].clone(),
        it,
    };
    Ok(new_iter(vm, kind, cls))
}

fn filter_parts(vm: &Vm, f: &PyRef) -> PyResult<(PyRef, PyRef)> {
    match &*state(vm, f)?.borrow() {
        IterKind::Filter { func, it } => Ok((func.clone(), it.clone())),
        _ => Err(bad_state(vm, f)),
    }
}

/// `filter_next`: `None` and `bool` as the function test truth directly.
fn filter_next(vm: &Vm, f: &PyRef) -> PyResult<Option<PyRef>> {
    let (func, it) = filter_parts(vm, f)?;
    let checktrue = func.is_none() || func.is(&vm.types.bool);
    loop {
        let Some(item) = vm.next(&it)? else {
            return Ok(None);
        };
        let ok = if checktrue {
            vm.truthy(&item)?
        } else {
            let good = vm.call_args(&func, std::slice::from_ref(&item))?;
            vm.truthy(&good)?
        };
        if ok {
            return Ok(Some(item));
        }
    }
}

fn filter_reduce(vm: &Vm, a: Args) -> PyResult {
    let f = args::noargs(vm, &a, "filter.__reduce__")?;
    let (func, it) = filter_parts(vm, f)?;
    Ok(vm.new_tuple(vec![f.class().clone(), vm.new_tuple(vec![func, it])]))
}

pub static FILTER_TYPE: TypeSpec = TypeSpec {
    name: "filter",
    doc: Some("filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::BASETYPE,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(filter_next),
        slot::tp_new(filter_new),
    ],
    methods: &[MethodDef::method("__reduce__", filter_reduce).doc(REDUCE_DOC)],
    getsets: &[],
};

// ----- reversed ----------------------------------------------------------------

/// `PySequence_Check`: a `__getitem__` that is not a dict's.
fn is_sequence(_vm: &Vm, o: &PyRef) -> bool {
    o.class().as_type().is_some_and(|t| {
        t.slots.subscript().is_some() && t.flags.get() & tpflags::DICT_SUBCLASS == 0
    })
}

/// `reversed_new_impl`: `__reversed__()` if the type has it (`None`
/// makes the object not reversible), else a `reversed` over a sequence.
fn reversed_make(vm: &Vm, cls: &PyRef, seq: &PyRef) -> PyResult {
    let not_reversible =
        || vm.type_error(format!("'{}' object is not reversible", seq.type_name()));
    let key = vm.intern("__reversed__");
    match crate::objects::typeobj::dispatch::lookup_maybe_method(vm, seq, &key)? {
        Some((m, _)) if m.is_none() => return Err(not_reversible()),
        Some((m, unbound)) => {
            return crate::objects::typeobj::dispatch::call_unbound(vm, &m, unbound, seq, &[])
        }
        None => {}
    }
    if !is_sequence(vm, seq) {
        return Err(not_reversible());
    }
    let n = vm.len(seq)?;
    let kind = IterKind::Reversed {
        seq: seq.clone(),
        index: Cell::new(n),
    };
    Ok(new_iter(vm, kind, cls))
}

fn reversed_new(vm: &Vm, a: Args) -> PyResult {
    let (cls, pos) = split_cls(vm, &a, "reversed")?;
    if args::same_slot(cls, &vm.types.reversed, SlotId::Init) {
        args::no_keywords(vm, &a, "reversed")?;
    }
    args::check_positional(vm, "reversed", pos.len(), 1, 1)?;
    reversed_make(vm, cls, &pos[0])
}

fn reversed_parts(vm: &Vm, r: &PyRef) -> PyResult<Option<(PyRef, usize)>> {
    match &*state(vm, r)?.borrow() {
        IterKind::Reversed { seq, index } => Ok(Some((seq.clone(), index.get()))),
        IterKind::Done => Ok(None),
        _ => Err(bad_state(vm, r)),
    }
}

/// `reversed_next`: `seq[index]` going down; IndexError or StopIteration
/// ends it.
fn reversed_next(vm: &Vm, r: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((seq, i)) = reversed_parts(vm, r)? else {
        return Ok(None);
    };
    let cell = state(vm, r)?;
    if i > 0 {
        let item = if seq.class().is(&vm.types.tuple) {
            seq.items().get(i - 1).cloned().ok_or(())
        } else {
            match vm.getitem(&seq, &vm.new_int(i as i64 - 1)) {
                Ok(v) => Ok(v),
                Err(e)
                    if vm.exc_matches(&e, &vm.exc.index_error)
                        || vm.exc_matches(&e, &vm.exc.stop_iteration) =>
                {
                    Err(())
                }
                Err(e) => return Err(e),
            }
        };
        if let Ok(v) = item {
            if let IterKind::Reversed { index, .. } = &*cell.borrow() {
                index.set(i - 1);
            }
            return Ok(Some(v));
        }
    }
    finish(cell);
    Ok(None)
}

fn reversed_length_hint(vm: &Vm, a: Args) -> PyResult {
    let r = args::noargs(vm, &a, "reversed.__length_hint__")?;
    let n = match reversed_parts(vm, r)? {
        Some((seq, i)) => {
            let size = vm.len(&seq)?;
            if size < i {
                0
            } else {
                i
            }
        }
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn reversed_reduce(vm: &Vm, a: Args) -> PyResult {
    let r = args::noargs(vm, &a, "reversed.__reduce__")?;
    let cls = r.class().clone();
    Ok(match reversed_parts(vm, r)? {
        Some((seq, i)) => {
            vm.new_tuple(vec![cls, vm.new_tuple(vec![seq]), vm.new_int(i as i64 - 1)])
        }
        None => vm.new_tuple(vec![cls, vm.new_tuple(vec![vm.empty_tuple.clone()])]),
    })
}

/// `__setstate__(index)`: clipped to `-1..=len-1`.
fn reversed_setstate(vm: &Vm, a: Args) -> PyResult {
    let (r, st) = args::onearg(vm, &a, "reversed.__setstate__")?;
    let i = args::long_as_ssize(vm, st)?;
    if let Some((seq, _)) = reversed_parts(vm, r)? {
        let n = vm.len(&seq)? as i64;
        if let IterKind::Reversed { index, .. } = &*state(vm, r)?.borrow() {
            index.set((i.clamp(-1, n - 1) + 1) as usize);
        }
    }
    Ok(vm.none.clone())
}

pub static REVERSED_TYPE: TypeSpec = TypeSpec {
    name: "reversed",
    doc: Some("reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC | tpflags::BASETYPE,
    slots: &[
        slot::traverse(crate::objects::iter::iter_traverse),
        slot::clear(crate::objects::iter::iter_clear),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(self_iter),
        slot::iternext(reversed_next),
        slot::tp_new(reversed_new),
    ],
    methods: &[
        MethodDef::method("__length_hint__", reversed_length_hint).doc(LENGTH_HINT_DOC),
        MethodDef::method("__reduce__", reversed_reduce).doc(REDUCE_DOC),
        MethodDef::method("__setstate__", reversed_setstate).doc(SETSTATE_DOC),
    ],
    getsets: &[],
};
