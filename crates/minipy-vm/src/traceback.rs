//! Printing uncaught exceptions in CPython's format, `SystemExit`
//! handling, and `sys.unraisablehook`-style reports.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::layout::Payload;
use crate::objects::{dict, textio};
use crate::vm::Vm;

/// The untrimmed source line `line` of `filename`.
fn source_line(filename: &str, line: i32) -> Option<String> {
    if line < 1 || filename.starts_with('<') {
        return None;
    }
    let text = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(line as usize - 1).map(|l| l.to_string())
}

fn byte_to_char(s: &str, byte: i32) -> usize {
    let mut b = (byte.max(0) as usize).min(s.len());
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    s[..b].chars().count()
}

/// The width of `chars` on a fixed-width terminal, as CPython 3.11's
/// `traceback._display_width` counts it: 2 for East Asian wide (W) and
/// fullwidth (F) characters, 1 for every other.
fn display_width(chars: &[char]) -> usize {
    use unicode_width::UnicodeWidthChar;
    chars
        .iter()
        .map(|c| {
            if c.is_ascii() || c.width() != Some(2) {
                1
            } else {
                2
            }
        })
        .sum()
}

/// The source line and 3.11's position markers (`~~^~~` / `^^^^`) for one
/// traceback entry (CPython's `StackSummary.format_frame_summary`).
fn format_source(
    code: &minipy_bytecode::CodeObject,
    lasti: Option<usize>,
    line: i32,
    out: &mut String,
) {
    let Some(orig) = source_line(&code.co_filename, line) else {
        return;
    };
    let stripped = orig.trim();
    if stripped.is_empty() {
        return;
    }
    out.push_str(&format!("    {}\n", stripped));
    let Some(loc) = lasti.and_then(|i| code.location(i)) else {
        return;
    };
    if loc.col < 0 || loc.end_col < 0 || loc.line != line {
        return;
    }
    let line_chars: Vec<char> = orig.chars().collect();
    let stripped_chars = line_chars.len() - orig.trim_start().chars().count();
    let start = byte_to_char(&orig, loc.col);
    let mut end = byte_to_char(&orig, loc.end_col);
    let mut anchors = None;
    if loc.end_line == loc.line {
        let segment: String = line_chars
            .get(start..end.max(start))
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        anchors = minipy_compiler::anchors::caret_anchors(&segment);
    } else {
        end = orig.trim_end().chars().count();
    }
    let stripped_len = stripped.chars().count();
    let show =
        end.saturating_sub(start) < stripped_len || anchors.map(|(l, r)| r > l).unwrap_or(false);
    if !show || end <= start {
        return;
    }
    // Columns as a terminal shows them (traceback.py's `_display_width`):
    // East Asian wide and fullwidth characters take two.
    let dp_start = display_width(&line_chars[..start.min(line_chars.len())]);
    let dp_end = display_width(&line_chars[..end.min(line_chars.len())]);
    out.push_str("    ");
    out.push_str(&" ".repeat(dp_start.saturating_sub(stripped_chars)));
    match anchors {
        Some((l, r)) => {
            let seg = &line_chars[start.min(line_chars.len())..end.min(line_chars.len())];
            let dp_l = display_width(&seg[..l.min(seg.len())]);
            let dp_r = display_width(&seg[..r.min(seg.len())]);
            out.push_str(&"~".repeat(dp_l));
            out.push_str(&"^".repeat(dp_r.saturating_sub(dp_l)));
            out.push_str(&"~".repeat((dp_end - dp_start).saturating_sub(dp_r)));
        }
        None => out.push_str(&"^".repeat(dp_end - dp_start)),
    }
    out.push('\n');
}

