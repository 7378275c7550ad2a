//! Signals: dispositions, the flag-setting handler, raising and timers
//! (the OS half of CPython's `Modules/signalmodule.c`).
//!
//! The handler that [`install`] puts in place does only what is
//! async-signal-safe: it stores `true` into the signal's slot of
//! [`TRIPPED`] and into [`ANY_TRIPPED`], writes the signal number as one
//! byte to the wakeup fd when one is set (`signal.set_wakeup_fd`), and
//! restores `errno`. The interpreter polls [`any_tripped`] at its
//! eval-breaker points and then takes the tripped signals one by one with
//! [`take_tripped`] to run their Python handlers, as CPython's
//! `PyErr_CheckSignals` does.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// One more than the largest signal number (`signal.NSIG`).
#[cfg(target_os = "linux")]
pub const NSIG: i32 = 65;
#[cfg(not(target_os = "linux"))]
pub const NSIG: i32 = 33;

/// Per-signal "arrived since last looked" flags.
static TRIPPED: [AtomicBool; NSIG as usize] = [const { AtomicBool::new(false) }; NSIG as usize];
/// Set when any slot of `TRIPPED` is: the one load the eval loop makes.
static ANY_TRIPPED: AtomicBool = AtomicBool::new(false);
/// `signal.set_wakeup_fd`'s descriptor, -1 for none.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn trip(sig: libc::c_int) {
    // SAFETY: reading errno through its thread-local location is
    // async-signal-safe; it is restored below so the interrupted code
    // sees the value it had.
    let saved = unsafe { *libc::__errno_location() };
    if sig > 0 && sig < NSIG {
        TRIPPED[sig as usize].store(true, Ordering::SeqCst);
    }
    ANY_TRIPPED.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is one valid
        // byte on this stack frame. A failed write is ignored (CPython
        // reports it later; a full pipe only loses a wakeup byte).
        unsafe {
            libc::write(fd, (&byte as *const u8).cast(), 1);
        }
    }
    // SAFETY: see above.
    unsafe { *libc::__errno_location() = saved };
}

/// True when a signal arrived that [`take_tripped`] has not yet returned.
#[inline(always)]
pub fn any_tripped() -> bool {
    ANY_TRIPPED.load(Ordering::Relaxed)
}

/// The lowest tripped signal, clearing its flag; `None` when none is left
/// (then the summary flag is clear too).
pub fn take_tripped() -> Option<i32> {
    ANY_TRIPPED.store(false, Ordering::SeqCst);
    for sig in 1..NSIG {
        if TRIPPED[sig as usize].swap(false, Ordering::SeqCst) {
            // Others may still be set: look again next time.
            ANY_TRIPPED.store(true, Ordering::SeqCst);
            return Some(sig);
        }
    }
    None
}

/// What the OS does with a signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// `SIG_DFL`.
    Default,
    /// `SIG_IGN`.
    Ignore,
    /// The flag-setting handler of this module.
    Trip,
    /// Some other handler (installed by foreign code).
    Other,
}

fn check(r: libc::c_int) -> io::Result<()> {
    if r == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

fn sigaction_of(sig: i32) -> io::Result<libc::sigaction> {
    // SAFETY: a zeroed sigaction is a valid value of this plain C struct;
    // sigaction with a null new action only writes the current one into
    // `old`, which is valid and writable.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        check(libc::sigaction(sig, std::ptr::null(), &mut old))?;
        Ok(old)
    }
}

/// The current disposition of `sig`.
pub fn current(sig: i32) -> io::Result<Disposition> {
    let a = sigaction_of(sig)?;
    Ok(match a.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == trip as extern "C" fn(libc::c_int) as libc::sighandler_t => Disposition::Trip,
        _ => Disposition::Other,
    })
}

fn set(sig: i32, handler: libc::sighandler_t, restart: bool) -> io::Result<()> {
    // SAFETY: the struct is fully initialised (zeroed, then the mask
    // emptied and handler/flags set); `handler` is SIG_DFL, SIG_IGN or
    // `trip`, an `extern "C" fn(c_int)` that only does async-signal-safe
    // work. The old action is not wanted (null).
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_sigaction = handler;
        // As CPython's PyOS_setsig: SA_ONSTACK, and no SA_RESTART unless
        // siginterrupt(sig, False) asked for it, so blocking calls return
        // EINTR and the Python handler runs promptly.
        act.sa_flags = libc::SA_ONSTACK | if restart { libc::SA_RESTART } else { 0 };
        check(libc::sigaction(sig, &act, std::ptr::null_mut()))
    }
}

