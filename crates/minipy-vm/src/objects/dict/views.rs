//! The dict views `dict_keys`, `dict_values` and `dict_items`
//! (`Payload::DictView`; CPython's `PyDictKeys_Type`, ... in
//! `Objects/dictobject.c`): live views of a dict. Keys and items views
//! are set-like: they compare as sets with sets and with each other, and
//! their `-`, `&`, `|`, `^` build a new `set` (either operand may be the
//! view, as in CPython's `dictviews_sub(self, other)`).

use minipy_bytecode::opcode::nb;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::dict::{self, noargs, one_arg, repr_enter};
use crate::objects::function::Args;
use crate::objects::layout::{DictIterKind, Payload};
use crate::objects::set;
use crate::objects::typeobj::{
    slot, tpflags, GetSetDef, Layout, MethodDef, SlotFn, SlotId, TypeSpec,
};
use crate::protocol::CompareOp;
use crate::vm::Vm;

/// A new view of `what` over the dict `d`.
pub fn new_view(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
    let ty = match what {
        DictIterKind::Keys => &vm.types.dict_keys,
        DictIterKind::Values => &vm.types.dict_values,
        DictIterKind::Items => &vm.types.dict_items,
    };
    PyRef::new(
        Payload::DictView {
            dict: d.clone(),
            what,
        },
        ty,
    )
}

fn parts(o: &PyRef) -> Option<(&PyRef, DictIterKind)> {
    match &o.payload {
        Payload::DictView { dict, what } => Some((dict, *what)),
        _ => None,
    }
}

/// The dict and kind of a view (its layout); another payload is an
/// interpreter bug.
fn this<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<(&'a PyRef, DictIterKind)> {
    parts(o).ok_or_else(|| {
        vm.new_error(
            &vm.exc.system_error,
            format!("dict view slot called on a '{}' object", o.type_name()),
        )
    })
}

/// CPython's `PyDictViewSet_Check`: a keys or items view.
fn is_view_set(o: &PyRef) -> bool {
    matches!(parts(o), Some((_, w)) if w != DictIterKind::Values)
}

/// CPython's `PyAnySet_Check`.
fn is_any_set(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Set(_))
}

// ----- slots ---------------------------------------------------------------------

/// `repr(view)`: `dict_keys(['a'])`, `...` for a view already being shown.
pub fn view_repr(vm: &Vm, o: &PyRef) -> PyResult<String> {
    this(vm, o)?;
    repr_enter(
        vm,
        o,
        || "...".to_string(),
        || {
            let items = vm.new_list(vm.iterate(o)?);
            Ok(format!("{}({})", o.type_name(), vm.repr_string(&items)?))
        },
    )
}

fn view_repr_slot(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_string(view_repr(vm, o)?))
}

fn view_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(dict::len(this(vm, o)?.0))
}

fn view_iter(vm: &Vm, o: &PyRef) -> PyResult {
    let (d, what) = this(vm, o)?;
    Ok(crate::objects::iter::dict_iter(vm, d, what))
}

/// `x in view` for a keys view (a key lookup) or an items view (a
/// `(key, value)` pair whose value is equal).
pub fn view_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let (d, what) = this(vm, o)?;
    match what {
        DictIterKind::Keys => {
            let h = vm.hash(x)?;
            Ok(dict::lookup_pos(vm, d, x, h)?.is_some())
        }
        DictIterKind::Items => {
            let Some(t) = x.as_tuple() else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match dict::get_item(vm, d, &t[0])? {
                Some(v) => Ok(v.is(&t[1]) || vm.eq(&v, &t[1])?),
                None => Ok(false),
            }
        }
        DictIterKind::Values => vm.iter_search_contains(o, x),
    }
}

