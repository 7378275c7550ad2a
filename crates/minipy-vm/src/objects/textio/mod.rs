//! A minimal native text stream type (`_io.TextIOWrapper`) for
//! `sys.stdout`, `sys.stderr` and `sys.stdin`.
//!
//! Each stream is an instance of the static type `TextIOWrapper`; which OS
//! stream it stands for is recorded Rust-side by the instance's address.
//! `stdout` is buffered in a thread-local string, flushed when it grows past
//! [`STDOUT_BUFFER_LIMIT`], on `flush()`, before anything is written to
//! stderr (so the two interleave as written) and at exit ([`flush_all`]).
//! `stderr` is unbuffered.

mod file;

use std::cell::{Cell, RefCell};
use std::io::{BufRead, Read};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::layout::Payload;
use crate::objects::typeobj::Layout;
use crate::objects::typeobj::{slot, MethodDef, TypeSpec};
use crate::types::make_spec_type;
use crate::vm::Vm;

/// Buffered stdout is written out once it holds this many bytes.
pub const STDOUT_BUFFER_LIMIT: usize = 8192;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stream {
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}

thread_local! {
    static OUT_BUF: RefCell<String> = const { RefCell::new(String::new()) };
    /// Whether stdin/stdout/stderr were closed with `close()`.
    static CLOSED: Cell<[bool; 3]> = const { Cell::new([false; 3]) };
    /// Addresses of the stdin/stdout/stderr objects (kept alive forever).
    static STREAMS: Cell<[usize; 3]> = const { Cell::new([0; 3]) };
    /// The `TextIOWrapper` type (immortal).
    static TEXTIO_TYPE: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    /// The references that keep the three streams alive until shutdown.
    static STREAM_REFS: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

pub use file::open_file;

/// Releases the standard streams and the `TextIOWrapper` type's namespace
/// (the last step of `-X leakcheck` shutdown).
pub fn release_streams() {
    flush_all();
    STREAMS.with(|s| s.set([0; 3]));
    let refs = STREAM_REFS.with(|r| std::mem::take(&mut *r.borrow_mut()));
    drop(refs);
    if let Some(ty) = TEXTIO_TYPE.with(|t| t.borrow_mut().take()) {
        if let Some(td) = ty.as_type() {
            if let Payload::Dict(d) = &td.dict.payload {
                let old = d.borrow_mut().clear();
                drop(old);
            }
        }
    }
}

/// The `TextIOWrapper` type, once created.
fn textio_type() -> Option<PyRef> {
    TEXTIO_TYPE.with(|t| t.borrow().clone())
}

fn stream_of(obj: &PyRef) -> Option<Stream> {
    let a = obj.addr();
    let s = STREAMS.with(|s| s.get());
    match s.iter().position(|&x| x == a) {
        Some(0) => Some(Stream::Stdin),
        Some(1) => Some(Stream::Stdout),
        Some(2) => Some(Stream::Stderr),
        _ => None,
    }
}

/// True if `obj` is the native stdout stream whose `write` is not
/// overridden on the instance (callers may then use [`write_stdout_raw`]).
pub fn is_native_stdout(vm: &Vm, obj: &PyRef) -> bool {
    native_writer(vm, obj) == Some(1)
}

/// `Some(1)` / `Some(2)` when `obj` is the native stdout / stderr stream
/// with its `write` method not overridden on the instance.
pub fn native_writer(vm: &Vm, obj: &PyRef) -> Option<i32> {
    let k = stream_of(obj)?;
    if k == Stream::Stdin {
        return None;
    }
    let overridden = match &obj.payload {
        Payload::Instance(inst) => {
            crate::objects::inline_values::lookup(vm, obj, inst, &vm.intern("write")).is_some()
        }
        _ => true,
    };
    if overridden {
        None
    } else {
        Some(k as i32)
    }
}

/// Writes to the native stream `fd` (1 = stdout, 2 = stderr): a closed
/// stream raises `ValueError`, a failed write the errno's `OSError`
/// (`BrokenPipeError` once the reader of a pipe is gone).
pub fn write_native(vm: &Vm, fd: i32, s: &str) -> PyResult<()> {
    let k = if fd == 2 {
        Stream::Stderr
    } else {
        Stream::Stdout
    };
    if is_closed(k) {
        return Err(closed_error(vm));
    }
    let r = if k == Stream::Stderr {
        write_stderr_raw(s);
        Ok(())
    } else {
        buffer_stdout(s)
    };
    r.map_err(|e| crate::modules::_signal::os_error(vm, &e))
}

fn closed_error(vm: &Vm) -> PyRef {
    vm.value_error("I/O operation on closed file.".to_string())
}

fn is_closed(k: Stream) -> bool {
    CLOSED.with(|c| c.get()[k as usize])
}

/// Appends to the stdout buffer, writing it out when full. A failed write
/// drops the buffered text (the error is raised by the `write` that
/// filled it).
fn buffer_stdout(s: &str) -> std::io::Result<()> {
    let full = OUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.push_str(s);
        b.len() > STDOUT_BUFFER_LIMIT
    });
    if full {
        let text = OUT_BUF.with(|b| std::mem::take(&mut *b.borrow_mut()));
        minipy_sys::write_all(1, text.as_bytes())?;
    }
    Ok(())
}

