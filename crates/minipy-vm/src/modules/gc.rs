//! The `gc` module: the Python face of the cycle collector in
//! `minipy_heap::gc` (CPython's `Modules/gcmodule.c` functions), and the
//! VM's [`Hooks`] for a collection: the `gc.callbacks` phases, `gc.garbage`
//! (DEBUG_SAVEALL), the method cache, and stderr for the DEBUG_* output.
//! The collection itself and its policy (thresholds, generations, the
//! long-lived heuristic, statistics) are the heap's.

use std::cell::RefCell;

use crate::heap::gc::{self as hgc, Hooks, NUM_GENERATIONS};
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::layout::Payload;
use crate::vm::Vm;

thread_local! {
    /// `gc.callbacks` and `gc.garbage`, created on first use (the module's
    /// attributes are these very lists, as in CPython). Per thread, like
    /// the collector's own state in `minipy_heap::gc`; released at
    /// shutdown ([`release`]).
    static LISTS: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
}

pub fn init(vm: &Vm, d: &PyRef) -> PyResult<()> {
    crate::sysmodule::add_functions(vm, d, FUNCTIONS);
    for (name, v) in [
        ("DEBUG_STATS", hgc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", hgc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", hgc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", hgc::DEBUG_SAVEALL),
        (
            "DEBUG_LEAK",
            hgc::DEBUG_COLLECTABLE | hgc::DEBUG_UNCOLLECTABLE | hgc::DEBUG_SAVEALL,
        ),
    ] {
        dict::set_str(vm, d, vm.intern(name), vm.new_int(v as i64));
    }
    let (callbacks, garbage) = lists(vm);
    dict::set_str(vm, d, vm.intern("callbacks"), callbacks);
    dict::set_str(vm, d, vm.intern("garbage"), garbage);
    Ok(())
}

/// `gc.callbacks` and `gc.garbage` (created on first use).
fn lists(vm: &Vm) -> (PyRef, PyRef) {
    LISTS.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| (vm.new_list(vec![]), vm.new_list(vec![])))
            .clone()
    })
}

/// Drops `gc.callbacks` and `gc.garbage` (shutdown, before the leak check).
pub fn release() {
    let old = LISTS.with(|l| l.borrow_mut().take());
    drop(old);
}

/// What the VM adds to a collection.
impl Hooks<Payload> for Vm {
    fn start(&self, generation: usize) {
        invoke_callbacks(self, "start", generation, 0, 0);
        // `gc.garbage` exists before the collection may append to it.
        lists(self);
    }

    fn stop(&self, generation: usize, collected: usize, uncollectable: usize) {
        invoke_callbacks(self, "stop", generation, collected, uncollectable);
    }

    fn drop_caches(&self) {
        self.clear_method_cache();
    }

    fn save(&self, obj: &PyRef) {
        let garbage = LISTS.with(|l| l.borrow().as_ref().map(|(_, g)| g.clone()));
        if let Some(garbage) = garbage {
            if let Payload::List(v) = &garbage.payload {
                v.borrow_mut().push(obj.clone());
            }
        }
    }

    fn write_stderr(&self, text: &str) {
        crate::traceback::write_stderr(text);
    }
}

fn invoke_callbacks(
    vm: &Vm,
    phase: &str,
    generation: usize,
    collected: usize,
    uncollectable: usize,
) {
    let Some(callbacks) = LISTS.with(|l| l.borrow().as_ref().map(|(c, _)| c.clone())) else {
        return;
    };
    let cbs = match &callbacks.payload {
        Payload::List(v) => v.borrow().clone(),
        _ => return,
    };
    if cbs.is_empty() {
        return;
    }
    let info = vm.new_dict();
    for (k, v) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", uncollectable),
    ] {
        dict::set_str(vm, &info, vm.intern(k), vm.new_int(v as i64));
    }
    let phase = vm.new_str(phase);
    for cb in cbs {
        let saved = vm.handled_exception();
        if let Err(e) = vm.call_args(&cb, &[phase.clone(), info.clone()]) {
            crate::traceback::write_unraisable(vm, &e, &cb);
        }
        vm.set_handled_exception(saved);
    }
}

/// A C `int` argument: `'str' object cannot be interpreted as an integer`,
/// `Python int too large to convert to C int`.
fn c_int(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    let big = vm.index_big(v)?;
    match i32::try_from(&big) {
        Ok(i) => Ok(i as i64),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int".to_string())),
    }
}

