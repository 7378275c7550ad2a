//! The `set` and `frozenset` types (CPython's `PySet_Type` and
//! `PyFrozenSet_Type`): their slots (`set_as_number`, `set_as_sequence`,
//! repr, hash, rich comparison, iteration, `tp_init`/`tp_new`) and
//! methods (`set_methods`, `frozenset_methods`). The algorithms are in
//! `set.rs`.

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict::{self, noargs, one_arg, varargs};
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::set::{self as s, is_mutable, is_set};
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, SlotFn, SlotId, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// Checks that a slot got a set or frozenset (its layout).
#[inline(always)]
fn check(vm: &Vm, o: &PyRef) -> PyResult<()> {
    if is_set(o) {
        return Ok(());
    }
    Err(not_a_set(vm, o))
}

#[cold]
fn not_a_set(vm: &Vm, o: &PyRef) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        format!("set slot called on a '{}' object", o.type_name()),
    )
}

/// `type.method` of a method of `set` or `frozenset` (for the argument
/// errors; the method descriptor checked that `so` is one of them).
fn qual(vm: &Vm, so: &PyRef, name: &str) -> String {
    let t = if is_mutable(vm, so) {
        "set"
    } else {
        "frozenset"
    };
    format!("{}.{}", t, name)
}

// ----- construction ----------------------------------------------------------------

/// `set.__new__(cls, *args)`: an empty set (`tp_init` fills it).
pub fn set_new(vm: &Vm, args: Args) -> PyResult {
    let Some(cls) = args.pos().first() else {
        return Err(vm.type_error("set.__new__(): not enough arguments".to_string()));
    };
    if cls.is(&vm.types.set) {
        args.no_kwargs(vm, "set")?;
    }
    Ok(PyRef::new(Payload::Set(Box::default()), cls))
}

/// At most one positional argument (`PyArg_UnpackTuple(args, name, 0, 1)`).
fn one_optional<'a>(vm: &Vm, pos: &'a [PyRef], name: &str) -> PyResult<Option<&'a PyRef>> {
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            pos.len()
        )));
    }
    Ok(pos.first())
}

/// `set.__init__(self, iterable=(), /)`: empties the set, then adds.
fn set_init(vm: &Vm, so: &PyRef, args: Args) -> PyResult<()> {
    check(vm, so)?;
    args.no_kwargs(vm, "set")?;
    let src = one_optional(vm, args.pos(), &so.type_name())?;
    if dict::len(so) > 0 {
        s::clear(so);
    }
    match src {
        Some(o) => s::update(vm, so, o),
        None => Ok(()),
    }
}

/// `frozenset.__new__(cls, iterable=(), /)`; `frozenset(f)` of an exact
/// frozenset is `f` itself.
pub fn frozenset_new(vm: &Vm, args: Args) -> PyResult {
    let Some((cls, rest)) = args.pos().split_first() else {
        return Err(vm.type_error("frozenset.__new__(): not enough arguments".to_string()));
    };
    let default_init = cls.as_type().is_some_and(|t| {
        !t.slots.is_generic(SlotId::Init) && t.slots.origin(SlotId::Init) == vm.types.object.addr()
    });
    if cls.is(&vm.types.frozenset) || default_init {
        args.no_kwargs(vm, "frozenset")?;
    }
    let src = one_optional(vm, rest, &crate::objects::descr::type_name(cls))?;
    if let Some(o) = src {
        if cls.is(&vm.types.frozenset) && o.class().is(&vm.types.frozenset) {
            return Ok(o.clone());
        }
    }
    s::make_new_set(vm, cls, src)
}

// ----- slots ---------------------------------------------------------------------

fn set_repr(vm: &Vm, so: &PyRef) -> PyResult {
    check(vm, so)?;
    Ok(vm.new_string(s::set_repr(vm, so)?))
}

fn frozenset_hash(vm: &Vm, so: &PyRef) -> PyResult<i64> {
    check(vm, so)?;
    s::frozenset_hash(vm, so)
}

/// `set_richcompare`: equality and the subset/superset orderings with
/// another set or frozenset; NotImplemented otherwise.
fn set_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    check(vm, a)?;
    if !is_set(b) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(vm.new_bool(s::set_compare(vm, a, b, op)?))
}

fn set_iter(vm: &Vm, so: &PyRef) -> PyResult {
    check(vm, so)?;
    Ok(s::set_iter(vm, so))
}