/// Writes to the process's stderr (after flushing stdout); errors are
/// ignored, as nothing is left to report them on.
pub fn write_stderr_raw(s: &str) {
    flush_all();
    let _ = minipy_sys::write_all(2, s.as_bytes());
}

/// The allocation-failure hook ([`minipy_alloc::set_oom_hook`]): writes
/// out buffered stdout text when an allocation returns null, so that an
/// allocation which still aborts the process (an infallible Rust
/// allocation) cannot lose what the program printed before it. It does not
/// allocate, and leaves the buffer alone when it is being written to (the
/// failed allocation may be the buffer's own growth).
pub fn flush_on_alloc_failure() {
    let text = OUT_BUF
        .try_with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)))
        .ok()
        .and_then(|r| r.ok());
    if let Some(text) = text {
        if !text.is_empty() {
            let _ = minipy_sys::write_all(1, text.as_bytes());
        }
    }
}

/// Writes any buffered stdout text to the OS stream; on failure the text
/// stays buffered (a later `flush()` or the flush at exit reports it).
pub fn flush_stdout() -> std::io::Result<()> {
    let text = OUT_BUF.with(|b| std::mem::take(&mut *b.borrow_mut()));
    if text.is_empty() {
        return Ok(());
    }
    match minipy_sys::write_all(1, text.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) => {
            OUT_BUF.with(|b| b.borrow_mut().insert_str(0, &text));
            Err(e)
        }
    }
}

/// [`flush_stdout`] where a failure cannot be reported (before writing
/// to stderr, between shutdown steps).
pub fn flush_all() {
    let _ = flush_stdout();
}

/// Drops what stdout still buffers (after the flush at exit failed and
/// was reported: it is not written, nor reported, again).
pub fn discard_stdout_buffer() {
    OUT_BUF.with(|b| b.borrow_mut().clear());
}

fn new_stream(vm: &Vm, ty: &PyRef, name: &str, mode: &str, fd: i64) -> PyRef {
    let d = vm.new_dict();
    dict::set_str(vm, &d, vm.intern("name"), vm.new_str(name));
    dict::set_str(vm, &d, vm.intern("mode"), vm.new_str(mode));
    dict::set_str(vm, &d, vm.intern("encoding"), vm.new_str("utf-8"));
    dict::set_str(vm, &d, vm.intern("errors"), vm.new_str("strict"));
    dict::set_str(vm, &d, vm.intern("_fd"), vm.new_int(fd));
    dict::set_str(vm, &d, vm.intern("closed"), vm.false_.clone());
    PyRef::new(
        Payload::Instance(crate::objects::inline_values::InstanceData::with_dict(d)),
        ty,
    )
}

fn set_attr(vm: &Vm, obj: &PyRef, name: &str, v: PyRef) {
    if let Some(d) = vm.instance_dict(obj) {
        dict::set_str(vm, &d, vm.intern(name), v);
    }
}

