//! `code` (`types.CodeType`): a compiled code object as Python sees it
//! (CPython 3.11's `Objects/codeobject.c`). The payload is the VM's
//! `CodeInfo` (the `CodeObject` plus its constants as objects).

use std::rc::Rc;

use crate::frame::CodeInfo;
use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::Args;
use crate::objects::typeobj::{slot, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn this<'a>(vm: &Vm, c: &'a PyRef) -> PyResult<&'a Rc<CodeInfo>> {
    match &c.payload {
        Payload::Code(ci) => Ok(ci),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "code slot called on another object".to_string(),
        )),
    }
}

/// `types.CodeType(...)`: building code objects from their fields is not
/// supported yet.
fn code_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.unsupported("constructing code objects"))
}

/// `<code object f at 0x..., file "x.py", line 3>`.
fn code_repr(vm: &Vm, c: &PyRef) -> PyResult {
    let co = &this(vm, c)?.code;
    Ok(vm.new_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        co.co_name,
        c.addr(),
        co.co_filename,
        co.co_firstlineno
    )))
}

/// The fields `code_richcompare` compares (the constants by value and
/// type, nested code objects by these same fields).
fn same_code(a: &minipy_bytecode::CodeObject, b: &minipy_bytecode::CodeObject) -> bool {
    a.co_name == b.co_name
        && a.co_argcount == b.co_argcount
        && a.co_posonlyargcount == b.co_posonlyargcount
        && a.co_kwonlyargcount == b.co_kwonlyargcount
        && a.co_flags == b.co_flags
        && a.co_firstlineno == b.co_firstlineno
        && a.co_code == b.co_code
        && a.co_consts == b.co_consts
        && a.co_names == b.co_names
        && a.co_localsplusnames == b.co_localsplusnames
        && a.co_linetable == b.co_linetable
        && a.co_exceptiontable == b.co_exceptiontable
}

fn code_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Code(x), Payload::Code(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let eq = Rc::ptr_eq(&x.code, &y.code) || same_code(&x.code, &y.code);
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

/// A hash of the fields equality compares (names, counts, flags, code).
fn code_hash(vm: &Vm, c: &PyRef) -> PyResult<i64> {
    use std::hash::{Hash, Hasher};
    let co = &this(vm, c)?.code;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    co.co_name.hash(&mut h);
    co.co_argcount.hash(&mut h);
    co.co_flags.hash(&mut h);
    co.co_firstlineno.hash(&mut h);
    co.co_code.hash(&mut h);
    co.co_names.hash(&mut h);
    let v = (h.finish() >> 1) as i64;
    Ok(if v == -1 { -2 } else { v })
}

fn strs(vm: &Vm, v: &[Rc<str>]) -> PyRef {
    vm.new_tuple(v.iter().map(|s| vm.new_str(s)).collect())
}

macro_rules! code_int {
    ($($f:ident => $e:expr;)*) => {$(
        fn $f(vm: &Vm, c: &PyRef) -> PyResult {
            let co = &this(vm, c)?.code;
            let f: fn(&minipy_bytecode::CodeObject) -> i64 = $e;
            Ok(vm.new_int(f(co)))
        }
    )*};
}

code_int! {
    co_argcount => |co| co.co_argcount as i64;
    co_posonlyargcount => |co| co.co_posonlyargcount as i64;
    co_kwonlyargcount => |co| co.co_kwonlyargcount as i64;
    co_stacksize => |co| co.co_stacksize as i64;
    co_flags => |co| co.co_flags as i64;
    co_nlocals => |co| co.co_nlocals() as i64;
    co_firstlineno => |co| co.co_firstlineno as i64;
}

fn co_consts(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_tuple(this(vm, c)?.consts.clone()))
}
fn co_names(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_tuple(this(vm, c)?.names.clone()))
}
fn co_filename(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_str(&this(vm, c)?.code.co_filename))
}
fn co_name(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.intern(&this(vm, c)?.code.co_name))
}
fn co_qualname(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_str(&this(vm, c)?.code.co_qualname))
}
fn co_linetable(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_bytes(this(vm, c)?.code.co_linetable.clone()))
}
fn co_exceptiontable(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_bytes(this(vm, c)?.code.co_exceptiontable.clone()))
}
fn co_varnames(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(strs(vm, &this(vm, c)?.code.co_varnames()))
}
fn co_cellvars(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(strs(vm, &this(vm, c)?.code.co_cellvars()))
}
fn co_freevars(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(strs(vm, &this(vm, c)?.code.co_freevars()))
}
fn co_code(vm: &Vm, c: &PyRef) -> PyResult {
    Ok(vm.new_bytes(this(vm, c)?.code.code_bytes()))
}

fn opt_int(vm: &Vm, v: Option<i32>) -> PyRef {
    match v {
        Some(i) => vm.new_int(i as i64),
        None => vm.none.clone(),
    }
}

