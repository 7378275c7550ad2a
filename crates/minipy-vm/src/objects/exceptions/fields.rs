//! The exception classes with members of their own (CPython's
//! `PyStopIterationObject`, `PyOSErrorObject`, `PySyntaxErrorObject`...):
//! their fields live in `ExceptionData::fields` by index, set by the
//! class's `__init__` and read and written through member descriptors.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, GetSetDef, MethodDef};
use crate::vm::Vm;

use super::{args_of, base_str, data, exception_new, no_keywords, set_args};

/// Field `I` of an exception (None while unset).
fn field<const I: usize>(vm: &Vm, e: &PyRef) -> PyResult {
    let d = data(vm, e)?;
    let f = d.fields.borrow();
    Ok(f.get(I)
        .cloned()
        .flatten()
        .unwrap_or_else(|| vm.none.clone()))
}

fn set_field<const I: usize>(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    put(vm, e, I, v)
}

/// Stores field `i` (None unsets it, as deleting a member does).
pub fn put(vm: &Vm, e: &PyRef, i: usize, v: Option<PyRef>) -> PyResult<()> {
    let d = data(vm, e)?;
    let old = {
        let mut f = d.fields.borrow_mut();
        if f.len() <= i {
            f.resize(i + 1, None);
        }
        std::mem::replace(&mut f[i], v)
    };
    drop(old);
    Ok(())
}

fn get(e: &PyRef, i: usize) -> Option<PyRef> {
    e.as_exception()
        .and_then(|d| d.fields.borrow().get(i).cloned().flatten())
}

const fn member<const I: usize>(name: &'static str, doc: &'static str) -> GetSetDef {
    GetSetDef::rw(name, field::<I>, set_field::<I>)
        .member()
        .doc(doc)
}

/// Keyword-only arguments of `__init__` (`"|$OO:ImportError"`).
fn kw_only<'a>(
    vm: &Vm,
    args: &Args<'a>,
    cls: &str,
    names: &[&str],
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let mut out = vec![None; names.len()];
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, cls
                )))
            }
        }
    }
    Ok(out)
}

// ----- StopIteration, SystemExit ----------------------------------------

pub fn stop_iteration_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    let a = args.pos();
    set_args(vm, e, a)?;
    put(vm, e, 0, a.first().cloned())
}

pub static STOP_ITERATION_MEMBERS: &[GetSetDef] = &[member::<0>("value", "generator return value")];

pub fn system_exit_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    let a = args.pos();
    set_args(vm, e, a)?;
    let code = match a.len() {
        0 => None,
        1 => Some(a[0].clone()),
        _ => Some(vm.new_tuple(a.to_vec())),
    };
    put(vm, e, 0, code)
}

pub static SYSTEM_EXIT_MEMBERS: &[GetSetDef] = &[member::<0>("code", "exception code")];

// ----- ImportError ---------------------------------------------------------

pub fn import_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    let kw = kw_only(vm, &args, "ImportError", &["name", "path"])?;
    let a = args.pos();
    set_args(vm, e, a)?;
    put(
        vm,
        e,
        0,
        if a.len() == 1 {
            Some(a[0].clone())
        } else {
            None
        },
    )?;
    put(vm, e, 1, kw[0].cloned())?;
    put(vm, e, 2, kw[1].cloned())
}

pub fn import_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    match get(e, 0) {
        Some(m) if m.class().is(&vm.types.str) => Ok(m),
        _ => Ok(vm.new_string(base_str(vm, e)?)),
    }
}

/// `(type, args, state)` with `name`/`path` in the state when set.
fn import_error_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let e = &a[0];
    let d = data(vm, e)?;
    let state = match d.dict.borrow().clone() {
        Some(dd) => {
            let c = vm.new_dict();
            crate::objects::dict::merge(vm, &c, &dd)?;
            c
        }
        None => vm.new_dict(),
    };
    for (i, n) in [(1, "name"), (2, "path")] {
        if let Some(v) = get(e, i).filter(|v| !v.is_none()) {
            crate::objects::dict::set_item(vm, &state, vm.intern(n), v)?;
        }
    }
    let targs = d.args.borrow().clone();
    let mut parts = vec![e.class().clone(), targs];
    if crate::objects::dict::len(&state) > 0 {
        parts.push(state);
    }
    Ok(vm.new_tuple(parts))
}

