//! `repr()` and `str()`.

use minipy_bytecode::repr::float_repr;

use crate::heap::PyRef;
use crate::object::{Payload, PyResult};
use crate::objects::{dict, seq};
use crate::vm::Vm;

impl Vm {
    pub fn repr(&self, obj: &PyRef) -> PyResult<PyRef> {
        if let Some(m) = self.lookup_special(obj, "__repr__") {
            let native_instance_repr = match &m.payload {
                Payload::Builtin(b) => {
                    matches!(obj.payload, Payload::Instance(_))
                        && b.owner.as_deref() != Some("object")
                }
                _ => false,
            };
            if native_instance_repr || !matches!(m.payload, Payload::Builtin(_)) {
                self.enter()?;
                let r = self.call_args(&m, std::slice::from_ref(obj));
                self.leave();
                let r = r?;
                if r.as_str().is_none() {
                    return Err(self.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        r.type_name()
                    )));
                }
                return Ok(r);
            }
        }
        let s = self.native_repr(obj)?;
        Ok(self.new_string(s))
    }

    pub fn repr_string(&self, obj: &PyRef) -> PyResult<String> {
        let r = self.repr(obj)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }

    /// The built-in repr of the payload (what `object.__repr__`,
    /// `int.__repr__`... produce).
    pub fn native_repr(&self, obj: &PyRef) -> PyResult<String> {
        let s = match &obj.payload {
            Payload::None => "None".to_string(),
            Payload::NotImplemented => "NotImplemented".to_string(),
            Payload::Ellipsis => "Ellipsis".to_string(),
            Payload::Int(i)
                if obj.class().is(&self.types.bool)
                    || obj
                        .class()
                        .as_type()
                        .map(|t| t.layout == crate::objects::typeobj::Layout::Bool)
                        .unwrap_or(false) =>
            {
                if *i != 0 { "True" } else { "False" }.to_string()
            }
            Payload::Int(_) | Payload::BigInt(_) => crate::objects::int::int_str(self, obj)?,
            Payload::Float(f) => float_repr(*f),
            Payload::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow().as_str().unwrap_or("?"),
                obj.addr()
            ),
            Payload::Builtin(b) => match &b.self_ {
                Some(s) if !matches!(s.payload, Payload::Module { .. }) => {
                    if s.as_type().is_some() {
                        format!(
                            "<built-in method {} of type object at {:#x}>",
                            b.name,
                            s.addr()
                        )
                    } else {
                        format!(
                            "<built-in method {} of {} object at {:#x}>",
                            b.name,
                            s.type_name(),
                            s.addr()
                        )
                    }
                }
                _ => match &b.owner {
                    Some(o) => format!("<method '{}' of '{}' objects>", b.name, o),
                    None => format!("<built-in function {}>", b.name),
                },
            },
            Payload::BoundMethod { func, self_ } => {
                let q = self.getattr_opt(func, &self.intern("__qualname__"))?;
                let q = q
                    .and_then(|q| q.as_str().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".into());
                format!("<bound method {} of {}>", q, self.repr_string(self_)?)
            }
            Payload::Type(t) => {
                let module = dict::get_str(self, &t.dict, &self.intern("__module__"))
                    .and_then(|m| m.as_str().map(|s| s.to_string()));
                match module {
                    Some(m) if m != "builtins" => {
                        format!("<class '{}.{}'>", m, t.qualname.borrow())
                    }
                    _ => format!("<class '{}'>", t.qualname.borrow()),
                }
            }
            Payload::WeakRef(_) => crate::objects::weakref::repr_string(self, obj),
            Payload::Module { dict: d } => {
                let name = dict::get_str(self, d, &self.intern("__name__"))
                    .and_then(|n| n.as_str().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".into());
                match dict::get_str(self, d, &self.intern("__file__"))
                    .and_then(|f| f.as_str().map(|s| s.to_string()))
                {
                    Some(f) => format!("<module '{}' from '{}'>", name, f),
                    None => format!("<module '{}' (built-in)>", name),
                }
            }
            Payload::Exception(_) => crate::objects::exceptions::exc_repr(self, obj)?,
            Payload::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.co_name,
                obj.addr(),
                c.code.co_filename,
                c.code.co_firstlineno
            ),
            Payload::Generator(g) => {
                format!("<generator object {} at {:#x}>", g.qualname(), obj.addr())
            }
            Payload::Cell(c) => match &*c.borrow() {
                Some(v) => format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    obj.addr(),
                    v.type_name(),
                    v.addr()
                ),
                None => format!("<cell at {:#x}: empty>", obj.addr()),
            },
            Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::Range { .. }
            | Payload::DictView { .. }
            | Payload::Slice { .. } => {
                if let Payload::Complex(..) = obj.payload {
                    return Ok(crate::objects::float::complex_repr(obj));
                }
                match seq::repr(self, obj)? {
                    Some(s) => s,
                    None => self.default_repr(obj),
                }
            }
            Payload::ByteArray(_) => crate::objects::bytearray::repr(obj),
            Payload::MappingProxy(_) => crate::objects::mappingproxy::repr(self, obj)?,
            Payload::Super { ty, obj: o, .. } => {
                let tn = ty
                    .as_type()
                    .map(|t| t.name().to_string())
                    .unwrap_or_default();
                match o {
                    Some(o) => format!("<super: <class '{}'>, <{} object>>", tn, o.type_name()),
                    None => format!("<super: <class '{}'>, NULL>", tn),
                }
            }
            _ => self.default_repr(obj),
        };
        Ok(s)
    }

    /// `object.__repr__`: `<module.Qualname object at 0x...>`.
    pub fn default_repr(&self, obj: &PyRef) -> String {
        let ty = obj.class();
        let (module, qual) = match ty.as_type() {
            Some(t) => {
                let m = if t.heap {
                    dict::get_str(self, &t.dict, &self.intern("__module__"))
                        .and_then(|m| m.as_str().map(|s| s.to_string()))
                } else {
                    None
                };
                (m, t.qualname.borrow().to_string())
            }
            None => (None, "?".to_string()),
        };
        match module {
            Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, qual, obj.addr()),
            _ => format!("<{} object at {:#x}>", qual, obj.addr()),
        }
    }

    /// `str(obj)`.
    pub fn str(&self, obj: &PyRef) -> PyResult<PyRef> {
        if obj.class().is(&self.types.str) {
            return Ok(obj.clone());
        }
        let mro = obj
            .class()
            .as_type()
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        let key = self.intern("__str__");
        for cls in &mro {
            let Some(t) = cls.as_type() else { continue };
            let Some(m) = dict::get_str(self, &t.dict, &key) else {
                continue;
            };
            if matches!(m.payload, Payload::Builtin(_)) {
                return match &obj.payload {
                    Payload::Exception(_) if !cls.is(&self.types.object) => {
                        let s = crate::objects::exceptions::exc_str(self, obj)?;
                        Ok(self.new_string(s))
                    }
                    Payload::Str(s) if !cls.is(&self.types.object) => Ok(self.new_str(&s.s)),
                    Payload::MappingProxy(m) if !cls.is(&self.types.object) => self.str(m),
                    Payload::WeakRef(_) if crate::objects::weakref::is_proxy(obj) => {
                        let target = crate::objects::weakref::proxy_target(self, obj)?;
                        self.str(&target)
                    }
                    _ => self.repr(obj),
                };
            }
            self.enter()?;
            let r = self.call_args(&m, std::slice::from_ref(obj));
            self.leave();
            let r = r?;
            if r.as_str().is_none() {
                return Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    r.type_name()
                )));
            }
            return Ok(r);
        }
        self.repr(obj)
    }

    pub fn str_string(&self, obj: &PyRef) -> PyResult<String> {
        if let Some(s) = obj.as_str() {
            if obj.class().is(&self.types.str) {
                return Ok(s.to_string());
            }
        }
        let r = self.str(obj)?;
        Ok(r.as_str().unwrap_or("").to_string())
    }
}
