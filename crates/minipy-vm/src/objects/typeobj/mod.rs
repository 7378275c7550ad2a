//! `type`: type objects (`TypeData`, CPython's `PyTypeObject`), the MRO
//! (C3 linearisation) and attribute lookup along it, and class creation.
//!
//! A type's behaviour is its slot table (`slots.rs`), set from its
//! declaration (`spec.rs`) for a built-in type, and from the dunders its
//! MRO defines for a class (`slotdefs.rs`, dispatching through
//! `dispatch.rs`). `methods.rs` holds `type`'s own methods and
//! `type.__new__`.

pub mod dispatch;
pub mod getsets;
pub mod methods;
pub mod slotdefs;
pub mod slots;
pub mod spec;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::vm::Vm;

pub use slots::{slot, SlotFn, SlotId, Slots};
pub use spec::{GetSetDef, MethodDef, TypeSpec};

/// Type flags, with CPython's bit values (`type.__flags__`).
pub mod tpflags {
    /// Instances keep their namespace as inline values / a managed dict.
    pub const MANAGED_DICT: u64 = 1 << 4;
    /// `match` treats instances as sequences.
    pub const SEQUENCE: u64 = 1 << 5;
    /// `match` treats instances as mappings.
    pub const MAPPING: u64 = 1 << 6;
    /// `T()` raises "cannot create 'T' instances".
    pub const DISALLOW_INSTANTIATION: u64 = 1 << 7;
    /// Attributes cannot be set on the type.
    pub const IMMUTABLETYPE: u64 = 1 << 8;
    /// Defined by a class statement.
    pub const HEAPTYPE: u64 = 1 << 9;
    /// Can be subclassed.
    pub const BASETYPE: u64 = 1 << 10;
    pub const READY: u64 = 1 << 12;
    pub const HAVE_GC: u64 = 1 << 14;
    /// Instances behave as unbound methods (LOAD_METHOD may skip binding).
    pub const METHOD_DESCRIPTOR: u64 = 1 << 17;
    pub const HAVE_VERSION_TAG: u64 = 1 << 18;
    pub const IS_ABSTRACT: u64 = 1 << 20;
    /// `match` class patterns capture the subject itself (`int(x)`).
    pub const MATCH_SELF: u64 = 1 << 22;
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
    /// minipy's own (not a CPython bit): the spec declares the type
    /// unhashable (`tp_hash = PyObject_HashNotImplemented`).
    pub const UNHASHABLE: u64 = 1 << 40;
    /// The flags a subclass inherits from its base (the fast subclass
    /// bits and the match kinds).
    pub const INHERITED: u64 = SEQUENCE
        | MAPPING
        | LONG_SUBCLASS
        | LIST_SUBCLASS
        | TUPLE_SUBCLASS
        | BYTES_SUBCLASS
        | UNICODE_SUBCLASS
        | DICT_SUBCLASS
        | BASE_EXC_SUBCLASS
        | TYPE_SUBCLASS;
}

/// Whether type object `ty` has flag `flag`.
#[inline]
pub fn has_flag(ty: &PyRef, flag: u64) -> bool {
    ty.as_type().is_some_and(|t| t.flags.get() & flag != 0)
}

/// How instances of a type (and of its subclasses) are laid out: the
/// "solid base" of CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// `weakref.ref` and its subclasses.
    WeakRef,
    /// `bytearray` and its subclasses.
    ByteArray,
    Other,
}

/// Data of a type object (CPython's `PyTypeObject`, reduced).
pub struct TypeData {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub bases: RefCell<Vec<PyRef>>,
    pub mro: RefCell<Vec<PyRef>>,
    /// The type's namespace (a `dict` object).
    pub dict: PyRef,
    pub layout: Layout,
    /// What the type does (see `slots.rs`).
    pub slots: Slots,
    /// `tpflags::*`.
    pub flags: Cell<u64>,
    /// The declaration a built-in type was made from.
    pub spec: Cell<Option<&'static TypeSpec>>,
    /// Defined by a `class` statement (a "heap type").
    pub heap: bool,
    /// `__del__` defined somewhere in the MRO.
    pub has_del: Cell<bool>,
    /// Instances have a `__dict__`.
    pub has_dict: bool,
    /// Names of `__slots__` entries (index = slot position).
    pub slot_names: Vec<Rc<str>>,
    /// Direct subclasses, in creation order (`__subclasses__()`), as weak
    /// references (weakref objects).
    pub subclasses: RefCell<Vec<PyRef>>,
    /// `__bases__` and `__mro__` as tuple objects (heap types; created once,
    /// so `C.__mro__ is C.__mro__` and a dropped class's cycle holds the
    /// same objects as CPython's).
    pub tuples: RefCell<Option<(PyRef, PyRef)>>,
    /// Attribute names its instances store in inline values (see
    /// `inline_values`); append-only.
    pub shared_keys: RefCell<Vec<PyRef>>,
    /// `Vm::type_version + 1` when the namespace was last seen without a
    /// true `__abstractmethods__` (CPython's `Py_TPFLAGS_IS_ABSTRACT`
    /// test, cached: instantiation checks it every time).
    pub concrete_at: Cell<u64>,
}

