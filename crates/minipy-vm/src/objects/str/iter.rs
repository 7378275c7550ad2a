//! `str_ascii_iterator` and `str_iterator` (CPython's `unicodeiter` and
//! its ASCII variant): `IterKind::Seq` over a str whose `index` is the
//! *byte* offset of the next character.

use std::cell::Cell;

use super::{char_index, slots::offset_of};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{IterKind, Payload};
use crate::objects::typeobj::{slot, MethodDef, TypeSpec};
use crate::vm::Vm;

/// A new iterator over `s` (a str): the ASCII kind when `ascii`.
pub fn new_str_iterator(vm: &Vm, s: &PyRef, ascii: bool) -> PyRef {
    let ty = if ascii {
        &vm.types.str_ascii_iterator
    } else {
        &vm.types.str_iterator
    };
    PyRef::new(
        Payload::iter(IterKind::Seq {
            seq: s.clone(),
            index: Cell::new(0),
        }),
        ty,
    )
}

/// `PyObject_SelfIter`: an iterator's `tp_iter`.
pub fn self_iter(_vm: &Vm, it: &PyRef) -> PyResult {
    Ok(it.clone())
}

fn state<'a>(vm: &Vm, it: &'a PyRef) -> PyResult<&'a std::cell::RefCell<IterKind>> {
    match &it.payload {
        Payload::Iter(cell) => Ok(cell),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            format!("str iterator slot called on a '{}' object", it.type_name()),
        )),
    }
}

/// `unicodeiter_next`.
fn str_iter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cell = state(vm, it)?;
    match &*cell.borrow() {
        IterKind::Seq { seq, index } => match &seq.payload {
            Payload::Str(d) => {
                let i = index.get();
                if let Some(c) = d.s.get(i..).and_then(|rest| rest.chars().next()) {
                    index.set(i + c.len_utf8());
                    let mut buf = [0u8; 4];
                    return Ok(Some(vm.new_str(c.encode_utf8(&mut buf))));
                }
            }
            _ => return Err(bad_state(vm)),
        },
        IterKind::Done => return Ok(None),
        _ => return Err(bad_state(vm)),
    }
    let old = cell.replace(IterKind::Done);
    drop(old);
    Ok(None)
}

fn bad_state(vm: &Vm) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        "str iterator over another object".to_string(),
    )
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyRef> {
    let a = args.check_method(vm, name, 0, 0)?;
    Ok(&a[0])
}

/// `__length_hint__`: the characters left.
fn length_hint(vm: &Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__length_hint__")?;
    let n = match &*state(vm, it)?.borrow() {
        IterKind::Seq { seq, index } => match &seq.payload {
            Payload::Str(d) => d.char_len() - char_index(d, index.get().min(d.s.len())),
            _ => return Err(bad_state(vm)),
        },
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

/// `__reduce__`: `(iter, (s,), index)`, or `(iter, ('',))` once exhausted.
fn reduce(vm: &Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__reduce__")?;
    let iter_fn = vm.getattr_str(&vm.builtins, "iter")?;
    let r = match &*state(vm, it)?.borrow() {
        IterKind::Seq { seq, index } => match &seq.payload {
            Payload::Str(d) => vm.new_tuple(vec![
                iter_fn,
                vm.new_tuple(vec![seq.clone()]),
                vm.new_int(char_index(d, index.get().min(d.s.len())) as i64),
            ]),
            _ => return Err(bad_state(vm)),
        },
        _ => vm.new_tuple(vec![iter_fn, vm.new_tuple(vec![vm.new_str("")])]),
    };
    Ok(r)
}

/// `__setstate__(index)`: moves to code-point `index` (clamped).
fn setstate(vm: &Vm, args: Args) -> PyResult {
    let a = args.check_method(vm, "__setstate__", 1, 1)?;
    // `PyLong_AsSsize_t`: an int only (no `__index__`).
    if !matches!(a[1].payload, Payload::Int(_) | Payload::BigInt(_)) {
        return Err(vm.type_error("an integer is required".to_string()));
    }
    let n = vm.index_i64(&a[1])?;
    if let IterKind::Seq { seq, index } = &*state(vm, &a[0])?.borrow() {
        if let Payload::Str(d) = &seq.payload {
            let ci = n.clamp(0, d.char_len() as i64) as usize;
            index.set(offset_of(d, ci));
        }
    }
    Ok(vm.none.clone())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", length_hint)
        .doc("Private method returning an estimate of len(list(it))."),
    MethodDef::method("__reduce__", reduce).doc("Return state information for pickling."),
    MethodDef::method("__setstate__", setstate).doc("Set state information for unpickling."),
];

const SLOTS: &[(
    crate::objects::typeobj::SlotId,
    crate::objects::typeobj::SlotFn,
)] = &[
    slot::traverse(crate::objects::iter::iter_traverse),
    slot::clear(crate::objects::iter::iter_clear),
    slot::getattro(crate::protocol::attr::generic_getattr_slot),
    slot::iter(self_iter),
    slot::iternext(str_iter_next),
];

pub static STR_ASCII_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "str_ascii_iterator",
    slots: SLOTS,
    methods: METHODS,
    ..TypeSpec::DEFAULT
};

pub static STR_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "str_iterator",
    slots: SLOTS,
    methods: METHODS,
    ..TypeSpec::DEFAULT
};
