//! The `_signal` module (CPython's `Modules/signalmodule.c`), under the
//! unmodified `Lib/signal.py`.
//!
//! As in CPython, the OS-level handler (in `minipy_sys::signal`) only marks
//! the signal "tripped"; the eval loop notices at its next eval-breaker
//! point (`RESUME` and backward jumps: one atomic load) and calls
//! [`check_signals`], which runs the Python handler of each tripped
//! signal with `(signum, frame)`. An exception from a handler propagates
//! from the instruction that was about to run, so `KeyboardInterrupt`
//! from `default_int_handler` unwinds through `try/finally` and can be
//! caught. Blocking waits (`time.sleep`, `signal.pause`) call
//! [`check_signals`] when the OS interrupts them.
//!
//! The interpreter runs on one thread, which is the main thread in
//! CPython's sense: "signal only works in main thread" cannot happen.

use std::cell::RefCell;

use minipy_sys::signal as os;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinFunction, BuiltinKind, NativeFn};
use crate::objects::layout::Payload;
use crate::vm::Vm;

/// `SIG_DFL` and `SIG_IGN` as Python ints.
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// CPython's `Handlers[]`: the Python-level handler of each signal
/// (`None` when the disposition is foreign, as CPython's NULL).
#[derive(Default)]
pub struct SignalState {
    handlers: RefCell<Vec<Option<PyRef>>>,
    default_int_handler: RefCell<Option<PyRef>>,
    itimer_error: RefCell<Option<PyRef>>,
}

fn state(vm: &Vm) -> std::rc::Rc<SignalState> {
    let s = vm.module_state::<SignalState>();
    if s.handlers.borrow().is_empty() {
        // The table starts as the OS dispositions the process inherited.
        let v: Vec<Option<PyRef>> = (0..os::NSIG)
            .map(|sig| match os::current(sig) {
                Ok(os::Disposition::Default) if sig > 0 => Some(vm.new_int(SIG_DFL)),
                Ok(os::Disposition::Ignore) if sig > 0 => Some(vm.new_int(SIG_IGN)),
                _ => None,
            })
            .collect();
        *s.handlers.borrow_mut() = v;
        let f = PyRef::new(
            Payload::Builtin(Box::new(BuiltinFunction {
                name: "default_int_handler",
                func: default_int_handler,
                kind: BuiltinKind::Function,
                self_: None,
                owner: None,
                doc: Some(DEFAULT_INT_HANDLER_DOC),
            })),
            &vm.types.builtin_function,
        );
        *s.default_int_handler.borrow_mut() = Some(f);
    }
    s
}

const DEFAULT_INT_HANDLER_DOC: &str =
    "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.";

/// Start-up (CPython's `_PySignal_Init` with `install_signal_handlers`):
/// SIGPIPE and SIGXFSZ are ignored (a write to a closed pipe then fails
/// with EPIPE: `BrokenPipeError`), and SIGINT gets `default_int_handler`
/// unless the process was started with SIGINT ignored.
pub fn install_startup_handlers(vm: &Vm) {
    for sig in [libc_sig("SIGPIPE"), libc_sig("SIGXFSZ")]
        .into_iter()
        .flatten()
    {
        let _ = os::set_ignore(sig);
    }
    let s = state(vm);
    let sigint = libc_sig("SIGINT").unwrap_or(2);
    let is_default = s.handlers.borrow()[sigint as usize]
        .as_ref()
        .and_then(|h| h.as_small_int())
        == Some(SIG_DFL);
    if is_default && os::install(sigint).is_ok() {
        let f = s.default_int_handler.borrow().clone();
        let old = std::mem::replace(&mut s.handlers.borrow_mut()[sigint as usize], f);
        drop(old);
    }
}