impl TypeData {
    pub fn traverse(&self, visit: &mut impl FnMut(&PyRef)) {
        if let Ok(b) = self.bases.try_borrow() {
            b.iter().for_each(&mut *visit);
        }
        if let Ok(m) = self.mro.try_borrow() {
            m.iter().for_each(&mut *visit);
        }
        visit(&self.dict);
        if let Ok(t) = self.tuples.try_borrow() {
            if let Some((b, m)) = &*t {
                visit(b);
                visit(m);
            }
        }
    }

    /// `type_clear`: empties the namespace and the MRO (the type's own
    /// entry included), which breaks every cycle a class is part of.
    pub fn clear(&self, dead: &mut Vec<PyRef>) {
        if let Ok(mut m) = self.mro.try_borrow_mut() {
            dead.append(&mut m);
        }
        if let Ok(mut t) = self.tuples.try_borrow_mut() {
            if let Some((b, m)) = t.take() {
                dead.push(b);
                dead.push(m);
            }
        }
        if let Payload::Dict(d) = &self.dict.payload {
            if let Ok(mut d) = d.try_borrow_mut() {
                for e in d.clear().into_iter().flatten() {
                    dead.push(e.key);
                    dead.push(e.value);
                }
            }
        }
        crate::with_vm(|vm| vm.types_modified());
    }

    pub fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }
}

/// What `type_new` adds to a new class's namespace after its own entries:
/// member descriptors for its `__slots__`, the `__dict__` and `__weakref__`
/// getset descriptors when the class introduces them, and `__doc__`.
fn add_slot_descriptors(
    vm: &Vm,
    ty: &PyRef,
    slots: &[Rc<str>],
    adds_dict: bool,
    adds_weakref: bool,
) {
    let Some(t) = ty.as_type() else { return };
    let d = &t.dict;
    let first = t.slot_names.len() - slots.len();
    for (i, s) in slots.iter().enumerate() {
        let desc = crate::objects::descr::new_slot_member(vm, ty, s, first + i);
        dict::set_str(vm, d, vm.intern(s), desc);
    }
    if adds_dict {
        let desc = crate::objects::descr::new_getset_descr(
            vm,
            ty,
            &crate::objects::instance::SUBTYPE_DICT,
        );
        dict::set_str(vm, d, vm.intern("__dict__"), desc);
    }
    if adds_weakref {
        let desc = crate::objects::descr::new_getset_descr(
            vm,
            ty,
            &crate::objects::instance::SUBTYPE_WEAKREF,
        );
        dict::set_str(vm, d, vm.intern("__weakref__"), desc);
    }
    let doc = vm.intern("__doc__");
    if dict::get_str(vm, d, &doc).is_none() {
        dict::set_str(vm, d, doc, vm.none.clone());
    }
}

/// Looks `name` up along the MRO of `ty` (`_PyType_Lookup`), through the
/// VM's method cache. `name` must be a `str` object.
#[inline]
pub fn lookup(vm: &Vm, ty: &PyRef, name: &PyRef) -> Option<PyRef> {
    let slot = vm.mcache_slot(ty, name);
    {
        let cache = vm.mcache.borrow();
        if let Some(e) = &cache[slot] {
            if e.ty == ty.addr() && e.name.is(name) && e.version == vm.type_version.get() {
                return e.value.clone();
            }
        }
    }
    let value = lookup_uncached(vm, ty, name);
    vm.mcache.borrow_mut()[slot] = Some(crate::vm::McEntry {
        ty: ty.addr(),
        name: name.clone(),
        version: vm.type_version.get(),
        value: value.clone(),
    });
    value
}

