//! The heap on its own: a ten-variant test payload, no Python. Each test
//! runs on its own thread, so it has a heap of its own (the heap's state
//! is thread-local).

use std::cell::{Cell, RefCell};

use minipy_heap::gc::{self, Hooks};
use minipy_heap::{live_objects, weakref, Freelist, Object, Ref, Trace, TupleMark, Visitor};

/// The test payload: leaves, nodes holding references (a list), nodes
/// with a finalizer, tuples, weak references, floats, and types.
enum TP {
    Type(&'static str),
    Leaf(u64),
    Float(f64),
    Node(RefCell<Vec<R>>),
    /// A node with a finalizer (`__del__`).
    Fin(RefCell<Vec<R>>),
    /// A node whose traversal untracks the object it visits (a payload
    /// that misbehaves: the heap must stay sound).
    Untracker(RefCell<Vec<R>>),
    Tuple(TupleMark),
    /// A weak reference; its callback.
    Weak(RefCell<Option<R>>),
}

type R = Ref<TP>;

thread_local! {
    static FINALIZED: Cell<usize> = const { Cell::new(0) };
    /// Finalizers store their object here (resurrect it) while set.
    static RESURRECT: Cell<bool> = const { Cell::new(false) };
    static RESURRECTED: RefCell<Vec<R>> = const { RefCell::new(Vec::new()) };
    /// (callback, weakref) addresses of the callbacks run.
    static CALLBACKS: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

fn items_of(obj: &Object<TP>) -> Option<&RefCell<Vec<R>>> {
    match &obj.payload {
        TP::Node(v) | TP::Fin(v) | TP::Untracker(v) => Some(v),
        _ => None,
    }
}

impl Trace for TP {
    fn is_container(&self) -> bool {
        !matches!(self, TP::Type(_) | TP::Leaf(_) | TP::Float(_))
    }

    fn tracked_at_creation(_obj: &Object<TP>) -> bool {
        true
    }

    fn traverse(obj: &Object<TP>, visit: &mut Visitor<'_, TP>) {
        obj.items().iter().rev().for_each(|r| visit.visit(r));
        if let TP::Untracker(_) = obj.payload {
            gc::untrack(obj);
        }
        if let Some(v) = items_of(obj) {
            if let Ok(v) = v.try_borrow() {
                v.iter().for_each(|r| visit.visit(r));
            }
        }
        if let TP::Weak(cb) = &obj.payload {
            if let Some(cb) = &*cb.borrow() {
                visit.visit(cb);
            }
        }
    }

    fn clear(obj: &Object<TP>) {
        let dead: Vec<R> = match &obj.payload {
            TP::Weak(cb) => cb.borrow_mut().take().into_iter().collect(),
            _ => items_of(obj)
                .map(|v| std::mem::take(&mut *v.borrow_mut()))
                .unwrap_or_default(),
        };
        drop(dead);
    }

    fn has_finalizer(obj: &Object<TP>) -> bool {
        matches!(obj.payload, TP::Fin(_))
    }

    fn finalize(obj: &R) {
        FINALIZED.with(|f| f.set(f.get() + 1));
        if RESURRECT.with(|r| r.get()) {
            RESURRECTED.with(|r| r.borrow_mut().push(obj.clone()));
        }
    }

    fn call_weakref_callback(callback: &R, weakref: &R) {
        CALLBACKS.with(|c| c.borrow_mut().push((callback.addr(), weakref.addr())));
    }

    fn tuple(mark: TupleMark) -> TP {
        TP::Tuple(mark)
    }

    fn weakref_callback(&self) -> Option<&RefCell<Option<R>>> {
        match self {
            TP::Weak(cb) => Some(cb),
            _ => None,
        }
    }

    fn freelist(&self) -> Option<Freelist> {
        match self {
            TP::Float(_) => Some(Freelist::Float),
            TP::Node(_) => Some(Freelist::List),
            _ => None,
        }
    }

    fn type_name(obj: &Object<TP>) -> String {
        match obj.class().payload {
            TP::Type(n) => n.to_string(),
            _ => "?".to_string(),
        }
    }
}

/// The heap's `Hooks`, recording what the collector reported.
#[derive(Default)]
struct Rec {
    starts: Cell<usize>,
    stops: RefCell<Vec<(usize, usize)>>,
    stderr: RefCell<String>,
}

impl Hooks<TP> for Rec {
    fn start(&self, _generation: usize) {
        self.starts.set(self.starts.get() + 1);
    }
    fn stop(&self, generation: usize, collected: usize, _uncollectable: usize) {
        self.stops.borrow_mut().push((generation, collected));
    }
    fn write_stderr(&self, text: &str) {
        self.stderr.borrow_mut().push_str(text);
    }
}

/// The types of the test heap (immortal, like a VM's static types).
struct Types {
    node: R,
    leaf: R,
    tuple: R,
    weak: R,
}

fn types() -> Types {
    let ty = Ref::new_immortal(TP::Type("type"), None);
    let t = |n| Ref::new_immortal(TP::Type(n), Some(&ty));
    Types {
        node: t("node"),
        leaf: t("leaf"),
        tuple: t("tuple"),
        weak: t("weakref"),
    }
}

fn node(t: &Types, items: Vec<R>) -> R {
    Ref::new(TP::Node(RefCell::new(items)), &t.node)
}

fn leaf(t: &Types, v: u64) -> R {
    Ref::new(TP::Leaf(v), &t.leaf)
}

fn push(n: &R, item: R) {
    items_of(n).expect("a node").borrow_mut().push(item);
}

fn collect() -> usize {
    gc::collect(gc::NUM_GENERATIONS - 1, &Rec::default())
}

#[test]
fn refcount_drop_frees_acyclic_garbage_at_once() {
    let t = types();
    let base = live_objects();
    let l = leaf(&t, 7);
    let n = node(&t, vec![l.clone(), leaf(&t, 8)]);
    assert_eq!(live_objects(), base + 3);
    assert_eq!(l.refcnt(), 2);
    drop(n);
    assert_eq!(live_objects(), base + 1, "the node and its other leaf died");
    assert_eq!(l.refcnt(), 1);
    drop(l);
    assert_eq!(live_objects(), base);
}

#[test]
fn collect_frees_cycles_and_counts_them() {
    let t = types();
    let base = live_objects();
    // a <-> b, and c -> c, plus a leaf hanging off a.
    let a = node(&t, vec![leaf(&t, 1)]);
    let b = node(&t, vec![a.clone()]);
    push(&a, b.clone());
    let c = node(&t, vec![]);
    push(&c, c.clone());
    drop((a, b, c));
    assert_eq!(
        live_objects(),
        base + 4,
        "cycles outlive their last outside reference"
    );
    let before = gc::stats()[2];
    assert_eq!(collect(), 3, "three containers were unreachable");
    assert_eq!(live_objects(), base, "and the leaf went with them");
    let after = gc::stats()[2];
    assert_eq!(after.collections, before.collections + 1);
    assert_eq!(after.collected, before.collected + 3);
    assert_eq!(collect(), 0, "nothing left");
}

#[test]
fn objects_reachable_from_outside_survive() {
    let t = types();
    let base = live_objects();
    let a = node(&t, vec![]);
    let b = node(&t, vec![a.clone()]);
    push(&a, b.clone());
    let root = node(&t, vec![a.clone()]);
    drop((a, b));
    assert_eq!(collect(), 0);
    assert_eq!(live_objects(), base + 3);
    assert!(gc::is_tracked(&root));
    let kids = items_of(&root).unwrap().borrow().clone();
    assert_eq!(kids.len(), 1);
    assert_eq!(
        items_of(&kids[0]).unwrap().borrow().len(),
        1,
        "the cycle is intact"
    );
    drop(kids);
    drop(root);
    assert_eq!(
        live_objects(),
        base + 2,
        "root died by refcount, its cycle did not"
    );
    assert_eq!(collect(), 2);
    assert_eq!(live_objects(), base);
}

#[test]
fn finalizer_runs_once_and_resurrection_keeps_the_object() {
    let t = types();
    let base = live_objects();
    let f = Ref::new(TP::Fin(RefCell::new(vec![])), &t.node);
    push(&f, f.clone());
    drop(f);
    RESURRECT.with(|r| r.set(true));
    assert_eq!(collect(), 0, "resurrected by its finalizer: not garbage");
    assert_eq!(FINALIZED.with(|f| f.get()), 1);
    RESURRECT.with(|r| r.set(false));
    let f = RESURRECTED
        .with(|r| r.borrow_mut().pop())
        .expect("resurrected");
    assert!(gc::is_tracked(&f));
    assert!(f.has_flag(minipy_heap::FINALIZED));
    drop(f);
    assert_eq!(collect(), 1, "garbage again");
    assert_eq!(FINALIZED.with(|f| f.get()), 1, "PEP 442: at most once");
    assert_eq!(live_objects(), base);

    // By refcount: the finalizer runs before the object is freed.
    let g = Ref::new(TP::Fin(RefCell::new(vec![leaf(&t, 3)])), &t.node);
    drop(g);
    assert_eq!(FINALIZED.with(|f| f.get()), 2);
    assert_eq!(live_objects(), base);
}

#[test]
fn weakrefs_are_cleared_and_call_back_once() {
    let t = types();
    let base = live_objects();
    let target = leaf(&t, 1);
    let cb = leaf(&t, 2);
    let w = Ref::new(TP::Weak(RefCell::new(Some(cb.clone()))), &t.weak);
    weakref::attach(&target, &w, weakref::Position::AfterBasic(0));
    assert!(weakref::upgrade(&w).is_some_and(|r| r.is(&target)));
    assert_eq!(weakref::count(&target), 1);
    assert_eq!(target.refcnt(), 1, "a weak reference owns nothing");
    drop(target);
    assert!(
        weakref::upgrade(&w).is_none(),
        "cleared when the referent died"
    );
    let calls = CALLBACKS.with(|c| c.borrow_mut().split_off(0));
    assert_eq!(calls, vec![(cb.addr(), w.addr())]);
    assert!(
        w.weakref_callback().unwrap().borrow().is_none(),
        "the callback is taken out, so it cannot run twice"
    );

    // A referent that dies in a collection: cleared before its cycle is.
    let a = node(&t, vec![]);
    push(&a, a.clone());
    let w2 = Ref::new(TP::Weak(RefCell::new(Some(cb.clone()))), &t.weak);
    weakref::attach(&a, &w2, weakref::Position::Head);
    drop(a);
    assert_eq!(collect(), 1);
    assert!(weakref::upgrade(&w2).is_none());
    assert_eq!(CALLBACKS.with(|c| c.borrow().len()), 1);
    drop((w, w2, cb));
    assert_eq!(live_objects(), base);
}

#[test]
fn trashcan_drops_a_million_long_chain_without_overflowing_the_stack() {
    let t = types();
    let base = live_objects();
    let mut head = node(&t, vec![]);
    for _ in 0..1_000_000 {
        head = node(&t, vec![head]);
    }
    assert_eq!(live_objects(), base + 1_000_001);
    drop(head); // each node's drop would recurse into the next
    assert_eq!(live_objects(), base);
}

#[test]
fn tuple_items_live_after_the_object_and_are_freed_with_it() {
    let t = types();
    let base = live_objects();
    let l = leaf(&t, 5);
    let tup = Ref::new_tuple(vec![l.clone(), leaf(&t, 6), leaf(&t, 7)], &t.tuple);
    assert_eq!(tup.as_tuple().map(|i| i.len()), Some(3));
    assert!(tup.items()[0].is(&l));
    assert!(tup.cells().is_empty(), "items are not slot cells");
    assert_eq!(l.refcnt(), 2);
    let one = Ref::new_tuple(vec![leaf(&t, 1)], &t.tuple);
    assert_eq!(tup.block_size(), one.block_size() + 16, "one word per item");
    drop((tup, one));
    assert_eq!(l.refcnt(), 1);
    assert_eq!(live_objects(), base + 1);

    // BUILD_TUPLE's path: the tail of a vector.
    let mut v = vec![l.clone(), leaf(&t, 8), leaf(&t, 9)];
    let tail = Ref::new_tuple_from_tail(&mut v, 1, &t.tuple);
    assert_eq!(v.len(), 1);
    assert_eq!(tail.items().len(), 2);
    drop((v, tail));

    // A cycle through a tuple, and a tuple of atoms untracked by a
    // collection (CPython's untrack_tuples).
    let n = node(&t, vec![]);
    let tup = Ref::new_tuple(vec![n.clone(), leaf(&t, 1)], &t.tuple);
    push(&n, tup.clone());
    let atoms = Ref::new_tuple(vec![leaf(&t, 2)], &t.tuple);
    assert!(gc::is_tracked(&atoms));
    drop((n, tup));
    assert_eq!(collect(), 2);
    assert!(!gc::is_tracked(&atoms));
    drop((atoms, l));
    assert_eq!(live_objects(), base);

    // Past the header's count field: the length is a word of its own.
    let big: Vec<R> = (0..70_000).map(|i| leaf(&t, i)).collect();
    let big = Ref::new_tuple(big, &t.tuple);
    assert_eq!(big.items().len(), 70_000);
    assert!(matches!(big.items()[69_999].payload, TP::Leaf(69_999)));
    assert_eq!(big.block_size(), one_item_block(&t) + 8 * 70_000);
    drop(big);
    assert_eq!(live_objects(), base);

    let empty = Ref::new_immortal_tuple(&t.tuple);
    assert_eq!(empty.as_tuple().map(|i| i.len()), Some(0));
    assert_eq!(leaf(&t, 0).as_tuple().map(|i| i.len()), None);
}

/// The block of a 1-tuple, to compare sizes with.
fn one_item_block(t: &Types) -> usize {
    Ref::new_tuple(vec![leaf(t, 0)], &t.tuple).block_size()
}

#[test]
fn generation_zero_threshold_makes_a_collection_pending() {
    let t = types();
    assert_eq!(gc::thresholds(), [700, 10, 10]);
    collect(); // counts start from 0
    assert!(!gc::pending());
    let keep: Vec<R> = (0..700).map(|_| node(&t, vec![])).collect();
    assert!(!gc::pending(), "700 is the threshold, not past it");
    assert_eq!(gc::counts()[0], 700);
    let one = node(&t, vec![]);
    assert!(gc::pending());
    let rec = Rec::default();
    let before = gc::stats()[0].collections;
    gc::collect_generations(&rec);
    assert!(!gc::pending());
    assert_eq!(gc::stats()[0].collections, before + 1);
    assert_eq!(*rec.stops.borrow(), vec![(0, 0)]);
    assert_eq!(gc::counts(), [0, 1, 0], "gen 1 counts gen-0 collections");
    drop((keep, one));

    // Disabled: allocations never make a collection pending.
    gc::set_enabled(false);
    let keep: Vec<R> = (0..800).map(|_| node(&t, vec![])).collect();
    assert!(!gc::pending());
    gc::set_enabled(true);
    drop(keep);
}

#[test]
fn freeze_moves_everything_out_of_reach_of_collections() {
    let t = types();
    let a = node(&t, vec![]);
    push(&a, a.clone());
    drop(a);
    gc::freeze();
    assert!(gc::freeze_count() >= 1);
    assert_eq!(collect(), 0, "frozen garbage is not collected");
    gc::unfreeze();
    assert_eq!(gc::freeze_count(), 0);
    assert_eq!(collect(), 1);
}

#[test]
fn debug_output_goes_through_the_hooks() {
    let t = types();
    let a = node(&t, vec![]);
    push(&a, a.clone());
    let addr = a.addr();
    drop(a);
    gc::set_debug(gc::DEBUG_STATS | gc::DEBUG_COLLECTABLE);
    let rec = Rec::default();
    assert_eq!(gc::collect(2, &rec), 1);
    gc::set_debug(0);
    let out = rec.stderr.borrow();
    assert!(out.starts_with("gc: collecting generation 2...\n"), "{out}");
    assert!(
        out.contains(&format!("gc: collectable <node {addr:#x}>\n")),
        "{out}"
    );
    assert!(
        out.contains("gc: done, 1 unreachable, 0 uncollectable"),
        "{out}"
    );
    assert_eq!(rec.starts.get(), 1);
}

#[test]
fn a_traversal_that_untracks_its_object_cannot_break_the_lists() {
    let t = types();
    let base = live_objects();
    let u = Ref::new(TP::Untracker(RefCell::new(vec![])), &t.node);
    push(&u, u.clone());
    let a = node(&t, vec![u.clone()]);
    push(&a, a.clone());
    drop((u, a));
    let rec = Rec::default();
    // Whatever the collector concludes, it must not crash or free a
    // live object; the misbehaving object drops out of its lists.
    let n = gc::collect(2, &rec);
    assert_eq!(n, 0);
    assert!(
        rec.stderr.borrow().contains("collection abandoned"),
        "the walk saw its node leave the list: {}",
        rec.stderr.borrow()
    );
    for _ in 0..3 {
        gc::collect(2, &rec);
    }
    assert!(live_objects() >= base);
}

#[test]
fn freelist_report_is_in_cpythons_order_and_recycles_blocks() {
    let r = minipy_heap::freelist::report::<TP>();
    let names: Vec<&str> = r
        .lines()
        .filter_map(|l| l.split(" free ").nth(1))
        .filter_map(|l| l.split(" * ").next())
        .collect();
    let n = 3 + minipy_heap::freelist::TUPLE_LENGTHS;
    assert_eq!(names.len(), n, "{r}");
    assert_eq!(names[0], "PyDictObjects");
    assert_eq!(names[1], "PyFloatObjects");
    assert_eq!(names[2], "PyListObjects");
    assert_eq!(names[3], "1-sized PyTupleObjects");
    assert_eq!(names[n - 1], "20-sized PyTupleObjects");

    let t = types();
    let f = Ref::new(TP::Float(1.5), &t.leaf);
    let addr = f.addr();
    drop(f);
    let g = Ref::new(TP::Float(2.5), &t.leaf);
    assert_eq!(g.addr(), addr, "the float's block was kept and reused");
    assert!(matches!(g.payload, TP::Float(x) if x == 2.5));
    let tup = Ref::new_tuple(vec![leaf(&t, 1), leaf(&t, 2)], &t.tuple);
    let addr = tup.addr();
    drop(tup);
    let other = Ref::new_tuple(vec![leaf(&t, 1)], &t.tuple);
    assert_ne!(other.addr(), addr, "a 2-tuple's block is not a 1-tuple's");
    let again = Ref::new_tuple(vec![leaf(&t, 3), leaf(&t, 4)], &t.tuple);
    assert_eq!(again.addr(), addr);
    minipy_heap::freelist::clear();
}

/// A second payload type, for the one-type-per-thread check.
enum Other {
    Thing,
}

impl Trace for Other {
    fn is_container(&self) -> bool {
        true
    }
    fn tracked_at_creation(_: &Object<Other>) -> bool {
        true
    }
    fn traverse(_: &Object<Other>, _: &mut Visitor<'_, Other>) {}
    fn clear(_: &Object<Other>) {}
    fn has_finalizer(_: &Object<Other>) -> bool {
        false
    }
    fn finalize(_: &Ref<Other>) {}
    fn call_weakref_callback(_: &Ref<Other>, _: &Ref<Other>) {}
    fn tuple(_: TupleMark) -> Other {
        Other::Thing
    }
    fn weakref_callback(&self) -> Option<&RefCell<Option<Ref<Other>>>> {
        None
    }
    fn type_name(_: &Object<Other>) -> String {
        "other".to_string()
    }
}

#[test]
#[should_panic(expected = "two payload types on one thread")]
fn containers_of_two_payload_types_on_one_thread_are_refused() {
    let t = types();
    let _n = node(&t, vec![]);
    let ty = Ref::new_immortal(Other::Thing, None);
    let _o = Ref::new(Other::Thing, &ty);
}

#[test]
fn walks_for_another_payload_type_find_nothing() {
    let t = types();
    let _n = node(&t, vec![]);
    assert!(!gc::objects::<TP>(None).is_empty());
    assert!(gc::objects::<Other>(None).is_empty());
}
