//! `str.format`, `str.format_map`, `str.__format__` and `str % args`.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::str::{text_err, this};
use crate::objects::typeobj;
use crate::text::percent_format::{self as pf, PercentArgs, PercentHost, PercentValue, Want};
use crate::text::TextError;
use crate::vm::Vm;

/// `ascii(obj)`: the repr with non-ASCII characters escaped.
pub fn ascii_string(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    use std::fmt::Write;
    let r = vm.repr_string(obj)?;
    if r.is_ascii() {
        return Ok(r);
    }
    // Sized before it is built (MemoryError, not an abort, when it cannot
    // be): 1, 4, 6 or 10 bytes per character.
    let escaped = |n: u32| match n {
        0..=0x7f => 1,
        0x80..=0xff => 4,
        0x100..=0xffff => 6,
        _ => 10,
    };
    let size = r
        .chars()
        .try_fold(0usize, |t, c| t.checked_add(escaped(c as u32)))
        .ok_or_else(|| vm.memory_error())?;
    let mut o = crate::objects::seq::alloc::string_with_capacity(vm, size)?;
    for c in r.chars() {
        let n = c as u32;
        // (Writing to a String cannot fail.)
        let _ = match n {
            0..=0x7f => {
                o.push(c);
                Ok(())
            }
            0x80..=0xff => write!(o, "\\x{:02x}", n),
            0x100..=0xffff => write!(o, "\\u{:04x}", n),
            _ => write!(o, "\\U{:08x}", n),
        };
    }
    Ok(o)
}

/// `format(value, spec)` (`PyObject_Format`).
pub fn format_value(vm: &Vm, value: &PyRef, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        if let Some(s) = value.as_str() {
            if value.class().is(&vm.types.str) {
                return crate::objects::seq::alloc::copy_str(vm, s);
            }
        }
    }
    let r = vm.call_method(value, "__format__", &[vm.new_str(spec)])?;
    match r.as_str() {
        Some(s) => crate::objects::seq::alloc::copy_str(vm, s),
        None => Err(vm.type_error(format!(
            "__format__ must return a str, not {}",
            r.type_name()
        ))),
    }
}

struct Formatter<'a> {
    vm: &'a Vm,
    args: &'a [PyRef],
    kwargs: Option<&'a PyRef>,
    kw: Vec<(&'a str, &'a PyRef)>,
    /// `Some(next)` in automatic numbering mode, `None` before any field.
    auto: Option<usize>,
    manual: bool,
}

