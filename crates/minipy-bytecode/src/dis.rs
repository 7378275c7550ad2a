//! The disassembler: the output of CPython 3.11's `dis.dis(code)` (what
//! `python3.11 -m dis FILE` prints), character for character.
//!
//! Follows `Lib/dis.py` of 3.11: `_unpack_opargs` (EXTENDED_ARG folding,
//! inline caches skipped), `_get_instructions_bytes` (argument reprs),
//! `Instruction._disassemble` (column layout), `_disassemble_bytes` (line
//! number width, blank line before each new source line, the
//! `ExceptionTable:` section) and `_disassemble_recursive` (nested code
//! objects in `co_consts` order).

use std::fmt::Write as _;
use std::rc::Rc;

use crate::code::{CodeObject, Constant};
use crate::exctable;
use crate::opcode::{ArgKind, Opcode, CMP_OP, HAVE_ARGUMENT, NB_OPS};
use crate::repr::{bytes_repr, float_repr, str_repr};

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// One decoded instruction (CPython's `dis.Instruction`, minus positions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset in `co_code` (code unit index × 2).
    pub offset: usize,
    /// The raw opcode number.
    pub opcode: u8,
    /// The opcode name (`<N>` for numbers CPython 3.11 does not define).
    pub opname: String,
    /// The argument, EXTENDED_ARG prefixes folded in; `None` below HAVE_ARGUMENT.
    pub arg: Option<u32>,
    /// Human-readable description of the argument.
    pub argrepr: String,
    /// The source line this instruction starts, if any.
    pub starts_line: Option<i32>,
    /// True when a jump or an exception handler targets this instruction.
    pub is_jump_target: bool,
}

fn opname(op: u8) -> String {
    match Opcode::from_u8(op) {
        Some(o) => o.name().to_string(),
        None => format!("<{op}>"),
    }
}

fn cache_entries(op: u8) -> usize {
    Opcode::from_u8(op).map_or(0, Opcode::cache_entries)
}

/// `_unpack_opargs`: `(byte offset, opcode, arg)` for every instruction,
/// caches skipped, EXTENDED_ARG values carried into the next argument.
fn unpack_opargs(code: &[u16]) -> Vec<(usize, u8, Option<u32>)> {
    let mut out = Vec::with_capacity(code.len());
    let mut extended: u32 = 0;
    let mut i = 0;
    while i < code.len() {
        let op = (code[i] & 0xff) as u8;
        let byte_arg = (code[i] >> 8) as u32;
        let arg = if op >= HAVE_ARGUMENT {
            let arg = byte_arg | extended;
            extended = if op == Opcode::EXTENDED_ARG as u8 {
                arg.wrapping_shl(8)
            } else {
                0
            };
            Some(arg)
        } else {
            extended = 0;
            None
        };
        out.push((i * 2, op, arg));
        i += 1 + cache_entries(op);
    }
    out
}

/// The byte offset a jump instruction at `offset` with argument `arg` targets.
fn jump_target(op: u8, offset: usize, arg: u32) -> Option<i64> {
    let kind = Opcode::from_u8(op)?.arg_kind();
    let arg = arg as i64;
    match kind {
        ArgKind::JumpForward => Some(offset as i64 + 2 + arg * 2),
        ArgKind::JumpBackward => Some(offset as i64 + 2 - arg * 2),
        _ => None,
    }
}

/// `findlinestarts`: byte offset → line, for each entry whose line differs
/// from the previous entry that had one.
fn line_starts(code: &CodeObject) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    let mut last = None;
    for (start, _, line) in code.co_lines() {
        if let Some(line) = line {
            if last != Some(line) {
                last = Some(line);
                out.push((start as usize, line));
            }
        }
    }
    out
}

fn name_at(names: &[Rc<str>], index: u32) -> String {
    match names.get(index as usize) {
        Some(n) => n.to_string(),
        // CPython raises IndexError here; keep going with a marker.
        None => format!("<{index}>"),
    }
}

