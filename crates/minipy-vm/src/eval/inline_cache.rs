//! Inline caches: what an instruction learned the last time it ran, so the
//! next run can skip the generic lookup (CPython 3.11's specialising
//! interpreter keeps the same facts in the CACHE units after the
//! instruction; minipy keeps them in a side table and runs `co_code` as
//! `dis` shows it, its CACHE units zero, so a jump into one executes
//! `CACHE`, which the loop rejects as bad bytecode).
//!
//! ```text
//!  co_code:          ... | LOAD_GLOBAL | CACHE | CACHE | CACHE | CACHE | CACHE | ...
//!  CodeInfo.slots:   ... |      3      |   -   |   -   |   -   |   -   |   -   | ...
//!                                 |
//!  CodeInfo.caches:  [ .. , .. , .. , InlineCache { key1, key2, index, kind } ]
//! ```
//!
//! | instruction           | kind          | key1              | key2               | index            |
//! |-----------------------|---------------|-------------------|--------------------|------------------|
//! | LOAD_GLOBAL           | GLOBAL        | globals version   | —                  | entry position   |
//! | LOAD_GLOBAL           | BUILTIN       | globals version   | builtins version   | entry position   |
//! | LOAD_ATTR, STORE_ATTR | INSTANCE_VALUE| type address      | `Vm::type_version` | shared-key index |
//! | LOAD_METHOD           | METHOD        | type address      | `Vm::type_version` | shared-key count |
//! | LOAD_METHOD           | METHOD_KEYED  | type address      | `Vm::type_version` | shared-key index |
//!
//! Invariants (why a hit is always the answer the slow path would give):
//!
//! 1. Dict versions are globally unique and change on every key insertion
//!    or removal (`dict::next_version`), so an unchanged version means the
//!    same table with the same keys at the same positions: a cached
//!    position still holds the name, and a name absent from `globals` is
//!    still absent. Values may change freely; a hit reads the live value.
//! 2. `Vm::type_version` changes whenever any class is created, cleared or
//!    has an attribute set, so an unchanged version means the instance's
//!    type (same address, hence the same live type: a new type at a
//!    reused address bumped the version) still has no data descriptor or
//!    custom `__setattr__`/`__getattribute__` for the name, and the shared
//!    key index is still the name's (shared keys are append-only). For
//!    `LOAD_METHOD`, the type's attribute is still a plain function; the
//!    instance does not shadow it while its namespace is in values mode
//!    and either the class has no more shared keys than when the name was
//!    not among them (METHOD) or the instance has no value for the name's
//!    key (METHOD_KEYED). The function itself comes from the method cache.
//! 3. A miss, or any case the entry does not cover (dict mode, a value not
//!    present, a key out of order), takes the generic path, which then
//!    refreshes the entry. Caches never hold references.

use std::cell::Cell;

use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::code::{CodeInfo, InlineCache};
use crate::objects::layout::Payload;
use crate::objects::typeobj::TypeData;
use crate::objects::{dict, inline_values, typeobj};
use crate::vm::Vm;

/// `kind` 0: nothing learned.
const GLOBAL: u32 = 1;
const BUILTIN: u32 = 2;
const INSTANCE_VALUE: u32 = 3;
const METHOD: u32 = 4;
const METHOD_KEYED: u32 = 5;

/// The cache of the instruction at `at` (its opcode unit).
#[inline(always)]
fn slot(code: &CodeInfo, at: usize) -> Option<&Cell<InlineCache>> {
    let n = *code.slots.get(at)?;
    code.caches.get(n as usize)
}

#[inline(always)]
fn builtins_dict(f: &Frame) -> &PyRef {
    match &f.builtins.payload {
        Payload::Module { dict: d } => d,
        _ => &f.builtins,
    }
}

/// `LOAD_GLOBAL` (the name's value, from `globals` or `builtins`).
#[inline]
pub fn load_global(vm: &Vm, f: &Frame, code: &CodeInfo, at: usize, name: &PyRef) -> PyResult {
    let Some(c) = slot(code, at) else {
        return super::slow::load_global(vm, f, name);
    };
    let e = c.get();
    let hit = match e.kind {
        GLOBAL => dict::value_at(&f.globals, e.key1, e.index as usize),
        BUILTIN if dict::version(&f.globals) == e.key1 => {
            dict::value_at(builtins_dict(f), e.key2, e.index as usize)
        }
        _ => None,
    };
    if let Some(v) = hit {
        return Ok(v);
    }
    let v = super::slow::load_global(vm, f, name)?;
    c.set(learn_global(vm, f, name));
    Ok(v)
}

#[cold]
fn learn_global(vm: &Vm, f: &Frame, name: &PyRef) -> InlineCache {
    // A dict subclass may define `__missing__` or `__getitem__`: its
    // lookups are never cached.
    if !f.globals.class().is(&vm.types.dict) || !builtins_dict(f).class().is(&vm.types.dict) {
        return InlineCache::default();
    }
    let (gver, gpos) = dict::cache_pos(vm, &f.globals, name);
    if gver == 0 {
        return InlineCache::default();
    }
    if let Some(pos) = gpos {
        return InlineCache {
            key1: gver,
            key2: 0,
            index: pos as u32,
            kind: GLOBAL,
        };
    }
    let (bver, bpos) = dict::cache_pos(vm, builtins_dict(f), name);
    match bpos {
        Some(pos) if bver != 0 => InlineCache {
            key1: gver,
            key2: bver,
            index: pos as u32,
            kind: BUILTIN,
        },
        _ => InlineCache::default(),
    }
}