fn set_len(vm: &Vm, so: &PyRef) -> PyResult<usize> {
    check(vm, so)?;
    Ok(dict::len(so))
}

/// `x in set` (an unhashable set `x` is looked up as a frozenset).
fn set_contains(vm: &Vm, so: &PyRef, x: &PyRef) -> PyResult<bool> {
    check(vm, so)?;
    s::table_contains(vm, so, x)
}

/// `a <op> b` for two sets or frozensets (either may be the one of this
/// type); NotImplemented for any other operand.
fn set_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_set(a) || !is_set(b) {
        return Ok(vm.not_implemented.clone());
    }
    match OP {
        nb::SUBTRACT => s::difference(vm, a, b),
        nb::AND => s::intersection_of(vm, a, b),
        nb::XOR => s::symmetric_difference(vm, a, b),
        _ => s::union(vm, a, b),
    }
}

/// `a <op>= b` on a set; NotImplemented unless `b` is a set or frozenset.
fn set_inplace<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    check(vm, a)?;
    if !is_set(b) {
        return Ok(vm.not_implemented.clone());
    }
    match OP {
        nb::SUBTRACT => s::difference_update(vm, a, b)?,
        nb::AND => s::intersection_update(vm, a, b)?,
        nb::XOR => s::symmetric_difference_update(vm, a, b)?,
        _ => s::update(vm, a, b)?,
    }
    Ok(a.clone())
}

// ----- methods -------------------------------------------------------------------

fn m_add(vm: &Vm, args: Args) -> PyResult {
    let (so, x) = one_arg(vm, &args, "set.add")?;
    s::add(vm, so, x.clone())?;
    Ok(vm.none.clone())
}

fn m_clear(vm: &Vm, args: Args) -> PyResult {
    let so = noargs(vm, &args, "set.clear")?;
    s::clear(so);
    Ok(vm.none.clone())
}

fn m_contains(vm: &Vm, args: Args) -> PyResult {
    let Some(so) = args.pos().first() else {
        return Err(vm.type_error("set.__contains__() needs its instance".to_string()));
    };
    let (so, x) = one_arg(vm, &args, &qual(vm, so, "__contains__"))?;
    Ok(vm.new_bool(set_contains(vm, so, x)?))
}

fn m_set_copy(vm: &Vm, args: Args) -> PyResult {
    let so = noargs(vm, &args, "set.copy")?;
    s::set_copy(vm, so)
}

fn m_frozenset_copy(vm: &Vm, args: Args) -> PyResult {
    let so = noargs(vm, &args, "frozenset.copy")?;
    if so.class().is(&vm.types.frozenset) {
        return Ok(so.clone());
    }
    s::set_copy(vm, so)
}

fn m_discard(vm: &Vm, args: Args) -> PyResult {
    let (so, x) = one_arg(vm, &args, "set.discard")?;
    s::discard(vm, so, x)?;
    Ok(vm.none.clone())
}

fn m_remove(vm: &Vm, args: Args) -> PyResult {
    let (so, x) = one_arg(vm, &args, "set.remove")?;
    if !s::discard(vm, so, x)? {
        return Err(vm.key_error(x.clone()));
    }
    Ok(vm.none.clone())
}

fn m_pop(vm: &Vm, args: Args) -> PyResult {
    let so = noargs(vm, &args, "set.pop")?;
    match s::pop(so) {
        Some(k) => Ok(k),
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

/// The instance and the arguments of a `METH_VARARGS` method of either type.
fn var<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    let Some(so) = args.pos().first() else {
        return Err(vm.type_error(format!("{}() needs its instance", name)));
    };
    varargs(vm, args, &qual(vm, so, name))
}

/// The instance and the argument of a `METH_O` method of either type.
fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    let Some(so) = args.pos().first() else {
        return Err(vm.type_error(format!("{}() needs its instance", name)));
    };
    one_arg(vm, args, &qual(vm, so, name))
}

/// `set_difference_multi`.
fn m_difference(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = var(vm, &args, "difference")?;
    let Some((first, rest)) = others.split_first() else {
        return s::set_copy(vm, so);
    };
    let r = s::difference(vm, so, first)?;
    for o in rest {
        s::difference_update(vm, &r, o)?;
    }
    Ok(r)
}