pub static IMPORT_ERROR_METHODS: &[MethodDef] =
    &[MethodDef::method("__reduce__", import_error_reduce)];

pub static IMPORT_ERROR_MEMBERS: &[GetSetDef] = &[
    member::<0>("msg", "exception message"),
    member::<1>("name", "module name"),
    member::<2>("path", "module path"),
];

// ----- KeyError, NameError, AttributeError ---------------------------------

/// `str(KeyError(k))` is `repr(k)`.
pub fn key_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let a = args_of(e);
    if a.len() == 1 {
        return vm.repr(&a[0]);
    }
    Ok(vm.new_string(base_str(vm, e)?))
}

pub fn name_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    let kw = kw_only(vm, &args, "NameError", &["name"])?;
    set_args(vm, e, args.pos())?;
    put(vm, e, 0, kw[0].cloned())
}

pub static NAME_ERROR_MEMBERS: &[GetSetDef] = &[member::<0>("name", "name")];

pub fn attribute_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    let kw = kw_only(vm, &args, "AttributeError", &["name", "obj"])?;
    set_args(vm, e, args.pos())?;
    put(vm, e, 0, kw[0].cloned())?;
    put(vm, e, 1, kw[1].cloned())
}

pub static ATTRIBUTE_ERROR_MEMBERS: &[GetSetDef] = &[
    member::<0>("name", "attribute name"),
    member::<1>("obj", "object"),
];

// ----- OSError -------------------------------------------------------------

const ERRNO: usize = 0;
const STRERROR: usize = 1;
const FILENAME: usize = 2;
const FILENAME2: usize = 3;
const WRITTEN: usize = 4;

/// The subclass `OSError(errno, ...)` makes for an errno (PEP 3151).
fn errno_class(vm: &Vm, errno: i64) -> Option<PyRef> {
    let name = match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        13 | 1 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    };
    vm.exc
        .all
        .iter()
        .find(|t| t.as_type().is_some_and(|d| &*d.name() == name))
        .cloned()
}

/// `OSError.__new__`: `OSError(errno, strerror)` makes the subclass for
/// the errno when called on `OSError` itself.
pub fn os_error_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if let Some(cls) = pos.first() {
        if cls.is(&vm.exc.os_error) && (3..=6).contains(&pos.len()) {
            if let Some(sub) = pos[1].as_small_int().and_then(|n| errno_class(vm, n)) {
                let mut v = vec![sub];
                v.extend_from_slice(&pos[1..]);
                return exception_new(vm, Args::with_kw(&v, &[]));
            }
        }
    }
    exception_new(vm, Args::with_kw(pos, &[]))
}

/// `OSError.__init__(errno, strerror[, filename[, winerror[, filename2]]])`.
pub fn os_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    let a = args.pos();
    set_args(vm, e, a)?;
    if !(2..=5).contains(&a.len()) {
        return Ok(());
    }
    put(vm, e, ERRNO, Some(a[0].clone()))?;
    put(vm, e, STRERROR, Some(a[1].clone()))?;
    if let Some(f) = a.get(2).filter(|f| !f.is_none()) {
        let blocking = e
            .class()
            .as_type()
            .is_some_and(|t| &*t.name() == "BlockingIOError" && !t.heap);
        if blocking && vm.index_i64(f).is_ok() {
            put(vm, e, WRITTEN, Some(vm.new_int(vm.index_i64(f)?)))?;
        } else {
            put(vm, e, FILENAME, Some(f.clone()))?;
            if let Some(f2) = a.get(4).filter(|f| !f.is_none()) {
                put(vm, e, FILENAME2, Some(f2.clone()))?;
            }
            // The filenames are not part of `args`.
            set_args(vm, e, &a[..2])?;
        }
    }
    Ok(())
}

