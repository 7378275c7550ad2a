//! A built-in type's declaration — its name, layout, flags, slots,
//! methods, getset and member descriptors and docstring, in one `static`
//! (CPython's statically initialised `PyTypeObject`, or a `PyType_Spec`) —
//! and how the type object is made from it (`PyType_Ready`).
//!
//! ```text
//!  pub static LIST_TYPE: TypeSpec = TypeSpec {          objects/list.rs
//!      name: "list", layout: Layout::List, flags: BASETYPE | LIST_SUBCLASS,
//!      slots: &[slot::repr(list_repr), slot::length(list_len), ...],
//!      methods: &[MethodDef::method("append", append), ...],
//!      ..TypeSpec::DEFAULT
//!  };
//!
//!  ready(spec, base)  --> type object: slots = spec's, then the base's for
//!                         the ones the spec leaves empty (inherit_slots)
//!  fill_dict(vm, ty)  --> ty.__dict__: __new__, slot wrappers for its own
//!                         slots (slotdefs::add_operators), method and
//!                         getset descriptors, __doc__
//! ```
//!
//! Making the object and filling its dict are two steps because the first
//! types (`type`, `object`, `dict`, `str`) exist before the VM does.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::NativeFn;
use crate::objects::typeobj::slots::{SlotFn, SlotId};
use crate::objects::typeobj::Layout;
use crate::vm::Vm;

/// How a method binds (CPython's `METH_CLASS`/`METH_STATIC`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// `method_descriptor`: binds to the instance.
    Method,
    /// `classmethod_descriptor`: binds to the class (`dict.fromkeys`).
    Class,
    /// `staticmethod` around a built-in function (`str.maketrans`).
    Static,
}

/// A native method (CPython's `PyMethodDef`). The function receives `self`
/// as its first positional argument.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    /// CPython's docstring, text signature first (`name($self, x, /)\n--\n\n...`).
    pub doc: Option<&'static str>,
    /// CPython's `METH_COEXIST`: the method replaces the slot wrapper of
    /// the same name (`dict.__contains__` is a method descriptor).
    pub coexist: bool,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Method,
            doc: None,
            coexist: false,
        }
    }
    pub const fn class(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Class,
            doc: None,
            coexist: false,
        }
    }
    pub const fn static_(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Static,
            doc: None,
            coexist: false,
        }
    }
    pub const fn doc(self, doc: &'static str) -> MethodDef {
        MethodDef {
            doc: Some(doc),
            ..self
        }
    }
    /// `METH_COEXIST` (see the field).
    pub const fn coexist(self) -> MethodDef {
        MethodDef {
            coexist: true,
            ..self
        }
    }
}

/// A getset's getter: the attribute of `obj`.
pub type GetterFn = fn(&Vm, &PyRef) -> PyResult;
/// A getset's setter: `None` deletes.
pub type SetterFn = fn(&Vm, &PyRef, Option<PyRef>) -> PyResult<()>;

/// A computed attribute (CPython's `PyGetSetDef`, or a `PyMemberDef`
/// when `member`: the same behaviour, shown as a `member_descriptor`).
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Option<GetterFn>,
    pub set: Option<SetterFn>,
    pub doc: Option<&'static str>,
    pub member: bool,
}

impl GetSetDef {
    /// A read-only getset.
    pub const fn new(name: &'static str, get: GetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: None,
            doc: None,
            member: false,
        }
    }
    /// A read-write (deletable if the setter allows it) getset.
    pub const fn rw(name: &'static str, get: GetterFn, set: SetterFn) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: Some(set),
            doc: None,
            member: false,
        }
    }
    /// Shown as a `member_descriptor` (CPython declares it a member).
    pub const fn member(self) -> GetSetDef {
        GetSetDef {
            member: true,
            ..self
        }
    }
    pub const fn doc(self, doc: &'static str) -> GetSetDef {
        GetSetDef {
            doc: Some(doc),
            ..self
        }
    }
}