/// CPython's `all_contained_in(self, other)`.
fn all_contained_in(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`: set comparisons with a set or a keys/items
/// view; NotImplemented otherwise.
fn view_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    this(vm, a)?;
    if !is_any_set(b) && !is_view_set(b) {
        return Ok(vm.not_implemented.clone());
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(vm, a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(vm.new_bool(ok))
}

/// CPython's `dictviews_to_set`: a new set of the elements of `o` (a view
/// or any iterable).
fn to_set(vm: &Vm, o: &PyRef) -> PyResult {
    let src = match parts(o) {
        Some((d, DictIterKind::Keys)) if d.class().is(&vm.types.dict) => d,
        _ => o,
    };
    set::make_new_set(vm, &vm.types.set, Some(src))
}

/// `a - b`.
fn views_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let r = to_set(vm, a)?;
    set::difference_update(vm, &r, b)?;
    Ok(r)
}

/// `a | b`.
fn views_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let r = to_set(vm, a)?;
    set::update(vm, &r, b)?;
    Ok(r)
}

/// `a ^ b` (two items views: CPython's `dictitems_xor`, by key).
fn views_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if let (Some((d1, DictIterKind::Items)), Some((d2, DictIterKind::Items))) = (parts(a), parts(b))
    {
        return items_xor(vm, d1, d2);
    }
    let r = to_set(vm, a)?;
    set::symmetric_difference_update(vm, &r, b)?;
    Ok(r)
}

/// `dictitems_xor`: the pairs of each dict whose key the other lacks or
/// maps to a different value.
fn items_xor(vm: &Vm, d1: &PyRef, d2: &PyRef) -> PyResult {
    let temp = vm.new_dict();
    dict::merge(vm, &temp, d1)?;
    let result = vm.new_set();
    for (k, v2) in dict::items(d2) {
        let same = match dict::get_item(vm, &temp, &k)? {
            Some(v1) => v1.is(&v2) || vm.eq(&v1, &v2)?,
            None => false,
        };
        if same {
            dict::del_item(vm, &temp, &k)?;
        } else {
            set::add(vm, &result, vm.new_tuple(vec![k, v2]))?;
        }
    }
    let remaining = new_view(vm, &temp, DictIterKind::Items);
    set::update(vm, &result, &remaining)?;
    Ok(result)
}

/// `a & b` (`_PyDictView_Intersect`): iterates the other operand (the
/// smaller view when both are views) and keeps what the view contains.
fn views_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (mut view, mut other) = if is_view_set(a) { (a, b) } else { (b, a) };
    let len_view = vm.len(view)?;
    if other.class().is(&vm.types.set) && len_view <= vm.len(other)? {
        return set::intersection_of(vm, other, view);
    }
    if is_view_set(other) && vm.len(other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let result = vm.new_set();
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, view, &x)? {
            set::add(vm, &result, x)?;
        }
    }
    Ok(result)
}

/// A set-algebra slot: either operand may be the view.
fn view_binop<const OP: u32>(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    match OP {
        nb::SUBTRACT => views_sub(vm, a, b),
        nb::AND => views_and(vm, a, b),
        nb::OR => views_or(vm, a, b),
        _ => views_xor(vm, a, b),
    }
}

// ----- methods and attributes -------------------------------------------------------

/// `view.isdisjoint(iterable)`.
fn isdisjoint(vm: &Vm, args: Args, qual: &str) -> PyResult {
    let (v, other) = one_arg(vm, &args, qual)?;
    if v.is(other) {
        return Ok(vm.new_bool(view_len(vm, v)? == 0));
    }
    let (mut small, mut big) = (other, v);
    if (is_any_set(other) || is_view_set(other)) && vm.len(other)? > view_len(vm, v)? {
        std::mem::swap(&mut small, &mut big);
    }
    let it = vm.iter(small)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(big, &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn keys_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    isdisjoint(vm, args, "dict_keys.isdisjoint")
}

fn items_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    isdisjoint(vm, args, "dict_items.isdisjoint")
}

fn reversed(vm: &Vm, args: Args, qual: &str) -> PyResult {
    let v = noargs(vm, &args, qual)?;
    let (d, what) = this(vm, v)?;
    Ok(super::methods::reversed_iter(vm, d, what))
}

fn keys_reversed(vm: &Vm, args: Args) -> PyResult {
    reversed(vm, args, "dict_keys.__reversed__")
}

fn values_reversed(vm: &Vm, args: Args) -> PyResult {
    reversed(vm, args, "dict_values.__reversed__")
}

fn items_reversed(vm: &Vm, args: Args) -> PyResult {
    reversed(vm, args, "dict_items.__reversed__")
}

/// `view.mapping`: a read-only proxy of the dict (3.10+).
fn get_mapping(vm: &Vm, v: &PyRef) -> PyResult {
    let (d, _) = this(vm, v)?;
    Ok(crate::objects::mappingproxy::new_proxy(vm, d.clone()))
}

const MAPPING: GetSetDef =
    GetSetDef::new("mapping", get_mapping).doc("dictionary that this view refers to");

const ISDISJOINT_DOC: &str =
    "Return True if the view and the given iterable have a null intersection.";

/// The slots of the set-like views (keys and items).
/// `tp_traverse`: the dict.
fn view_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::DictView { dict, .. } => visit.visit(dict),
        _ => crate::object::wrong_layout(obj, "dict view"),
    }
}

const SET_LIKE_SLOTS: &[(SlotId, SlotFn)] = &[
    slot::traverse(view_traverse),
    slot::repr(view_repr_slot),
    slot::getattro(crate::protocol::attr::generic_getattr_slot),
    slot::richcompare(view_richcompare),
    slot::iter(view_iter),
    slot::nb_subtract(view_binop::<{ nb::SUBTRACT }>),
    slot::nb_and(view_binop::<{ nb::AND }>),
    slot::nb_xor(view_binop::<{ nb::XOR }>),
    slot::nb_or(view_binop::<{ nb::OR }>),
    slot::length(view_len),
    slot::contains(view_contains),
];

pub static DICT_KEYS_TYPE: TypeSpec = TypeSpec {
    name: "dict_keys",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: SET_LIKE_SLOTS,
    methods: &[
        MethodDef::method("isdisjoint", keys_isdisjoint).doc(ISDISJOINT_DOC),
        MethodDef::method("__reversed__", keys_reversed)
            .doc("Return a reverse iterator over the dict keys."),
    ],
    getsets: &[MAPPING],
};

pub static DICT_VALUES_TYPE: TypeSpec = TypeSpec {
    name: "dict_values",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(view_traverse),
        slot::repr(view_repr_slot),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::iter(view_iter),
        slot::length(view_len),
    ],
    methods: &[MethodDef::method("__reversed__", values_reversed)
        .doc("Return a reverse iterator over the dict values.")],
    getsets: &[MAPPING],
};

pub static DICT_ITEMS_TYPE: TypeSpec = TypeSpec {
    name: "dict_items",
    doc: None,
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: SET_LIKE_SLOTS,
    methods: &[
        MethodDef::method("isdisjoint", items_isdisjoint).doc(ISDISJOINT_DOC),
        MethodDef::method("__reversed__", items_reversed)
            .doc("Return a reverse iterator over the dict items."),
    ],
    getsets: &[MAPPING],
};
