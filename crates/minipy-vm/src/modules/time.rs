//! A minimal native `time` module (part of CPython's `Modules/timemodule.c`):
//! the clocks and `sleep`.
//!
//! `sleep` follows PEP 475: when a signal interrupts the wait, the Python
//! signal handlers run at once (so `KeyboardInterrupt` comes out of
//! `time.sleep`); if they return normally the sleep resumes for the time
//! that is left. The calendar functions (`localtime`, `strftime`, ...) are
//! not implemented yet: they raise `AttributeError` as missing names.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::{Args, NativeFn};
use crate::objects::layout::Payload;
use crate::vm::Vm;

/// A timeout in nanoseconds (CPython's `_PyTime_FromSecondsObject` with
/// `_PyTime_ROUND_TIMEOUT`).
pub(crate) fn timeout_ns(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    if let Payload::Float(d) = v.payload {
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)".to_string()));
        }
        let ns = d * 1e9;
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t".to_string()));
        }
        // Rounded away from zero: a timeout never ends early.
        let r = if ns >= 0.0 { ns.ceil() } else { ns.floor() };
        return Ok(r as i64);
    }
    use num_traits::ToPrimitive;
    let secs = vm.index_big(v)?;
    secs.to_i64()
        .and_then(|s| s.checked_mul(1_000_000_000))
        .ok_or_else(|| {
            vm.overflow_error("timestamp too large to convert to C _PyTime_t".to_string())
        })
}

fn sleep(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "time.sleep")?;
    let a = args.check(vm, "time.sleep", 1, 1)?;
    let ns = timeout_ns(vm, &a[0])?;
    if ns < 0 {
        return Err(vm.value_error("sleep length must be non-negative".to_string()));
    }
    let deadline = Instant::now() + Duration::from_nanos(ns as u64);
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        match minipy_sys::time::sleep(deadline - now) {
            Ok(minipy_sys::time::Slept::Done) => break,
            // PEP 475: run the handlers; an exception ends the sleep.
            Ok(minipy_sys::time::Slept::Interrupted(_)) => {
                crate::modules::_signal::check_signals(vm)?
            }
            Err(e) => return Err(crate::modules::_signal::os_error(vm, &e)),
        }
    }
    Ok(vm.none.clone())
}

fn since_epoch() -> Duration {
    // A clock before 1970 reads as the epoch itself.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn clock(vm: &Vm, c: std::io::Result<Duration>) -> PyResult<Duration> {
    c.map_err(|e| crate::modules::_signal::os_error(vm, &e))
}

fn int_ns(vm: &Vm, d: Duration) -> PyRef {
    match i64::try_from(d.as_nanos()) {
        Ok(n) => vm.new_int(n),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(d.as_nanos())),
    }
}

fn time(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "time", 0, 0)?;
    Ok(vm.new_float(since_epoch().as_secs_f64()))
}

fn time_ns(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "time_ns", 0, 0)?;
    Ok(int_ns(vm, since_epoch()))
}

fn monotonic(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "monotonic", 0, 0)?;
    let d = clock(vm, minipy_sys::time::monotonic())?;
    Ok(vm.new_float(d.as_secs_f64()))
}

fn monotonic_ns(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "monotonic_ns", 0, 0)?;
    let d = clock(vm, minipy_sys::time::monotonic())?;
    Ok(int_ns(vm, d))
}

fn process_time(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "process_time", 0, 0)?;
    let d = clock(vm, minipy_sys::time::process_time())?;
    Ok(vm.new_float(d.as_secs_f64()))
}

fn process_time_ns(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "process_time_ns", 0, 0)?;
    let d = clock(vm, minipy_sys::time::process_time())?;
    Ok(int_ns(vm, d))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sleep", sleep),
    ("time", time),
    ("time_ns", time_ns),
    ("monotonic", monotonic),
    ("monotonic_ns", monotonic_ns),
    // CPython's perf_counter is the monotonic clock on Linux.
    ("perf_counter", monotonic),
    ("perf_counter_ns", monotonic_ns),
    ("process_time", process_time),
    ("process_time_ns", process_time_ns),
];

pub fn init(vm: &Vm, d: &PyRef) -> PyResult<()> {
    crate::sysmodule::add_functions(vm, d, FUNCTIONS);
    Ok(())
}