impl Formatter<'_> {
    fn err(&self, msg: &str) -> PyRef {
        self.vm.value_error(msg.to_string())
    }

    fn render(&mut self, fmt: &str, depth: usize, out: &mut String) -> PyResult<()> {
        if depth > 2 {
            return Err(self.err("Max string recursion exceeded"));
        }
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(self.err("Single '}' encountered in format string"));
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // A replacement field: find its matching '}'.
            let start = i + 1;
            let mut level = 1;
            let mut j = start;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(self.err(if start >= chars.len() {
                    "Single '{' encountered in format string"
                } else {
                    "expected '}' before end of string"
                }));
            }
            let field: String = chars[start..j].iter().collect();
            self.field(&field, depth, out)?;
            i = j + 1;
        }
        Ok(())
    }

    fn field(&mut self, field: &str, depth: usize, out: &mut String) -> PyResult<()> {
        let fc: Vec<char> = field.chars().collect();
        let mut k = 0;
        while k < fc.len() {
            match fc[k] {
                '[' => {
                    while k < fc.len() && fc[k] != ']' {
                        k += 1;
                    }
                    if k < fc.len() {
                        k += 1;
                    }
                    continue;
                }
                '{' => return Err(self.err("unexpected '{' in field name")),
                ':' | '!' => break,
                _ => k += 1,
            }
        }
        let name: String = fc[..k.min(fc.len())].iter().collect();
        let mut conv = None;
        let mut spec = String::new();
        if k < fc.len() && fc[k] == '!' {
            if k + 1 >= fc.len() {
                return Err(self.err("end of string while looking for conversion specifier"));
            }
            conv = Some(fc[k + 1]);
            if k + 2 < fc.len() {
                if fc[k + 2] != ':' {
                    return Err(self.err("expected ':' after conversion specifier"));
                }
                spec = fc[k + 3..].iter().collect();
            }
        } else if k < fc.len() {
            spec = fc[k + 1..].iter().collect();
        }
        let value = self.lookup(&name)?;
        let value = match conv {
            None => value,
            Some('r') => self.vm.repr(&value)?,
            Some('s') => self.vm.str(&value)?,
            Some('a') => self.vm.new_string(ascii_string(self.vm, &value)?),
            Some(c) => {
                return Err(self
                    .vm
                    .value_error(format!("Unknown conversion specifier {}", c)))
            }
        };
        let spec = if spec.contains('{') {
            let mut s2 = String::new();
            self.render(&spec, depth + 1, &mut s2)?;
            s2
        } else {
            spec
        };
        if spec.is_empty() && value.class().is(&self.vm.types.str) {
            if let Some(s) = value.as_str() {
                return crate::objects::seq::alloc::push_str(self.vm, out, s);
            }
        }
        let piece = format_value(self.vm, &value, &spec)?;
        crate::objects::seq::alloc::push_str(self.vm, out, &piece)
    }

    fn lookup(&mut self, name: &str) -> PyResult<PyRef> {
        let vm = self.vm;
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            if self.manual {
                return Err(self.err(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = self.auto.unwrap_or(0);
            self.auto = Some(n + 1);
            self.positional(n)?
        } else if first.bytes().all(|b| b.is_ascii_digit()) {
            if self.auto.is_some() {
                return Err(self.err(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.manual = true;
            let n: usize = first.parse().map_err(|_| {
                vm.value_error("Too many decimal digits in format string".to_string())
            })?;
            self.positional(n)?
        } else {
            let key = vm.new_str(first);
            match self.kwargs {
                Some(m) => vm.getitem(m, &key)?,
                None => match self.kw.iter().find(|(k, _)| *k == first) {
                    Some((_, v)) => (*v).clone(),
                    None => return Err(vm.key_error(key)),
                },
            }
        };
        let rest: Vec<char> = name[first_end..].chars().collect();
        let mut i = 0;
        while i < rest.len() {
            match rest[i] {
                '.' => {
                    let mut j = i + 1;
                    while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                        j += 1;
                    }
                    let attr: String = rest[i + 1..j].iter().collect();
                    if attr.is_empty() {
                        return Err(self.err("Empty attribute in format string"));
                    }
                    obj = vm.getattr_str(&obj, &attr)?;
                    i = j;
                }
                '[' => {
                    let mut j = i + 1;
                    while j < rest.len() && rest[j] != ']' {
                        j += 1;
                    }
                    if j >= rest.len() {
                        return Err(self.err("Missing ']' in format string"));
                    }
                    let key: String = rest[i + 1..j].iter().collect();
                    if key.is_empty() {
                        return Err(self.err("Empty attribute in format string"));
                    }
                    let k = match key.parse::<i64>() {
                        Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => vm.new_int(n),
                        _ => vm.new_string(key),
                    };
                    obj = vm.getitem(&obj, &k)?;
                    i = j + 1;
                }
                _ => {
                    return Err(self.err("Only '.' or '[' may follow ']' in format field specifier"))
                }
            }
        }
        Ok(obj)
    }

    fn positional(&self, n: usize) -> PyResult<PyRef> {
        if self.kwargs.is_some() && self.args.is_empty() {
            return Err(self
                .vm
                .value_error("Format string contains positional fields".to_string()));
        }
        self.args.get(n).cloned().ok_or_else(|| {
            self.vm.index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                n
            ))
        })
    }
}

/// `fmt.format(*args, **kwargs)`.
pub fn format_str(vm: &Vm, fmt: &str, args: &[PyRef], kw: Vec<(&str, &PyRef)>) -> PyResult<String> {
    let mut f = Formatter {
        vm,
        args,
        kwargs: None,
        kw,
        auto: None,
        manual: false,
    };
    let mut out = String::with_capacity(fmt.len());
    f.render(fmt, 0, &mut out)?;
    Ok(out)
}

pub fn s_format(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "format")?;
    let pos = &args.pos()[1..];
    let kw: Vec<(&str, &PyRef)> = args.kwargs().collect();
    Ok(vm.new_string(format_str(vm, &d.s, pos, kw)?))
}

