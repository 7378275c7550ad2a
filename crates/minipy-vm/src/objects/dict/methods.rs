//! The `dict` type (CPython's `PyDict_Type` in `Objects/dictobject.c`):
//! its slots (`dict_as_mapping`, `dict_as_sequence`, `dict_as_number`,
//! repr, rich comparison, iteration, `tp_init`/`tp_new`) and its methods
//! (`mapp_methods`). The hash table itself is `dict/mod.rs`.

use std::cell::{Cell, RefCell};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict::{self, noargs, one_arg, positional, repr_enter, DictData};
use crate::objects::function::Args;
use crate::objects::layout::{DictIterKind, IterKind, Payload};
use crate::objects::typeobj::{slot, tpflags, Layout, MethodDef, SlotId, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

pub use super::views::{view_contains, view_repr};

fn is_dict(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Dict(_))
}

/// The table of dict `d` (its layout); another payload is an interpreter
/// bug.
#[inline(always)]
fn table<'a>(vm: &Vm, d: &'a PyRef) -> PyResult<&'a RefCell<DictData>> {
    match &d.payload {
        Payload::Dict(t) => Ok(&**t),
        _ => Err(not_a_dict(vm, d)),
    }
}

#[cold]
fn not_a_dict(vm: &Vm, d: &PyRef) -> PyRef {
    vm.new_error(
        &vm.exc.system_error,
        format!("dict slot called on a '{}' object", d.type_name()),
    )
}

// ----- construction and update ------------------------------------------------------

/// `dict.__new__(cls, *args, **kwargs)`: an empty dict (`tp_init` fills it).
pub fn dict_new(vm: &Vm, args: Args) -> PyResult {
    let Some(cls) = args.pos().first() else {
        return Err(vm.type_error("dict.__new__(): not enough arguments".to_string()));
    };
    Ok(PyRef::new(Payload::Dict(Box::default()), cls))
}

/// `dict.__init__(self, [mapping_or_iterable], **kwargs)`.
fn dict_init(vm: &Vm, d: &PyRef, args: Args) -> PyResult<()> {
    table(vm, d)?;
    update_common(vm, d, &args, "dict")
}

/// CPython's `dict_update_common`: at most one positional argument, then
/// the keywords (`args` excludes `self`).
fn update_common(vm: &Vm, d: &PyRef, args: &Args, name: &str) -> PyResult<()> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            pos.len()
        )));
    }
    if let Some(o) = pos.first() {
        update_from(vm, d, o)?;
    }
    for (k, v) in args.kwargs() {
        dict::set_item(vm, d, vm.new_str(k), v.clone())?;
    }
    Ok(())
}