/// `lookup` without the cache: the MRO walk itself.
pub fn lookup_uncached(vm: &Vm, ty: &PyRef, name: &PyRef) -> Option<PyRef> {
    let t = ty.as_type()?;
    let mro = t.mro.borrow();
    for base in mro.iter() {
        if let Some(bt) = base.as_type() {
            if let Some(v) = dict::get_str(vm, &bt.dict, name) {
                return Some(v);
            }
        }
    }
    None
}

/// `lookup` by Rust string.
pub fn lookup_str(vm: &Vm, ty: &PyRef, name: &str) -> Option<PyRef> {
    let key = vm.intern(name);
    lookup(vm, ty, &key)
}

/// `issubclass(a, b)` for type objects, by MRO.
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    if a.is(b) {
        return true;
    }
    match a.as_type() {
        Some(t) => t.mro.borrow().iter().any(|m| m.is(b)),
        None => false,
    }
}

/// C3 linearisation of `bases` for a new class `ty` (placed first).
pub fn compute_mro(vm: &Vm, ty: &PyRef, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = Vec::new();
    for b in bases {
        let bt = match b.as_type() {
            Some(bt) => bt,
            None => return Err(vm.type_error("bases must be types".to_string())),
        };
        seqs.push(bt.mro.borrow().clone());
    }
    seqs.push(bases.to_vec());
    let mut result = vec![ty.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|s2| s2[1..].iter().any(|x| x.is(cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        match found {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if s[0].is(&c) {
                        s.remove(0);
                    }
                }
                result.push(c);
            }
            None => {
                let names: Vec<String> = seqs
                    .iter()
                    .map(|s| {
                        s[0].as_type()
                            .map(|t| t.name().to_string())
                            .unwrap_or_default()
                    })
                    .collect();
                let mut uniq: Vec<String> = Vec::new();
                for n in names {
                    if !uniq.contains(&n) {
                        uniq.push(n);
                    }
                }
                return Err(vm.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    uniq.join(", ")
                )));
            }
        }
    }
}

