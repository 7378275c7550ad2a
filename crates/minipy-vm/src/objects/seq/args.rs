//! CPython's argument conventions for the methods of the sequence types,
//! with their exact messages: `METH_NOARGS` and `METH_O` checked by the
//! method descriptor (`list.copy() takes no arguments (1 given)`),
//! `METH_FASTCALL` positional counts checked by Argument Clinic's
//! `_PyArg_CheckPositional` (`insert expected 2 arguments, got 1`), and
//! the integer conversions of the clinic converters and of slicing
//! (`Py_ssize_t`, `slice_index`, `_PyEval_SliceIndex`).
//!
//! `qualname` is the method's `__qualname__` (`"list.copy"`); `args` are
//! the call's arguments with `self` first.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj;
use crate::vm::Vm;

fn no_kwnames(vm: &Vm, args: &Args, qualname: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", qualname)));
    }
    Ok(())
}

/// `self`, the receiver (present: the method descriptor checked it).
fn receiver<'a>(vm: &Vm, args: &Args<'a>, qualname: &str) -> PyResult<&'a [PyRef]> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.type_error(format!("unbound method {}() needs an argument", qualname)));
    }
    Ok(pos)
}

/// `METH_NOARGS`: only `self`.
pub fn noargs<'a>(vm: &Vm, args: &Args<'a>, qualname: &str) -> PyResult<&'a PyRef> {
    no_kwnames(vm, args, qualname)?;
    let pos = receiver(vm, args, qualname)?;
    if pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            qualname,
            pos.len() - 1
        )));
    }
    Ok(&pos[0])
}

/// `METH_O`: `self` and exactly one argument.
pub fn onearg<'a>(vm: &Vm, args: &Args<'a>, qualname: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    no_kwnames(vm, args, qualname)?;
    let pos = receiver(vm, args, qualname)?;
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualname,
            pos.len() - 1
        )));
    }
    Ok((&pos[0], &pos[1]))
}

/// `METH_FASTCALL` with Argument Clinic's positional check
/// (`_PyArg_CheckPositional(name, nargs, min, max)`): `self`, then
/// `min..=max` arguments.
pub fn fastcall<'a>(
    vm: &Vm,
    args: &Args<'a>,
    qualname: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    no_kwnames(vm, args, qualname)?;
    let pos = receiver(vm, args, qualname)?;
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    check_positional(vm, name, pos.len() - 1, min, max)?;
    Ok((&pos[0], &pos[1..]))
}

/// `_PyArg_CheckPositional`.
pub fn check_positional(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{} expected {}{} argument{}, got {}",
            name,
            if min == max { "" } else { "at least " },
            min,
            plural(min),
            n
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{} expected {}{} argument{}, got {}",
            name,
            if min == max { "" } else { "at most " },
            max,
            plural(max),
            n
        )));
    }
    Ok(())
}

/// `_PyArg_NoKeywords(name, kwargs)` of a constructor.
pub fn no_keywords(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

/// `_PyIndex_Check`: whether `o` can be used as an index (an int, or its
/// type has `nb_index`).
pub fn is_index(_vm: &Vm, o: &PyRef) -> bool {
    if matches!(o.payload, Payload::Int(_) | Payload::BigInt(_)) {
        return true;
    }
    let Some(t) = o.class().as_type() else {
        return false;
    };
    t.slots.nb_index().is_some()
}

/// Clamps an index to the `Py_ssize_t` range (`PyNumber_AsSsize_t(o, NULL)`).
pub fn clamp_ssize(b: &BigInt) -> i64 {
    match b.to_i64() {
        Some(i) => i,
        None if b.sign() == Sign::Minus => i64::MIN,
        None => i64::MAX,
    }
}

/// `PyNumber_AsSsize_t(o, NULL)`: the index of `o`, clamped.
pub fn as_ssize_clamped(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    if let Payload::Int(i) = o.payload {
        return Ok(i);
    }
    Ok(clamp_ssize(&vm.index_big(o)?))
}

/// `PyNumber_AsSsize_t(o, PyExc_IndexError)`: the index of `o`;
/// IndexError when it does not fit (`lst[2**100]`).
pub fn as_ssize_index_error(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    if let Payload::Int(i) = o.payload {
        return Ok(i);
    }
    vm.index_big(o)?.to_i64().ok_or_else(|| {
        vm.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.type_name()
        ))
    })
}

/// The clinic `Py_ssize_t` converter: the index of `o`; OverflowError
/// when it does not fit (`lst.pop(2**100)`).
pub fn as_ssize(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    vm.index_i64(o)
}

/// `PyLong_AsSsize_t` on an object that must be an int (no `__index__`):
/// `__setstate__`'s argument.
pub fn long_as_ssize(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    match &o.payload {
        Payload::Int(i) => Ok(*i),
        Payload::BigInt(_) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t".to_string()))
        }
        _ => Err(vm.type_error("an integer is required".to_string())),
    }
}

