//! `open()` and regular file objects.
//!
//! A file object is an instance of `TextIOWrapper` whose instance dict
//! holds its state: `name`, `mode`, `closed`, and the private `_data` (the
//! whole content, read at open time, as `str` or `bytes`), `_pos` (byte
//! offset into `_data`), `_path`, `_binary`, `_readable`, `_writable`.
//! Writes go straight to the file (appending), so nothing is lost when a
//! file is not closed.

use std::io::Write;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::vm::Vm;

use super::textio_type;

fn idict(obj: &PyRef) -> Option<PyRef> {
    match &obj.payload {
        Payload::Instance(inst) => inst.dict(),
        _ => None,
    }
}

fn get(vm: &Vm, obj: &PyRef, key: &str) -> Option<PyRef> {
    idict(obj).and_then(|d| dict::get_str(vm, &d, &vm.intern(key)))
}

fn set(vm: &Vm, obj: &PyRef, key: &str, v: PyRef) {
    if let Some(d) = idict(obj) {
        dict::set_str(vm, &d, vm.intern(key), v);
    }
}

/// A boolean state entry of the file's dict.
pub fn flag(vm: &Vm, obj: &PyRef, key: &str) -> bool {
    get(vm, obj, key)
        .and_then(|v| v.as_small_int())
        .unwrap_or(0)
        != 0
}

pub fn attr_str(vm: &Vm, obj: &PyRef, key: &str) -> String {
    get(vm, obj, key)
        .and_then(|v| v.as_str().map(|s| s.to_string()))
        .unwrap_or_default()
}

pub fn attr_repr(vm: &Vm, obj: &PyRef, key: &str) -> PyResult<String> {
    match get(vm, obj, key) {
        Some(v) => vm.repr_string(&v),
        None => Ok("None".to_string()),
    }
}

fn exc_type(vm: &Vm, name: &str) -> PyRef {
    vm.exc
        .all
        .iter()
        .find(|t| t.as_type().map(|d| &*d.name() == name).unwrap_or(false))
        .cloned()
        .unwrap_or_else(|| vm.exc.os_error.clone())
}

/// `FileNotFoundError: [Errno 2] No such file or directory: 'x'` and kin.
fn os_error(vm: &Vm, e: &std::io::Error, path: &PyRef) -> PyRef {
    let (ty, msg) = match e.raw_os_error() {
        Some(2) => ("FileNotFoundError", "No such file or directory".to_string()),
        Some(13) => ("PermissionError", "Permission denied".to_string()),
        Some(17) => ("FileExistsError", "File exists".to_string()),
        Some(20) => ("NotADirectoryError", "Not a directory".to_string()),
        Some(21) => ("IsADirectoryError", "Is a directory".to_string()),
        _ => ("OSError", e.to_string()),
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let p = vm.repr_string(path).unwrap_or_default();
    vm.new_error(
        &exc_type(vm, ty),
        format!("[Errno {}] {}: {}", errno, msg, p),
    )
}

pub fn check_open(vm: &Vm, obj: &PyRef) -> PyResult<()> {
    if flag(vm, obj, "closed") {
        return Err(vm.value_error("I/O operation on closed file.".to_string()));
    }
    Ok(())
}

pub fn close(vm: &Vm, obj: &PyRef) {
    set(vm, obj, "closed", vm.true_.clone());
    set(vm, obj, "_data", vm.none.clone());
}

fn unsupported_op(vm: &Vm, what: &str) -> PyRef {
    vm.new_error(&vm.exc.os_error, what.to_string())
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open_file(vm: &Vm, args: Args) -> PyResult {
    let a = crate::builtins::parse_args(
        vm,
        &args,
        "open",
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
    )?;
    let Some(file) = a[0].clone() else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)".to_string()));
    };
    let Some(path) = file.as_str().map(|s| s.to_string()) else {
        if matches!(file.payload, Payload::Int(_)) {
            return Err(vm.unsupported("open() of a file descriptor"));
        }
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.type_name()
        )));
    };
    let mode_obj = a[1].clone().unwrap_or_else(|| vm.new_str("r"));
    let Some(mode) = mode_obj.as_str().map(|s| s.to_string()) else {
        return Err(vm.type_error(format!(
            "open() argument 'mode' must be str, not {}",
            mode_obj.type_name()
        )));
    };
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(c);
    }
    let kinds = mode.chars().filter(|c| "rwxa".contains(*c)).count();
    if kinds != 1 {
        return Err(
            vm.value_error("must have exactly one of create/read/write/append mode".to_string())
        );
    }
    let binary = mode.contains('b');
    if binary && mode.contains('t') {
        return Err(vm.value_error("can't have text and binary mode at once".to_string()));
    }
    if binary && a[3].as_ref().map(|e| !e.is_none()).unwrap_or(false) {
        return Err(vm.value_error("binary mode doesn't take an encoding argument".to_string()));
    }
    if mode.contains('+') {
        return Err(vm.unsupported("open() in '+' (update) mode"));
    }
    let translate = !matches!(&a[5], Some(n) if !n.is_none());
    let Some(ty) = textio_type() else {
        return Err(vm.unsupported("open()"));
    };
    let readable = mode.contains('r');
    let data = if readable {
        let bytes = std::fs::read(&path).map_err(|e| os_error(vm, &e, &file))?;
        if binary {
            vm.new_bytes(bytes)
        } else {
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            if translate && text.contains('\r') {
                text = text.replace("\r\n", "\n").replace('\r', "\n");
            }
            vm.new_string(text)
        }
    } else {
        let mut o = std::fs::OpenOptions::new();
        match mode.chars().find(|c| "wxa".contains(*c)) {
            Some('w') => o.write(true).create(true).truncate(true),
            Some('x') => o.write(true).create_new(true),
            _ => o.append(true).create(true),
        };
        o.open(&path).map_err(|e| os_error(vm, &e, &file))?;
        vm.none.clone()
    };
    let d = vm.new_dict();
    let put = |k: &str, v: PyRef| dict::set_str(vm, &d, vm.intern(k), v);
    put("name", file.clone());
    put("mode", mode_obj.clone());
    put("closed", vm.false_.clone());
    if !binary {
        put("encoding", vm.new_str("UTF-8"));
    }
    put("_data", data);
    put("_pos", vm.new_int(0));
    put("_path", vm.new_string(path));
    put("_binary", vm.new_bool(binary));
    put("_readable", vm.new_bool(readable));
    put("_writable", vm.new_bool(!readable));
    Ok(PyRef::new(
        Payload::Instance(crate::objects::inline_values::InstanceData::with_dict(d)),
        &ty,
    ))
}