fn libc_sig(name: &str) -> Option<i32> {
    os::NAMES.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// CPython's `PyErr_CheckSignals`: runs the Python handler of every
/// tripped signal; the first exception raised stops the loop (the rest
/// stay tripped for the next check).
pub fn check_signals(vm: &Vm) -> PyResult<()> {
    while let Some(sig) = os::take_tripped() {
        let s = state(vm);
        let func = s.handlers.borrow().get(sig as usize).cloned().flatten();
        let func = match func {
            Some(f) if !is_int_handler(vm, &f) => f,
            _ => {
                let e = vm.new_error(
                    &vm.exc.os_error,
                    format!("Signal {} ignored due to race condition", sig),
                );
                let none = vm.none.clone();
                crate::traceback::write_unraisable(vm, &e, &none);
                continue;
            }
        };
        let frame = match vm.thread.current_frame() {
            Some(d) => crate::objects::frameobj::frame_object(vm, &d),
            None => vm.none.clone(),
        };
        vm.call_args(&func, &[vm.new_int(sig as i64), frame])?;
    }
    Ok(())
}

/// `SIG_DFL`/`SIG_IGN` (exact ints, as CPython's `compare_handler`).
fn is_int_handler(vm: &Vm, h: &PyRef) -> bool {
    h.class().is(&vm.types.int) && matches!(h.as_small_int(), Some(SIG_DFL | SIG_IGN))
}

/// A C `int` argument (`"i"` in CPython's argument parsing).
fn c_int(vm: &Vm, v: &PyRef) -> PyResult<i32> {
    use num_traits::ToPrimitive;
    let b = vm.index_big(v)?;
    b.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int".to_string()))
}

fn signum_arg(vm: &Vm, v: &PyRef) -> PyResult<i32> {
    let n = c_int(vm, v)?;
    if !(1..os::NSIG).contains(&n) {
        return Err(vm.value_error("signal number out of range".to_string()));
    }
    Ok(n)
}

/// `OSError` (or the errno's subclass) for a failed system call.
pub fn os_error(vm: &Vm, e: &std::io::Error) -> PyRef {
    os_error_of(vm, &vm.exc.os_error, e)
}

fn os_error_of(vm: &Vm, cls: &PyRef, e: &std::io::Error) -> PyRef {
    let errno = e.raw_os_error().unwrap_or(0);
    let args = [
        vm.new_int(errno as i64),
        vm.new_string(minipy_sys::strerror(errno)),
    ];
    match vm.call_args(cls, &args) {
        Ok(exc) => exc,
        Err(exc) => exc,
    }
}

fn signal(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "signal")?;
    let a = args.check(vm, "signal", 2, 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let handler = &a[1];
    let action = if crate::builtins::attrs::is_callable(vm, handler) {
        os::install(sig)
    } else if handler.class().is(&vm.types.int) && handler.as_small_int() == Some(SIG_IGN) {
        os::set_ignore(sig)
    } else if handler.class().is(&vm.types.int) && handler.as_small_int() == Some(SIG_DFL) {
        os::set_default(sig)
    } else {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"
                .to_string(),
        ));
    };
    // Pending signals run under the old handler first (as CPython).
    check_signals(vm)?;
    action.map_err(|e| os_error(vm, &e))?;
    let s = state(vm);
    let old = s.handlers.borrow_mut()[sig as usize].replace(handler.clone());
    Ok(old.unwrap_or_else(|| vm.none.clone()))
}

fn getsignal(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "getsignal")?;
    let a = args.check(vm, "getsignal", 1, 1)?;
    let sig = signum_arg(vm, &a[0])?;
    let h = state(vm).handlers.borrow()[sig as usize].clone();
    Ok(h.unwrap_or_else(|| vm.none.clone()))
}

fn default_int_handler(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "default_int_handler")?;
    let a = args.check(vm, "default_int_handler", 2, 2)?;
    c_int(vm, &a[0])?;
    let e = vm.call_args(&vm.exc.keyboard_interrupt, &[])?;
    Err(e)
}

fn raise_signal(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "raise_signal")?;
    let a = args.check(vm, "raise_signal", 1, 1)?;
    let sig = c_int(vm, &a[0])?;
    os::raise(sig).map_err(|e| os_error(vm, &e))?;
    check_signals(vm)?;
    Ok(vm.none.clone())
}