/// CPython's `dict_update_arg`: a dict, an object with `keys()`
/// (`PyDict_Merge`), or an iterable of pairs (`PyDict_MergeFromSeq2`).
pub fn update_from(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult<()> {
    if other.class().is(&vm.types.dict) {
        return dict::merge(vm, d, other);
    }
    if vm.getattr_opt(other, &vm.intern("keys"))?.is_some() {
        return merge_mapping(vm, d, other);
    }
    merge_from_seq2(vm, d, other)
}

/// Whether `o`'s type iterates as `dict` does (CPython's
/// `Py_TYPE(b)->tp_iter == dict_iter` test for the fast merge).
fn iterates_as_dict(vm: &Vm, o: &PyRef) -> bool {
    o.class().as_type().is_some_and(|t| {
        !t.slots.is_generic(SlotId::Iter) && t.slots.origin(SlotId::Iter) == vm.types.dict.addr()
    })
}

/// CPython's `dict_merge(a, b, override=1)`.
fn merge_mapping(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult<()> {
    if is_dict(other) && iterates_as_dict(vm, other) {
        return dict::merge(vm, d, other);
    }
    for k in mapping_keys(vm, other)? {
        let v = vm.getitem(other, &k)?;
        dict::set_item(vm, d, k, v)?;
    }
    Ok(())
}

/// CPython's `PyMapping_Keys`: `o.keys()` as a list.
fn mapping_keys(vm: &Vm, o: &PyRef) -> PyResult<Vec<PyRef>> {
    if o.class().is(&vm.types.dict) {
        return Ok(dict::keys(o));
    }
    let keys = vm.call_method(o, "keys", &[])?;
    match vm.iter(&keys) {
        Ok(it) => {
            let mut out = Vec::new();
            while let Some(k) = vm.next(&it)? {
                out.push(k);
            }
            Ok(out)
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.type_error) => Err(vm.type_error(format!(
            "{}.keys() returned a non-iterable (type {})",
            o.type_name(),
            keys.type_name()
        ))),
        Err(e) => Err(e),
    }
}

/// CPython's `PyDict_MergeFromSeq2`: pairs from an iterable.
fn merge_from_seq2(vm: &Vm, d: &PyRef, seq: &PyRef) -> PyResult<()> {
    let it = vm.iter(seq)?;
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        let pair = match vm.iterate(&item) {
            Ok(p) => p,
            Err(e) if vm.exc_matches(&e, &vm.exc.type_error) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                )))
            }
            Err(e) => return Err(e),
        };
        let [k, v]: [PyRef; 2] = pair.try_into().map_err(|p: Vec<PyRef>| {
            vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                p.len()
            ))
        })?;
        dict::set_item(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `PyDict_Copy`: a new exact dict with the items of `d`.
fn copy_of(vm: &Vm, d: &PyRef) -> PyResult {
    let n = table(vm, d)?.borrow().len();
    let r = vm.new_dict_with(DictData::with_capacity(n));
    dict::merge(vm, &r, d)?;
    Ok(r)
}

// ----- slots ---------------------------------------------------------------------

/// `repr(dict)`: `{k: v, ...}`, `{...}` for a dict already being shown.
/// The items are read one at a time (a repr may mutate the dict), as
/// `PyDict_Next` does.
pub fn dict_repr(vm: &Vm, d: &PyRef) -> PyResult<String> {
    let t = table(vm, d)?;
    repr_enter(
        vm,
        d,
        || "{...}".to_string(),
        || {
            let mut out = String::from("{");
            let mut pos = 0;
            loop {
                let (k, v) = match t.borrow().entry_from(pos) {
                    Some((next, e)) => {
                        pos = next;
                        (e.key.clone(), e.value.clone())
                    }
                    None => break,
                };
                if out.len() > 1 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr_string(&k)?);
                out.push_str(": ");
                out.push_str(&vm.repr_string(&v)?);
            }
            out.push('}');
            Ok(out)
        },
    )
}

fn dict_repr_slot(vm: &Vm, d: &PyRef) -> PyResult {
    Ok(vm.new_string(dict_repr(vm, d)?))
}

/// CPython's `dict_equal`: same length, and every key of `a` maps to an
/// equal value in `b` (`a`'s entries are read by position: a comparison
/// may mutate either dict).
pub fn dict_eq(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (ta, tb) = (table(vm, a)?, table(vm, b)?);
    if ta.borrow().len() != tb.borrow().len() {
        return Ok(false);
    }
    let mut pos = 0;
    loop {
        let (k, h, av) = match ta.borrow().entry_from(pos) {
            Some((next, e)) => {
                pos = next;
                (e.key.clone(), e.hash, e.value.clone())
            }
            None => return Ok(true),
        };
        let bv = match dict::lookup_pos(vm, b, &k, h)? {
            Some(p) => tb
                .borrow()
                .entries
                .get(p)
                .and_then(|e| e.as_ref().map(|e| e.value.clone())),
            None => None,
        };
        match bv {
            Some(bv) if bv.is(&av) || vm.eq(&av, &bv)? => {}
            _ => return Ok(false),
        }
    }
}

