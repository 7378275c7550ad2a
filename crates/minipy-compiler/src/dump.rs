//! A canonical text dump of a code-object tree, the same format as
//! `tests/dumpcode.py` prints for CPython; used to compare the two.

use minipy_bytecode::repr::{bytes_repr, float_repr, str_repr};
use minipy_bytecode::{CodeObject, Constant, Opcode};

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => format!("float:{}", float_repr(*f)),
        Constant::Complex { re, im } => {
            let imr = float_repr(*im);
            let imr = imr.strip_suffix(".0").unwrap_or(&imr).to_string();
            if *re == 0.0 && re.is_sign_positive() {
                format!("complex:{imr}j")
            } else {
                let rer = float_repr(*re);
                let rer = rer.strip_suffix(".0").unwrap_or(&rer).to_string();
                let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) {
                    ""
                } else {
                    "+"
                };
                format!("complex:({rer}{sign}{imr}j)")
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let mut items: Vec<String> = t.iter().map(const_repr).collect();
            items.sort();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Code(c) => format!("<code {}>", c.co_qualname),
    }
}

fn list(v: &[std::rc::Rc<str>]) -> String {
    let items: Vec<String> = v.iter().map(|s| str_repr(s)).collect();
    format!("[{}]", items.join(", "))
}

fn opt(v: Option<i32>) -> String {
    match v {
        Some(x) => x.to_string(),
        None => "None".into(),
    }
}

fn dump_into(co: &CodeObject, out: &mut Vec<String>, with_lines: bool) {
    out.push(format!("code {}", co.co_qualname));
    out.push(format!(
        "  name={} firstlineno={}",
        co.co_name, co.co_firstlineno
    ));
    out.push(format!(
        "  argcount={} posonly={} kwonly={} stacksize={} flags=0x{:x}",
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_stacksize, co.co_flags
    ));
    out.push(format!("  names={}", list(&co.co_names)));
    out.push(format!(
        "  varnames={} cellvars={} freevars={}",
        list(&co.co_varnames()),
        list(&co.co_cellvars()),
        list(&co.co_freevars())
    ));
    let consts: Vec<String> = co.co_consts.iter().map(const_repr).collect();
    out.push(format!("  consts=[{}]", consts.join(", ")));
    let mut ins = Vec::new();
    for (i, u) in co.co_code.iter().enumerate() {
        let op = (u & 0xff) as u8;
        if op != 0 {
            let name = Opcode::from_u8(op).map(|o| o.name()).unwrap_or("<invalid>");
            ins.push(format!("{}:{} {}", i, name, u >> 8));
        }
    }
    out.push(format!("  code={}", ins.join(" | ")));
    if with_lines {
        let pos: Vec<String> = co
            .co_positions()
            .iter()
            .map(|p| format!("({}, {}, {}, {})", opt(p.0), opt(p.1), opt(p.2), opt(p.3)))
            .collect();
        out.push(format!("  positions={}", pos.join(" ")));
    }
    let hex: String = co
        .co_exceptiontable
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    out.push(format!("  exctable={hex}"));
    for c in &co.co_consts {
        if let Constant::Code(c) = c {
            dump_into(c, out, with_lines);
        }
    }
}

/// Dumps `co` and its nested code objects.
pub fn dump_code(co: &CodeObject, with_lines: bool) -> String {
    let mut out = Vec::new();
    dump_into(co, &mut out, with_lines);
    out.join("\n")
}
