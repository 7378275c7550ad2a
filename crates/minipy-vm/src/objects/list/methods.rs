//! The methods of `list` (CPython's `list_methods`), with Argument
//! Clinic's argument handling and messages.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::seq::{self, alloc, args};
use crate::objects::typeobj::MethodDef;
use crate::vm::Vm;

use super::{cell, item};

/// `x.__getitem__(y) <==> x[y]` (a method of its own in CPython, next to
/// the slot, for speed).
fn getitem(vm: &Vm, a: Args) -> PyResult {
    let (l, key) = args::onearg(vm, &a, "list.__getitem__")?;
    super::list_subscript(vm, l, key)
}

fn reversed(vm: &Vm, a: Args) -> PyResult {
    let l = args::noargs(vm, &a, "list.__reversed__")?;
    cell(vm, l)?;
    Ok(crate::objects::iter::seqiter::list_reversed(vm, l))
}

/// minipy's real size (see `objects::sizeof`).
fn sizeof(vm: &Vm, a: Args) -> PyResult {
    let l = args::noargs(vm, &a, "list.__sizeof__")?;
    cell(vm, l)?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(l) as i64))
}

fn clear(vm: &Vm, a: Args) -> PyResult {
    let l = args::noargs(vm, &a, "list.clear")?;
    let old = std::mem::take(&mut *cell(vm, l)?.borrow_mut());
    drop(old);
    Ok(vm.none.clone())
}

fn copy(vm: &Vm, a: Args) -> PyResult {
    let l = args::noargs(vm, &a, "list.copy")?;
    let v = cell(vm, l)?.borrow().clone();
    Ok(vm.new_list(v))
}

fn append(vm: &Vm, a: Args) -> PyResult {
    let (l, x) = args::onearg(vm, &a, "list.append")?;
    alloc::push(vm, &mut cell(vm, l)?.borrow_mut(), x.clone())?;
    Ok(vm.none.clone())
}

/// `insert(index, object)`: a negative index counts from the end; the
/// position is clipped to the list.
fn insert(vm: &Vm, a: Args) -> PyResult {
    let (l, p) = args::fastcall(vm, &a, "list.insert", 2, 2)?;
    let i = args::as_ssize(vm, &p[0])?;
    let mut v = cell(vm, l)?.borrow_mut();
    let n = v.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    if v.len() == v.capacity() {
        alloc::reserve(vm, &mut v, 1)?;
    }
    v.insert(j as usize, p[1].clone());
    Ok(vm.none.clone())
}

fn extend(vm: &Vm, a: Args) -> PyResult {
    let (l, src) = args::onearg(vm, &a, "list.extend")?;
    super::extend(vm, l, src)?;
    Ok(vm.none.clone())
}

fn pop(vm: &Vm, a: Args) -> PyResult {
    let (l, p) = args::fastcall(vm, &a, "list.pop", 0, 1)?;
    let i = match p.first() {
        Some(o) => args::as_ssize(vm, o)?,
        None => -1,
    };
    let mut v = cell(vm, l)?.borrow_mut();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty list".to_string()));
    }
    match seq::norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => Err(vm.index_error("pop index out of range".to_string())),
    }
}

/// The first index from `start` (below `stop` and the current length)
/// whose item equals `x` (`item == x`).
fn find(vm: &Vm, l: &PyRef, x: &PyRef, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let v = cell(vm, l)?;
    let mut i = start;
    while i < stop {
        let Some(it) = item(v, i) else { break };
        if vm.eq(&it, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &Vm, a: Args) -> PyResult {
    let (l, x) = args::onearg(vm, &a, "list.remove")?;
    let Some(i) = find(vm, l, x, 0, usize::MAX)? else {
        return Err(vm.value_error("list.remove(x): x not in list".to_string()));
    };
    let old = {
        let mut v = cell(vm, l)?.borrow_mut();
        (i < v.len()).then(|| v.remove(i))
    };
    drop(old);
    Ok(vm.none.clone())
}

fn index(vm: &Vm, a: Args) -> PyResult {
    let (l, p) = args::fastcall(vm, &a, "list.index", 1, 3)?;
    let len = cell(vm, l)?.borrow().len();
    let (start, stop) = args::index_range(vm, p.get(1), p.get(2), len)?;
    match find(vm, l, &p[0], start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let r = vm.repr_string(&p[0])?;
            Err(vm.value_error(format!("{} is not in list", r)))
        }
    }
}

fn count(vm: &Vm, a: Args) -> PyResult {
    let (l, x) = args::onearg(vm, &a, "list.count")?;
    let v = cell(vm, l)?;
    let (mut n, mut i) = (0, 0);
    while let Some(it) = item(v, i) {
        if vm.eq(&it, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn reverse(vm: &Vm, a: Args) -> PyResult {
    let l = args::noargs(vm, &a, "list.reverse")?;
    cell(vm, l)?.borrow_mut().reverse();
    Ok(vm.none.clone())
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("__getitem__", getitem).coexist().doc("x.__getitem__(y) <==> x[y]"),
    MethodDef::method("__reversed__", reversed).doc("__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."),
    MethodDef::method("__sizeof__", sizeof).doc("__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."),
    MethodDef::method("clear", clear).doc("clear($self, /)\n--\n\nRemove all items from list."),
    MethodDef::method("copy", copy).doc("copy($self, /)\n--\n\nReturn a shallow copy of the list."),
    MethodDef::method("append", append).doc("append($self, object, /)\n--\n\nAppend object to the end of the list."),
    MethodDef::method("insert", insert).doc("insert($self, index, object, /)\n--\n\nInsert object before index."),
    MethodDef::method("extend", extend).doc("extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."),
    MethodDef::method("pop", pop).doc("pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."),
    MethodDef::method("remove", remove).doc("remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present."),
    MethodDef::method("index", index).doc("index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
    MethodDef::method("count", count).doc("count($self, value, /)\n--\n\nReturn number of occurrences of value."),
    MethodDef::method("reverse", reverse).doc("reverse($self, /)\n--\n\nReverse *IN PLACE*."),
    MethodDef::method("sort", super::sort::sort).doc("sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."),
    MethodDef::class("__class_getitem__", crate::objects::genericalias::class_getitem)
        .doc("See PEP 585"),
];