fn m_difference_update(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = var(vm, &args, "difference_update")?;
    for o in others {
        s::difference_update(vm, so, o)?;
    }
    Ok(vm.none.clone())
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &Vm, so: &PyRef, others: &[PyRef]) -> PyResult {
    if others.is_empty() {
        return s::set_copy(vm, so);
    }
    let mut r = so.clone();
    for o in others {
        r = s::intersection_of(vm, &r, o)?;
    }
    Ok(r)
}

fn m_intersection(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = var(vm, &args, "intersection")?;
    intersection_multi(vm, so, others)
}

fn m_intersection_update(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = var(vm, &args, "intersection_update")?;
    let tmp = intersection_multi(vm, so, others)?;
    s::swap_bodies(vm, so, &tmp);
    Ok(vm.none.clone())
}

fn m_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let (so, other) = one(vm, &args, "isdisjoint")?;
    Ok(vm.new_bool(s::isdisjoint(vm, so, other)?))
}

fn m_issubset(vm: &Vm, args: Args) -> PyResult {
    let (so, other) = one(vm, &args, "issubset")?;
    Ok(vm.new_bool(s::issubset(vm, so, other)?))
}

fn m_issuperset(vm: &Vm, args: Args) -> PyResult {
    let (so, other) = one(vm, &args, "issuperset")?;
    Ok(vm.new_bool(s::issuperset(vm, so, other)?))
}

/// `set_reduce`: `(type(s), (list(s),), state)`.
fn m_reduce(vm: &Vm, args: Args) -> PyResult {
    let Some(so) = args.pos().first() else {
        return Err(vm.type_error("__reduce__() needs its instance".to_string()));
    };
    let so = noargs(vm, &args, &qual(vm, so, "__reduce__"))?;
    let keys = vm.new_list(vm.iterate(so)?);
    let state = vm.call_method(so, "__getstate__", &[])?;
    Ok(vm.new_tuple(vec![so.class().clone(), vm.new_tuple(vec![keys]), state]))
}

fn m_sizeof(vm: &Vm, args: Args) -> PyResult {
    let Some(so) = args.pos().first() else {
        return Err(vm.type_error("__sizeof__() needs its instance".to_string()));
    };
    let so = noargs(vm, &args, &qual(vm, so, "__sizeof__"))?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(so) as i64))
}

fn m_symmetric_difference(vm: &Vm, args: Args) -> PyResult {
    let (so, other) = one(vm, &args, "symmetric_difference")?;
    s::symmetric_difference(vm, so, other)
}

fn m_symmetric_difference_update(vm: &Vm, args: Args) -> PyResult {
    let (so, other) = one_arg(vm, &args, "set.symmetric_difference_update")?;
    s::symmetric_difference_update(vm, so, other)?;
    Ok(vm.none.clone())
}

/// `set_union`: a copy of the instance updated with each argument.
fn m_union(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = var(vm, &args, "union")?;
    let r = s::set_copy(vm, so)?;
    for o in others {
        if !o.is(so) {
            s::update(vm, &r, o)?;
        }
    }
    Ok(r)
}

fn m_update(vm: &Vm, args: Args) -> PyResult {
    let (so, others) = varargs(vm, &args, "set.update")?;
    for o in others {
        s::update(vm, so, o)?;
    }
    Ok(vm.none.clone())
}

/// The slots both types have.
macro_rules! common_slots {
    ($($extra:expr),* $(,)?) => {
        &[
            slot::repr(set_repr),
            $($extra,)*
            slot::getattro(crate::protocol::attr::generic_getattr_slot),
            slot::richcompare(set_richcompare),
            slot::iter(set_iter),
            (SlotId::NbSubtract, SlotFn::Binary(set_binop::<{ nb::SUBTRACT }>)),
            (SlotId::NbAnd, SlotFn::Binary(set_binop::<{ nb::AND }>)),
            (SlotId::NbXor, SlotFn::Binary(set_binop::<{ nb::XOR }>)),
            (SlotId::NbOr, SlotFn::Binary(set_binop::<{ nb::OR }>)),
            slot::length(set_len),
            slot::contains(set_contains),
        ]
    };
}

const CONTAINS: MethodDef = MethodDef::method("__contains__", m_contains)
    .doc("x.__contains__(y) <==> y in x.")
    .coexist();
const COPY_DOC: &str = "Return a shallow copy of a set.";
const DIFFERENCE_DOC: &str = "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)";
const INTERSECTION_DOC: &str =
    "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)";
const ISDISJOINT: MethodDef = MethodDef::method("isdisjoint", m_isdisjoint)
    .doc("Return True if two sets have a null intersection.");