pub fn write(vm: &Vm, obj: &PyRef, data: &PyRef) -> PyResult {
    check_open(vm, obj)?;
    if !flag(vm, obj, "_writable") {
        return Err(unsupported_op(vm, "not writable"));
    }
    let binary = flag(vm, obj, "_binary");
    let (bytes, n): (&[u8], usize) = match &data.payload {
        Payload::Str(s) if !binary => (s.s.as_bytes(), s.char_len()),
        Payload::Bytes(b) if binary => (b, b.len()),
        _ if binary => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                data.type_name()
            )))
        }
        _ => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                data.type_name()
            )))
        }
    };
    let path = attr_str(vm, obj, "_path");
    let name = get(vm, obj, "name").unwrap_or_else(|| vm.new_str(&path));
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .map_err(|e| os_error(vm, &e, &name))?;
    f.write_all(bytes).map_err(|e| os_error(vm, &e, &name))?;
    Ok(vm.new_int(n as i64))
}

/// The file's content and position, for reading.
fn read_state(vm: &Vm, obj: &PyRef) -> PyResult<(PyRef, usize)> {
    check_open(vm, obj)?;
    if !flag(vm, obj, "_readable") {
        return Err(unsupported_op(vm, "not readable"));
    }
    let data = get(vm, obj, "_data").unwrap_or_else(|| vm.empty_str.clone());
    let pos = get(vm, obj, "_pos")
        .and_then(|p| p.as_small_int())
        .unwrap_or(0)
        .max(0) as usize;
    Ok((data, pos))
}

/// Byte end of `n` characters of `s` starting at byte `from` (`n < 0`: all).
fn char_end(s: &str, from: usize, n: i64) -> usize {
    if n < 0 {
        return s.len();
    }
    match s[from..].char_indices().nth(n as usize) {
        Some((i, _)) => from + i,
        None => s.len(),
    }
}

fn take(vm: &Vm, obj: &PyRef, data: &PyRef, from: usize, to: usize) -> PyRef {
    set(vm, obj, "_pos", vm.new_int(to as i64));
    match &data.payload {
        Payload::Str(s) => vm.new_str(s.s.get(from..to).unwrap_or("")),
        Payload::Bytes(b) => vm.new_bytes(b.get(from..to).unwrap_or(&[]).to_vec()),
        _ => vm.empty_str.clone(),
    }
}

pub fn read(vm: &Vm, obj: &PyRef, size: i64) -> PyResult {
    let (data, pos) = read_state(vm, obj)?;
    let end = match &data.payload {
        Payload::Str(s) => char_end(&s.s, pos.min(s.s.len()), size),
        Payload::Bytes(b) => {
            if size < 0 {
                b.len()
            } else {
                (pos + size as usize).min(b.len())
            }
        }
        _ => pos,
    };
    Ok(take(vm, obj, &data, pos, end.max(pos)))
}

pub fn readline(vm: &Vm, obj: &PyRef, size: i64) -> PyResult {
    let (data, pos) = read_state(vm, obj)?;
    let end = match &data.payload {
        Payload::Str(s) => {
            let from = pos.min(s.s.len());
            let nl = s.s[from..]
                .find('\n')
                .map(|i| from + i + 1)
                .unwrap_or(s.s.len());
            nl.min(char_end(&s.s, from, size))
        }
        Payload::Bytes(b) => {
            let from = pos.min(b.len());
            let nl = b[from..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|i| from + i + 1)
                .unwrap_or(b.len());
            if size < 0 {
                nl
            } else {
                nl.min(from + size as usize)
            }
        }
        _ => pos,
    };
    Ok(take(vm, obj, &data, pos, end.max(pos)))
}

pub fn seek(vm: &Vm, obj: &PyRef, args: &[PyRef]) -> PyResult {
    let (data, pos) = read_state(vm, obj)?;
    let off = vm.index_i64(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let len = match &data.payload {
        Payload::Str(s) => s.s.len(),
        Payload::Bytes(b) => b.len(),
        _ => 0,
    } as i64;
    let target = match whence {
        0 => off,
        1 => pos as i64 + off,
        2 => len + off,
        _ => {
            return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence)))
        }
    };
    if target < 0 {
        return Err(vm.value_error(format!("negative seek position {}", target)));
    }
    let mut t = target.min(len) as usize;
    if let Payload::Str(s) = &data.payload {
        while t > 0 && !s.s.is_char_boundary(t) {
            t -= 1;
        }
    }
    set(vm, obj, "_pos", vm.new_int(t as i64));
    Ok(vm.new_int(t as i64))
}

pub fn tell(vm: &Vm, obj: &PyRef) -> PyResult {
    let (_, pos) = read_state(vm, obj)?;
    Ok(vm.new_int(pos as i64))
}