pub fn os_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let (errno, strerror) = (get(e, ERRNO), get(e, STRERROR));
    let s = match (get(e, FILENAME), get(e, FILENAME2)) {
        (Some(f), Some(f2)) => format!(
            "[Errno {}] {}: {} -> {}",
            vm.str_string(&errno.unwrap_or_else(|| vm.none.clone()))?,
            vm.str_string(&strerror.unwrap_or_else(|| vm.none.clone()))?,
            vm.repr_string(&f)?,
            vm.repr_string(&f2)?
        ),
        (Some(f), None) => format!(
            "[Errno {}] {}: {}",
            vm.str_string(&errno.unwrap_or_else(|| vm.none.clone()))?,
            vm.str_string(&strerror.unwrap_or_else(|| vm.none.clone()))?,
            vm.repr_string(&f)?
        ),
        _ => match (errno, strerror) {
            (Some(n), Some(s)) => format!("[Errno {}] {}", vm.str_string(&n)?, vm.str_string(&s)?),
            _ => base_str(vm, e)?,
        },
    };
    Ok(vm.new_string(s))
}

fn os_error_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let e = &a[0];
    let d = data(vm, e)?;
    let mut targs = args_of(e);
    if targs.len() == 2 {
        if let Some(f) = get(e, FILENAME) {
            targs.push(f);
            if let Some(f2) = get(e, FILENAME2) {
                targs.push(vm.none.clone());
                targs.push(f2);
            }
        }
    }
    let mut parts = vec![e.class().clone(), vm.new_tuple(targs)];
    if let Some(dict) = d.dict.borrow().clone() {
        parts.push(dict);
    }
    Ok(vm.new_tuple(parts))
}

fn characters_written(vm: &Vm, e: &PyRef) -> PyResult {
    get(e, WRITTEN).ok_or_else(|| vm.attribute_error("characters_written".to_string()))
}

fn set_characters_written(vm: &Vm, e: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    match v {
        None => {
            if get(e, WRITTEN).is_none() {
                return Err(vm.attribute_error("characters_written".to_string()));
            }
            put(vm, e, WRITTEN, None)
        }
        Some(v) => {
            let n = vm.index_i64(&v)?;
            put(vm, e, WRITTEN, Some(vm.new_int(n)))
        }
    }
}

pub static OS_ERROR_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", os_error_reduce)];

pub static OS_ERROR_MEMBERS: &[GetSetDef] = &[
    member::<ERRNO>("errno", "POSIX exception code"),
    member::<STRERROR>("strerror", "exception strerror"),
    member::<FILENAME>("filename", "exception filename"),
    member::<FILENAME2>("filename2", "second exception filename"),
    GetSetDef::rw(
        "characters_written",
        characters_written,
        set_characters_written,
    ),
];