/// `_PyEval_SliceIndexNotNone` (the `slice_index` converter of
/// `list.index(value, start, stop)`): an index, clamped.
pub fn slice_index_not_none(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    if !is_index(vm, o) {
        return Err(
            vm.type_error("slice indices must be integers or have an __index__ method".to_string())
        );
    }
    as_ssize_clamped(vm, o)
}

/// `_PyEval_SliceIndex`: `None` is `Ok(None)`; otherwise an index, clamped.
pub fn slice_index(vm: &Vm, o: &PyRef) -> PyResult<Option<i64>> {
    if o.is_none() {
        return Ok(None);
    }
    if !is_index(vm, o) {
        return Err(vm.type_error(
            "slice indices must be integers or None or have an __index__ method".to_string(),
        ));
    }
    as_ssize_clamped(vm, o).map(Some)
}

/// `start`/`stop` of `list.index` and `tuple.index` (clinic
/// `slice_index` converters), negative ones counted from `len` as those
/// methods do; `stop` is not clipped (the search loop stops at the
/// sequence's current end).
pub fn index_range(
    vm: &Vm,
    start: Option<&PyRef>,
    stop: Option<&PyRef>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let start = match start {
        Some(o) => slice_index_not_none(vm, o)?,
        None => 0,
    };
    let stop = match stop {
        Some(o) => slice_index_not_none(vm, o)?,
        None => i64::MAX,
    };
    let adjust = |v: i64| -> i64 {
        if v < 0 {
            v.saturating_add(len).max(0)
        } else {
            v
        }
    };
    let (start, stop) = (adjust(start), adjust(stop));
    Ok((start as usize, stop as usize))
}

/// Argument Clinic's `_PyArg_UnpackKeywords` with its messages: binds
/// the positional `pos` (self excluded) and the keyword arguments of
/// `args` to `names`, the first `posonly` of which are positional-only;
/// `minpos..=maxpos` positional arguments, `minkw` required keyword-only
/// ones. One slot per name.
pub fn unpack_keywords<'a>(
    vm: &Vm,
    args: &Args<'a>,
    pos: &'a [PyRef],
    fname: &str,
    names: &[&str],
    posonly: usize,
    (minpos, maxpos, minkw): (usize, usize, usize),
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let nargs = pos.len();
    let kwargs: Vec<(&str, &'a PyRef)> = args.kwargs().collect();
    let nkwargs = kwargs.len();
    let maxargs = names.len();
    let reqlimit = if minkw > 0 { maxpos + minkw } else { minpos };
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let mut out: Vec<Option<&'a PyRef>> = vec![None; maxargs];
    if nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos {
        for (slot, a) in out.iter_mut().zip(pos) {
            *slot = Some(a);
        }
        return Ok(out);
    }
    if nargs + nkwargs > maxargs {
        return Err(vm.type_error(format!(
            "{}() takes at most {} {}argument{} ({} given)",
            fname,
            maxargs,
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkwargs
        )));
    }
    if nargs > maxpos {
        return Err(vm.type_error(if maxpos == 0 {
            format!("{}() takes no positional arguments", fname)
        } else {
            format!(
                "{}() takes {} {} positional argument{} ({} given)",
                fname,
                if minpos < maxpos {
                    "at most"
                } else {
                    "exactly"
                },
                maxpos,
                plural(maxpos),
                nargs
            )
        }));
    }
    let minposonly = posonly.min(minpos);
    if nargs < minposonly {
        return Err(vm.type_error(format!(
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minposonly < maxpos {
                "at least"
            } else {
                "exactly"
            },
            minposonly,
            plural(minposonly),
            nargs
        )));
    }
    for (slot, a) in out.iter_mut().zip(pos) {
        *slot = Some(a);
    }
    let find = |name: &str| kwargs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let mut left = nkwargs;
    for i in nargs.max(posonly)..maxargs {
        let current = if left > 0 {
            find(names[i])
        } else if i >= reqlimit {
            break;
        } else {
            None
        };
        out[i] = current;
        if current.is_some() {
            left -= 1;
        } else if i < minpos || (maxpos <= i && i < reqlimit) {
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    if left > 0 {
        for (i, name) in names.iter().enumerate().take(nargs).skip(posonly) {
            if find(name).is_some() {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    name,
                    i + 1
                )));
            }
        }
        for (k, _) in &kwargs {
            if !names[posonly..].contains(k) {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, fname
                )));
            }
        }
    }
    Ok(out)
}

/// Whether `cls` uses `base`'s slot `id` (CPython's `type->tp_init ==
/// PyMap_Type.tp_init`-style tests in constructors).
pub fn same_slot(cls: &PyRef, base: &PyRef, id: typeobj::SlotId) -> bool {
    if cls.is(base) {
        return true;
    }
    match (cls.as_type(), base.as_type()) {
        (Some(c), Some(b)) => c.slots.same(&b.slots, id),
        _ => false,
    }
}