fn gc_collect(vm: &Vm, args: Args) -> PyResult {
    args.only_kwargs(vm, "collect", &["generation"])?;
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > 1 {
        return Err(vm.type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let g = match pos.first().or_else(|| args.kwarg("generation")) {
        Some(v) => c_int(vm, v)?,
        None => 2,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&g) {
        return Err(vm.value_error("invalid generation".to_string()));
    }
    Ok(vm.new_int(vm.gc_collect(g as usize) as i64))
}

fn gc_enable(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.enable", 0, 0)?;
    hgc::set_enabled(true);
    Ok(vm.none.clone())
}

fn gc_disable(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.disable", 0, 0)?;
    hgc::set_enabled(false);
    Ok(vm.none.clone())
}

fn gc_isenabled(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.isenabled", 0, 0)?;
    Ok(vm.new_bool(hgc::enabled()))
}

fn gc_get_count(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.get_count", 0, 0)?;
    let c = hgc::counts();
    Ok(vm.new_tuple(c.iter().map(|&n| vm.new_int(n as i64)).collect()))
}

fn gc_get_threshold(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.get_threshold", 0, 0)?;
    let t = hgc::thresholds();
    Ok(vm.new_tuple(t.iter().map(|&n| vm.new_int(n as i64)).collect()))
}

fn gc_set_threshold(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "set_threshold")?;
    let a = args.pos();
    if a.is_empty() {
        return Err(
            vm.type_error("set_threshold() takes at least 1 argument (0 given)".to_string())
        );
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "set_threshold() takes at most 3 arguments ({} given)",
            a.len()
        )));
    }
    let mut vals = Vec::new();
    for v in a {
        let big = vm.index_big(v)?;
        let i = i32::try_from(&big).map_err(|_| {
            vm.overflow_error(if big.sign() == num_bigint::Sign::Minus {
                "signed integer is less than minimum".to_string()
            } else {
                "signed integer is greater than maximum".to_string()
            })
        })?;
        vals.push(i as isize);
    }
    for (i, t) in vals.into_iter().enumerate() {
        hgc::set_threshold(i, t);
    }
    Ok(vm.none.clone())
}

fn gc_get_objects(vm: &Vm, args: Args) -> PyResult {
    args.only_kwargs(vm, "get_objects", &["generation"])?;
    let a = args.check(vm, "get_objects", 0, 1)?;
    let g = match a.first().or_else(|| args.kwarg("generation")) {
        Some(v) if !v.is_none() => Some(c_int(vm, v)?),
        _ => None,
    };
    let generation = match g {
        None | Some(-1) => None,
        Some(g) if g >= NUM_GENERATIONS as i64 => {
            return Err(vm.value_error(format!(
                "generation parameter must be less than the number of available generations ({})",
                NUM_GENERATIONS
            )))
        }
        Some(g) if g < 0 => {
            return Err(vm.value_error("generation parameter cannot be negative".to_string()))
        }
        Some(g) => Some(g as usize),
    };
    Ok(vm.new_list(hgc::objects(generation)))
}

fn gc_get_referrers(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "get_referrers")?;
    Ok(vm.new_list(hgc::referrers(args.pos())))
}

fn gc_get_referents(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "get_referents")?;
    let mut out = Vec::new();
    for o in args.pos() {
        if o.has_flag(crate::heap::HAS_GC_HEAD) {
            o.traverse(&mut |c| out.push(c.clone()));
        }
    }
    Ok(vm.new_list(out))
}

fn gc_is_tracked(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "gc.is_tracked", 1, 1)?;
    Ok(vm.new_bool(hgc::is_tracked(&a[0])))
}

fn gc_is_finalized(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "gc.is_finalized", 1, 1)?;
    Ok(vm
        .new_bool(a[0].has_flag(crate::heap::HAS_GC_HEAD) && a[0].has_flag(crate::heap::FINALIZED)))
}

fn gc_freeze(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.freeze", 0, 0)?;
    hgc::freeze();
    Ok(vm.none.clone())
}

fn gc_unfreeze(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.unfreeze", 0, 0)?;
    hgc::unfreeze();
    Ok(vm.none.clone())
}

fn gc_get_freeze_count(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.get_freeze_count", 0, 0)?;
    Ok(vm.new_int(hgc::freeze_count() as i64))
}

fn gc_get_stats(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.get_stats", 0, 0)?;
    let mut out = Vec::new();
    for s in hgc::stats() {
        let d = vm.new_dict();
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            dict::set_str(vm, &d, vm.intern(k), vm.new_int(v as i64));
        }
        out.push(d);
    }
    Ok(vm.new_list(out))
}

fn gc_set_debug(vm: &Vm, args: Args) -> PyResult {
    let a = args.check(vm, "gc.set_debug", 1, 1)?;
    hgc::set_debug(c_int(vm, &a[0])? as u32);
    Ok(vm.none.clone())
}

fn gc_get_debug(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gc.get_debug", 0, 0)?;
    Ok(vm.new_int(hgc::debug() as i64))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("collect", gc_collect),
    ("enable", gc_enable),
    ("disable", gc_disable),
    ("isenabled", gc_isenabled),
    ("get_count", gc_get_count),
    ("get_threshold", gc_get_threshold),
    ("set_threshold", gc_set_threshold),
    ("get_objects", gc_get_objects),
    ("get_referrers", gc_get_referrers),
    ("get_referents", gc_get_referents),
    ("is_tracked", gc_is_tracked),
    ("is_finalized", gc_is_finalized),
    ("freeze", gc_freeze),
    ("unfreeze", gc_unfreeze),
    ("get_freeze_count", gc_get_freeze_count),
    ("get_stats", gc_get_stats),
    ("set_debug", gc_set_debug),
    ("get_debug", gc_get_debug),
];
