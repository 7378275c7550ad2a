//! Argument binding shared by the native methods of the built-in types
//! (CPython's clinic conventions and messages).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
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
