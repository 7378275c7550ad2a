//! Clocks `std` lacks and a sleep a signal can interrupt.

use std::time::Duration;

fn clock(id: libc::clockid_t) -> std::io::Result<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the
    // call; clock_gettime writes only into it.
    let r = unsafe { libc::clock_gettime(id, &mut ts) };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

/// CPU time of the process (`CLOCK_PROCESS_CPUTIME_ID`, `time.process_time`).
pub fn process_time() -> std::io::Result<Duration> {
    clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// `CLOCK_MONOTONIC` (`time.monotonic`, `time.perf_counter`).
pub fn monotonic() -> std::io::Result<Duration> {
    clock(libc::CLOCK_MONOTONIC)
}

/// How a [`sleep`] ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Slept {
    /// The whole duration passed.
    Done,
    /// A signal handler ran (`EINTR`); this much time was left.
    Interrupted(Duration),
}

/// Sleeps for `d` with `nanosleep`, returning early when a signal arrives
/// (unlike `std::thread::sleep`, which resumes by itself).
pub fn sleep(d: Duration) -> std::io::Result<Slept> {
    let req = libc::timespec {
        tv_sec: d.as_secs().min(libc::time_t::MAX as u64) as libc::time_t,
        tv_nsec: d.subsec_nanos() as libc::c_long,
    };
    let mut rem = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: both pointers are valid timespecs for the call; nanosleep
    // reads `req` and writes `rem` only.
    let r = unsafe { libc::nanosleep(&req, &mut rem) };
    if r == 0 {
        return Ok(Slept::Done);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EINTR) {
        return Ok(Slept::Interrupted(Duration::new(
            rem.tv_sec.max(0) as u64,
            rem.tv_nsec.clamp(0, 999_999_999) as u32,
        )));
    }
    Err(e)
}
