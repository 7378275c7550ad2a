//! `function` (Python functions) and `builtin_function_or_method` (native
//! functions), with the argument-passing convention they share.

use std::cell::RefCell;
use std::rc::Rc;

use crate::frame::CodeInfo;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// Arguments of a call in CPython's vectorcall shape: positional values,
/// then keyword values whose names are `kwnames` (same order).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [PyRef],
    pub kwnames: &'a [PyRef],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    pub fn with_kw(args: &'a [PyRef], kwnames: &'a [PyRef]) -> Args<'a> {
        Args { args, kwnames }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [PyRef] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// `(name, value)` of each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a PyRef)> + 'a {
        let kwvals = &self.args[self.args.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .zip(kwvals)
            .map(|(n, v)| (n.as_str().unwrap_or(""), v))
    }

    pub fn kwarg(&self, name: &str) -> Option<&'a PyRef> {
        self.kwargs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// Fails with CPython's message if any keyword was passed.
    pub fn no_kwargs(&self, vm: &Vm, fname: &str) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!("{}() takes no keyword arguments", fname)))
        }
    }

    /// Fails unless every keyword is one of `allowed`.
    pub fn only_kwargs(&self, vm: &Vm, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for (n, _) in self.kwargs() {
            if !allowed.contains(&n) {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, n
                )));
            }
        }
        Ok(())
    }

    /// For a method: checks that `min..=max` arguments follow `self` and no
    /// keywords were passed (CPython's `name expected at least 1 argument,
    /// got 0`); returns the positional arguments, `self` first.
    pub fn check_method(
        &self,
        vm: &Vm,
        fname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [PyRef]> {
        self.no_kwargs(vm, fname)?;
        let pos = self.pos();
        let n = pos.len().saturating_sub(1);
        let bound = if n < min {
            Some(("least", min))
        } else if n > max {
            Some(("most", max))
        } else {
            None
        };
        match bound {
            None => Ok(pos),
            Some((which, b)) => Err(vm.type_error(format!(
                "{} expected at {} {} argument{}, got {}",
                fname,
                which,
                b,
                if b == 1 { "" } else { "s" },
                n
            ))),
        }
    }

    /// Checks the positional count against `min..=max` with CPython's wording.
    pub fn check(&self, vm: &Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
        let pos = self.pos();
        let n = pos.len();
        if n >= min && n <= max {
            return Ok(pos);
        }
        let msg = if min == max {
            match min {
                0 => format!("{}() takes no arguments ({} given)", fname, n),
                1 => format!("{}() takes exactly one argument ({} given)", fname, n),
                _ => format!("{} expected {} arguments, got {}", fname, min, n),
            }
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                fname,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                fname,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        Err(vm.type_error(msg))
    }
}

/// A native function: receives the VM and the arguments (for methods the
/// first positional argument is `self`).
pub type NativeFn = fn(&Vm, Args) -> PyResult;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKind {
    /// Module-level function: never binds.
    Function,
    /// Method descriptor: binds to the instance it is looked up on.
    Method,
    /// Binds to the class (`dict.fromkeys`).
    ClassMethod,
    /// Never binds (`str.maketrans`).
    StaticMethod,
}

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The bound object (`[].append.__self__`).
    pub self_: Option<PyRef>,
    /// Name of the owning type, for reprs.
    pub owner: Option<Rc<str>>,
}

/// A Python function (`PyFunctionObject`).
pub struct Function {
    pub code: Rc<CodeInfo>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    pub defaults: RefCell<Option<PyRef>>,
    pub kwdefaults: RefCell<Option<PyRef>>,
    pub annotations: RefCell<Option<PyRef>>,
    pub closure: Option<PyRef>,
    pub dict: RefCell<Option<PyRef>>,
    pub module: RefCell<Option<PyRef>>,
    pub doc: RefCell<Option<PyRef>>,
}

impl Function {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        visit(&self.globals);
        visit(&self.builtins);
        for r in [&self.name, &self.qualname] {
            if let Ok(v) = r.try_borrow() {
                visit(&v);
            }
        }
        for r in [
            &self.defaults,
            &self.kwdefaults,
            &self.annotations,
            &self.dict,
            &self.module,
            &self.doc,
        ] {
            if let Ok(v) = r.try_borrow() {
                if let Some(v) = &*v {
                    visit(v);
                }
            }
        }
        if let Some(c) = &self.closure {
            visit(c);
        }
    }
}
