//! Attribute access (CPython's `PyObject_GetAttr`/`SetAttr` through
//! `tp_getattro`/`tp_setattro`), the generic lookup every ordinary type
//! uses (`PyObject_GenericGetAttr`: data descriptor of the type, then the
//! instance namespace, then any other attribute of the type), the lookup
//! of type objects (`type_getattro`: the metatype's data descriptors,
//! then the MRO with `__get__(None, type)`), the descriptor protocol, and
//! `LOAD_METHOD`'s lookup (`_PyObject_GetMethod`).
//!
//! No attribute name is special here: `__class__`, `__dict__`, `__doc__`,
//! `__name__`... are descriptors in some type's dict.

use std::cell::RefCell;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::inline_values::{self, Stored};
use crate::objects::layout::Payload;
use crate::objects::typeobj::{self, lookup, tpflags, SlotId};
use crate::vm::Vm;

/// An attribute name argument must be a `str` (`getattr(o, 1)`).
pub fn check_attr_name(vm: &Vm, name: &PyRef) -> PyResult<PyRef> {
    if name.as_str().is_some() {
        return Ok(name.clone());
    }
    Err(vm.type_error(format!(
        "attribute name must be string, not '{}'",
        name.type_name()
    )))
}

/// `PyObject_GenericGetAttr` as a `tp_getattro` slot.
pub fn generic_getattr_slot(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    vm.generic_getattr(obj, name)
}

/// `PyObject_GenericSetAttr` as a `tp_setattro` slot.
pub fn generic_setattr_slot(vm: &Vm, obj: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    vm.generic_setattr(obj, name, v)
}