const ISSUBSET: MethodDef =
    MethodDef::method("issubset", m_issubset).doc("Report whether another set contains this set.");
const ISSUPERSET: MethodDef = MethodDef::method("issuperset", m_issuperset)
    .doc("Report whether this set contains another set.");
const REDUCE: MethodDef =
    MethodDef::method("__reduce__", m_reduce).doc("Return state information for pickling.");
const SIZEOF: MethodDef = MethodDef::method("__sizeof__", m_sizeof)
    .doc("S.__sizeof__() -> size of S in memory, in bytes");
const SYMMETRIC_DIFFERENCE: MethodDef =
    MethodDef::method("symmetric_difference", m_symmetric_difference).doc(
        "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)",
    );
const UNION: MethodDef = MethodDef::method("union", m_union)
    .doc("Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)");
const CLASS_GETITEM: MethodDef = MethodDef::class(
    "__class_getitem__",
    crate::objects::genericalias::class_getitem,
)
.doc("See PEP 585");

pub static SET_TYPE: TypeSpec = TypeSpec {
    name: "set",
    doc: Some("set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements."),
    layout: Layout::Set,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::MATCH_SELF | tpflags::UNHASHABLE,
    slots: common_slots!(
        slot::traverse(crate::objects::dict::table_traverse),
        slot::clear(crate::objects::dict::table_clear),
        slot::init(set_init),
        slot::tp_new(set_new),
        (SlotId::NbInplaceSubtract, SlotFn::Binary(set_inplace::<{ nb::SUBTRACT }>)),
        (SlotId::NbInplaceAnd, SlotFn::Binary(set_inplace::<{ nb::AND }>)),
        (SlotId::NbInplaceXor, SlotFn::Binary(set_inplace::<{ nb::XOR }>)),
        (SlotId::NbInplaceOr, SlotFn::Binary(set_inplace::<{ nb::OR }>)),
    ),
    methods: &[
        MethodDef::method("add", m_add)
            .doc("Add an element to a set.\n\nThis has no effect if the element is already present."),
        MethodDef::method("clear", m_clear).doc("Remove all elements from this set."),
        CONTAINS,
        MethodDef::method("copy", m_set_copy).doc(COPY_DOC),
        MethodDef::method("discard", m_discard).doc("Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
        MethodDef::method("difference", m_difference).doc(DIFFERENCE_DOC),
        MethodDef::method("difference_update", m_difference_update)
            .doc("Remove all elements of another set from this set."),
        MethodDef::method("intersection", m_intersection).doc(INTERSECTION_DOC),
        MethodDef::method("intersection_update", m_intersection_update)
            .doc("Update a set with the intersection of itself and another."),
        ISDISJOINT,
        ISSUBSET,
        ISSUPERSET,
        MethodDef::method("pop", m_pop)
            .doc("Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
        REDUCE,
        MethodDef::method("remove", m_remove).doc("Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
        SIZEOF,
        SYMMETRIC_DIFFERENCE,
        MethodDef::method("symmetric_difference_update", m_symmetric_difference_update)
            .doc("Update a set with the symmetric difference of itself and another."),
        UNION,
        MethodDef::method("update", m_update).doc("Update a set with the union of itself and others."),
        CLASS_GETITEM,
    ],
    getsets: &[],
};

pub static FROZENSET_TYPE: TypeSpec = TypeSpec {
    name: "frozenset",
    doc: Some("frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements."),
    layout: Layout::FrozenSet,
    flags: tpflags::BASETYPE | tpflags::HAVE_GC | tpflags::MATCH_SELF,
    slots: common_slots!(
        slot::traverse(crate::objects::dict::table_traverse),
        slot::clear(crate::objects::dict::table_clear),
        slot::hash(frozenset_hash),
        slot::tp_new(frozenset_new)
    ),
    methods: &[
        CONTAINS,
        MethodDef::method("copy", m_frozenset_copy).doc(COPY_DOC),
        MethodDef::method("difference", m_difference).doc(DIFFERENCE_DOC),
        MethodDef::method("intersection", m_intersection).doc(INTERSECTION_DOC),
        ISDISJOINT,
        ISSUBSET,
        ISSUPERSET,
        REDUCE,
        SIZEOF,
        SYMMETRIC_DIFFERENCE,
        UNION,
        CLASS_GETITEM,
    ],
    getsets: &[],
};