/// `TypeName: message` (CPython's `format_exception_only` last line).
pub fn exception_line(vm: &Vm, exc: &PyRef) -> String {
    let ty = exc.class();
    let mut name = ty
        .as_type()
        .map(|t| t.qualname.borrow().to_string())
        .unwrap_or_default();
    if let Some(t) = ty.as_type() {
        if t.heap {
            if let Some(m) = dict::get_str(vm, &t.dict, &vm.intern("__module__"))
                .and_then(|m| m.as_str().map(|s| s.to_string()))
            {
                if m != "__main__" && m != "builtins" {
                    name = format!("{}.{}", m, name);
                }
            }
        }
    }
    let msg = match vm.str_string(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

fn format_syntax_error(vm: &Vm, exc: &PyRef, out: &mut String) {
    let attr = |n: &str| {
        crate::objects::exceptions::exc_attr(vm, exc, n)
            .ok()
            .flatten()
    };
    let filename = attr("filename").and_then(|f| f.as_str().map(|s| s.to_string()));
    let lineno = attr("lineno").and_then(|l| l.as_small_int());
    if let (Some(f), Some(l)) = (filename, lineno) {
        out.push_str(&format!("  File \"{}\", line {}\n", f, l));
        if let Some(text) = attr("text").and_then(|t| t.as_str().map(|s| s.to_string())) {
            // traceback.TracebackException._format_syntax_error
            let rtext = text.trim_end_matches('\n');
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
            out.push_str(&format!("    {}\n", ltext));
            if let Some(offset) = attr("offset").and_then(|o| o.as_small_int()) {
                let mut end = match attr("end_offset").and_then(|o| o.as_small_int()) {
                    None | Some(0) => offset,
                    Some(e) => e,
                };
                if offset == end || end == -1 {
                    end = offset + 1;
                }
                let colno = offset - 1 - spaces;
                let end_colno = end - 1 - spaces;
                if colno >= 0 {
                    let caretspace: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    let width = (end_colno - colno).max(0) as usize;
                    out.push_str(&format!("    {}{}\n", caretspace, "^".repeat(width)));
                }
            }
        }
    }
    let ty = exc
        .class()
        .as_type()
        .map(|t| t.name().to_string())
        .unwrap_or_default();
    let msg = crate::objects::exceptions::exc_attr(vm, exc, "msg")
        .ok()
        .flatten()
        .and_then(|m| m.as_str().map(|s| s.to_string()))
        .unwrap_or_default();
    out.push_str(&format!("{}: {}\n", ty, msg));
}

fn format_one(vm: &Vm, exc: &PyRef, out: &mut String) {
    let tb = exc
        .as_exception()
        .and_then(|e| e.traceback.borrow().clone())
        .map(|t| crate::objects::traceback::entries(&t))
        .unwrap_or_default();
    {
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython's tb_print_internal: the last 1000 entries, and runs of
            // more than 3 identical lines collapsed.
            const LIMIT: usize = 1000;
            const CUTOFF: usize = 3;
            let skip = tb.len().saturating_sub(LIMIT);
            let mut last: Option<(String, i32, String)> = None;
            let mut cnt = 0usize;
            for t in tb.iter().skip(skip) {
                let Payload::Traceback(entry) = &t.payload else {
                    continue;
                };
                let Some(code) = entry.code() else { continue };
                let code = &code.code;
                let line = entry.line() as i32;
                let key = (code.co_filename.to_string(), line, code.co_name.to_string());
                if last.as_ref() != Some(&key) || line == -1 {
                    if cnt > CUTOFF {
                        repeated(out, cnt - CUTOFF);
                    }
                    last = Some(key);
                    cnt = 0;
                }
                cnt += 1;
                if cnt <= CUTOFF {
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        code.co_filename, line, code.co_name
                    ));
                    format_source(code, entry.unit(), line, out);
                }
            }
            if cnt > CUTOFF {
                repeated(out, cnt - CUTOFF);
            }
        }
    }
    if crate::objects::typeobj::is_subtype(exc.class(), &vm.exc.syntax_error)
        && exc
            .as_exception()
            .map(|e| {
                e.args
                    .borrow()
                    .as_tuple()
                    .map(|t| t.len() == 2)
                    .unwrap_or(false)
            })
            .unwrap_or(false)
    {
        format_syntax_error(vm, exc, out);
        return;
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

/// The whole report for `exc`, with its chain (causes and contexts).
pub fn format_exception(vm: &Vm, exc: &PyRef) -> String {
    let mut chain: Vec<(PyRef, &'static str)> = Vec::new();
    let mut cur = Some(exc.clone());
    let mut seen: Vec<usize> = Vec::new();
    let mut link = "";
    while let Some(e) = cur {
        if seen.contains(&e.addr()) {
            break;
        }
        seen.push(e.addr());
        chain.push((e.clone(), link));
        let Some(d) = e.as_exception() else { break };
        let cause = d.cause.borrow().clone();
        if let Some(c) = cause {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(c);
        } else if !d.suppress_context.get() {
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
            cur = d.context.borrow().clone();
        } else {
            cur = None;
        }
    }
    let mut out = String::new();
    for (e, link) in chain.iter().rev() {
        format_one(vm, e, &mut out);
        out.push_str(link);
    }
    out
}

pub fn write_stderr(s: &str) {
    textio::flush_all();
    textio::write_stderr_raw(s);
}

/// Writes `s` to the current `sys.stderr` object (CPython's
/// `PySys_WriteStderr`/`PyFile_WriteString`): the native stream directly,
/// anything else through its `write` method; nothing when `sys.stderr` is
/// None or gone, and a failing `write` is ignored (there is nowhere left
/// to report it).
pub fn write_sys_stderr(vm: &Vm, s: &str) {
    let Some(err) = crate::sysmodule::get(vm, "stderr") else {
        return;
    };
    if err.is_none() {
        return;
    }
    if textio::native_writer(vm, &err) == Some(2) {
        let _ = textio::write_native(vm, 2, s);
        return;
    }
    let _ = vm.call_method(&err, "write", &[vm.new_str(s)]);
}

/// CPython's `PyErr_Display`: the report of `value` on `sys.stderr`,
/// then `sys.stderr.flush()` (errors ignored).
pub fn display(vm: &Vm, value: &PyRef) {
    if value.as_exception().is_none() {
        write_sys_stderr(
            vm,
            &format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                value.type_name()
            ),
        );
        return;
    }
    write_sys_stderr(vm, &format_exception(vm, value));
    if let Some(err) = crate::sysmodule::get(vm, "stderr") {
        if !err.is_none() && textio::native_writer(vm, &err).is_none() {
            let _ = vm.call_method(&err, "flush", &[]);
        }
    }
}

/// Set when the program ended with an uncaught `KeyboardInterrupt`
/// (exactly that type, as CPython's `unhandled_keyboard_interrupt`): the
/// process then ends by SIGINT.
static UNHANDLED_KEYBOARD_INTERRUPT: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// True after [`handle_uncaught`] saw a `KeyboardInterrupt`.
pub fn unhandled_keyboard_interrupt() -> bool {
    UNHANDLED_KEYBOARD_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed)
}