impl Vm {
    /// `getattr(obj, name)` with a `str` object name.
    pub fn getattr(&self, obj: &PyRef, name: &PyRef) -> PyResult {
        match self.getattr_inner(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name.as_str().unwrap_or("?"))),
        }
    }

    pub fn getattr_str(&self, obj: &PyRef, name: &str) -> PyResult {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// Attribute lookup that reports a missing attribute as `Ok(None)`
    /// (`_PyObject_LookupAttr`: an AttributeError raised by the lookup is
    /// also turned into None).
    pub fn getattr_opt(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        match self.getattr_inner(obj, name) {
            Err(e) if self.exc_matches(&e, &self.exc.attribute_error) => Ok(None),
            r => r,
        }
    }

    /// `tp_getattro`; `Ok(None)` when simply missing.
    #[inline]
    fn getattr_inner(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        match obj.class().as_type().and_then(|t| t.slots.getattro()) {
            Some(f) => f(self, obj, name),
            None => Ok(None),
        }
    }

    /// CPython's AttributeError message for `obj.name`.
    pub fn no_attribute(&self, obj: &PyRef, name: &str) -> PyRef {
        let msg = match &obj.payload {
            Payload::Module { dict: d } => {
                let mname = dict::get_str(self, d, &self.intern("__name__"))
                    .and_then(|n| n.as_str().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".to_string());
                format!("module '{}' has no attribute '{}'", mname, name)
            }
            Payload::Type(t) => format!("type object '{}' has no attribute '{}'", t.name(), name),
            _ => format!("'{}' object has no attribute '{}'", obj.type_name(), name),
        };
        self.attribute_error(msg)
    }

    /// The instance `__dict__` of `obj` as Python code gets it
    /// (`obj.__dict__`, `vars`, `__reduce__`'s state): from then on an object
    /// of its own, no longer part of the instance (see `dict::materialize`).
    pub fn exposed_dict(&self, obj: &PyRef) -> Option<PyRef> {
        let d = self.instance_dict(obj)?;
        dict::materialize(&d);
        Some(d)
    }

    /// The instance `__dict__` of `obj`, if it has one (created on demand),
    /// for the interpreter's own use: callers that hand it to Python code
    /// use [`Vm::exposed_dict`]. (Where it lives is the layout's business,
    /// as CPython's `tp_dictoffset`.)
    pub fn instance_dict(&self, obj: &PyRef) -> Option<PyRef> {
        let lazily = |cell: &RefCell<Option<PyRef>>, inline: bool| {
            let mut c = cell.borrow_mut();
            if c.is_none() {
                *c = Some(if inline {
                    dict::new_inline(self)
                } else {
                    self.new_dict()
                });
            }
            c.clone()
        };
        match &obj.payload {
            Payload::Instance(inst) => inline_values::namespace(self, obj, inst),
            Payload::Module { dict: d } => Some(d.clone()),
            Payload::Function(f) => lazily(&f.dict, false),
            Payload::Exception(e) => lazily(&e.dict, false),
            _ => obj.managed_dict().and_then(|c| lazily(c, true)),
        }
    }

    /// The instance namespace if it already exists (lookups do not create
    /// one), with inline values looked up in place.
    fn namespace_get(&self, obj: &PyRef, name: &PyRef) -> Option<PyRef> {
        let d = match &obj.payload {
            Payload::Instance(inst) => return inline_values::lookup(self, obj, inst, name),
            Payload::Module { dict: d } => Some(d.clone()),
            Payload::Function(f) => f.dict.borrow().clone(),
            Payload::Exception(e) => e.dict.borrow().clone(),
            _ => obj.managed_dict().and_then(|d| d.borrow().clone()),
        };
        d.and_then(|d| dict::get_str(self, &d, name))
    }

    /// `PyObject_GenericGetAttr`; `Ok(None)` when missing.
    pub fn generic_getattr(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        let ty = obj.class();
        let descr = lookup(self, ty, name);
        let mut get = None;
        if let Some(d) = &descr {
            if let Some(dt) = d.class().as_type() {
                get = dt.slots.descr_get();
                if let (Some(f), Some(_)) = (get, dt.slots.descr_set()) {
                    return f(self, d, Some(obj), Some(ty)).map(Some);
                }
            }
        }
        if let Some(v) = self.namespace_get(obj, name) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return match get {
                Some(f) => f(self, &d, Some(obj), Some(ty)).map(Some),
                None => Ok(Some(d)),
            };
        }
        Ok(None)
    }

    /// `type_getattro`: a data descriptor of the metatype, then the MRO
    /// (binding with `__get__(None, type)`), then any attribute of the
    /// metatype.
    pub fn type_getattro(&self, ty: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        let meta = ty.class();
        let meta_attr = lookup(self, meta, name);
        let mut meta_get = None;
        if let Some(ma) = &meta_attr {
            if let Some(mt) = ma.class().as_type() {
                meta_get = mt.slots.descr_get();
                if let (Some(f), Some(_)) = (meta_get, mt.slots.descr_set()) {
                    return f(self, ma, Some(ty), Some(meta)).map(Some);
                }
            }
        }
        if let Some(attr) = lookup(self, ty, name) {
            return match attr.class().as_type().and_then(|t| t.slots.descr_get()) {
                Some(f) => f(self, &attr, None, Some(ty)).map(Some),
                None => Ok(Some(attr)),
            };
        }
        if let Some(ma) = meta_attr {
            return match meta_get {
                Some(f) => f(self, &ma, Some(ty), Some(meta)).map(Some),
                None => Ok(Some(ma)),
            };
        }
        Err(self.attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            crate::objects::descr::type_name(ty),
            name.as_str().unwrap_or("?")
        )))
    }

    /// True for descriptors that take precedence over the instance dict
    /// (their type has `__set__`/`__delete__`: `tp_descr_set`).
    pub fn is_data_descriptor(&self, d: &PyRef) -> bool {
        d.class()
            .as_type()
            .is_some_and(|t| t.slots.descr_set().is_some())
    }

    /// The descriptor protocol's `__get__` (binding): `d` itself when its
    /// type has no `tp_descr_get`.
    pub fn descr_get(&self, d: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
        match d.class().as_type().and_then(|t| t.slots.descr_get()) {
            Some(f) => f(self, d, obj, Some(ty)),
            None => Ok(d.clone()),
        }
    }

    pub fn new_bound_method(&self, func: PyRef, self_: PyRef) -> PyRef {
        PyRef::new(Payload::BoundMethod { func, self_ }, &self.types.method)
    }

    /// `LOAD_METHOD` (`_PyObject_GetMethod`): `(method, true)` when the
    /// attribute is a method descriptor found on the type and not shadowed
    /// by the instance (call it with `obj` prepended), else
    /// `(attribute, false)`.
    pub fn get_method(&self, obj: &PyRef, name: &PyRef) -> PyResult<(PyRef, bool)> {
        let ty = obj.class();
        let Some(t) = ty.as_type() else {
            return Ok((self.getattr(obj, name)?, false));
        };
        // CPython: `tp_getattro == PyObject_GenericGetAttr`. Types that list
        // the generic slot themselves (for their `__getattribute__` wrapper)
        // have another origin, so the function is compared too: a false
        // negative only loses this fast path, and two functions sharing an
        // address behave the same.
        let generic_getattr = !t.slots.is_generic(SlotId::GetAttro)
            && (t.slots.origin(SlotId::GetAttro) == self.types.object.addr()
                || t.slots.getattro().is_some_and(|f| {
                    std::ptr::fn_addr_eq(
                        f,
                        generic_getattr_slot as crate::objects::typeobj::slots::GetAttroFn,
                    )
                }));
        if !generic_getattr {
            return Ok((self.getattr(obj, name)?, false));
        }
        let descr = lookup(self, ty, name);
        let mut meth_found = false;
        let mut get = None;
        if let Some(d) = &descr {
            let dt = d.class();
            if typeobj::has_flag(dt, tpflags::METHOD_DESCRIPTOR) {
                meth_found = true;
            } else if let Some(dtd) = dt.as_type() {
                get = dtd.slots.descr_get();
                if let (Some(f), Some(_)) = (get, dtd.slots.descr_set()) {
                    return Ok((f(self, d, Some(obj), Some(ty))?, false));
                }
            }
        }
        if let Some(v) = self.namespace_get(obj, name) {
            return Ok((v, false));
        }
        match descr {
            Some(d) if meth_found => Ok((d, true)),
            Some(d) => match get {
                Some(f) => Ok((f(self, &d, Some(obj), Some(ty))?, false)),
                None => Ok((d, false)),
            },
            None => Err(self.no_attribute(obj, name.as_str().unwrap_or("?"))),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, obj: &PyRef, name: &str, args: &[PyRef]) -> PyResult {
        let n = self.intern(name);
        let (m, unbound) = self.get_method(obj, &n)?;
        if unbound {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(obj.clone());
            v.extend_from_slice(args);
            self.call_args(&m, &v)
        } else {
            self.call_args(&m, args)
        }
    }

    /// Looks up a special method on the *type* (not the instance), as the
    /// interpreter does for dunders.
    pub fn lookup_special(&self, obj: &PyRef, name: &str) -> Option<PyRef> {
        typeobj::lookup_str(self, obj.class(), name)
    }

    /// Calls a special method looked up on the type, with `obj` as self.
    /// `Ok(None)` when the type has no such method.
    pub fn call_special(&self, obj: &PyRef, name: &str, args: &[PyRef]) -> PyResult<Option<PyRef>> {
        let key = self.intern(name);
        match typeobj::dispatch::lookup_maybe_method(self, obj, &key)? {
            Some((m, _)) if m.is_none() => Ok(None),
            Some((m, unbound)) => {
                typeobj::dispatch::call_unbound(self, &m, unbound, obj, args).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `setattr(obj, name, value)` (`PyObject_SetAttr`).
    pub fn setattr(&self, obj: &PyRef, name: &PyRef, value: PyRef) -> PyResult<()> {
        self.setattro(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&self, obj: &PyRef, name: &PyRef) -> PyResult<()> {
        self.setattro(obj, name, None)
    }

    fn setattro(&self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        match obj.class().as_type().and_then(|t| t.slots.setattro()) {
            Some(f) => f(self, obj, name, value),
            None => Err(self.type_error(format!(
                "'{}' object has only read-only attributes ({} .{})",
                obj.type_name(),
                if value.is_some() { "assign to" } else { "del" },
                name.as_str().unwrap_or("?")
            ))),
        }
    }

    /// `PyObject_GenericSetAttr` (value None = delete): a data descriptor
    /// of the type, else the instance namespace.
    pub fn generic_setattr(&self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        let name_s = name.as_str().unwrap_or("");
        let ty = obj.class();
        let descr = lookup(self, ty, name);
        if let Some(d) = &descr {
            if let Some(f) = d.class().as_type().and_then(|t| t.slots.descr_set()) {
                return f(self, d, obj, value);
            }
        }
        if let Payload::Instance(inst) = &obj.payload {
            match inline_values::store(self, obj, inst, name, value.clone()) {
                Stored::Done => return Ok(()),
                Stored::Missing => return Err(self.no_attribute(obj, name_s)),
                Stored::NoNamespace => {}
            }
        }
        match self.instance_dict(obj) {
            Some(d) => match value {
                Some(v) => {
                    dict::set_str(self, &d, name.clone(), v);
                    Ok(())
                }
                None => match dict::del_str(self, &d, name) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name_s)),
                },
            },
            None => {
                if descr.is_some() {
                    return Err(self.attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        obj.type_name(),
                        name_s
                    )));
                }
                Err(self.no_attribute(obj, name_s))
            }
        }
    }

    /// `type_setattro`: built-in types are immutable; a class's dict is
    /// updated, and so are its slots when the name is a dunder.
    pub fn type_setattro(&self, ty: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        let Some(t) = ty.as_type() else {
            return self.generic_setattr(ty, name, value);
        };
        let name_s = name.as_str().unwrap_or("");
        if t.flags.get() & tpflags::IMMUTABLETYPE != 0 {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name_s,
                t.name()
            )));
        }
        let meta = ty.class();
        if let Some(d) = lookup(self, meta, name) {
            if let Some(f) = d.class().as_type().and_then(|dt| dt.slots.descr_set()) {
                self.types_modified();
                return f(self, &d, ty, value);
            }
        }
        self.types_modified();
        match value {
            Some(v) => {
                if name_s == "__del__" {
                    t.has_del.set(true);
                }
                dict::set_str(self, &t.dict, name.clone(), v);
            }
            None => {
                if dict::del_str(self, &t.dict, name).is_none() {
                    return Err(self.no_attribute(ty, name_s));
                }
            }
        }
        if typeobj::slotdefs::is_slot_name(name_s) {
            typeobj::slotdefs::update_slot(self, ty, name_s);
        }
        Ok(())
    }
}
