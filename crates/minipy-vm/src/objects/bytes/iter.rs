//! `bytes_iterator` and `bytearray_iterator` (CPython's `striterobject`
//! and `bytearrayiterobject`): `IterKind::Seq` over the byte string, one
//! int per step; a bytearray's length is re-read at every step.

use std::cell::{Cell, RefCell};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::{IterKind, Payload};
use crate::objects::typeobj::{slot, MethodDef, SlotFn, SlotId, TypeSpec};
use crate::vm::Vm;

/// A new iterator of type `ty` over `seq` (bytes or bytearray).
pub fn new_iterator(_vm: &Vm, seq: &PyRef, ty: &PyRef) -> PyRef {
    PyRef::new(
        Payload::iter(IterKind::Seq {
            seq: seq.clone(),
            index: Cell::new(0),
        }),
        ty,
    )
}

fn state<'a>(vm: &Vm, it: &'a PyRef) -> PyResult<&'a RefCell<IterKind>> {
    match &it.payload {
        Payload::Iter(cell) => Ok(cell),
        _ => Err(bad_state(vm)),
    }
}

fn bad_state(vm: &Vm) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        "bytes iterator over another object".to_string(),
    )
}

/// The byte at `i` of a bytes or bytearray, and its current length.
fn byte_at(vm: &Vm, seq: &PyRef, i: usize) -> PyResult<(Option<u8>, usize)> {
    match &seq.payload {
        Payload::Bytes(b) => Ok((b.get(i).copied(), b.len())),
        Payload::ByteArray(b) => {
            let b = b.borrow();
            Ok((b.get(i).copied(), b.len()))
        }
        _ => Err(bad_state(vm)),
    }
}

/// `striter_next` / `bytearrayiter_next`.
fn next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let cell = state(vm, it)?;
    match &*cell.borrow() {
        IterKind::Seq { seq, index } => {
            let i = index.get();
            if let (Some(v), _) = byte_at(vm, seq, i)? {
                index.set(i + 1);
                return Ok(Some(vm.new_int(v as i64)));
            }
        }
        IterKind::Done => return Ok(None),
        _ => return Err(bad_state(vm)),
    }
    let old = cell.replace(IterKind::Done);
    drop(old);
    Ok(None)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyRef> {
    Ok(&args.check_method(vm, name, 0, 0)?[0])
}

fn length_hint(vm: &Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__length_hint__")?;
    let n = match &*state(vm, it)?.borrow() {
        IterKind::Seq { seq, index } => byte_at(vm, seq, 0)?.1.saturating_sub(index.get()),
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

/// `(iter, (seq,), index)`, or `(iter, ((),))` once exhausted.
fn reduce(vm: &Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__reduce__")?;
    let iter_fn = vm.getattr_str(&vm.builtins, "iter")?;
    Ok(match &*state(vm, it)?.borrow() {
        IterKind::Seq { seq, index } => vm.new_tuple(vec![
            iter_fn,
            vm.new_tuple(vec![seq.clone()]),
            vm.new_int(index.get() as i64),
        ]),
        _ => vm.new_tuple(vec![iter_fn, vm.new_tuple(vec![vm.new_tuple(vec![])])]),
    })
}

fn setstate(vm: &Vm, args: Args) -> PyResult {
    let a = args.check_method(vm, "__setstate__", 1, 1)?;
    // `PyLong_AsSsize_t`: an int only (no `__index__`).
    if !matches!(a[1].payload, Payload::Int(_) | Payload::BigInt(_)) {
        return Err(vm.type_error("an integer is required".to_string()));
    }
    let n = vm.index_i64(&a[1])?.max(0) as usize;
    if let IterKind::Seq { seq, index } = &*state(vm, &a[0])?.borrow() {
        index.set(n.min(byte_at(vm, seq, 0)?.1));
    }
    Ok(vm.none.clone())
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", length_hint)
        .doc("Private method returning an estimate of len(list(it))."),
    MethodDef::method("__reduce__", reduce).doc("Return state information for pickling."),
    MethodDef::method("__setstate__", setstate).doc("Set state information for unpickling."),
];

const SLOTS: &[(SlotId, SlotFn)] = &[
    slot::traverse(crate::objects::iter::iter_traverse),
    slot::clear(crate::objects::iter::iter_clear),
    slot::getattro(crate::protocol::attr::generic_getattr_slot),
    slot::iter(crate::objects::str::self_iter),
    slot::iternext(next),
];

pub static BYTES_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "bytes_iterator",
    slots: SLOTS,
    methods: METHODS,
    ..TypeSpec::DEFAULT
};

pub static BYTEARRAY_ITERATOR_TYPE: TypeSpec = TypeSpec {
    name: "bytearray_iterator",
    slots: SLOTS,
    methods: METHODS,
    ..TypeSpec::DEFAULT
};