/// Creates the `TextIOWrapper` type and the three standard streams
/// `(stdout, stderr, stdin)`.
pub fn create_stdio(vm: &Vm) -> (PyRef, PyRef, PyRef) {
    let ty = make_spec_type(
        &TEXTIO_WRAPPER_TYPE,
        Some(&vm.types.type_),
        Some(&vm.types.object),
        Some(&vm.types.dict),
    );
    crate::objects::typeobj::spec::fill_dict(vm, &ty);
    TEXTIO_TYPE.with(|t| *t.borrow_mut() = Some(ty.clone()));
    let stdout = new_stream(vm, &ty, "<stdout>", "w", 1);
    let stderr = new_stream(vm, &ty, "<stderr>", "w", 2);
    let stdin = new_stream(vm, &ty, "<stdin>", "r", 0);
    // The streams live until shutdown: their addresses identify them.
    STREAM_REFS.with(|r| *r.borrow_mut() = vec![stdin.clone(), stdout.clone(), stderr.clone()]);
    STREAMS.with(|s| s.set([stdin.addr(), stdout.addr(), stderr.addr()]));
    (stdout, stderr, stdin)
}

/// Puts `stdout`, `stderr`, `stdin` and their `__x__` twins into `sys`.
pub fn install(vm: &Vm) {
    let (out, err, inp) = create_stdio(vm);
    let Payload::Module { dict: d } = &vm.sys.payload else {
        return;
    };
    for (n, v) in [
        ("stdout", &out),
        ("stderr", &err),
        ("stdin", &inp),
        ("__stdout__", &out),
        ("__stderr__", &err),
        ("__stdin__", &inp),
    ] {
        dict::set_str(vm, d, vm.intern(n), v.clone());
    }
}

/// What a `TextIOWrapper` method was called on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Target {
    Std(Stream),
    File,
}

fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<(PyRef, Target)> {
    let pos = args.pos();
    let Some(s) = pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '_io.TextIOWrapper' object needs an argument",
            name
        )));
    };
    if let Some(k) = stream_of(s) {
        return Ok((s.clone(), Target::Std(k)));
    }
    if textio_type().map(|t| s.class().is(&t)).unwrap_or(false) {
        return Ok((s.clone(), Target::File));
    }
    Err(vm.type_error(format!(
        "descriptor '{}' requires a '_io.TextIOWrapper' object but received a '{}'",
        name,
        s.type_name()
    )))
}

fn unsupported_op(vm: &Vm, what: &str) -> PyRef {
    vm.new_error(&vm.exc.os_error, what.to_string())
}

fn tio_write(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "write")?;
    args.no_kwargs(vm, "write")?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            pos.len() - 1
        )));
    }
    let k = match t {
        Target::Std(k) => k,
        Target::File => return file::write(vm, &obj, &pos[1]),
    };
    if is_closed(k) {
        return Err(closed_error(vm));
    }
    let Some(s) = pos[1].as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            pos[1].type_name()
        )));
    };
    match k {
        Stream::Stdout | Stream::Stderr => write_native(vm, k as i32, s)?,
        Stream::Stdin => return Err(unsupported_op(vm, "not writable")),
    }
    let n = match &pos[1].payload {
        Payload::Str(d) => d.char_len(),
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn tio_writelines(vm: &Vm, args: Args) -> PyResult {
    let (obj, _) = this(vm, &args, "writelines")?;
    let pos = args.check(vm, "writelines", 2, 2)?;
    let items = vm.iterate(&pos[1])?;
    for it in items {
        vm.call_method(&obj, "write", &[it])?;
    }
    Ok(vm.none.clone())
}

fn tio_flush(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "flush")?;
    match t {
        Target::Std(k) if is_closed(k) => return Err(closed_error(vm)),
        Target::Std(Stream::Stdout) => {
            flush_stdout().map_err(|e| crate::modules::_signal::os_error(vm, &e))?
        }
        Target::File => file::check_open(vm, &obj)?,
        _ => {}
    }
    Ok(vm.none.clone())
}