/// A built-in type's declaration (see the module essay).
pub struct TypeSpec {
    /// `tp_name`: `"list"`, or `"module.Name"` for a native module's type
    /// (the part before the last dot is its `__module__`).
    pub name: &'static str,
    pub doc: Option<&'static str>,
    pub layout: Layout,
    /// `tpflags::*` bits.
    pub flags: u64,
    pub slots: &'static [(SlotId, SlotFn)],
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
}

impl TypeSpec {
    /// The fields a spec usually leaves alone (`..TypeSpec::DEFAULT`).
    pub const DEFAULT: TypeSpec = TypeSpec {
        name: "",
        doc: None,
        layout: Layout::Other,
        flags: 0,
        slots: &[],
        methods: &[],
        getsets: &[],
    };

    /// The type's `__name__` (after the last dot of `tp_name`).
    pub fn short_name(&self) -> &'static str {
        match self.name.rfind('.') {
            Some(i) => &self.name[i + 1..],
            None => self.name,
        }
    }

    /// The type's `__module__`: before the last dot, or `builtins`.
    pub fn module(&self) -> &'static str {
        match self.name.rfind('.') {
            Some(i) => &self.name[..i],
            None => "builtins",
        }
    }
}

/// Applies a spec's slots and flags to a new type object, then inherits
/// the slots it leaves empty from `base` (CPython's `inherit_slots`:
/// `tp_hash` and `tp_richcompare` only together, and not when the type
/// defines either). A slot the spec gives the very function its base
/// holds (`dict`'s `tp_getattro = PyObject_GenericGetAttr`) keeps the
/// base's origin: it *is* the same function, as CPython's pointer
/// comparisons would find (`_PyObject_GetMethod`'s generic-getattr test).
/// A hash left empty by the pair rule is `PyObject_HashNotImplemented`
/// (`type_ready_set_hash`; `fill_dict` adds `__hash__ = None`).
pub fn apply_spec(ty: &PyRef, spec: &'static TypeSpec, base: Option<&PyRef>) {
    let Some(t) = ty.as_type() else { return };
    for (id, f) in spec.slots {
        let inherited = base
            .and_then(|b| b.as_type())
            .filter(|b| {
                b.slots.get(*id).is_some_and(|g| same_fn(&g, f)) && !b.slots.is_generic(*id)
            })
            .map(|b| b.slots.origin(*id));
        t.slots.set(*id, Some(*f), inherited.unwrap_or(ty.addr()));
    }
    if declares_hash_not_implemented(spec) || spec.flags & super::tpflags::UNHASHABLE != 0 {
        t.slots.set(
            SlotId::Hash,
            Some(SlotFn::Hash(crate::protocol::ops::hash_not_implemented)),
            super::slotdefs::HASH_NOT_IMPLEMENTED,
        );
    }
    t.flags.set(t.flags.get() | spec.flags);
    t.spec.set(Some(spec));
    if let Some(b) = base {
        inherit_slots(ty, b);
        if t.slots.get(SlotId::Hash).is_none() {
            t.slots.set(
                SlotId::Hash,
                Some(SlotFn::Hash(crate::protocol::ops::hash_not_implemented)),
                super::slotdefs::HASH_NOT_IMPLEMENTED,
            );
        }
    }
}

/// Whether the spec lists `PyObject_HashNotImplemented` as its hash slot
/// (CPython's statically unhashable types, such as `list`, whose dict has
/// `__hash__ = None` among the slot wrappers; the `UNHASHABLE` flag instead
/// puts it after `__doc__`, as `type_ready_set_hash` does).
pub fn declares_hash_not_implemented(spec: &TypeSpec) -> bool {
    let hni: super::slots::HashFn = crate::protocol::ops::hash_not_implemented;
    spec.slots.iter().any(|(id, f)| {
        *id == SlotId::Hash && matches!(f, SlotFn::Hash(h) if std::ptr::fn_addr_eq(*h, hni))
    })
}