/// `LOAD_ATTR`.
#[inline]
pub fn load_attr(vm: &Vm, code: &CodeInfo, at: usize, owner: &PyRef, name: &PyRef) -> PyResult {
    let Some(c) = slot(code, at) else {
        return vm.getattr(owner, name);
    };
    let e = c.get();
    if e.kind == INSTANCE_VALUE
        && owner.class().addr() as u64 == e.key1
        && vm.type_version.get() == e.key2
    {
        if let Payload::Instance(inst) = &owner.payload {
            if let Some(v) = inst.get(e.index as usize) {
                return Ok(v);
            }
        }
    }
    let v = vm.getattr(owner, name)?;
    c.set(learn_attr(vm, owner, name, &vm.names.getattribute));
    Ok(v)
}

/// `STORE_ATTR`.
#[inline]
pub fn store_attr(
    vm: &Vm,
    code: &CodeInfo,
    at: usize,
    owner: &PyRef,
    name: &PyRef,
    v: PyRef,
) -> PyResult<()> {
    let Some(c) = slot(code, at) else {
        return vm.setattr(owner, name, v);
    };
    let e = c.get();
    let v = if e.kind == INSTANCE_VALUE
        && owner.class().addr() as u64 == e.key1
        && vm.type_version.get() == e.key2
    {
        match &owner.payload {
            Payload::Instance(inst) => match inst.store_at(e.index as usize, v) {
                Ok(()) => return Ok(()),
                Err(v) => v,
            },
            _ => v,
        }
    } else {
        v
    };
    vm.setattr(owner, name, v)?;
    c.set(learn_attr(vm, owner, name, &vm.names.setattr));
    Ok(())
}

/// `LOAD_METHOD`: `(method, true)` for a plain function of the type that
/// the instance does not shadow, else `(attribute, false)` (as
/// `Vm::get_method`).
#[inline]
pub fn load_method(
    vm: &Vm,
    code: &CodeInfo,
    at: usize,
    owner: &PyRef,
    name: &PyRef,
) -> PyResult<(PyRef, bool)> {
    let Some(c) = slot(code, at) else {
        return vm.get_method(owner, name);
    };
    let e = c.get();
    if (e.kind == METHOD || e.kind == METHOD_KEYED)
        && owner.class().addr() as u64 == e.key1
        && vm.type_version.get() == e.key2
    {
        if let (Payload::Instance(inst), Some(t)) = (&owner.payload, owner.class().as_type()) {
            let unshadowed = !inst.is_dict_mode()
                && if e.kind == METHOD {
                    t.shared_keys.borrow().len() == e.index as usize
                } else {
                    inst.get(e.index as usize).is_none()
                };
            if unshadowed {
                if let Some(m) = typeobj::lookup(vm, owner.class(), name) {
                    return Ok((m, true));
                }
            }
        }
    }
    let r = vm.get_method(owner, name)?;
    c.set(if r.1 {
        learn_method(vm, owner, name)
    } else {
        InlineCache::default()
    });
    Ok(r)
}

/// The type data of `owner` when the caches may cover it: an instance of
/// a class defined in Python, its namespace in values mode, and the type's
/// `hook` (`__getattribute__` or `__setattr__`) still `object`'s.
fn cacheable<'a>(vm: &Vm, owner: &'a PyRef, hook: &PyRef) -> Option<&'a TypeData> {
    let Payload::Instance(inst) = &owner.payload else {
        return None;
    };
    let ty = owner.class();
    let t = ty.as_type()?;
    if !t.heap || inst.is_dict_mode() {
        return None;
    }
    let generic = typeobj::lookup(vm, &vm.types.object, hook);
    let own = typeobj::lookup(vm, ty, hook);
    match (&generic, &own) {
        (Some(g), Some(o)) if g.is(o) => Some(t),
        _ => None,
    }
}

/// After `get_method` found a plain function of `owner`'s type not shadowed
/// by the instance: a METHOD or METHOD_KEYED entry (see the module table).
#[cold]
fn learn_method(vm: &Vm, owner: &PyRef, name: &PyRef) -> InlineCache {
    let Some(t) = cacheable(vm, owner, &vm.names.getattribute) else {
        return InlineCache::default();
    };
    let ty = owner.class();
    if !matches!(
        typeobj::lookup(vm, ty, name).map(|m| matches!(m.payload, Payload::Function(_))),
        Some(true)
    ) {
        return InlineCache::default();
    }
    let (kind, index) = match inline_values::key_index(t, name) {
        Some(i) => (METHOD_KEYED, i),
        None => (METHOD, t.shared_keys.borrow().len()),
    };
    InlineCache {
        key1: ty.addr() as u64,
        key2: vm.type_version.get(),
        index: index as u32,
        kind,
    }
}

/// After a generic access of `owner.name`: an INSTANCE_VALUE entry when
/// the name lives in the instance's inline values and the type's `hook`
/// (`__getattribute__` or `__setattr__`) is `object`'s and no data
/// descriptor of the type intercepts the name.
#[cold]
fn learn_attr(vm: &Vm, owner: &PyRef, name: &PyRef, hook: &PyRef) -> InlineCache {
    let none = InlineCache::default();
    let Some(t) = cacheable(vm, owner, hook) else {
        return none;
    };
    if name.as_str().is_none_or(|s| s.starts_with("__")) {
        return none;
    }
    let ty = owner.class();
    if let Some(d) = typeobj::lookup(vm, ty, name) {
        if vm.is_data_descriptor(&d) {
            return none;
        }
    }
    match inline_values::key_index(t, name) {
        Some(i) => InlineCache {
            key1: ty.addr() as u64,
            key2: vm.type_version.get(),
            index: i as u32,
            kind: INSTANCE_VALUE,
        },
        None => none,
    }
}
