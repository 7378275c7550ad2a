//! `dict` methods and the dict views (`dict_keys`, `dict_values`,
//! `dict_items`). The hash table itself is `objects/dict.rs`.

use std::cell::Cell;

use minipy_bytecode::opcode::nb;

use crate::heap::PyRef;
use crate::object::{DictIterKind, IterKind, Payload, PyResult};
use crate::objects::dict;
use crate::objects::function::{Args, NativeFn};
use crate::objects::seq::dunders::{self as d, self_and};
use crate::objects::seq::{join_reprs, repr_guard};
use crate::objects::{set, typeobj};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn is_dict(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Dict(_))
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyRef> {
    match args.pos().first() {
        Some(o) if is_dict(o) => Ok(o),
        Some(o) => Err(vm.type_error(format!(
            "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
            name,
            o.type_name()
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    }
}

/// `dict.update(other)`: a dict, an object with `keys()`, or an iterable of pairs.
pub fn update_from(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult<()> {
    if is_dict(other)
        && !typeobj::lookup_str(vm, other.class(), "keys").is_some_and(|k| {
            !matches!(
                k.payload,
                Payload::Builtin(_) | Payload::WrapperDescr(_) | Payload::MethodDescr(_)
            )
        })
    {
        return dict::merge(vm, d, other);
    }
    if vm.getattr_opt(other, &vm.intern("keys"))?.is_some() {
        let keys = vm.call_method(other, "keys", &[])?;
        for k in vm.iterate(&keys)? {
            let v = vm.getitem(other, &k)?;
            dict::set_item(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
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
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            dict::set_item(vm, d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

/// `dict(*args, **kwargs)` / `d.update(*args, **kwargs)`.
fn fill(vm: &Vm, d: &PyRef, args: &Args, name: &str) -> PyResult<()> {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            pos.len() - 1
        )));
    }
    if let Some(o) = pos.get(1) {
        update_from(vm, d, o)?;
    }
    for (k, v) in args.kwargs() {
        dict::set_item(vm, d, vm.new_str(k), v.clone())?;
    }
    Ok(())
}

pub fn dict_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .unwrap_or_else(|| vm.types.dict.clone());
    let d = PyRef::new(Payload::Dict(Box::default()), &cls);
    if cls.is(&vm.types.dict) {
        fill(vm, &d, &args, "dict")?;
    }
    Ok(d)
}

fn dict_init(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__init__")?;
    if !d.class().is(&vm.types.dict) {
        fill(vm, d, &args, "dict")?;
    }
    Ok(vm.none.clone())
}

/// `d[key]`, with `__missing__` for subclasses.
pub fn dict_getitem(vm: &Vm, d: &PyRef, key: &PyRef) -> PyResult {
    if let Some(v) = dict::get_item(vm, d, key)? {
        return Ok(v);
    }
    if !d.class().is(&vm.types.dict) {
        if let Some(m) = typeobj::lookup_str(vm, d.class(), "__missing__") {
            return vm.call_args(&m, &[d.clone(), key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

/// `a == b` for dicts.
pub fn dict_eq(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    for (k, v) in dict::items(a) {
        match dict::get_item(vm, b, &k)? {
            Some(bv) => {
                if !(bv.is(&v) || vm.eq(&v, &bv)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `repr(dict)`.
pub fn dict_repr(vm: &Vm, d: &PyRef) -> PyResult<String> {
    if dict::len(d) == 0 {
        return Ok("{}".to_string());
    }
    repr_guard(vm, d, "{...}", || {
        let mut out = String::from("{");
        for (i, (k, v)) in dict::items(d).into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(&k)?);
            out.push_str(": ");
            out.push_str(&vm.repr_string(&v)?);
        }
        out.push('}');
        Ok(out)
    })
}

/// An iterator over a dict's keys, values or items.
pub fn dict_iter(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
    let ty = match what {
        DictIterKind::Keys => &vm.types.dict_keyiterator,
        DictIterKind::Values => &vm.types.dict_valueiterator,
        DictIterKind::Items => &vm.types.dict_itemiterator,
    };
    PyRef::new(
        Payload::iter(IterKind::Dict {
            dict: d.clone(),
            pos: Cell::new(0),
            len_at_start: dict::len(d),
            what,
        }),
        ty,
    )
}

/// A reversed snapshot iterator (`reversed(d)`, `reversed(d.items())`).
fn reversed_iter(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
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

fn new_view(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
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

fn get(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "get")?;
    let pos = args.check_method(vm, "get", 1, 2)?;
    Ok(dict::get_item(vm, d, &pos[1])?
        .unwrap_or_else(|| pos.get(2).cloned().unwrap_or_else(|| vm.none.clone())))
}

fn setdefault(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "setdefault")?;
    let pos = args.check_method(vm, "setdefault", 1, 2)?;
    if let Some(v) = dict::get_item(vm, d, &pos[1])? {
        return Ok(v);
    }
    let v = pos.get(2).cloned().unwrap_or_else(|| vm.none.clone());
    dict::set_item(vm, d, pos[1].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "pop")?;
    let pos = args.check_method(vm, "pop", 1, 2)?;
    match dict::del_item(vm, d, &pos[1])? {
        Some(v) => Ok(v),
        None => match pos.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.key_error(pos[1].clone())),
        },
    }
}

fn popitem(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "popitem", 0)?;
    this(vm, &args, "popitem")?;
    let e = dict::table(&p[0]).borrow_mut().pop_last();
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

fn keys(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "keys", 0)?;
    this(vm, &args, "keys")?;
    Ok(new_view(vm, &p[0], DictIterKind::Keys))
}

fn values(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "values", 0)?;
    this(vm, &args, "values")?;
    Ok(new_view(vm, &p[0], DictIterKind::Values))
}

fn items(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "items", 0)?;
    this(vm, &args, "items")?;
    Ok(new_view(vm, &p[0], DictIterKind::Items))
}

fn update(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "update")?;
    fill(vm, d, &args, "update")?;
    Ok(vm.none.clone())
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "copy", 0)?;
    this(vm, &args, "copy")?;
    let r = vm.new_dict();
    dict::merge(vm, &r, &p[0])?;
    Ok(r)
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "clear", 0)?;
    this(vm, &args, "clear")?;
    let old = dict::table(&p[0]).borrow_mut().clear();
    drop(old);
    Ok(vm.none.clone())
}

fn fromkeys(vm: &Vm, args: Args) -> PyResult {
    let pos = args.check_method(vm, "fromkeys", 1, 2)?;
    let cls = &pos[0];
    let value = pos.get(2).cloned().unwrap_or_else(|| vm.none.clone());
    let d = if cls.is(&vm.types.dict) {
        vm.new_dict()
    } else {
        vm.call_args(cls, &[])?
    };
    let keys = if let Payload::Set(_) = pos[1].payload {
        set::ordered_items(&pos[1])
    } else {
        vm.iterate(&pos[1])?
    };
    for k in keys {
        if d.class().is(&vm.types.dict) {
            dict::set_item(vm, &d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn dict_reversed(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__reversed__", 0)?;
    this(vm, &args, "__reversed__")?;
    Ok(reversed_iter(vm, &p[0], DictIterKind::Keys))
}

fn dict_sizeof(vm: &Vm, args: Args) -> PyResult {
    let p = self_and(vm, &args, "__sizeof__", 0)?;
    Ok(vm.new_int(48 + 24 * dict::len(&p[0]) as i64))
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", dict_init),
    ("__len__", d::d_len),
    ("__getitem__", d::d_getitem),
    ("__setitem__", d::d_setitem),
    ("__delitem__", d::d_delitem),
    ("__contains__", d::d_contains),
    ("__iter__", d::d_iter),
    ("__reversed__", dict_reversed),
    ("__eq__", d::d_eq),
    ("__ne__", d::d_ne),
    ("__or__", d::d_or),
    ("__ior__", d::d_ior),
    ("__repr__", d::d_repr),
    ("__sizeof__", dict_sizeof),
    ("get", get),
    ("setdefault", setdefault),
    ("pop", pop),
    ("popitem", popitem),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("update", update),
    ("copy", copy),
    ("clear", clear),
];

pub const CLASS_METHODS: &[(&str, NativeFn)] = &[("fromkeys", fromkeys)];

// ----- views ----------------------------------------------------------------------

fn view_parts(o: &PyRef) -> Option<(&PyRef, DictIterKind)> {
    match &o.payload {
        Payload::DictView { dict, what } => Some((dict, *what)),
        _ => None,
    }
}

/// The elements of a keys/items view (items as `(k, v)` tuples).
fn view_elements(vm: &Vm, o: &PyRef) -> Vec<PyRef> {
    match view_parts(o) {
        Some((d, DictIterKind::Keys)) => dict::keys(d),
        Some((d, DictIterKind::Values)) => dict::values(d),
        Some((d, DictIterKind::Items)) => dict::items(d)
            .into_iter()
            .map(|(k, v)| vm.new_tuple(vec![k, v]))
            .collect(),
        None => Vec::new(),
    }
}

/// `repr(view)`: `dict_keys(['a'])`.
pub fn view_repr(vm: &Vm, o: &PyRef) -> PyResult<String> {
    let name = o.type_name();
    let placeholder = "...".to_string();
    repr_guard(vm, o, &placeholder, || {
        Ok(format!(
            "{}([{}])",
            name,
            join_reprs(vm, &view_elements(vm, o))?
        ))
    })
}

/// `x in view`.
pub fn view_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let Some((d, what)) = view_parts(o) else {
        return Ok(false);
    };
    match what {
        DictIterKind::Keys => set::table_contains(vm, d, x),
        DictIterKind::Values => crate::objects::seq::items_contain(vm, &dict::values(d), x),
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
    }
}

/// A plain set of the elements of a set, keys/items view or iterable.
fn to_set(vm: &Vm, o: &PyRef) -> PyResult {
    if let Payload::Set(_) = o.payload {
        return Ok(o.clone());
    }
    let items = if view_parts(o).is_some() {
        view_elements(vm, o)
    } else {
        vm.iterate(o)?
    };
    set::new_set_of(vm, &vm.types.set, items)
}

fn set_like(o: &PyRef) -> bool {
    matches!(o.payload, Payload::Set(_))
        || matches!(view_parts(o), Some((_, w)) if w != DictIterKind::Values)
}

/// Comparison of a keys/items view with a set-like object.
pub fn view_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<Option<bool>> {
    if !set_like(a) || !set_like(b) {
        return Ok(None);
    }
    let (sa, sb) = (to_set(vm, a)?, to_set(vm, b)?);
    Ok(Some(set::set_compare(vm, &sa, &sb, op)?))
}

/// `view & x`, `x | view`, ...: always a new set.
pub fn view_binary(vm: &Vm, a: &PyRef, b: &PyRef, op: u32) -> PyResult<Option<PyRef>> {
    let base = op % nb::INPLACE_OFFSET;
    if !matches!(base, nb::AND | nb::OR | nb::SUBTRACT | nb::XOR) {
        return Ok(None);
    }
    let (sa, sb) = (to_set(vm, a)?, to_set(vm, b)?);
    let sa = set::new_set_of(vm, &vm.types.set, set::ordered_items(&sa))?;
    set::set_binary(vm, &sa, &sb, base, false).map(Some)
}

fn v_this<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [PyRef]> {
    let p = self_and(vm, args, name, n)?;
    if view_parts(&p[0]).is_none() {
        return Err(vm.type_error(format!("descriptor '{}' requires a dict view", name)));
    }
    Ok(p)
}

fn v_reversed(vm: &Vm, args: Args) -> PyResult {
    let p = v_this(vm, &args, "__reversed__", 0)?;
    let (d, what) = view_parts(&p[0])
        .map(|(d, w)| (d.clone(), w))
        .unwrap_or((vm.none.clone(), DictIterKind::Keys));
    Ok(reversed_iter(vm, &d, what))
}

fn v_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let p = v_this(vm, &args, "isdisjoint", 1)?;
    for x in vm.iterate(&p[1])? {
        if view_contains(vm, &p[0], &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn v_binop(vm: &Vm, args: Args, name: &str, op: u32, reflected: bool) -> PyResult {
    let p = v_this(vm, &args, name, 1)?;
    let (a, b) = if reflected {
        (&p[1], &p[0])
    } else {
        (&p[0], &p[1])
    };
    match view_binary(vm, a, b, op) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => Ok(vm.not_implemented.clone()),
        Err(e) if vm.exc_matches(&e, &vm.exc.type_error) => Ok(vm.not_implemented.clone()),
        Err(e) => Err(e),
    }
}

fn v_and(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__and__", nb::AND, false)
}
fn v_rand(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__rand__", nb::AND, true)
}
fn v_or(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__or__", nb::OR, false)
}
fn v_ror(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__ror__", nb::OR, true)
}
fn v_sub(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__sub__", nb::SUBTRACT, false)
}
fn v_rsub(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__rsub__", nb::SUBTRACT, true)
}
fn v_xor(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__xor__", nb::XOR, false)
}
fn v_rxor(vm: &Vm, args: Args) -> PyResult {
    v_binop(vm, args, "__rxor__", nb::XOR, true)
}

pub const VIEW_METHODS: &[(&str, NativeFn)] = &[
    ("__len__", d::d_len),
    ("__iter__", d::d_iter),
    ("__contains__", d::d_contains),
    ("__repr__", d::d_repr),
    ("__reversed__", v_reversed),
    ("__eq__", d::d_eq),
    ("__ne__", d::d_ne),
    ("__lt__", d::d_lt),
    ("__le__", d::d_le),
    ("__gt__", d::d_gt),
    ("__ge__", d::d_ge),
    ("__and__", v_and),
    ("__rand__", v_rand),
    ("__or__", v_or),
    ("__ror__", v_ror),
    ("__sub__", v_sub),
    ("__rsub__", v_rsub),
    ("__xor__", v_xor),
    ("__rxor__", v_rxor),
    ("isdisjoint", v_isdisjoint),
];
