//! Special methods shared by the built-in containers (`__len__`,
//! `__getitem__`, `__add__`, `__eq__`, ...): thin wrappers over the payload
//! operations of `objects::seq`, installed in each type's method table.

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::Args;
use crate::objects::{seq, set};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// Binds positional and keyword arguments (after `self`) to `names`; the
/// first `required` are mandatory. Returns one slot per name.
pub fn bind_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let pos = args.pos();
    let given = pos.len().saturating_sub(1);
    if given > names.len() {
        return Err(vm.type_error(if names.len() == 1 {
            format!("{}() takes exactly one argument ({} given)", fname, given)
        } else if names.is_empty() {
            format!("{}() takes no arguments ({} given)", fname, given)
        } else {
            format!(
                "{}() takes at most {} arguments ({} given)",
                fname,
                names.len(),
                given
            )
        }));
    }
    let mut out: Vec<Option<&'a PyRef>> = vec![None; names.len()];
    for (i, a) in pos.iter().skip(1).enumerate() {
        out[i] = Some(a);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k,
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, k
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(if required == 1 && names.len() == 1 {
                format!("{}() takes exactly one argument (0 given)", fname)
            } else {
                format!(
                    "{}() missing required argument '{}' (pos {})",
                    fname,
                    names[i],
                    i + 1
                )
            }));
        }
    }
    Ok(out)
}

/// `self` and exactly `n` more positional arguments.
pub fn self_and<'a>(vm: &Vm, args: &Args<'a>, fname: &str, n: usize) -> PyResult<&'a [PyRef]> {
    args.no_kwargs(vm, fname)?;
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.type_error(format!("descriptor '{}' needs an argument", fname)));
    }
    if pos.len() != n + 1 {
        let given = pos.len() - 1;
        return Err(vm.type_error(match n {
            0 => format!("{}() takes no arguments ({} given)", fname, given),
            1 => format!("{}() takes exactly one argument ({} given)", fname, given),
            _ => format!("expected {} arguments, got {}", n, given),
        }));
    }
    Ok(pos)
}

fn or_not_implemented(vm: &Vm, r: Option<PyRef>) -> PyRef {
    r.unwrap_or_else(|| vm.not_implemented.clone())
}

pub fn d_len(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__len__", 0)?;
    match seq::len(&p[0]) {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => match &p[0].payload {
            Payload::Range { .. } => {
                Ok(vm.new_int(crate::objects::range::range_len(vm, &p[0])? as i64))
            }
            _ => Err(vm.type_error(format!(
                "object of type '{}' has no len()",
                p[0].type_name()
            ))),
        },
    }
}

pub fn d_getitem(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__getitem__", 1)?;
    match seq::getitem(vm, &p[0], &p[1])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            p[0].type_name()
        ))),
    }
}

pub fn d_setitem(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__setitem__", 2)?;
    if seq::setitem(vm, &p[0], &p[1], p[2].clone())? {
        Ok(vm.none.clone())
    } else {
        Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            p[0].type_name()
        )))
    }
}

pub fn d_delitem(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__delitem__", 1)?;
    if seq::delitem(vm, &p[0], &p[1])? {
        Ok(vm.none.clone())
    } else {
        Err(vm.type_error(format!(
            "'{}' object doesn't support item deletion",
            p[0].type_name()
        )))
    }
}

pub fn d_contains(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__contains__", 1)?;
    match seq::contains(vm, &p[0], &p[1])? {
        Some(b) => Ok(vm.new_bool(b)),
        None => Err(vm.type_error(format!(
            "argument of type '{}' is not iterable",
            p[0].type_name()
        ))),
    }
}

pub fn d_iter(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__iter__", 0)?;
    native_iter(vm, &p[0])
}

/// The native iterator of a built-in container.
pub fn native_iter(vm: &Vm, obj: &PyRef) -> PyResult {
    match &obj.payload {
        Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) => {
            Ok(seq::seq_iter(vm, obj))
        }
        Payload::Set(_) => Ok(set::set_iter(vm, obj)),
        Payload::Dict(_) => Ok(crate::objects::dict_methods::dict_iter(
            vm,
            obj,
            crate::object::DictIterKind::Keys,
        )),
        Payload::DictView { dict, what } => {
            Ok(crate::objects::dict_methods::dict_iter(vm, dict, *what))
        }
        Payload::Range { .. } => crate::objects::range::range_iter(vm, obj),
        _ => Err(vm.type_error(format!("'{}' object is not iterable", obj.type_name()))),
    }
}