fn strsignal(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "strsignal")?;
    let a = args.check(vm, "strsignal", 1, 1)?;
    let sig = signum_arg(vm, &a[0])?;
    Ok(match os::strsignal(sig) {
        Some(s) => vm.new_string(s),
        None => vm.none.clone(),
    })
}

fn valid_signals(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "valid_signals", 0, 0)?;
    int_set(vm, &os::valid_signals())
}

fn int_set(vm: &Vm, sigs: &[i32]) -> PyResult {
    let s = vm.new_set();
    for &sig in sigs {
        crate::objects::set::add(vm, &s, vm.new_int(sig as i64))?;
    }
    Ok(s)
}

fn alarm(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "alarm")?;
    let a = args.check(vm, "alarm", 1, 1)?;
    // CPython passes its C int on as `unsigned int`.
    let secs = c_int(vm, &a[0])? as u32;
    Ok(vm.new_int(os::alarm(secs) as i64))
}

fn pause(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pause", 0, 0)?;
    os::pause();
    check_signals(vm)?;
    Ok(vm.none.clone())
}

fn itimer_error(vm: &Vm) -> PyRef {
    state(vm)
        .itimer_error
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.exc.os_error.clone())
}

fn timer_pair(vm: &Vm, (v, i): (f64, f64)) -> PyRef {
    vm.new_tuple(vec![vm.new_float(v), vm.new_float(i)])
}

fn setitimer(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "setitimer")?;
    let a = args.check(vm, "setitimer", 2, 3)?;
    let which = c_int(vm, &a[0])?;
    // Seconds as CPython's `_PyTime_FromSecondsObject` reads them.
    let secs = crate::modules::time::timeout_ns(vm, &a[1])? as f64 / 1e9;
    let interval = match a.get(2) {
        Some(v) => crate::modules::time::timeout_ns(vm, v)? as f64 / 1e9,
        None => 0.0,
    };
    let old =
        os::setitimer(which, secs, interval).map_err(|e| os_error_of(vm, &itimer_error(vm), &e))?;
    Ok(timer_pair(vm, old))
}

fn getitimer(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "getitimer")?;
    let a = args.check(vm, "getitimer", 1, 1)?;
    let which = c_int(vm, &a[0])?;
    let cur = os::getitimer(which).map_err(|e| os_error_of(vm, &itimer_error(vm), &e))?;
    Ok(timer_pair(vm, cur))
}

fn set_wakeup_fd(vm: &Vm, args: Args) -> PyResult {
    let a = args.pos();
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "set_wakeup_fd() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    for (k, _) in args.kwargs() {
        if k != "warn_on_full_buffer" {
            return Err(vm.type_error(format!(
                "set_wakeup_fd() got an unexpected keyword argument '{}'",
                k
            )));
        }
    }
    let fd = c_int(vm, &a[0])?;
    if fd != -1 {
        let nonblocking = minipy_sys::fd_nonblocking(fd).map_err(|e| os_error(vm, &e))?;
        if !nonblocking {
            return Err(vm.value_error(format!("the fd {} must be in non-blocking mode", fd)));
        }
    }
    Ok(vm.new_int(os::set_wakeup_fd(fd) as i64))
}

fn siginterrupt(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "siginterrupt")?;
    let a = args.check(vm, "siginterrupt", 2, 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let flag = c_int(vm, &a[1])?;
    os::siginterrupt(sig, flag != 0).map_err(|e| os_error(vm, &e))?;
    Ok(vm.none.clone())
}

fn pthread_kill(vm: &Vm, args: Args) -> PyResult {
    use num_traits::ToPrimitive;
    args.no_kwargs(vm, "pthread_kill")?;
    let a = args.check(vm, "pthread_kill", 2, 2)?;
    let tid = vm.index_big(&a[0])?.to_u64().ok_or_else(|| {
        vm.overflow_error("Python int too large to convert to C unsigned long".to_string())
    })?;
    let sig = c_int(vm, &a[1])?;
    os::pthread_kill(tid, sig).map_err(|e| os_error(vm, &e))?;
    check_signals(vm)?;
    Ok(vm.none.clone())
}