/// Installs the flag-setting handler for `sig`.
pub fn install(sig: i32) -> io::Result<()> {
    set(
        sig,
        trip as extern "C" fn(libc::c_int) as libc::sighandler_t,
        false,
    )
}

/// Restores the OS default action for `sig`.
pub fn set_default(sig: i32) -> io::Result<()> {
    set(sig, libc::SIG_DFL, false)
}

/// Ignores `sig`.
pub fn set_ignore(sig: i32) -> io::Result<()> {
    set(sig, libc::SIG_IGN, false)
}

/// `siginterrupt(sig, flag)`: whether system calls interrupted by `sig`
/// fail with EINTR (`true`) or restart (`false`).
pub fn siginterrupt(sig: i32, interrupt: bool) -> io::Result<()> {
    let a = sigaction_of(sig)?;
    set(sig, a.sa_sigaction, !interrupt)
}

/// Sends `sig` to the calling thread (`raise(3)`).
pub fn raise(sig: i32) -> io::Result<()> {
    // SAFETY: raise has no memory arguments.
    let r = unsafe { libc::raise(sig) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// `kill(pid, sig)`.
pub fn kill(pid: i32, sig: i32) -> io::Result<()> {
    // SAFETY: kill has no memory arguments.
    check(unsafe { libc::kill(pid, sig) })
}

/// The calling thread's id (`threading.get_ident()`'s value).
pub fn thread_self() -> u64 {
    // SAFETY: pthread_self has no arguments and cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

/// `pthread_kill(thread, sig)`; the error number on failure.
pub fn pthread_kill(thread: u64, sig: i32) -> io::Result<()> {
    // SAFETY: pthread_kill takes plain values; an unknown thread id is
    // reported as ESRCH by glibc for ids of exited threads.
    let r = unsafe { libc::pthread_kill(thread as libc::pthread_t, sig) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(())
}

/// `alarm(seconds)`: the seconds left of the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: alarm takes a plain value and cannot fail.
    unsafe { libc::alarm(seconds) }
}

/// `pause()`: waits until a signal handler has run.
pub fn pause() {
    // SAFETY: pause has no arguments; it always returns -1/EINTR.
    unsafe {
        libc::pause();
    }
}

fn tv(secs: f64) -> libc::timeval {
    let s = secs.max(0.0);
    let mut whole = s.trunc();
    let mut usec = ((s - whole) * 1e6).ceil();
    if usec >= 1e6 {
        whole += 1.0;
        usec -= 1e6;
    }
    libc::timeval {
        tv_sec: whole.min(libc::time_t::MAX as f64) as libc::time_t,
        tv_usec: usec as libc::suseconds_t,
    }
}

fn secs(t: &libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// The interval timers (`signal.ITIMER_*`).
pub const ITIMER_REAL: i32 = libc::ITIMER_REAL;
pub const ITIMER_VIRTUAL: i32 = libc::ITIMER_VIRTUAL;
pub const ITIMER_PROF: i32 = libc::ITIMER_PROF;

fn which(w: i32) -> libc::c_int {
    w
}

/// `setitimer(which, seconds, interval)`: the old `(delay, interval)`.
pub fn setitimer(w: i32, seconds: f64, interval: f64) -> io::Result<(f64, f64)> {
    let new = libc::itimerval {
        it_interval: tv(interval),
        it_value: tv(seconds),
    };
    // SAFETY: a zeroed itimerval is a valid value; both pointers are
    // valid for the call.
    unsafe {
        let mut old: libc::itimerval = std::mem::zeroed();
        check(libc::setitimer(which(w), &new, &mut old))?;
        Ok((secs(&old.it_value), secs(&old.it_interval)))
    }
}

/// `getitimer(which)`: `(delay, interval)`.
pub fn getitimer(w: i32) -> io::Result<(f64, f64)> {
    // SAFETY: as for setitimer; `cur` is valid and writable.
    unsafe {
        let mut cur: libc::itimerval = std::mem::zeroed();
        check(libc::getitimer(which(w), &mut cur))?;
        Ok((secs(&cur.it_value), secs(&cur.it_interval)))
    }
}

/// `strsignal(sig)`: the system's description, `None` for an unknown
/// signal (as CPython, which returns None then).
pub fn strsignal(sig: i32) -> Option<String> {
    if !(1..NSIG).contains(&sig) {
        return None;
    }
    // SAFETY: strsignal returns a pointer to a NUL-terminated string owned
    // by the C library (valid until the next call on this thread); it is
    // copied at once. The interpreter runs on one thread.
    let s = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if s.contains("Unknown signal") {
        return None;
    }
    Some(s)
}

/// Sets the fd the handler writes each signal's number to (-1: none);
/// returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

fn sigset(sigs: &[i32]) -> io::Result<libc::sigset_t> {
    // SAFETY: a zeroed sigset_t is then initialised by sigemptyset; the
    // pointer is valid.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    check(unsafe { libc::sigemptyset(&mut set) })?;
    for &s in sigs {
        // SAFETY: `set` is an initialised sigset.
        check(unsafe { libc::sigaddset(&mut set, s) })?;
    }
    Ok(set)
}

fn members(set: &libc::sigset_t) -> Vec<i32> {
    (1..NSIG)
        // SAFETY: `set` is an initialised sigset; sigismember only reads it.
        .filter(|&s| unsafe { libc::sigismember(set, s) } == 1)
        .collect()
}

/// The signals this platform lets a program name (`signal.valid_signals`).
pub fn valid_signals() -> Vec<i32> {
    // SAFETY: sigfillset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigfillset(&mut set) };
    members(&set)
}

/// `pthread_sigmask`'s `how`.
pub const SIG_BLOCK: i32 = libc::SIG_BLOCK;
pub const SIG_UNBLOCK: i32 = libc::SIG_UNBLOCK;
pub const SIG_SETMASK: i32 = libc::SIG_SETMASK;

/// `pthread_sigmask(how, sigs)`: the previous mask's members.
pub fn pthread_sigmask(how: i32, sigs: &[i32]) -> io::Result<Vec<i32>> {
    let set = sigset(sigs)?;
    // SAFETY: both sets are valid sigsets for the call.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(members(&old))
}

/// `sigpending()`: the signals pending for the thread.
pub fn sigpending() -> io::Result<Vec<i32>> {
    // SAFETY: sigpending fills the valid, writable set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    check(unsafe { libc::sigpending(&mut set) })?;
    Ok(members(&set))
}

/// Blocks every asynchronous signal in the calling thread (the launcher
/// thread, so that signals sent to the process reach the interpreter
/// thread, whose sleeps they must interrupt); returns the mask it had,
/// for the interpreter thread to restore with [`set_mask`].
pub fn block_async_signals() -> io::Result<Vec<i32>> {
    let sigs: Vec<i32> = valid_signals()
        .into_iter()
        .filter(|&s| !is_synchronous(s))
        .collect();
    pthread_sigmask(SIG_BLOCK, &sigs)
}

/// Sets the calling thread's signal mask to exactly `sigs`.
pub fn set_mask(sigs: &[i32]) -> io::Result<()> {
    pthread_sigmask(SIG_SETMASK, sigs).map(|_| ())
}

/// Faults delivered to the thread that caused them.
fn is_synchronous(sig: i32) -> bool {
    matches!(
        sig,
        libc::SIGSEGV | libc::SIGBUS | libc::SIGFPE | libc::SIGILL | libc::SIGTRAP
    )
}

/// The first real-time signal (`signal.SIGRTMIN`).
pub fn sigrtmin() -> i32 {
    libc::SIGRTMIN()
}

/// The last real-time signal (`signal.SIGRTMAX`).
pub fn sigrtmax() -> i32 {
    libc::SIGRTMAX()
}

/// The `SIG*` names of this platform with their numbers, in CPython's
/// `signal` module (without SIGRTMIN/SIGRTMAX, see [`sigrtmin`]).
pub const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSYS", libc::SIGSYS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGURG", libc::SIGURG),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

/// The process id.
pub fn getpid() -> i32 {
    std::process::id() as i32
}