pub fn s_format_map(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "format_map")?;
    let p = crate::objects::seq::bind::self_and(vm, &args, "format_map", 1)?;
    let mut f = Formatter {
        vm,
        args: &[],
        kwargs: Some(&p[1]),
        kw: Vec::new(),
        auto: None,
        manual: false,
    };
    let mut out = String::new();
    f.render(&d.s, 0, &mut out)?;
    Ok(vm.new_string(out))
}

/// `str.__format__(spec)`.
pub fn s_format_spec(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__format__")?;
    let p = crate::objects::seq::bind::self_and(vm, &args, "__format__", 1)?;
    let Some(spec) = p[1].as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            p[1].type_name()
        )));
    };
    if spec.is_empty() {
        // `format_obj`: an empty spec formats as `str(self)` (a subclass's
        // `__str__` included).
        return vm.str(&p[0]);
    }
    let tn = p[0].type_name();
    let r =
        crate::text::format_spec::format_str_spec(&d.s, spec, &tn).map_err(|e| text_err(vm, e))?;
    Ok(vm.new_string(r))
}

// ----- printf-style formatting --------------------------------------------------

enum HostErr {
    Text(TextError),
    Py(PyRef),
}

impl From<TextError> for HostErr {
    fn from(e: TextError) -> HostErr {
        HostErr::Text(e)
    }
}

struct Host<'a> {
    vm: &'a Vm,
    /// Formatting `bytes`: text is latin-1 decoded bytes, `%s` wants bytes.
    bytes: bool,
}

fn has(vm: &Vm, o: &PyRef, name: &str) -> bool {
    typeobj::lookup_str(vm, o.class(), name).is_some()
}

impl Host<'_> {
    fn int_of(&self, v: &PyRef) -> PyResult<Option<BigInt>> {
        let vm = self.vm;
        Ok(match &v.payload {
            Payload::Int(i) => Some(BigInt::from(*i)),
            Payload::BigInt(b) => Some((**b).clone()),
            _ => None,
        })
        .and_then(|r: Option<BigInt>| match r {
            Some(b) => Ok(Some(b)),
            None if has(vm, v, "__index__") => vm.index_big(v).map(Some),
            None => Ok(None),
        })
    }
}