/// Creates a type object. `bases` must be non-empty.
pub fn new_type(
    vm: &Vm,
    metatype: &PyRef,
    name: &str,
    bases: Vec<PyRef>,
    dict: PyRef,
) -> PyResult<PyRef> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            let n = b
                .as_type()
                .map(|t| t.name().to_string())
                .unwrap_or_default();
            return Err(vm.type_error(format!("duplicate base class {}", n)));
        }
    }
    // The solid base decides the layout and the native __new__.
    let mut layout = Layout::Object;
    let mut solid: Option<PyRef> = None;
    let mut has_dict = true;
    for b in &bases {
        let bt = match b.as_type() {
            Some(bt) => bt,
            None => return Err(vm.type_error("bases must be types".to_string())),
        };
        if bt.flags.get() & tpflags::BASETYPE == 0 {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name()
            )));
        }
        if bt.layout != Layout::Object || solid.is_none() {
            if layout != Layout::Object && bt.layout != Layout::Object && bt.layout != layout {
                return Err(
                    vm.type_error("multiple bases have instance lay-out conflict".to_string())
                );
            }
            if bt.layout != Layout::Object || layout == Layout::Object {
                layout = bt.layout;
                solid = Some(b.clone());
            }
        }
    }
    // __slots__
    let mut slot_names: Vec<Rc<str>> = Vec::new();
    let slots_key = vm.intern("__slots__");
    // Instances support weak references unless `__slots__` leaves out
    // `__weakref__` and no base provides it (CPython's tp_weaklistoffset).
    let base_weakrefable = bases
        .iter()
        .any(|b| b.has_flag(crate::heap::TYPE_WEAKREFABLE));
    let mut weakrefable = base_weakrefable;
    let declared_slots = dict::get_str(vm, &dict, &slots_key);
    if declared_slots.is_none() {
        weakrefable = true;
    }
    if let Some(slots) = declared_slots {
        has_dict = false;
        let items: Vec<PyRef> = if slots.as_str().is_some() {
            vec![slots.clone()]
        } else {
            vm.iterate(&slots)?
        };
        for it in items {
            match it.as_str() {
                Some("__dict__") => has_dict = true,
                Some("__weakref__") => weakrefable = true,
                Some(s) => slot_names.push(Rc::from(s)),
                None => {
                    return Err(vm.type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        it.type_name()
                    )))
                }
            }
        }
        // Subclasses of built-in types other than `object` keep slot
        // values in their managed `__dict__` (their payload has no slot
        // storage).
        if layout != Layout::Object && layout != Layout::Exception && !slot_names.is_empty() {
            has_dict = true;
            slot_names.clear();
        }
        // Inherited: a base with a dict gives instances a dict.
        for b in &bases {
            if let Some(bt) = b.as_type() {
                if bt.heap && bt.has_dict {
                    has_dict = true;
                }
            }
        }
    }
    // Inherit slots of heap bases (single inheritance of slot layout).
    let mut all_slots: Vec<Rc<str>> = Vec::new();
    for b in &bases {
        if let Some(bt) = b.as_type() {
            for s in &bt.slot_names {
                if !all_slots.contains(s) {
                    all_slots.push(s.clone());
                }
            }
        }
    }
    let own_slots = slot_names.clone();
    all_slots.extend(slot_names);
    let qualname = match dict::get_str(vm, &dict, &vm.intern("__qualname__")) {
        Some(q) => match q.as_str() {
            Some(s) => {
                let s: Rc<str> = Rc::from(s);
                dict::del_str(vm, &dict, &vm.intern("__qualname__"));
                s
            }
            None => {
                return Err(vm.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    q.type_name()
                )))
            }
        },
        None => Rc::from(name),
    };
    let data = TypeData {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(qualname),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        dict,
        layout,
        slots: Slots::empty(),
        flags: Cell::new(
            tpflags::HEAPTYPE
                | tpflags::BASETYPE
                | tpflags::READY
                | tpflags::HAVE_GC
                | tpflags::HAVE_VERSION_TAG
                | if has_dict { tpflags::MANAGED_DICT } else { 0 }
                | solid
                    .as_ref()
                    .and_then(|s| s.as_type())
                    .map_or(0, |s| s.flags.get() & tpflags::INHERITED),
        ),
        spec: Cell::new(None),
        heap: true,
        has_del: Cell::new(false),
        has_dict,
        slot_names: all_slots,
        subclasses: RefCell::new(Vec::new()),
        tuples: RefCell::new(None),
        shared_keys: RefCell::new(Vec::new()),
        concrete_at: Cell::new(0),
    };
    let ty = PyRef::new(Payload::Type(Box::new(data)), metatype);
    if crate::objects::layout::needs_dict_slot(&ty) {
        ty.set_type_managed_dict();
    }
    ty.set_flag(crate::heap::TYPE_WEAKREFABLE, weakrefable);
    // Every instance of a class is tracked (heap::TYPE_GC_INSTANCES).
    ty.set_flag(crate::heap::TYPE_GC_INSTANCES, true);
    let base_has_dict = bases.iter().any(|b| {
        b.as_type()
            .is_some_and(|t| t.has_dict || t.layout == Layout::Type)
    });
    add_slot_descriptors(
        vm,
        &ty,
        &own_slots,
        has_dict && !base_has_dict,
        weakrefable && !base_weakrefable,
    );
    vm.types_modified();
    let mro = compute_mro(vm, &ty, &bases)?;
    for b in &bases {
        if let Some(bt) = b.as_type() {
            // Weak, as CPython's tp_subclasses: a base never keeps a
            // subclass alive.
            let mut subs = bt.subclasses.borrow_mut();
            subs.retain(|w| crate::heap::weakref::upgrade(w).is_some());
            subs.push(crate::objects::weakref::new_plain_ref(vm, &ty));
        }
    }
    if let Some(t) = ty.as_type() {
        *t.tuples.borrow_mut() = Some((vm.new_tuple(bases.clone()), vm.new_tuple(mro.clone())));
        for base in mro.iter().skip(1) {
            spec::inherit_slots(&ty, base);
        }
        // The instances have the solid base's layout, so its traverse,
        // clear and constructor (CPython's `subtype_traverse` calls
        // `tp_base`'s, `type_ready_set_new` copies its `tp_new`), not the
        // first in the MRO (`class C(Mixin, list)` reaches object's first).
        if let Some(st) = solid.as_ref().and_then(|s| s.as_type()) {
            for id in [SlotId::Traverse, SlotId::Clear, SlotId::New] {
                t.slots.inherit(&st.slots, id);
            }
        }
        *t.mro.borrow_mut() = mro;
        slotdefs::fixup_slot_dispatchers(vm, &ty);
        let has_del = lookup_str(vm, &ty, "__del__").is_some();
        t.has_del.set(has_del);
    }
    Ok(ty)
}