fn argrepr(code: &CodeObject, op: u8, offset: usize, arg: u32) -> String {
    let Some(opcode) = Opcode::from_u8(op) else {
        return String::new();
    };
    match opcode.arg_kind() {
        ArgKind::Const => {
            if opcode == Opcode::LOAD_CONST {
                match code.co_consts.get(arg as usize) {
                    Some(c) => constant_repr(c),
                    None => String::new(),
                }
            } else {
                // KW_NAMES: dis only resolves LOAD_CONST.
                String::new()
            }
        }
        ArgKind::Name => {
            if opcode == Opcode::LOAD_GLOBAL {
                let name = name_at(&code.co_names, arg >> 1);
                if arg & 1 != 0 {
                    format!("NULL + {name}")
                } else {
                    name
                }
            } else {
                name_at(&code.co_names, arg)
            }
        }
        ArgKind::JumpForward | ArgKind::JumpBackward => match jump_target(op, offset, arg) {
            Some(t) => format!("to {t}"),
            None => String::new(),
        },
        ArgKind::Local | ArgKind::Free => name_at(&code.co_localsplusnames, arg),
        ArgKind::Compare => match CMP_OP.get(arg as usize) {
            Some(s) => s.to_string(),
            None => String::new(),
        },
        ArgKind::Number if opcode == Opcode::FORMAT_VALUE => {
            let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        ArgKind::Number if opcode == Opcode::MAKE_FUNCTION => {
            let flags = ["defaults", "kwdefaults", "annotations", "closure"];
            flags
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", ")
        }
        ArgKind::Number if opcode == Opcode::BINARY_OP => match NB_OPS.get(arg as usize) {
            Some((_, sym)) => sym.to_string(),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// The instructions of one code object (`dis.get_instructions`, caches hidden).
pub fn get_instructions(code: &CodeObject) -> Vec<Instruction> {
    let ops = unpack_opargs(&code.co_code);
    let mut labels: Vec<i64> = Vec::new();
    for &(offset, op, arg) in &ops {
        if let Some(arg) = arg {
            if let Some(t) = jump_target(op, offset, arg) {
                labels.push(t);
            }
        }
    }
    for e in exctable::Entries::new(&code.co_exceptiontable) {
        if e.end > e.start {
            labels.push(e.target as i64 * 2);
        }
    }
    labels.sort_unstable();
    labels.dedup();
    let starts = line_starts(code);
    ops.into_iter()
        .map(|(offset, op, arg)| {
            let starts_line = starts.iter().find(|&&(o, _)| o == offset).map(|&(_, l)| l);
            Instruction {
                offset,
                opcode: op,
                opname: opname(op),
                arg,
                argrepr: arg.map_or_else(String::new, |a| argrepr(code, op, offset, a)),
                starts_line,
                is_jump_target: labels.binary_search(&(offset as i64)).is_ok(),
            }
        })
        .collect()
}

/// `Instruction._disassemble`: one line of the listing.
fn format_instruction(instr: &Instruction, lineno_width: usize, offset_width: usize) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(6);
    if lineno_width > 0 {
        match instr.starts_line {
            Some(l) => fields.push(format!("{l:>lineno_width$}")),
            None => fields.push(" ".repeat(lineno_width)),
        }
    }
    fields.push("   ".to_string());
    fields.push(if instr.is_jump_target { ">>" } else { "  " }.to_string());
    fields.push(format!("{:>offset_width$}", instr.offset));
    fields.push(format!("{:<OPNAME_WIDTH$}", instr.opname));
    if let Some(arg) = instr.arg {
        fields.push(format!("{arg:>OPARG_WIDTH$}"));
        if !instr.argrepr.is_empty() {
            fields.push(format!("({})", instr.argrepr));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// `dis.disassemble(code)`: the listing of one code object (no nesting).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let starts = line_starts(code);
    let lineno_width = match starts.iter().map(|&(_, l)| l).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = (code.co_code.len() * 2).saturating_sub(2);
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    for instr in get_instructions(code) {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_instruction(&instr, lineno_width, offset_width));
        out.push('\n');
    }
    let entries = exctable::decode(&code.co_exceptiontable);
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let start = e.start as i64 * 2;
            let end = e.end as i64 * 2 - 2;
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {start} to {end} -> {} [{}]{lasti}",
                e.target as i64 * 2,
                e.depth
            );
        }
    }
    out
}

/// `dis.dis(code)`: the listing of `code`, then of every code object in its
/// constants (recursively, in `co_consts` order), each after a blank line
/// and a `Disassembly of <code object ...>:` header.
pub fn dis(code: &CodeObject) -> String {
    let mut out = disassemble(code);
    for c in &code.co_consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner));
            out.push_str(&dis(inner));
        }
    }
    out
}

/// A stable fake address for an object, shaped like a CPython heap pointer.
fn fake_address<T>(rc: &Rc<T>) -> String {
    let p = Rc::as_ptr(rc) as usize as u64;
    format!("0x{:x}", 0x7f00_0000_0000u64 | (p & 0xff_ffff_fff0))
}

/// `repr(code)`: `<code object NAME at 0x..., file "FILE", line N>`.
pub fn code_repr(code: &Rc<CodeObject>) -> String {
    format!(
        "<code object {} at {}, file \"{}\", line {}>",
        code.co_name,
        fake_address(code),
        code.co_filename,
        code.co_firstlineno
    )
}

/// `repr()` of a float as the real or imaginary part of a complex
/// (`repr` style without the forced `.0`).
fn complex_part(f: f64) -> String {
    let s = float_repr(f);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", complex_part(im))
    } else {
        let imag = complex_part(im);
        let sign = if imag.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{imag}j)", complex_part(re))
    }
}

/// Python's `repr()` of a constant.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { re, im } => complex_repr(*re, *im),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".to_string()
            } else {
                let parts: Vec<String> = items.iter().map(constant_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

#[cfg(test)]
mod tests;
