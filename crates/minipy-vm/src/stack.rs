//! The Rust stack under deep recursion.
//!
//! CPython 3.11 runs Python-to-Python calls without recursing in C, so
//! its recursion limit can be set to any `int` and only memory bounds the
//! depth. minipy's eval loop recurses in Rust for every Python call (and
//! native paths such as `repr` of nested containers or comparisons recurse
//! too), so the stack is grown on demand instead:
//!
//! ```text
//!  interpreter thread's stack (INTERPRETER_STACK_SIZE)
//!  ├─ ... frames ...
//!  ├─ guard(): less than RED_ZONE left ──► new SEGMENT (stacker::grow),
//!  │                                        the closure runs on it
//!  │     ├─ ... frames ...
//!  │     └─ guard(): less than RED_ZONE left ──► another SEGMENT ...
//! ```
//!
//! - [`guard`] sits at the recursion points that can grow: a Python frame
//!   run by `run_frame`, a generator resumed. It costs one stack-pointer
//!   comparison when there is room.
//! - [`check`] sits in `Vm::enter`, which every recursion point (Python
//!   or native) passes: when even `LOW_ZONE` is not left (a native path
//!   that recursed without a `guard`), it raises instead of overflowing.
//! - The segments together may not exceed `MAX_GROWN`: past that a deeper
//!   call raises `MemoryError` (as CPython does when its frames no longer
//!   fit in memory), never a crash.

use std::cell::Cell;

use crate::object::PyResult;
use crate::vm::Vm;

/// Room a guarded call must have: one eval-loop frame and the native
/// calls it makes before the next guard, with a wide margin.
const RED_ZONE: usize = 1 << 20;
/// Size of each stack segment added by [`guard`].
const SEGMENT: usize = 64 << 20;
/// Total size of the segments one thread may add (virtual memory; only
/// what the recursion touches is resident).
const MAX_GROWN: usize = 2 << 30;
/// Room below which [`check`] refuses to go deeper.
const LOW_ZONE: usize = 128 << 10;

thread_local! {
    static GROWN: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` with at least `RED_ZONE` bytes of stack, on a new segment if
/// the current one is nearly used up.
#[inline]
pub fn guard<R>(vm: &Vm, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    match stacker::remaining_stack() {
        Some(n) if n < RED_ZONE => grow(vm, f),
        _ => f(),
    }
}

#[cold]
#[inline(never)]
fn grow<R>(vm: &Vm, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let grown = GROWN.with(|g| g.get());
    if grown + SEGMENT > MAX_GROWN {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    GROWN.with(|g| g.set(grown + SEGMENT));
    let r = stacker::grow(SEGMENT, f);
    GROWN.with(|g| g.set(grown));
    r
}

/// Whether there is stack left to recurse into a native path (see the
/// module doc): false only when less than `LOW_ZONE` remains.
#[inline]
pub fn has_room() -> bool {
    !matches!(stacker::remaining_stack(), Some(n) if n < LOW_ZONE)
}
