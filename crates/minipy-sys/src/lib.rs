//! `minipy-sys`: the one place where minipy calls the operating system
//! through `libc` rather than through `std`.
//!
//! Everything the interpreter needs from the OS that `std` does not offer
//! lives here, behind safe functions: signal dispositions (CPython's
//! `PyOS_setsig`), the async-signal-safe handler that only records that a
//! signal arrived ("tripped") and writes one byte to the wakeup fd, `raise`,
//! `kill`, `alarm`, interval timers, `pause`, `pthread_sigmask`,
//! `strsignal`, a sleep that returns early when a signal arrives (`std`'s
//! sleep restarts itself after `EINTR`, so a Ctrl-C could not interrupt
//! `time.sleep`), and the per-process CPU clock.
//!
//! The VM crate forbids `unsafe`; it calls these functions. Each `unsafe`
//! block below carries a `// SAFETY:` comment saying why the call is sound.
//! What is *not* here: anything `std` already does (files, pipes, the wall
//! and monotonic clocks, processes).

pub mod signal;
pub mod time;

/// The C library's message for `errno` (`strerror`), e.g. "Broken pipe".
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string owned
    // by the C library, valid until the next call on this thread; it is
    // copied at once (the interpreter runs on one thread).
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {}", errno);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// Whether `fd` is open, and if so whether it is in non-blocking mode
/// (`signal.set_wakeup_fd`'s checks).
pub fn fd_nonblocking(fd: i32) -> std::io::Result<bool> {
    // SAFETY: fcntl(F_GETFL) takes no pointer; a bad fd gives EBADF.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(flags & libc::O_NONBLOCK != 0)
}

/// Writes all of `buf` to the open descriptor `fd` with write(2), going
/// on after `EINTR` and short writes; no buffering on the way (the
/// interpreter's streams keep their own buffers, so a failed write leaves
/// nothing half-kept in a hidden one).
pub fn write_all(fd: i32, mut buf: &[u8]) -> std::io::Result<()> {
    while !buf.is_empty() {
        // SAFETY: `buf` is a valid slice for its length; write(2) only
        // reads from it.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        buf = &buf[n as usize..];
    }
    Ok(())
}
