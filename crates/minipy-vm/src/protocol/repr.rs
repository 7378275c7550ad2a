//! `repr()` and `str()` (`PyObject_Repr`, `PyObject_Str`) through the
//! type's `tp_repr` / `tp_str`, with CPython's result checks and the
//! recursion guard.

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::vm::Vm;

impl Vm {
    /// `repr(obj)`.
    pub fn repr(&self, obj: &PyRef) -> PyResult<PyRef> {
        let Some(f) = obj.class().as_type().and_then(|t| t.slots.repr()) else {
            return Ok(self.new_string(self.default_repr(obj)));
        };
        let r = crate::stack::guard(self, || {
            crate::objects::seq::enter(self, " while getting the repr of an object")?;
            let r = f(self, obj);
            self.leave();
            r
        })?;
        if r.as_str().is_none() {
            return Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                r.type_name()
            )));
        }
        Ok(r)
    }

    pub fn repr_string(&self, obj: &PyRef) -> PyResult<String> {
        let r = self.repr(obj)?;
        Ok(r.as_str().unwrap_or("").to_string())
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
                    t.spec.get().map(|s| s.module().to_string())
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
        let Some(f) = obj.class().as_type().and_then(|t| t.slots.str()) else {
            return self.repr(obj);
        };
        let r = crate::stack::guard(self, || {
            crate::objects::seq::enter(self, " while getting the str of an object")?;
            let r = f(self, obj);
            self.leave();
            r
        })?;
        if r.as_str().is_none() {
            return Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                r.type_name()
            )));
        }
        Ok(r)
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
