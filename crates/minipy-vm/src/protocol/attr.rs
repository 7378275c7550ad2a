//! Attribute access: `PyObject_GenericGetAttr`, `type_getattro`, the
//! descriptor protocol, `setattr`/`delattr`, and `LOAD_METHOD`'s lookup.

use std::cell::RefCell;

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::function::{BuiltinFunction, BuiltinKind};
use crate::objects::inline_values::{self, Stored};
use crate::objects::typeobj::{self, lookup};
use crate::objects::{dict, special};
use crate::vm::Vm;

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
    /// (an `AttributeError` raised by Python code is also turned into None).
    pub fn getattr_opt(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        match self.getattr_inner(obj, name) {
            Err(e) if self.exc_matches(&e, &self.exc.attribute_error) => Ok(None),
            r => r,
        }
    }

    /// Lookup with `__getattr__` fallback; `Ok(None)` when simply missing,
    /// `Err` for an AttributeError raised by a descriptor (kept, with its
    /// own message, when there is no `__getattr__`).
    fn getattr_inner(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        if let Payload::WeakRef(_) = &obj.payload {
            if crate::objects::weakref::is_proxy(obj) {
                let target = crate::objects::weakref::proxy_target(self, obj)?;
                return match self.getattr_inner(&target, name)? {
                    Some(v) => Ok(Some(v)),
                    None => Err(self.no_attribute(&target, name.as_str().unwrap_or(""))),
                };
            }
            if let Some(v) =
                crate::objects::weakref::weakref_attr(self, obj, name.as_str().unwrap_or(""))
            {
                return Ok(Some(v));
            }
        }
        if let Some(ga) = self.custom_getattribute(obj) {
            // slot_tp_getattr_hook: the type's __getattribute__, then
            // __getattr__ if it raised AttributeError.
            return match self.call_args(&ga, &[obj.clone(), name.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.exc_matches(&e, &self.exc.attribute_error) => {
                    match lookup(self, obj.class(), &self.names.getattr) {
                        Some(g) => self.call_args(&g, &[obj.clone(), name.clone()]).map(Some),
                        None => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
        }
        let r = if obj.as_type().is_some() {
            self.type_getattr(obj, name)
        } else {
            self.generic_getattr(obj, name)
        };
        match r {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                let ty = obj.class();
                // __getattr__ fallback (heap types and modules).
                if ty.as_type().map(|t| t.heap).unwrap_or(false) {
                    if let Some(ga) = lookup(self, ty, &self.names.getattr) {
                        return self.call_args(&ga, &[obj.clone(), name.clone()]).map(Some);
                    }
                }
                if let Payload::Module { dict: d } = &obj.payload {
                    if let Some(ga) = dict::get_str(self, d, &self.intern("__getattr__")) {
                        return self.call_args(&ga, std::slice::from_ref(name)).map(Some);
                    }
                }
                Ok(None)
            }
            Err(e) => {
                if !self.exc_matches(&e, &self.exc.attribute_error) {
                    return Err(e);
                }
                let ty = obj.class();
                if ty.as_type().map(|t| t.heap).unwrap_or(false) {
                    if let Some(ga) = lookup(self, ty, &self.names.getattr) {
                        return self.call_args(&ga, &[obj.clone(), name.clone()]).map(Some);
                    }
                }
                Err(e)
            }
        }
    }

    /// The `__getattribute__` of `obj`'s class when it is not a built-in one
    /// (a Python function overriding `object.__getattribute__`).
    fn custom_getattribute(&self, obj: &PyRef) -> Option<PyRef> {
        let ty = obj.class();
        let t = ty.as_type()?;
        if !t.heap {
            return None;
        }
        let seen = self.type_version.get() + 1;
        if t.generic_getattribute_at.get() == seen {
            return None;
        }
        match lookup(self, ty, &self.names.getattribute) {
            Some(g) if !matches!(g.payload, Payload::Builtin(_)) => Some(g),
            _ => {
                t.generic_getattribute_at.set(seen);
                None
            }
        }
    }

    /// `object.__getattribute__(obj, name)`: the generic lookup, without
    /// the type's own `__getattribute__` or `__getattr__`.
    pub fn generic_getattribute(&self, obj: &PyRef, name: &PyRef) -> PyResult {
        let r = if obj.as_type().is_some() {
            self.type_getattr(obj, name)?
        } else {
            self.generic_getattr(obj, name)?
        };
        match r {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name.as_str().unwrap_or("?"))),
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
    /// use [`Vm::exposed_dict`].
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

    fn generic_getattr(&self, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        let ty = obj.class();
        let name_s = name.as_str().unwrap_or("");
        if name_s == "__class__" {
            return Ok(Some(ty.clone()));
        }
        if let Payload::Super { .. } = &obj.payload {
            if let Some(v) = crate::objects::descriptors::super_getattr(self, obj, name)? {
                return Ok(Some(v));
            }
        }
        let descr = lookup(self, ty, name);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, Some(obj), ty).map(Some);
            }
        }
        if let Some(v) = self.slot_get(obj, name_s)? {
            return Ok(Some(v));
        }
        if !matches!(obj.payload, Payload::Instance(_)) {
            if let Some(v) = special::getattr(self, obj, name_s)? {
                return Ok(Some(v));
            }
        }
        let idict = match &obj.payload {
            Payload::Instance(inst) => {
                if let Some(v) = inline_values::lookup(self, obj, inst, name) {
                    return Ok(Some(v));
                }
                None
            }
            Payload::Module { dict: d } => Some(d.clone()),
            Payload::Function(f) => f.dict.borrow().clone(),
            Payload::Exception(e) => e.dict.borrow().clone(),
            _ => obj.managed_dict().and_then(|d| d.borrow().clone()),
        };
        if let Some(d) = idict {
            if let Some(v) = dict::get_str(self, &d, name) {
                return Ok(Some(v));
            }
            if name_s == "__dict__" {
                dict::materialize(&d);
                return Ok(Some(d));
            }
        }
        if name_s == "__dict__" && obj.managed_dict().is_some() {
            return Ok(self.exposed_dict(obj));
        }
        if let Some(d) = descr {
            return self.descr_get(&d, Some(obj), ty).map(Some);
        }
        if matches!(obj.payload, Payload::Instance(_)) {
            if name_s == "__dict__" {
                if let Some(d) = self.exposed_dict(obj) {
                    return Ok(Some(d));
                }
            }
            return special::getattr(self, obj, name_s);
        }
        Ok(None)
    }

    fn type_getattr(&self, ty: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
        let meta = ty.class();
        let name_s = name.as_str().unwrap_or("");
        let meta_attr = lookup(self, meta, name);
        if let Some(d) = &meta_attr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, Some(ty), meta).map(Some);
            }
        }
        if let Some(v) = special::type_getattr(self, ty, name_s)? {
            return Ok(Some(v));
        }
        if let Some(attr) = lookup(self, ty, name) {
            return self.descr_get(&attr, None, ty).map(Some);
        }
        if let Some(d) = meta_attr {
            return self.descr_get(&d, Some(ty), meta).map(Some);
        }
        special::type_getattr_fallback(self, ty, name_s)
    }

    /// True for descriptors that take precedence over the instance dict.
    pub fn is_data_descriptor(&self, d: &PyRef) -> bool {
        match &d.payload {
            Payload::Property { .. } => true,
            Payload::Instance(_) => {
                let t = d.class();
                typeobj::lookup_str(self, t, "__set__").is_some()
                    || typeobj::lookup_str(self, t, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// The descriptor protocol's `__get__` (binding).
    pub fn descr_get(&self, d: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
        match &d.payload {
            Payload::Function(_) => match obj {
                Some(o) => Ok(self.new_bound_method(d.clone(), o.clone())),
                None => Ok(d.clone()),
            },
            Payload::Builtin(b) => match (b.kind, obj) {
                (BuiltinKind::Method, Some(o)) if b.self_.is_none() => {
                    Ok(self.bind_builtin(b, o.clone()))
                }
                (BuiltinKind::ClassMethod, _) if b.self_.is_none() => {
                    Ok(self.bind_builtin(b, ty.clone()))
                }
                _ => Ok(d.clone()),
            },
            Payload::ClassMethod(f) => Ok(self.new_bound_method(f.clone(), ty.clone())),
            Payload::StaticMethod(f) => Ok(f.clone()),
            Payload::Property { fget, .. } => match obj {
                None => Ok(d.clone()),
                Some(o) => match fget {
                    Some(g) => self.call_args(g, std::slice::from_ref(o)),
                    None => Err(self.attribute_error(format!(
                        "property of '{}' object has no getter",
                        o.type_name()
                    ))),
                },
            },
            Payload::Instance(_) => {
                let t = d.class();
                match typeobj::lookup_str(self, t, "__get__") {
                    Some(get) => {
                        let o = obj.cloned().unwrap_or_else(|| self.none.clone());
                        self.call_args(&get, &[d.clone(), o, ty.clone()])
                    }
                    None => Ok(d.clone()),
                }
            }
            _ => Ok(d.clone()),
        }
    }

    pub fn new_bound_method(&self, func: PyRef, self_: PyRef) -> PyRef {
        PyRef::new(Payload::BoundMethod { func, self_ }, &self.types.method)
    }

    fn bind_builtin(&self, b: &BuiltinFunction, self_: PyRef) -> PyRef {
        PyRef::new(
            Payload::Builtin(Box::new(BuiltinFunction {
                name: b.name,
                func: b.func,
                kind: b.kind,
                self_: Some(self_),
                owner: b.owner.clone(),
            })),
            &self.types.builtin_function,
        )
    }

    fn slot_index(&self, obj: &PyRef, name: &str) -> Option<usize> {
        let t = obj.class().as_type()?;
        if t.slot_names.is_empty() {
            return None;
        }
        t.slot_names.iter().position(|s| &**s == name)
    }

    fn slot_get(&self, obj: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
        if let Payload::Instance(_) = &obj.payload {
            if let Some(i) = self.slot_index(obj, name) {
                return match obj.cells().get(i).and_then(crate::heap::cell_get) {
                    Some(v) => Ok(Some(v)),
                    None => Err(self.no_attribute(obj, name)),
                };
            }
        }
        Ok(None)
    }

    /// `LOAD_METHOD`: `(method, true)` when the attribute is a plain
    /// function found on the type (call it with `obj` prepended), else
    /// `(attribute, false)`.
    pub fn get_method(&self, obj: &PyRef, name: &PyRef) -> PyResult<(PyRef, bool)> {
        if self.custom_getattribute(obj).is_some() {
            return Ok((self.getattr(obj, name)?, false));
        }
        let ty = obj.class();
        if obj.as_type().is_none() && !matches!(obj.payload, Payload::Super { .. }) {
            if let Some(d) = lookup(self, ty, name) {
                let is_method = match &d.payload {
                    Payload::Function(_) => true,
                    Payload::Builtin(b) => b.kind == BuiltinKind::Method && b.self_.is_none(),
                    _ => false,
                };
                if is_method {
                    let shadowed = match &obj.payload {
                        Payload::Instance(inst) => {
                            inline_values::lookup(self, obj, inst, name).is_some()
                        }
                        Payload::Module { .. } | Payload::Function(_) | Payload::Exception(_) => {
                            true
                        }
                        _ => false,
                    };
                    if !shadowed {
                        return Ok((d, true));
                    }
                }
            }
        }
        Ok((self.getattr(obj, name)?, false))
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
        let Some(m) = self.lookup_special(obj, name) else {
            return Ok(None);
        };
        if m.is_none() {
            return Ok(None);
        }
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(obj.clone());
        v.extend_from_slice(args);
        match &m.payload {
            Payload::Function(_) | Payload::Builtin(_) => self.call_args(&m, &v).map(Some),
            _ => {
                let bound = self.descr_get(&m, Some(obj), obj.class())?;
                self.call_args(&bound, args).map(Some)
            }
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&self, obj: &PyRef, name: &PyRef, value: PyRef) -> PyResult<()> {
        let ty = obj.class();
        if let Some(t) = ty.as_type() {
            if t.heap {
                if let Some(sa) = lookup(self, ty, &self.names.setattr) {
                    if !matches!(sa.payload, Payload::Builtin(_)) {
                        self.call_args(&sa, &[obj.clone(), name.clone(), value])?;
                        return Ok(());
                    }
                }
            }
        }
        self.generic_setattr(obj, name, Some(value))
    }

    pub fn delattr(&self, obj: &PyRef, name: &PyRef) -> PyResult<()> {
        let ty = obj.class();
        if ty.as_type().map(|t| t.heap).unwrap_or(false) {
            if let Some(da) = typeobj::lookup_str(self, ty, "__delattr__") {
                if !matches!(da.payload, Payload::Builtin(_)) {
                    self.call_args(&da, &[obj.clone(), name.clone()])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, None)
    }

    /// `object.__setattr__` / `object.__delattr__` (value None = delete).
    pub fn generic_setattr(&self, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
        if crate::objects::weakref::is_proxy(obj) {
            let target = crate::objects::weakref::proxy_target(self, obj)?;
            return match value {
                Some(v) => self.setattr(&target, name, v),
                None => self.generic_setattr(&target, name, None),
            };
        }
        let name_s = name.as_str().unwrap_or("");
        if let Payload::Type(t) = &obj.payload {
            if !t.heap {
                return Err(self.type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name_s,
                    t.name()
                )));
            }
            self.types_modified();
            if special::type_setattr(self, obj, name_s, value.clone())? {
                return Ok(());
            }
            match value {
                Some(v) => {
                    if name_s == "__del__" {
                        t.has_del.set(true);
                    }
                    dict::set_str(self, &t.dict, name.clone(), v)
                }
                None => {
                    if dict::del_str(self, &t.dict, name).is_none() {
                        return Err(self.no_attribute(obj, name_s));
                    }
                }
            }
            return Ok(());
        }
        let ty = obj.class();
        if let Some(d) = lookup(self, ty, name) {
            match &d.payload {
                Payload::Property { fset, fdel, .. } => {
                    let f = if value.is_some() { fset } else { fdel };
                    return match f {
                        Some(f) => {
                            let mut args = vec![obj.clone()];
                            args.extend(value);
                            self.call_args(f, &args).map(|_| ())
                        }
                        None => Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no {}",
                            name_s,
                            obj.type_name(),
                            if value.is_some() { "setter" } else { "deleter" }
                        ))),
                    };
                }
                Payload::Instance(_) => {
                    let dt = d.class();
                    let m = if value.is_some() {
                        "__set__"
                    } else {
                        "__delete__"
                    };
                    if let Some(set) = typeobj::lookup_str(self, dt, m) {
                        let mut args = vec![d.clone(), obj.clone()];
                        args.extend(value);
                        return self.call_args(&set, &args).map(|_| ());
                    }
                }
                _ => {}
            }
        }
        if let Payload::Instance(_) = &obj.payload {
            if let Some(i) = self.slot_index(obj, name_s) {
                if let Some(cell) = obj.cells().get(i) {
                    if value.is_none() && crate::heap::cell_get(cell).is_none() {
                        return Err(self.attribute_error(name_s.to_string()));
                    }
                    drop(cell.replace(value));
                    return Ok(());
                }
            }
        }
        if let Payload::Instance(inst) = &obj.payload {
            if name_s == "__dict__" {
                if let Some(r) = inline_values::set_namespace(self, obj, inst, value.clone()) {
                    return r;
                }
            }
        }
        if special::setattr(self, obj, name_s, value.clone())? {
            return Ok(());
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
                if special::getattr(self, obj, name_s)?.is_some() {
                    return Err(self.attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        name_s,
                        obj.type_name()
                    )));
                }
                Err(self.no_attribute(obj, name_s))
            }
        }
    }
}