fn tio_close(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "close")?;
    match t {
        Target::Std(k) if is_closed(k) => {}
        Target::Std(k) => {
            // As CPython's close(): flush, then closed even if that failed.
            let r = if k == Stream::Stdout {
                flush_stdout()
            } else {
                Ok(())
            };
            CLOSED.with(|c| {
                let mut v = c.get();
                v[k as usize] = true;
                c.set(v)
            });
            set_attr(vm, &obj, "closed", vm.true_.clone());
            r.map_err(|e| crate::modules::_signal::os_error(vm, &e))?;
        }
        Target::File => file::close(vm, &obj),
    }
    Ok(vm.none.clone())
}

fn tio_fileno(vm: &Vm, args: Args) -> PyResult {
    let (_, t) = this(vm, &args, "fileno")?;
    match t {
        Target::Std(k) => Ok(vm.new_int(k as i64)),
        Target::File => Err(vm.unsupported("fileno() of files")),
    }
}

fn tio_false(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args, "isatty")?;
    Ok(vm.false_.clone())
}

fn tio_readable(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "readable")?;
    match t {
        Target::Std(k) => Ok(vm.new_bool(k == Stream::Stdin)),
        Target::File => Ok(vm.new_bool(file::flag(vm, &obj, "_readable"))),
    }
}

fn tio_writable(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "writable")?;
    match t {
        Target::Std(k) => Ok(vm.new_bool(k != Stream::Stdin)),
        Target::File => Ok(vm.new_bool(file::flag(vm, &obj, "_writable"))),
    }
}

/// Reads one line (with its `\n`) from the process's stdin; "" at EOF.
pub fn read_stdin_line() -> String {
    flush_all();
    let mut buf = Vec::new();
    let _ = std::io::stdin().lock().read_until(b'\n', &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The optional `size` argument of `read`/`readline` (-1 = all).
fn size_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<i64> {
    args.no_kwargs(vm, name)?;
    let pos = args.check(vm, name, 1, 2)?;
    match pos.get(1) {
        Some(v) if !v.is_none() => vm.index_i64(v),
        _ => Ok(-1),
    }
}

fn tio_readline(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "readline")?;
    let size = size_arg(vm, &args, "readline")?;
    match t {
        Target::Std(Stream::Stdin) => Ok(vm.new_string(read_stdin_line())),
        Target::Std(_) => Err(unsupported_op(vm, "not readable")),
        Target::File => file::readline(vm, &obj, size),
    }
}

fn tio_read(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "read")?;
    let size = size_arg(vm, &args, "read")?;
    match t {
        Target::Std(Stream::Stdin) => {
            flush_all();
            let mut buf = Vec::new();
            let _ = std::io::stdin().lock().read_to_end(&mut buf);
            Ok(vm.new_string(String::from_utf8_lossy(&buf).into_owned()))
        }
        Target::Std(_) => Err(unsupported_op(vm, "not readable")),
        Target::File => file::read(vm, &obj, size),
    }
}

fn tio_readlines(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "readlines")?;
    let mut lines = Vec::new();
    match t {
        Target::Std(Stream::Stdin) => loop {
            let l = read_stdin_line();
            if l.is_empty() {
                break;
            }
            lines.push(vm.new_string(l));
        },
        Target::Std(_) => return Err(unsupported_op(vm, "not readable")),
        Target::File => loop {
            let l = file::readline(vm, &obj, -1)?;
            if vm.len(&l)? == 0 {
                break;
            }
            lines.push(l);
        },
    }
    Ok(vm.new_list(lines))
}

fn tio_iter(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "__iter__")?;
    if t == Target::File {
        file::check_open(vm, &obj)?;
    }
    Ok(obj)
}

fn tio_next(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "__next__")?;
    match t {
        Target::Std(Stream::Stdin) => {
            let l = read_stdin_line();
            if l.is_empty() {
                return Err(vm.stop_iteration(None));
            }
            Ok(vm.new_string(l))
        }
        Target::Std(_) => Err(unsupported_op(vm, "not readable")),
        Target::File => {
            let l = file::readline(vm, &obj, -1)?;
            if vm.len(&l)? == 0 {
                return Err(vm.stop_iteration(None));
            }
            Ok(l)
        }
    }
}

