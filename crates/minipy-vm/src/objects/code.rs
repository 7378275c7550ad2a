//! `code` (`types.CodeType`): a compiled code object (CPython 3.11's
//! `Objects/codeobject.c`). The payload is the runtime code object,
//! [`CodeInfo`]: the compiler's `CodeObject` plus its constants and names
//! as objects (made once, at load time) and the side table of inline
//! caches its cached instructions use (their layout is here, the logic
//! that fills and reads them in `eval/inline_cache.rs`).

use std::cell::Cell;
use std::rc::Rc;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, GetSetDef, Layout, MethodDef, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;
use minipy_bytecode::opcode::Opcode;
use minipy_bytecode::{CodeObject, Constant};

/// A code object together with its constants and names turned into objects
/// once, at load time.
pub struct CodeInfo {
    pub code: Rc<CodeObject>,
    pub consts: Vec<PyRef>,
    /// `co_names` as interned `str` objects.
    pub names: Vec<PyRef>,
    /// `co_localsplusnames` as interned `str` objects.
    pub localsplusnames: Vec<PyRef>,
    /// Number of leading `fast` slots that are parameters.
    pub total_args: usize,
    /// The code units the loop runs: a copy of `co_code`, unmodified (read
    /// through `CodeInfo` it is one pointer hop nearer than through the
    /// `Rc<CodeObject>`, which measurably slows the fetch).
    pub units: Box<[u16]>,
    /// By code unit of `co_code`, the index in `caches` of the instruction
    /// starting there if it has an inline cache (see `eval::inline_cache`).
    pub slots: Box<[u16]>,
    pub caches: Box<[Cell<InlineCache>]>,
}

impl CodeInfo {
    pub fn new(vm: &Vm, code: Rc<CodeObject>) -> Rc<CodeInfo> {
        let consts = code
            .co_consts
            .iter()
            .map(|c| const_to_object(vm, c))
            .collect();
        let names = code.co_names.iter().map(|n| vm.intern(n)).collect();
        let localsplusnames = code
            .co_localsplusnames
            .iter()
            .map(|n| vm.intern(n))
            .collect();
        let mut total_args = (code.co_argcount + code.co_kwonlyargcount) as usize;
        if code.co_flags & minipy_bytecode::code::flags::VARARGS != 0 {
            total_args += 1;
        }
        if code.co_flags & minipy_bytecode::code::flags::VARKEYWORDS != 0 {
            total_args += 1;
        }
        let (slots, caches) = assign(&code.co_code);
        let units = code.co_code.as_slice().into();
        Rc::new(CodeInfo {
            code,
            consts,
            names,
            localsplusnames,
            total_args,
            units,
            slots,
            caches,
        })
    }
}

/// Turns a compile-time constant into an object.
pub fn const_to_object(vm: &Vm, c: &Constant) -> PyRef {
    match c {
        Constant::None => vm.none.clone(),
        Constant::Ellipsis => vm.ellipsis.clone(),
        Constant::Bool(b) => vm.new_bool(*b),
        Constant::Int(i) => vm.new_int(*i),
        Constant::BigInt(b) => vm.new_bigint(b.clone()),
        Constant::Float(f) => vm.new_float(*f),
        Constant::Complex { re, im } => vm.new_complex(*re, *im),
        // CPython interns the string constants made only of name
        // characters (`all_name_chars` in codeobject.c).
        Constant::Str(s) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
            vm.intern(s)
        }
        Constant::Str(s) => vm.new_str(s),
        Constant::Bytes(b) => vm.new_bytes(b.to_vec()),
        Constant::Tuple(items) => {
            vm.new_tuple(items.iter().map(|c| const_to_object(vm, c)).collect())
        }
        Constant::FrozenSet(items) => {
            let items: Vec<PyRef> = items.iter().map(|c| const_to_object(vm, c)).collect();
            vm.new_frozenset_from(items)
        }
        Constant::Code(code) => vm.new_code(CodeInfo::new(vm, code.clone())),
    }
}

/// No cache slot (more cached instructions than a code unit can number).
const NO_SLOT: u16 = u16::MAX;

/// One instruction's cached facts (the table in `eval/inline_cache.rs`
/// says what each kind holds; the logic that fills and reads them is there).
#[derive(Clone, Copy, Default)]
pub struct InlineCache {
    pub(crate) key1: u64,
    pub(crate) key2: u64,
    pub(crate) index: u32,
    /// What was learned (`eval::inline_cache`'s kinds; 0: nothing).
    pub(crate) kind: u32,
}

fn has_cache(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR | Opcode::STORE_ATTR | Opcode::LOAD_METHOD
    )
}

/// The cache slot of each cached instruction, by its code unit (`NO_SLOT`
/// elsewhere), and the (empty) caches.
pub fn assign(co_code: &[u16]) -> (Box<[u16]>, Box<[Cell<InlineCache>]>) {
    let mut slots: Box<[u16]> = vec![NO_SLOT; co_code.len()].into();
    let mut n: u16 = 0;
    let mut ip = 0;
    while ip < co_code.len() {
        let Some(op) = Opcode::from_u8((co_code[ip] & 0xff) as u8) else {
            ip += 1;
            continue;
        };
        if has_cache(op) && n < NO_SLOT {
            slots[ip] = n;
            n += 1;
        }
        ip += 1 + op.cache_entries();
    }
    let caches = (0..n).map(|_| Cell::new(InlineCache::default())).collect();
    (slots, caches)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assign_numbers_cached_instructions() {
        let lg = Opcode::LOAD_GLOBAL as u16;
        let nop = Opcode::NOP as u16;
        let mut code = vec![nop, lg | (2 << 8)];
        code.extend(std::iter::repeat_n(0, Opcode::LOAD_GLOBAL.cache_entries()));
        code.push(lg);
        code.extend(std::iter::repeat_n(0, Opcode::LOAD_GLOBAL.cache_entries()));
        let (slots, caches) = assign(&code);
        assert_eq!(caches.len(), 2);
        assert_eq!(slots.len(), code.len());
        assert_eq!(slots[1], 0);
        assert_eq!(slots[2 + Opcode::LOAD_GLOBAL.cache_entries()], 1);
        assert_eq!(slots[0], NO_SLOT);
        assert_eq!(slots[2], NO_SLOT);
    }
}