pub fn d_repr(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__repr__", 0)?;
    match seq::repr(vm, &p[0])? {
        Some(s) => Ok(vm.new_string(s)),
        None => Ok(vm.new_string(vm.default_repr(&p[0]))),
    }
}

pub fn d_hash(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__hash__", 0)?;
    match seq::hash(vm, &p[0])? {
        Some(h) => Ok(vm.new_int(h)),
        None => Err(vm.type_error(format!("unhashable type: '{}'", p[0].type_name()))),
    }
}

fn binop(vm: &Vm, args: Args, name: &str, op: u32, reflected: bool) -> PyResult {
    let p = self_and(vm, &args, name, 1)?;
    let (a, b) = if reflected {
        (&p[1], &p[0])
    } else {
        (&p[0], &p[1])
    };
    if reflected && op == nb::MULTIPLY {
        return Ok(or_not_implemented(
            vm,
            seq::repeat(vm, &p[0], &p[1], false)?,
        ));
    }
    let r = seq::binary(vm, a, b, op);
    match r {
        Ok(r) => Ok(or_not_implemented(vm, r)),
        // From a dunder call, a type mismatch is NotImplemented (the
        // protocol produces the final message).
        Err(e) if vm.exc_matches(&e, &vm.exc.type_error) && op % nb::INPLACE_OFFSET == nb::ADD => {
            Ok(vm.not_implemented.clone())
        }
        Err(e) => Err(e),
    }
}

pub fn d_add(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__add__", nb::ADD, false)
}
pub fn d_iadd(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__iadd__", nb::ADD + nb::INPLACE_OFFSET, false)
}
pub fn d_mul(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__mul__", nb::MULTIPLY, false)
}
pub fn d_rmul(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__rmul__", nb::MULTIPLY, true)
}
pub fn d_imul(vm: &Vm, args: Args) -> PyResult {
    binop(
        vm,
        args,
        "__imul__",
        nb::MULTIPLY + nb::INPLACE_OFFSET,
        false,
    )
}
pub fn d_mod(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__mod__", nb::REMAINDER, false)
}
pub fn d_rmod(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__rmod__", 1)?;
    if matches!(p[1].payload, Payload::Str(_) | Payload::Bytes(_)) {
        return Ok(or_not_implemented(
            vm,
            seq::binary(vm, &p[1], &p[0], nb::REMAINDER)?,
        ));
    }
    Ok(vm.not_implemented.clone())
}
pub fn d_or(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__or__", nb::OR, false)
}
pub fn d_ror(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__ror__", nb::OR, true)
}
pub fn d_ior(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__ior__", nb::OR + nb::INPLACE_OFFSET, false)
}
pub fn d_and(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__and__", nb::AND, false)
}
pub fn d_rand(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__rand__", nb::AND, true)
}
pub fn d_iand(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__iand__", nb::AND + nb::INPLACE_OFFSET, false)
}
pub fn d_sub(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__sub__", nb::SUBTRACT, false)
}
pub fn d_rsub(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__rsub__", nb::SUBTRACT, true)
}
pub fn d_isub(vm: &Vm, args: Args) -> PyResult {
    binop(
        vm,
        args,
        "__isub__",
        nb::SUBTRACT + nb::INPLACE_OFFSET,
        false,
    )
}
pub fn d_xor(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__xor__", nb::XOR, false)
}
pub fn d_rxor(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__rxor__", nb::XOR, true)
}
pub fn d_ixor(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, "__ixor__", nb::XOR + nb::INPLACE_OFFSET, false)
}

fn cmp(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let p = self_and(vm, &args, op.dunder(), 1)?;
    Ok(match seq::compare(vm, &p[0], &p[1], op)? {
        Some(b) => vm.new_bool(b),
        None => vm.not_implemented.clone(),
    })
}

pub fn d_eq(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Eq)
}
pub fn d_ne(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Ne)
}
pub fn d_lt(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Lt)
}
pub fn d_le(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Le)
}
pub fn d_gt(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Gt)
}
pub fn d_ge(vm: &Vm, args: Args) -> PyResult {
    cmp(vm, args, CompareOp::Ge)
}