fn tio_seek(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "seek")?;
    let pos = args.check(vm, "seek", 2, 3)?;
    match t {
        Target::File => file::seek(vm, &obj, &pos[1..]),
        Target::Std(_) => Err(unsupported_op(vm, "underlying stream is not seekable")),
    }
}

fn tio_tell(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "tell")?;
    match t {
        Target::File => file::tell(vm, &obj),
        Target::Std(_) => Err(unsupported_op(vm, "underlying stream is not seekable")),
    }
}

fn tio_seekable(vm: &Vm, args: Args) -> PyResult {
    let (_, t) = this(vm, &args, "seekable")?;
    Ok(vm.new_bool(t == Target::File))
}

fn tio_repr(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "__repr__")?;
    let (name, mode) = match t {
        Target::Std(Stream::Stdin) => ("'<stdin>'".to_string(), "r".to_string()),
        Target::Std(Stream::Stdout) => ("'<stdout>'".to_string(), "w".to_string()),
        Target::Std(Stream::Stderr) => ("'<stderr>'".to_string(), "w".to_string()),
        Target::File => (
            file::attr_repr(vm, &obj, "name")?,
            file::attr_str(vm, &obj, "mode"),
        ),
    };
    Ok(vm.new_string(format!(
        "<_io.TextIOWrapper name={} mode='{}' encoding='utf-8'>",
        name, mode
    )))
}

fn tio_enter(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "__enter__")?;
    if t == Target::File {
        file::check_open(vm, &obj)?;
    }
    Ok(obj)
}

fn tio_exit(vm: &Vm, args: Args) -> PyResult {
    let (obj, t) = this(vm, &args, "__exit__")?;
    match t {
        Target::File => file::close(vm, &obj),
        _ => flush_all(),
    }
    Ok(vm.none.clone())
}

fn call1(vm: &Vm, f: NativeFn, obj: &PyRef) -> PyResult {
    f(vm, Args::new(std::slice::from_ref(obj)))
}

fn tio_repr_slot(vm: &Vm, obj: &PyRef) -> PyResult {
    call1(vm, tio_repr, obj)
}

fn tio_iter_slot(vm: &Vm, obj: &PyRef) -> PyResult {
    call1(vm, tio_iter, obj)
}

fn tio_iternext_slot(vm: &Vm, obj: &PyRef) -> PyResult<Option<PyRef>> {
    match call1(vm, tio_next, obj) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_matches(&e, &vm.exc.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// minipy's stand-in for `_io.TextIOWrapper` (the standard streams and
/// `open()`'s text files) until the `_io` module exists.
pub static TEXTIO_WRAPPER_TYPE: TypeSpec = TypeSpec {
    name: "_io.TextIOWrapper",
    doc: None,
    // Its instances are plain instances with a `__dict__` (a stand-in).
    layout: Layout::Object,
    flags: 0,
    slots: &[
        slot::repr(tio_repr_slot),
        slot::iter(tio_iter_slot),
        slot::iternext(tio_iternext_slot),
    ],
    methods: &[
        MethodDef::method("write", tio_write),
        MethodDef::method("writelines", tio_writelines),
        MethodDef::method("flush", tio_flush),
        MethodDef::method("close", tio_close),
        MethodDef::method("fileno", tio_fileno),
        MethodDef::method("isatty", tio_false),
        MethodDef::method("readable", tio_readable),
        MethodDef::method("writable", tio_writable),
        MethodDef::method("seekable", tio_seekable),
        MethodDef::method("seek", tio_seek),
        MethodDef::method("tell", tio_tell),
        MethodDef::method("readline", tio_readline),
        MethodDef::method("read", tio_read),
        MethodDef::method("readlines", tio_readlines),
        MethodDef::method("__enter__", tio_enter),
        MethodDef::method("__exit__", tio_exit),
    ],
    getsets: &[],
};