/// `dict_richcompare`: `==` and `!=` between dicts; NotImplemented
/// otherwise.
fn dict_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if !is_dict(a) || !is_dict(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let eq = dict_eq(vm, a, b)?;
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

/// `iter(dict)`: a `dict_keyiterator`.
fn dict_iter_slot(vm: &Vm, d: &PyRef) -> PyResult {
    table(vm, d)?;
    Ok(crate::objects::iter::dict_iter(
        vm,
        d,
        crate::objects::layout::DictIterKind::Keys,
    ))
}

fn dict_len(vm: &Vm, d: &PyRef) -> PyResult<usize> {
    Ok(table(vm, d)?.borrow().len())
}

/// `d[key]`: the value, else `type(d).__missing__(d, key)` for a
/// subclass defining it (CPython's `dict_subscript`), else KeyError.
pub fn dict_getitem(vm: &Vm, d: &PyRef, key: &PyRef) -> PyResult {
    if let Some(v) = dict::get_item(vm, d, key)? {
        return Ok(v);
    }
    if !d.class().is(&vm.types.dict) {
        if let Some(r) = vm.call_special(d, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn dict_subscript(vm: &Vm, d: &PyRef, key: &PyRef) -> PyResult {
    table(vm, d)?;
    dict_getitem(vm, d, key)
}

/// `d[key] = value`, `del d[key]` (KeyError when absent).
fn dict_ass_subscript(vm: &Vm, d: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    table(vm, d)?;
    match value {
        Some(v) => dict::set_item(vm, d, key.clone(), v),
        None => match dict::del_item(vm, d, key)? {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(vm.key_error(key.clone())),
        },
    }
}

/// `key in d`.
fn dict_contains(vm: &Vm, d: &PyRef, key: &PyRef) -> PyResult<bool> {
    table(vm, d)?;
    let h = vm.hash(key)?;
    Ok(dict::lookup_pos(vm, d, key, h)?.is_some())
}

/// `a | b` (PEP 584): a new dict, for two dicts only.
fn dict_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !is_dict(a) || !is_dict(b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = copy_of(vm, a)?;
    update_from(vm, &r, b)?;
    Ok(r)
}

/// `d |= other`: `d.update(other)` for any mapping or iterable of pairs.
fn dict_ior(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult {
    table(vm, d)?;
    update_from(vm, d, other)?;
    Ok(d.clone())
}

// ----- iterators -------------------------------------------------------------------

/// A reversed snapshot iterator (`reversed(d)`, `reversed(d.items())`).
pub(crate) fn reversed_iter(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
    let mut items: Vec<PyRef> = match what {
        DictIterKind::Keys => dict::keys(d),
        DictIterKind::Values => dict::values(d),
        DictIterKind::Items => dict::items(d)
            .into_iter()
            .map(|(k, v)| vm.new_tuple(vec![k, v]))
            .collect(),
    };
    items.reverse();
    let ty = match what {
        DictIterKind::Keys => &vm.types.dict_keyiterator,
        DictIterKind::Values => &vm.types.dict_valueiterator,
        DictIterKind::Items => &vm.types.dict_itemiterator,
    };
    PyRef::new(
        Payload::iter(IterKind::Seq {
            seq: vm.new_tuple(items),
            index: Cell::new(0),
        }),
        ty,
    )
}

// ----- methods -------------------------------------------------------------------

fn m_contains(vm: &Vm, args: Args) -> PyResult {
    let (d, key) = one_arg(vm, &args, "dict.__contains__")?;
    Ok(vm.new_bool(dict_contains(vm, d, key)?))
}

fn m_getitem(vm: &Vm, args: Args) -> PyResult {
    let (d, key) = one_arg(vm, &args, "dict.__getitem__")?;
    dict_subscript(vm, d, key)
}

fn m_sizeof(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.__sizeof__")?;
    Ok(vm.new_int(crate::objects::sizeof::basic_size(d) as i64))
}

fn m_get(vm: &Vm, args: Args) -> PyResult {
    let (d, a) = positional(vm, &args, "dict.get", 1, 2)?;
    table(vm, d)?;
    Ok(dict::get_item(vm, d, &a[0])?
        .unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(|| vm.none.clone())))
}

fn m_setdefault(vm: &Vm, args: Args) -> PyResult {
    let (d, a) = positional(vm, &args, "dict.setdefault", 1, 2)?;
    table(vm, d)?;
    if let Some(v) = dict::get_item(vm, d, &a[0])? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    dict::set_item(vm, d, a[0].clone(), v.clone())?;
    Ok(v)
}

fn m_pop(vm: &Vm, args: Args) -> PyResult {
    let (d, a) = positional(vm, &args, "dict.pop", 1, 2)?;
    table(vm, d)?;
    match dict::del_item(vm, d, &a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.key_error(a[0].clone())),
        },
    }
}

fn m_popitem(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.popitem")?;
    let e = table(vm, d)?.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

fn m_keys(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.keys")?;
    table(vm, d)?;
    Ok(super::views::new_view(vm, d, DictIterKind::Keys))
}

fn m_items(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.items")?;
    table(vm, d)?;
    Ok(super::views::new_view(vm, d, DictIterKind::Items))
}

fn m_values(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.values")?;
    table(vm, d)?;
    Ok(super::views::new_view(vm, d, DictIterKind::Values))
}

fn m_update(vm: &Vm, args: Args) -> PyResult {
    let Some(d) = args.pos().first() else {
        return Err(vm.type_error("dict.update() needs its instance".to_string()));
    };
    table(vm, d)?;
    let rest = Args::with_kw(&args.args[1..], args.kwnames);
    update_common(vm, d, &rest, "update")?;
    Ok(vm.none.clone())
}

/// `dict.fromkeys(iterable, value=None)`: a class method.
fn m_fromkeys(vm: &Vm, args: Args) -> PyResult {
    let (cls, a) = positional(vm, &args, "dict.fromkeys", 1, 2)?;
    let value = a.get(1).cloned().unwrap_or_else(|| vm.none.clone());
    let d = if cls.is(&vm.types.dict) {
        vm.new_dict()
    } else {
        vm.call_args(cls, &[])?
    };
    let exact = d.class().is(&vm.types.dict);
    let keys = if let (true, Payload::Set(_)) = (exact, &a[0].payload) {
        crate::objects::set::ordered_items(&a[0])
    } else if let (true, true) = (exact, a[0].class().is(&vm.types.dict)) {
        dict::keys(&a[0])
    } else {
        vm.iterate(&a[0])?
    };
    for k in keys {
        if exact {
            dict::set_item(vm, &d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn m_clear(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.clear")?;
    let old = table(vm, d)?.borrow_mut().clear();
    drop(old);
    Ok(vm.none.clone())
}

fn m_copy(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.copy")?;
    copy_of(vm, d)
}

fn m_reversed(vm: &Vm, args: Args) -> PyResult {
    let d = noargs(vm, &args, "dict.__reversed__")?;
    table(vm, d)?;
    Ok(reversed_iter(vm, d, DictIterKind::Keys))
}

pub static DICT_TYPE: TypeSpec = TypeSpec {
    name: "dict",
    doc: Some("dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)"),
    layout: Layout::Dict,
    flags: tpflags::BASETYPE
        | tpflags::HAVE_GC
        | tpflags::DICT_SUBCLASS
        | tpflags::MAPPING
        | tpflags::MATCH_SELF
        | tpflags::UNHASHABLE,
    slots: &[
        slot::traverse(crate::objects::dict::table_traverse), slot::clear(crate::objects::dict::table_clear),
        slot::repr(dict_repr_slot),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(dict_richcompare),
        slot::iter(dict_iter_slot),
        slot::init(dict_init),
        slot::tp_new(dict_new),
        slot::nb_or(dict_or),
        slot::nb_inplace_or(dict_ior),
        slot::length(dict_len),
        slot::subscript(dict_subscript),
        slot::ass_subscript(dict_ass_subscript),
        slot::contains(dict_contains),
    ],
    methods: &[
        MethodDef::method("__contains__", m_contains)
            .doc("__contains__($self, key, /)\n--\n\nTrue if the dictionary has the specified key, else False.")
            .coexist(),
        MethodDef::method("__getitem__", m_getitem)
            .doc("x.__getitem__(y) <==> x[y]")
            .coexist(),
        MethodDef::method("__sizeof__", m_sizeof)
            .doc("D.__sizeof__() -> size of D in memory, in bytes"),
        MethodDef::method("get", m_get)
            .doc("get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default."),
        MethodDef::method("setdefault", m_setdefault)
            .doc("setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
        MethodDef::method("pop", m_pop)
            .doc("pop($self, key, default=<unrepresentable>, /)\n--\n\nD.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
        MethodDef::method("popitem", m_popitem)
            .doc("popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
        MethodDef::method("keys", m_keys)
            .doc("D.keys() -> a set-like object providing a view on D's keys"),
        MethodDef::method("items", m_items)
            .doc("D.items() -> a set-like object providing a view on D's items"),
        MethodDef::method("values", m_values)
            .doc("D.values() -> an object providing a view on D's values"),
        MethodDef::method("update", m_update)
            .doc("D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
        MethodDef::class("fromkeys", m_fromkeys)
            .doc("fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value."),
        MethodDef::method("clear", m_clear).doc("D.clear() -> None.  Remove all items from D."),
        MethodDef::method("copy", m_copy).doc("D.copy() -> a shallow copy of D"),
        MethodDef::method("__reversed__", m_reversed)
            .doc("__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys."),
        MethodDef::class("__class_getitem__", crate::objects::genericalias::class_getitem)
            .doc("See PEP 585"),
    ],
    getsets: &[],
};
