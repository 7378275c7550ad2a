//! `tuple`.

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{Args, NativeFn};
use crate::objects::list::index_bounds;
use crate::objects::seq::dunders::{self as d, self_and};
use crate::vm::Vm;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (xxHash-based).
pub fn tuple_hash(vm: &Vm, items: &[PyRef]) -> PyResult<i64> {
    vm.enter()?;
    let r = tuple_hash_inner(vm, items);
    vm.leave();
    r
}

fn tuple_hash_inner(vm: &Vm, items: &[PyRef]) -> PyResult<i64> {
    let mut acc = XXPRIME_5;
    for it in items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// A tuple of class `cls`.
pub fn new_tuple_of(vm: &Vm, cls: &PyRef, items: Vec<PyRef>) -> PyRef {
    if cls.is(&vm.types.tuple) {
        vm.new_tuple(items)
    } else {
        PyRef::new_tuple(items, cls)
    }
}

pub fn tuple_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.tuple.clone());
    args.no_kwargs(vm, "tuple")?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    match pos.get(1) {
        None => Ok(new_tuple_of(vm, &cls, Vec::new())),
        Some(o) => {
            if cls.is(&vm.types.tuple) && o.class().is(&vm.types.tuple) {
                return Ok(o.clone());
            }
            let items = vm.iterate(o)?;
            Ok(new_tuple_of(vm, &cls, items))
        }
    }
}

fn items<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [PyRef]> {
    match args.pos().first().map(|o| (o, &o.payload)) {
        Some((o, Payload::Tuple(_))) => Ok(o.items()),
        Some(_) => Err(vm.type_error(format!(
            "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object",
            name,
            args.pos()[0].type_name()
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

fn index(vm: &Vm, args: Args) -> PyResult {
    let t = items(vm, &args, "index")?;
    let pos = args.check_method(vm, "index", 1, 3)?;
    let (a, e) = index_bounds(vm, pos.get(2), pos.get(3), t.len())?;
    for (i, it) in t.iter().enumerate().take(e).skip(a) {
        if it.is(&pos[1]) || vm.eq(it, &pos[1])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple".to_string()))
}

fn count(vm: &Vm, args: Args) -> PyResult {
    let t = items(vm, &args, "count")?;
    let p = self_and(vm, &args, "count", 1)?;
    let mut n = 0;
    for it in t {
        if it.is(&p[1]) || vm.eq(it, &p[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn getnewargs(vm: &Vm, args: Args) -> PyResult {
    let t = items(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_tuple(t.to_vec())]))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__len__", d::d_len),
    ("__getitem__", d::d_getitem),
    ("__contains__", d::d_contains),
    ("__iter__", d::d_iter),
    ("__add__", d::d_add),
    ("__mul__", d::d_mul),
    ("__rmul__", d::d_rmul),
    ("__eq__", d::d_eq),
    ("__ne__", d::d_ne),
    ("__lt__", d::d_lt),
    ("__le__", d::d_le),
    ("__gt__", d::d_gt),
    ("__ge__", d::d_ge),
    ("__hash__", d::d_hash),
    ("__repr__", d::d_repr),
    ("__getnewargs__", getnewargs),
    ("index", index),
    ("count", count),
];