impl PercentHost for Host<'_> {
    type Obj = PyRef;
    type Error = HostErr;

    fn get_item(&mut self, mapping: &PyRef, key: &str) -> Result<PyRef, HostErr> {
        let k = if self.bytes {
            self.vm
                .new_bytes(key.chars().map(|c| c as u32 as u8).collect())
        } else {
            self.vm.new_str(key)
        };
        self.vm.getitem(mapping, &k).map_err(HostErr::Py)
    }

    fn convert(&mut self, v: &PyRef, want: Want) -> Result<PercentValue, HostErr> {
        let vm = self.vm;
        let wrong = || Ok(PercentValue::WrongType(v.type_name()));
        let r: PyResult<PercentValue> = (|| match want {
            Want::Int => {
                if let Payload::Float(f) = v.payload {
                    return match BigInt::from_f64(f.trunc()) {
                        Some(b) => Ok(PercentValue::Int(b)),
                        None if f.is_nan() => {
                            Err(vm.value_error("cannot convert float NaN to integer".to_string()))
                        }
                        None => Err(vm.overflow_error(
                            "cannot convert float infinity to integer".to_string(),
                        )),
                    };
                }
                if let Some(b) = self.int_of(v)? {
                    return Ok(PercentValue::Int(b));
                }
                if has(vm, v, "__int__") {
                    let r = vm.call_method(v, "__int__", &[])?;
                    if let Some(b) = self.int_of(&r)? {
                        return Ok(PercentValue::Int(b));
                    }
                }
                wrong()
            }
            Want::Index => match self.int_of(v)? {
                Some(b) => Ok(PercentValue::Int(b)),
                None => wrong(),
            },
            Want::Float => match &v.payload {
                Payload::Float(f) => Ok(PercentValue::Float(*f)),
                Payload::Int(i) => Ok(PercentValue::Float(*i as f64)),
                Payload::BigInt(b) => match b.to_f64() {
                    Some(f) if f.is_finite() => Ok(PercentValue::Float(f)),
                    _ => Err(vm.overflow_error("int too large to convert to float".to_string())),
                },
                _ if has(vm, v, "__float__") => {
                    let r = vm.call_method(v, "__float__", &[])?;
                    match r.payload {
                        Payload::Float(f) => Ok(PercentValue::Float(f)),
                        _ => wrong(),
                    }
                }
                _ => match self.int_of(v)? {
                    Some(b) => Ok(PercentValue::Float(b.to_f64().unwrap_or(f64::INFINITY))),
                    None => wrong(),
                },
            },
            Want::Char if self.bytes => {
                let byte = match &v.payload {
                    Payload::Bytes(b) if b.len() == 1 => Some(b[0] as i64),
                    _ => self.int_of(v)?.and_then(|b| b.to_i64()),
                };
                match byte {
                    Some(c) if (0..256).contains(&c) => {
                        Ok(PercentValue::Str(char::from(c as u8).to_string()))
                    }
                    Some(_) => Err(vm.overflow_error("%c arg not in range(256)".to_string())),
                    None => Err(vm.type_error(
                        "%c requires an integer in range(256) or a single byte".to_string(),
                    )),
                }
            }
            Want::Str if self.bytes => {
                let data: Vec<u8> = match &v.payload {
                    Payload::Bytes(b) => b.to_vec(),
                    _ if has(vm, v, "__bytes__") => match vm.call_method(v, "__bytes__", &[])?.payload {
                        Payload::Bytes(ref b) => b.to_vec(),
                        _ => return Err(vm.type_error("__bytes__ returned non-bytes".to_string())),
                    },
                    _ => {
                        return Err(vm.type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            v.type_name()
                        )))
                    }
                };
                Ok(PercentValue::Str(
                    data.iter().map(|&b| char::from(b)).collect(),
                ))
            }
            Want::Repr if self.bytes => Ok(PercentValue::Str(ascii_string(vm, v)?)),
            Want::Char => match &v.payload {
                Payload::Str(s) => Ok(PercentValue::Str(s.s.to_string())),
                _ => match self.int_of(v)? {
                    Some(b) => Ok(PercentValue::Int(b)),
                    None => wrong(),
                },
            },
            Want::Str => Ok(PercentValue::Str(vm.str_string(v)?)),
            Want::Repr => Ok(PercentValue::Str(vm.repr_string(v)?)),
            Want::Ascii => Ok(PercentValue::Str(ascii_string(vm, v)?)),
            Want::Star => match &v.payload {
                Payload::Int(i) => Ok(PercentValue::Int(BigInt::from(*i))),
                Payload::BigInt(b) => Ok(PercentValue::Int((**b).clone())),
                _ => wrong(),
            },
        })();
        r.map_err(HostErr::Py)
    }
}

/// `fmt % args` for bytes (run through the str engine on latin-1 text).
pub fn bytes_percent_format(vm: &Vm, fmt: &[u8], args: &PyRef) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| char::from(b)).collect();
    let mut host = Host { vm, bytes: true };
    let pa = match &args.payload {
        Payload::Tuple(_) => PercentArgs::Tuple(args.items()),
        Payload::Bytes(_) | Payload::Str(_) => PercentArgs::Single(args),
        _ if has(vm, args, "__getitem__") => PercentArgs::Mapping(args),
        _ => PercentArgs::Single(args),
    };
    let out = pf::percent_format(&mut host, &text, pa).map_err(|e| match e {
        HostErr::Text(t) => text_err(vm, t),
        HostErr::Py(p) => p,
    })?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// `fmt % args` for str.
pub fn percent_format(vm: &Vm, fmt: &str, args: &PyRef) -> PyResult<String> {
    let mut host = Host { vm, bytes: false };
    let pa = match &args.payload {
        Payload::Tuple(_) => PercentArgs::Tuple(args.items()),
        Payload::Str(_) => PercentArgs::Single(args),
        _ if has(vm, args, "__getitem__") => PercentArgs::Mapping(args),
        _ => PercentArgs::Single(args),
    };
    pf::percent_format(&mut host, fmt, pa).map_err(|e| match e {
        HostErr::Text(t) => text_err(vm, t),
        HostErr::Py(p) => p,
    })
}