/// Whether two slot functions are the same function (by address; used
/// only to recognise a base's function re-declared by a spec, where a
/// miss merely keeps the spec's own origin).
fn same_fn(a: &SlotFn, b: &SlotFn) -> bool {
    use std::ptr::fn_addr_eq as eq;
    match (a, b) {
        (SlotFn::Unary(x), SlotFn::Unary(y)) => eq(*x, *y),
        (SlotFn::GetAttro(x), SlotFn::GetAttro(y)) => eq(*x, *y),
        (SlotFn::SetAttro(x), SlotFn::SetAttro(y)) => eq(*x, *y),
        (SlotFn::Init(x), SlotFn::Init(y)) => eq(*x, *y),
        (SlotFn::New(x), SlotFn::New(y)) => eq(*x, *y),
        _ => false,
    }
}

/// Whether the type's hash was left empty by `inherit_slots`' pair rule
/// (its spec defines `tp_richcompare` but no `tp_hash`): CPython's
/// `type_ready_set_hash` then adds `__hash__ = None` to its dict.
fn hash_set_by_ready(spec: &TypeSpec) -> bool {
    let own = |id: SlotId| spec.slots.iter().any(|(s, _)| *s == id);
    own(SlotId::RichCompare) && !own(SlotId::Hash) && spec.flags & super::tpflags::UNHASHABLE == 0
}

/// `inherit_slots`: fills the slots `ty` leaves empty from `base`.
pub fn inherit_slots(ty: &PyRef, base: &PyRef) {
    let (Some(t), Some(b)) = (ty.as_type(), base.as_type()) else {
        return;
    };
    let cmp_pair = [SlotId::RichCompare, SlotId::Hash];
    for id in super::slots::ALL_SLOTS {
        if cmp_pair.contains(&id) || t.slots.get(id).is_some() {
            continue;
        }
        if id == SlotId::New && t.flags.get() & super::tpflags::DISALLOW_INSTANTIATION != 0 {
            continue;
        }
        // Traverse and clear read the payload: only a type of the same
        // layout may take them (`tuple` must not get `object`'s).
        if matches!(id, SlotId::Traverse | SlotId::Clear) && t.layout != b.layout {
            continue;
        }
        t.slots.inherit(&b.slots, id);
    }
    if t.slots.get(SlotId::RichCompare).is_none() && t.slots.get(SlotId::Hash).is_none() {
        t.slots.inherit(&b.slots, SlotId::RichCompare);
        t.slots.inherit(&b.slots, SlotId::Hash);
    }
}

/// `type_ready_fill_dict`: the dict entries of a static type made from a
/// spec (see the module essay). Entries already present are kept.
pub fn fill_dict(vm: &Vm, ty: &PyRef) {
    let Some(t) = ty.as_type() else { return };
    let Some(spec) = t.spec.get() else { return };
    let d = &t.dict;
    let set = |name: &str, v: PyRef| {
        let k = vm.intern(name);
        if crate::objects::dict::get_str(vm, d, &k).is_none() {
            crate::objects::dict::set_str(vm, d, k, v);
        }
    };
    if t.slots.tp_new().is_some()
        && t.flags.get() & super::tpflags::DISALLOW_INSTANTIATION == 0
        && spec.slots.iter().any(|(id, _)| *id == SlotId::New)
    {
        set("__new__", crate::objects::descr::new_new_wrapper(vm, ty));
    }
    super::slotdefs::add_operators(vm, ty);
    for m in spec.methods {
        let descr = crate::objects::descr::new_method_descr(vm, ty, m);
        if m.coexist {
            crate::objects::dict::set_str(vm, d, vm.intern(m.name), descr);
        } else {
            set(m.name, descr);
        }
    }
    for g in spec.getsets {
        set(g.name, crate::objects::descr::new_getset_descr(vm, ty, g));
    }
    set(
        "__doc__",
        crate::objects::descr::doc_object(vm, spec.short_name(), spec.doc),
    );
    if hash_set_by_ready(spec) {
        // CPython's `type_ready_set_hash`: after the dict is filled.
        set("__hash__", vm.none.clone());
    }
}