/// `co_lines()`: an iterator of `(start, end, line)`, offsets in bytes.
fn co_lines(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "co_lines", 1, 1)?;
    let co = &this(vm, &a[0])?.code;
    let items: Vec<PyRef> = co
        .co_lines()
        .into_iter()
        .map(|(s, e, l)| {
            vm.new_tuple(vec![
                vm.new_int(s as i64),
                vm.new_int(e as i64),
                opt_int(vm, l),
            ])
        })
        .collect();
    vm.iter(&vm.new_list(items))
}

/// `co_positions()`: an iterator of `(line, end_line, col, end_col)`, one
/// per code unit.
fn co_positions(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "co_positions", 1, 1)?;
    let co = &this(vm, &a[0])?.code;
    let items: Vec<PyRef> = co
        .co_positions()
        .into_iter()
        .map(|(l, el, c, ec)| {
            vm.new_tuple(vec![
                opt_int(vm, l),
                opt_int(vm, el),
                opt_int(vm, c),
                opt_int(vm, ec),
            ])
        })
        .collect();
    vm.iter(&vm.new_list(items))
}

fn code_replace(vm: &Vm, args: Args) -> PyResult {
    let a = args.pos();
    let Some(c) = a.first() else {
        return Err(vm.type_error("replace() needs a code object".to_string()));
    };
    this(vm, c)?;
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "replace() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    if !args.has_kwargs() {
        return Ok(c.clone());
    }
    Err(vm.unsupported("code.replace() with changes"))
}

fn varname_from_oparg(vm: &Vm, args: Args) -> PyResult {
    let a = args.pos();
    let (Some(c), Some(i)) = (a.first(), a.get(1).or(args.kwarg("oparg"))) else {
        return Err(vm.type_error(
            "_varname_from_oparg() missing required argument 'oparg' (pos 1)".to_string(),
        ));
    };
    let names = &this(vm, c)?.localsplusnames;
    let i = vm.index_i64(i)?;
    match usize::try_from(i).ok().and_then(|i| names.get(i)) {
        Some(n) => Ok(n.clone()),
        None => Err(vm.index_error("tuple index out of range".to_string())),
    }
}

fn code_sizeof(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    let ci = this(vm, &a[0])?;
    let n = std::mem::size_of::<CodeInfo>()
        + std::mem::size_of::<minipy_bytecode::CodeObject>()
        + ci.code.co_code.len() * 2
        + ci.code.co_linetable.len()
        + ci.code.co_exceptiontable.len();
    Ok(vm.new_int(n as i64))
}

pub static CODE_TYPE: TypeSpec = TypeSpec {
    name: "code",
    doc: Some("code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,\n     flags, codestring, constants, names, varnames, filename, name,\n     qualname, firstlineno, linetable, exceptiontable, freevars=(),\n     cellvars=(), /)\n--\n\nCreate a code object.  Not for the faint of heart."),
    layout: Layout::Other,
    flags: 0,
    slots: &[
        slot::tp_new(code_new),
        slot::repr(code_repr),
        slot::hash(code_hash),
        slot::richcompare(code_richcompare),
    ],
    methods: &[
        MethodDef::method("__sizeof__", code_sizeof),
        MethodDef::method("co_lines", co_lines),
        MethodDef::method("co_positions", co_positions),
        MethodDef::method("replace", code_replace).doc("replace($self, /, **changes)\n--\n\nReturn a copy of the code object with new values for the specified fields."),
        MethodDef::method("_varname_from_oparg", varname_from_oparg).doc("_varname_from_oparg($self, /, oparg)\n--\n\n(internal-only) Return the local variable name for the given oparg.\n\nWARNING: this method is for internal use only and may change or go away."),
    ],
    getsets: &[
        GetSetDef::new("co_argcount", co_argcount).member(),
        GetSetDef::new("co_posonlyargcount", co_posonlyargcount).member(),
        GetSetDef::new("co_kwonlyargcount", co_kwonlyargcount).member(),
        GetSetDef::new("co_stacksize", co_stacksize).member(),
        GetSetDef::new("co_flags", co_flags).member(),
        GetSetDef::new("co_nlocals", co_nlocals).member(),
        GetSetDef::new("co_consts", co_consts).member(),
        GetSetDef::new("co_names", co_names).member(),
        GetSetDef::new("co_filename", co_filename).member(),
        GetSetDef::new("co_name", co_name).member(),
        GetSetDef::new("co_qualname", co_qualname).member(),
        GetSetDef::new("co_firstlineno", co_firstlineno).member(),
        GetSetDef::new("co_linetable", co_linetable).member(),
        GetSetDef::new("co_exceptiontable", co_exceptiontable).member(),
        GetSetDef::new("_co_code_adaptive", co_code),
        GetSetDef::new("co_varnames", co_varnames),
        GetSetDef::new("co_cellvars", co_cellvars),
        GetSetDef::new("co_freevars", co_freevars),
        GetSetDef::new("co_code", co_code),
    ],
};