// ----- SyntaxError ---------------------------------------------------------

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno[, end_offset]]))`.
pub fn syntax_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    let a = args.pos();
    set_args(vm, e, a)?;
    init_syntax_fields(vm, e, a)
}

fn init_syntax_fields(vm: &Vm, e: &PyRef, a: &[PyRef]) -> PyResult<()> {
    if let Some(m) = a.first() {
        put(vm, e, 0, Some(m.clone()))?;
    }
    if a.len() == 2 {
        let info = vm.iterate(&a[1])?;
        if info.len() < 4 {
            return Err(vm.type_error(format!(
                "function takes at least 4 arguments ({} given)",
                info.len()
            )));
        }
        if info.len() > 6 {
            return Err(vm.type_error(format!(
                "function takes at most 6 arguments ({} given)",
                info.len()
            )));
        }
        for (i, v) in info.into_iter().enumerate() {
            put(vm, e, 1 + i, Some(v))?;
        }
    }
    Ok(())
}

/// `msg (file.py, line N)` (the file's base name).
pub fn syntax_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let msg = match get(e, 0) {
        Some(m) => vm.str_string(&m)?,
        None => "None".to_string(),
    };
    let file = get(e, 1).and_then(|f| {
        f.as_str()
            .map(|s| s.rsplit('/').next().unwrap_or(s).to_string())
    });
    let line = get(e, 2)
        .filter(|l| l.class().is(&vm.types.int))
        .and_then(|l| l.as_small_int());
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
        (Some(f), None) => format!("{} ({})", msg, f),
        (None, Some(l)) => format!("{} (line {})", msg, l),
        (None, None) => msg,
    };
    Ok(vm.new_string(s))
}

pub static SYNTAX_ERROR_MEMBERS: &[GetSetDef] = &[
    member::<0>("msg", "exception msg"),
    member::<1>("filename", "exception filename"),
    member::<2>("lineno", "exception lineno"),
    member::<3>("offset", "exception offset"),
    member::<4>("text", "exception text"),
    member::<5>("end_lineno", "exception end lineno"),
    member::<6>("end_offset", "exception end offset"),
    member::<7>("print_file_and_line", "exception print_file_and_line"),
];

// ----- UnicodeError subclasses ---------------------------------------------

const ENCODING: usize = 0;
const OBJECT: usize = 1;
const START: usize = 2;
const END: usize = 3;
const REASON: usize = 4;

/// Checks positional argument `i` of a Unicode error's `__init__`.
fn unicode_arg(vm: &Vm, a: &[PyRef], i: usize, want: &PyRef, what: &str) -> PyResult<PyRef> {
    let v = &a[i];
    if !typeobj::is_subtype(v.class(), want) {
        return Err(vm.type_error(format!(
            "argument {} must be {}, not {}",
            i + 1,
            what,
            v.type_name()
        )));
    }
    Ok(v.clone())
}

fn unicode_init(vm: &Vm, e: &PyRef, args: Args, name: &str, translate: bool) -> PyResult<()> {
    no_keywords(vm, e, &args)?;
    let a = args.pos();
    set_args(vm, e, a)?;
    let n = if translate { 4 } else { 5 };
    if a.len() != n {
        return Err(vm.type_error(format!(
            "function takes exactly {} arguments ({} given)",
            n,
            a.len()
        )));
    }
    let _ = name;
    let off = usize::from(!translate);
    if !translate {
        put(
            vm,
            e,
            ENCODING,
            Some(unicode_arg(vm, a, 0, &vm.types.str, "str")?),
        )?;
    }
    let obj = if translate || name == "UnicodeEncodeError" {
        unicode_arg(vm, a, off, &vm.types.str, "str")?
    } else {
        let v = a[off].clone();
        if !matches!(v.payload, Payload::Bytes(_) | Payload::ByteArray(_)) {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                v.type_name()
            )));
        }
        vm.new_bytes(bytes_like(&v).unwrap_or_default())
    };
    put(vm, e, OBJECT, Some(obj))?;
    let start = vm.index_i64(&a[off + 1])?;
    let end = vm.index_i64(&a[off + 2])?;
    put(vm, e, START, Some(vm.new_int(start)))?;
    put(vm, e, END, Some(vm.new_int(end)))?;
    put(
        vm,
        e,
        REASON,
        Some(unicode_arg(vm, a, off + 3, &vm.types.str, "str")?),
    )
}

pub fn unicode_decode_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    unicode_init(vm, e, args, "UnicodeDecodeError", false)
}
pub fn unicode_encode_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    unicode_init(vm, e, args, "UnicodeEncodeError", false)
}
pub fn unicode_translate_error_init(vm: &Vm, e: &PyRef, args: Args) -> PyResult<()> {
    unicode_init(vm, e, args, "UnicodeTranslateError", true)
}

/// The fields a Unicode error's str needs; None (an empty str) when its
/// `__init__` has not set them.
/// A Unicode error's `(encoding, object, start, end, reason)`.
type UnicodeParts = (String, PyRef, i64, i64, String);

fn unicode_parts(vm: &Vm, e: &PyRef) -> PyResult<Option<UnicodeParts>> {
    let (Some(obj), Some(start), Some(end), Some(reason)) =
        (get(e, OBJECT), get(e, START), get(e, END), get(e, REASON))
    else {
        return Ok(None);
    };
    let enc = match get(e, ENCODING) {
        Some(enc) => vm.str_string(&enc)?,
        None => String::new(),
    };
    Ok(Some((
        enc,
        obj,
        vm.index_i64(&start)?,
        vm.index_i64(&end)?,
        vm.str_string(&reason)?,
    )))
}

/// The str of a Unicode error whose fields are unset: CPython's is empty
/// (its `__init__` did not run); one the VM made from a message alone
/// shows the message.
fn unset_unicode_str(vm: &Vm, e: &PyRef) -> PyResult {
    Ok(vm.new_string(base_str(vm, e)?))
}

/// `'\xNN'`, `'\uNNNN'` or `'\UNNNNNNNN'` for a code point.
fn escaped(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

pub fn unicode_decode_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let Some((enc, obj, start, end, reason)) = unicode_parts(vm, e)? else {
        return unset_unicode_str(vm, e);
    };
    let bytes = bytes_like(&obj).unwrap_or_default();
    let s = match usize::try_from(start).ok().and_then(|i| bytes.get(i)) {
        Some(b) if end == start + 1 => format!(
            "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
            enc, b, start, reason
        ),
        _ => format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            enc,
            start,
            end - 1,
            reason
        ),
    };
    Ok(vm.new_string(s))
}

fn char_at(obj: &PyRef, i: i64) -> Option<char> {
    obj.as_str()
        .and_then(|s| usize::try_from(i).ok().and_then(|i| s.chars().nth(i)))
}

pub fn unicode_encode_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let Some((enc, obj, start, end, reason)) = unicode_parts(vm, e)? else {
        return unset_unicode_str(vm, e);
    };
    let s = match char_at(&obj, start) {
        Some(c) if end == start + 1 => format!(
            "'{}' codec can't encode character '{}' in position {}: {}",
            enc,
            escaped(c),
            start,
            reason
        ),
        _ => format!(
            "'{}' codec can't encode characters in position {}-{}: {}",
            enc,
            start,
            end - 1,
            reason
        ),
    };
    Ok(vm.new_string(s))
}

pub fn unicode_translate_error_str(vm: &Vm, e: &PyRef) -> PyResult {
    let Some((_, obj, start, end, reason)) = unicode_parts(vm, e)? else {
        return unset_unicode_str(vm, e);
    };
    let s = match char_at(&obj, start) {
        Some(c) if end == start + 1 => format!(
            "can't translate character '{}' in position {}: {}",
            escaped(c),
            start,
            reason
        ),
        _ => format!(
            "can't translate characters in position {}-{}: {}",
            start,
            end - 1,
            reason
        ),
    };
    Ok(vm.new_string(s))
}

pub static UNICODE_ERROR_MEMBERS: &[GetSetDef] = &[
    member::<ENCODING>("encoding", "exception encoding"),
    member::<OBJECT>("object", "exception object"),
    member::<START>("start", "exception start"),
    member::<END>("end", "exception end"),
    member::<REASON>("reason", "exception reason"),
];

/// The native `__init__` of `cls`'s nearest built-in exception class with
/// fields, for exceptions the VM makes itself (`Vm::new_exception`),
/// which CPython would make by calling the class.
pub fn native_init(vm: &Vm, cls: &PyRef) -> Option<crate::objects::typeobj::slots::InitFn> {
    let t = cls.as_type()?;
    let mro = t.mro.borrow();
    for c in mro.iter() {
        let Some(ct) = c.as_type() else { continue };
        if ct.heap {
            continue;
        }
        if c.is(&vm.exc.base_exception) || c.is(&vm.exc.exception) {
            return None;
        }
        if let Some(spec) = ct.spec.get() {
            if spec.getsets.is_empty() {
                continue;
            }
            return ct.slots.init();
        }
    }
    None
}

fn bytes_like(v: &PyRef) -> Option<Vec<u8>> {
    match &v.payload {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}