/// The signal numbers of an iterable (`sigset_t` conversion).
fn sigset_arg(vm: &Vm, v: &PyRef) -> PyResult<Vec<i32>> {
    let mut out = Vec::new();
    for item in vm.iterate(v)? {
        let n = c_int(vm, &item)?;
        if !(1..os::NSIG).contains(&n) {
            return Err(vm.value_error(format!(
                "signal number {} out of range [1; {}]",
                n,
                os::NSIG - 1
            )));
        }
        out.push(n);
    }
    Ok(out)
}

fn pthread_sigmask(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "pthread_sigmask")?;
    let a = args.check(vm, "pthread_sigmask", 2, 2)?;
    let how = c_int(vm, &a[0])?;
    let sigs = sigset_arg(vm, &a[1])?;
    let old = os::pthread_sigmask(how, &sigs).map_err(|e| os_error(vm, &e))?;
    // Signals unblocked here may be delivered now.
    check_signals(vm)?;
    int_set(vm, &old)
}

fn sigpending(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "sigpending", 0, 0)?;
    let p = os::sigpending().map_err(|e| os_error(vm, &e))?;
    int_set(vm, &p)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("signal", signal),
    ("getsignal", getsignal),
    ("raise_signal", raise_signal),
    ("strsignal", strsignal),
    ("valid_signals", valid_signals),
    ("alarm", alarm),
    ("pause", pause),
    ("setitimer", setitimer),
    ("getitimer", getitimer),
    ("set_wakeup_fd", set_wakeup_fd),
    ("siginterrupt", siginterrupt),
    ("pthread_kill", pthread_kill),
    ("pthread_sigmask", pthread_sigmask),
    ("sigpending", sigpending),
];

pub fn init(vm: &Vm, d: &PyRef) -> PyResult<()> {
    crate::sysmodule::add_functions(vm, d, FUNCTIONS);
    let s = state(vm);
    let set = |name: &str, v: PyRef| dict::set_str(vm, d, vm.intern(name), v);
    if let Some(f) = s.default_int_handler.borrow().clone() {
        set("default_int_handler", f);
    }
    set("SIG_DFL", vm.new_int(SIG_DFL));
    set("SIG_IGN", vm.new_int(SIG_IGN));
    set("NSIG", vm.new_int(os::NSIG as i64));
    for (name, v) in os::NAMES {
        set(name, vm.new_int(*v as i64));
    }
    set("SIGRTMIN", vm.new_int(os::sigrtmin() as i64));
    set("SIGRTMAX", vm.new_int(os::sigrtmax() as i64));
    set("ITIMER_REAL", vm.new_int(os::ITIMER_REAL as i64));
    set("ITIMER_VIRTUAL", vm.new_int(os::ITIMER_VIRTUAL as i64));
    set("ITIMER_PROF", vm.new_int(os::ITIMER_PROF as i64));
    set("SIG_BLOCK", vm.new_int(os::SIG_BLOCK as i64));
    set("SIG_UNBLOCK", vm.new_int(os::SIG_UNBLOCK as i64));
    set("SIG_SETMASK", vm.new_int(os::SIG_SETMASK as i64));
    // `PyErr_NewException("signal.itimer_error", PyExc_OSError, NULL)`.
    let ns = vm.new_dict();
    dict::set_str(vm, &ns, vm.intern("__module__"), vm.new_str("signal"));
    let bases = vm.new_tuple(vec![vm.exc.os_error.clone()]);
    let cls = vm.call_args(&vm.types.type_, &[vm.new_str("itimer_error"), bases, ns])?;
    *s.itimer_error.borrow_mut() = Some(cls.clone());
    set("ItimerError", cls);
    Ok(())
}