/// The exit status `SystemExit` asks for (printing a non-int code).
fn system_exit_status(vm: &Vm, exc: &PyRef) -> i32 {
    let code = crate::objects::exceptions::exc_attr(vm, exc, "code")
        .ok()
        .flatten();
    match code {
        None => 0,
        Some(c) if c.is_none() => 0,
        Some(c) => match &c.payload {
            Payload::Int(i) => *i as i32,
            _ => {
                let s = vm.str_string(&c).unwrap_or_default();
                write_sys_stderr(vm, &format!("{}\n", s));
                1
            }
        },
    }
}

/// Handles an exception that reached the top level (CPython's
/// `PyErr_Print`): `SystemExit` gives its status; anything else sets
/// `sys.last_type/last_value/last_traceback` and goes to
/// `sys.excepthook(type, value, traceback)`. Returns the exit status.
pub fn handle_uncaught(vm: &Vm, exc: &PyRef) -> i32 {
    if vm.exc_matches(exc, &vm.exc.system_exit) {
        return system_exit_status(vm, exc);
    }
    if exc.class().is(&vm.exc.keyboard_interrupt) {
        UNHANDLED_KEYBOARD_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let tb = exc
        .as_exception()
        .and_then(|e| e.traceback.borrow().clone())
        .unwrap_or_else(|| vm.none.clone());
    crate::sysmodule::set(vm, "last_type", exc.class().clone());
    crate::sysmodule::set(vm, "last_value", exc.clone());
    crate::sysmodule::set(vm, "last_traceback", tb.clone());
    // A hook set to None is called too (and fails), as in CPython.
    let Some(hook) = crate::sysmodule::get(vm, "excepthook") else {
        write_sys_stderr(vm, "sys.excepthook is missing\n");
        display(vm, exc);
        return 1;
    };
    if let Err(e2) = vm.call_args(&hook, &[exc.class().clone(), exc.clone(), tb]) {
        if vm.exc_matches(&e2, &vm.exc.system_exit) {
            return system_exit_status(vm, &e2);
        }
        write_sys_stderr(vm, "Error in sys.excepthook:\n");
        display(vm, &e2);
        write_sys_stderr(vm, "\nOriginal exception was:\n");
        display(vm, exc);
    }
    1
}

/// `sys.excepthook(type, value, traceback)` / `sys.__excepthook__`.
pub fn excepthook(vm: &Vm, args: crate::objects::function::Args) -> PyResult {
    args.no_kwargs(vm, "excepthook")?;
    let a = args.check(vm, "excepthook", 3, 3)?;
    display(vm, &a[1]);
    Ok(vm.none.clone())
}

/// `sys.unraisablehook`'s default report (exceptions in `__del__`).
pub fn write_unraisable(vm: &Vm, exc: &PyRef, obj: &PyRef) {
    write_unraisable_msg(vm, exc, "in", obj);
}

/// Reports an exception that cannot be raised (in `__del__`, a weakref or
/// gc callback, an atexit handler) through `sys.unraisablehook`; the
/// default hook prints CPython's report, e.g.
/// `Exception ignored in atexit callback: <function f at 0x...>`.
pub fn write_unraisable_msg(vm: &Vm, exc: &PyRef, msg: &str, obj: &PyRef) {
    let hook = crate::sysmodule::get(vm, "unraisablehook");
    let default = crate::sysmodule::get(vm, "__unraisablehook__");
    if let (Some(h), Some(d)) = (&hook, &default) {
        if !h.is(d) {
            if let Some(args) = unraisable_args(vm, exc, msg, obj) {
                let saved = vm.handled_exception();
                let r = vm.call_args(h, &[args]);
                vm.set_handled_exception(saved);
                match r {
                    Ok(_) => return,
                    Err(e) => {
                        let none = vm.none.clone();
                        default_unraisable(
                            vm,
                            &e,
                            "Exception ignored in sys.unraisablehook",
                            &none,
                        );
                    }
                }
            }
        }
    }
    default_unraisable(vm, exc, &format!("Exception ignored {}", msg), obj);
}

/// The `sys.UnraisableHookArgs` given to a user hook (a namespace with
/// CPython's five attributes).
fn unraisable_args(vm: &Vm, exc: &PyRef, msg: &str, obj: &PyRef) -> Option<PyRef> {
    let ns = vm
        .module_state::<crate::bootstrap::Prelude>()
        .namespace
        .borrow()
        .clone()?;
    let cls = crate::objects::dict::get_str(vm, &ns, &vm.intern("SimpleNamespace"))?;
    let names: Vec<PyRef> = [
        "exc_type",
        "exc_value",
        "exc_traceback",
        "err_msg",
        "object",
    ]
    .iter()
    .map(|n| vm.intern(n))
    .collect();
    let tb = exc
        .as_exception()
        .and_then(|e| e.traceback.borrow().clone())
        .unwrap_or_else(|| vm.none.clone());
    let vals = vec![
        exc.class().clone(),
        exc.clone(),
        tb,
        vm.new_string(format!("Exception ignored {}", msg)),
        obj.clone(),
    ];
    vm.call(&cls, crate::objects::function::Args::with_kw(&vals, &names))
        .ok()
}

fn default_unraisable(vm: &Vm, exc: &PyRef, err_msg: &str, obj: &PyRef) {
    // Like CPython's default hook: nothing is written once `sys.stderr`
    // is gone (late in interpreter shutdown).
    match crate::sysmodule::get(vm, "stderr") {
        Some(f) if !f.is_none() => {}
        _ => return,
    }
    let mut s = if obj.is_none() {
        format!("{}:\n", err_msg)
    } else {
        let what = vm
            .repr_string(obj)
            .unwrap_or_else(|_| "<object repr() failed>".to_string());
        format!("{}: {}\n", err_msg, what)
    };
    s.push_str(&format_exception(vm, exc));
    write_sys_stderr(vm, &s);
}

/// `sys.__unraisablehook__(unraisable)`: the default report.
pub fn default_unraisablehook(vm: &Vm, u: &PyRef) -> PyResult<()> {
    let get = |n: &str| vm.getattr_str(u, n);
    let exc = get("exc_value")?;
    let msg = get("err_msg")?;
    let obj = get("object")?;
    let msg = if msg.is_none() {
        "Exception ignored in".to_string()
    } else {
        vm.str_string(&msg)?
    };
    if exc.is_none() {
        return Ok(());
    }
    default_unraisable(vm, &exc, &msg, &obj);
    Ok(())
}
