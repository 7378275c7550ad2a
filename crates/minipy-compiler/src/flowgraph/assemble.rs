//! The assembler (CPython 3.11's `assemble`): prologue, optimisation,
//! stack depth, exception-table labelling, jump resolution and emission of
//! `co_code`, `co_linetable` and `co_exceptiontable`.

use std::rc::Rc;

use minipy_bytecode::code::{flags as coflags, kinds};
use minipy_bytecode::linetable::{self, Location};
use minipy_bytecode::{ArgKind, CodeObject, Opcode};

use super::{BlockId, Cfg, ConstPool, Instr, Loc, Op, NO_BLOCK};
use minipy_bytecode::exctable::{self, ExceptionTableEntry};

/// Everything about a unit besides its instructions.
pub(crate) struct UnitInfo {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: i32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub consts: ConstPool,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
}

fn is_deref_op(op: Op) -> bool {
    matches!(
        op,
        Op::Real(Opcode::LOAD_DEREF)
            | Op::Real(Opcode::STORE_DEREF)
            | Op::Real(Opcode::DELETE_DEREF)
            | Op::Real(Opcode::LOAD_CLOSURE)
            | Op::Real(Opcode::LOAD_CLASSDEREF)
            | Op::Real(Opcode::MAKE_CELL)
    )
}

fn instr_size(arg: u32, op: Opcode) -> u32 {
    let arg = if op.has_arg() { arg } else { 0 };
    let ext = if arg >= 1 << 24 {
        3
    } else if arg >= 1 << 16 {
        2
    } else if arg >= 1 << 8 {
        1
    } else {
        0
    };
    ext + 1 + op.cache_entries() as u32
}

fn real(op: Op) -> Opcode {
    match op {
        Op::Real(o) => o,
        _ => Opcode::NOP,
    }
}

impl Cfg {
    fn stackdepth(&mut self, generator: bool) -> i32 {
        for b in &mut self.blocks {
            b.startdepth = i32::MIN;
        }
        let mut maxdepth = 0;
        let mut stack: Vec<BlockId> = Vec::new();
        let push =
            |blocks: &mut Vec<super::Block>, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
                if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
                    blocks[b].startdepth = depth;
                    stack.push(b);
                }
            };
        let entry = self.entry;
        push(&mut self.blocks, &mut stack, entry, i32::from(generator));
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i].clone();
                let effect = ins.op.stack_effect(ins.arg, false);
                let new_depth = depth + effect;
                // What the evaluation loop may take for compiled code: no
                // path runs the value stack below empty.
                debug_assert!(new_depth >= 0, "stack underflow at {:?}", ins.op);
                maxdepth = maxdepth.max(new_depth);
                if (ins.op.is_jump() || ins.op.is_block_push()) && ins.target != NO_BLOCK {
                    let target_depth = depth + ins.op.stack_effect(ins.arg, true);
                    maxdepth = maxdepth.max(target_depth);
                    push(&mut self.blocks, &mut stack, ins.target, target_depth);
                }
                depth = new_depth;
                if ins.op.ends_flow() {
                    next = None;
                    break;
                }
            }
            if let Some(nb) = next {
                push(&mut self.blocks, &mut stack, nb, depth);
            }
        }
        maxdepth
    }

    /// `label_exception_targets`: which handler covers each instruction.
    fn label_exception_targets(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        let mut stacks: Vec<Option<Vec<BlockId>>> = vec![None; self.blocks.len()];
        let entry = self.entry;
        stacks[entry] = Some(Vec::new());
        self.blocks[entry].visited = true;
        let mut todo = vec![entry];
        while let Some(b) = todo.pop() {
            let mut except_stack = stacks[b].take().unwrap_or_default();
            let mut handler = except_stack.last().copied().unwrap_or(NO_BLOCK);
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i].clone();
                if ins.op.is_block_push() {
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        stacks[t] = Some(except_stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if matches!(ins.op, Op::SetupWith | Op::SetupCleanup) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    except_stack.push(t);
                    handler = t;
                } else if ins.op == Op::PopBlock {
                    except_stack.pop();
                    handler = except_stack.last().copied().unwrap_or(NO_BLOCK);
                } else if ins.op.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    let t = ins.target;
                    if t != NO_BLOCK && !self.blocks[t].visited {
                        stacks[t] = Some(except_stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if !self.blocks[b].nofallthrough() {
                if let Some(nb) = self.blocks[b].next {
                    if !self.blocks[nb].visited {
                        stacks[nb] = Some(except_stack);
                        self.blocks[nb].visited = true;
                        todo.push(nb);
                    }
                }
            }
        }
    }

    fn normalize_jumps(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        for b in self.layout() {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let forward = !self.blocks[last.target].visited;
            let newop = match last.op {
                Op::Jump => {
                    if forward {
                        Opcode::JUMP_FORWARD
                    } else {
                        Opcode::JUMP_BACKWARD
                    }
                }
                Op::JumpNoInterrupt => {
                    if forward {
                        Opcode::JUMP_FORWARD
                    } else {
                        Opcode::JUMP_BACKWARD_NO_INTERRUPT
                    }
                }
                Op::PopJumpIfFalse => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_FALSE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_FALSE
                    }
                }
                Op::PopJumpIfTrue => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_TRUE
                    }
                }
                Op::PopJumpIfNone => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_NONE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_NONE
                    }
                }
                Op::PopJumpIfNotNone => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE
                    }
                }
                Op::Real(o) => o,
                _ => continue,
            };
            let n = self.blocks[b].instrs.len();
            self.blocks[b].instrs[n - 1].op = Op::Real(newop);
        }
    }

    fn insert_prefix(&mut self, info: &UnitInfo, cell_offsets: &[u32]) {
        let mut prefix: Vec<Instr> = Vec::new();
        let mk = |op: Opcode, arg: u32, loc: Loc| Instr {
            op: Op::Real(op),
            arg,
            target: NO_BLOCK,
            loc,
            except: NO_BLOCK,
        };
        if !info.freevars.is_empty() {
            prefix.push(mk(
                Opcode::COPY_FREE_VARS,
                info.freevars.len() as u32,
                Loc::NONE,
            ));
        }
        // MAKE_CELL in localsplus order.
        let mut order: Vec<(u32, u32)> = cell_offsets
            .iter()
            .enumerate()
            .map(|(i, &off)| (off, i as u32))
            .collect();
        order.sort();
        for (_, i) in order {
            prefix.push(mk(Opcode::MAKE_CELL, i, Loc::NONE));
        }
        if info.flags & (coflags::GENERATOR | coflags::COROUTINE | coflags::ASYNC_GENERATOR) != 0 {
            let l = Loc {
                line: info.firstlineno,
                end_line: info.firstlineno,
                col: -1,
                end_col: -1,
            };
            prefix.push(mk(Opcode::RETURN_GENERATOR, 0, l));
            prefix.push(mk(Opcode::POP_TOP, 0, Loc::NONE));
        }
        let entry = self.entry;
        let mut instrs = prefix;
        instrs.append(&mut self.blocks[entry].instrs);
        self.blocks[entry].instrs = instrs;
    }
}

/// Turns a finished CFG into a code object.
pub(crate) fn assemble(mut cfg: Cfg, mut info: UnitInfo) -> CodeObject {
    cfg.normalize_targets();
    cfg.extend_blocks();
    // Cell layout: arg cells keep their varname slot.
    let nlocals = info.varnames.len() as u32;
    let mut cell_offsets = Vec::new();
    let mut ndropped = 0u32;
    for (i, c) in info.cellvars.iter().enumerate() {
        if let Some(p) = info.varnames.iter().position(|v| v == c) {
            cell_offsets.push(p as u32);
            ndropped += 1;
        } else {
            cell_offsets.push(nlocals + i as u32 - ndropped);
        }
    }
    let ncells_plain = info.cellvars.len() as u32 - ndropped;
    let fix_deref = |arg: u32| -> u32 {
        let ncell = cell_offsets.len() as u32;
        if arg < ncell {
            cell_offsets[arg as usize]
        } else {
            nlocals + ncells_plain + (arg - ncell)
        }
    };
    cfg.insert_prefix(&info, &cell_offsets);
    cfg.optimize(&mut info.consts);
    cfg.duplicate_exits_without_lineno();
    // trim_unused_consts
    let mut max_const = 0u32;
    for b in cfg.layout() {
        for ins in &cfg.blocks[b].instrs {
            if matches!(
                ins.op,
                Op::Real(Opcode::LOAD_CONST) | Op::Real(Opcode::KW_NAMES)
            ) {
                max_const = max_const.max(ins.arg);
            }
        }
    }
    if (max_const as usize) + 1 < info.consts.len() {
        info.consts.truncate(max_const as usize + 1);
    }
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(info.firstlineno);
    let generator =
        info.flags & (coflags::GENERATOR | coflags::COROUTINE | coflags::ASYNC_GENERATOR) != 0;
    let maxdepth = cfg.stackdepth(generator);
    cfg.label_exception_targets();
    for b in cfg.layout() {
        for ins in &mut cfg.blocks[b].instrs {
            if ins.op.is_block_push() || ins.op == Op::PopBlock {
                ins.op = Op::Real(Opcode::NOP);
                ins.target = NO_BLOCK;
            }
        }
    }
    for b in cfg.layout() {
        cfg.clean_basic_block(b);
    }
    cfg.normalize_jumps();
    // Fix DEREF args now that the layout of localsplus is known.
    let layout = cfg.layout();
    for &b in &layout {
        for ins in &mut cfg.blocks[b].instrs {
            if is_deref_op(ins.op) {
                ins.arg = fix_deref(ins.arg);
            }
        }
    }
    // Jump offsets, iterating while EXTENDED_ARGs change sizes.
    loop {
        let mut offset = 0u32;
        for &b in &layout {
            cfg.blocks[b].offset = offset;
            for ins in &cfg.blocks[b].instrs {
                offset += instr_size(ins.arg, real(ins.op));
            }
        }
        let mut changed = false;
        for &b in &layout {
            let mut off = cfg.blocks[b].offset;
            let n = cfg.blocks[b].instrs.len();
            for i in 0..n {
                let ins = &cfg.blocks[b].instrs[i];
                let op = real(ins.op);
                let size = instr_size(ins.arg, op);
                let after = off + size;
                if op.is_jump() && ins.target != NO_BLOCK {
                    let t = cfg.blocks[ins.target].offset;
                    let newarg = match op.arg_kind() {
                        ArgKind::JumpBackward => after.saturating_sub(t),
                        _ => t.saturating_sub(after),
                    };
                    if instr_size(newarg, op) != size {
                        changed = true;
                    }
                    cfg.blocks[b].instrs[i].arg = newarg;
                }
                off = after;
            }
        }
        if !changed {
            break;
        }
    }
    // Emit.
    let mut code: Vec<u16> = Vec::new();
    let mut lines: Vec<(u32, Option<Location>)> = Vec::new();
    let mut exc: Vec<ExceptionTableEntry> = Vec::new();
    let mut cur_handler = NO_BLOCK;
    let mut start = 0u32;
    for &b in &layout {
        for ins in &cfg.blocks[b].instrs {
            let op = real(ins.op);
            let size = instr_size(ins.arg, op);
            let off = code.len() as u32;
            if ins.except != cur_handler {
                if cur_handler != NO_BLOCK {
                    push_exc(&mut exc, &cfg, start, off, cur_handler);
                }
                start = off;
                cur_handler = ins.except;
            }
            let arg = if op.has_arg() { ins.arg } else { 0 };
            let ext = size - 1 - op.cache_entries() as u32;
            for k in (1..=ext).rev() {
                code.push(Opcode::EXTENDED_ARG as u16 | ((((arg >> (8 * k)) & 0xff) as u16) << 8));
            }
            code.push(op as u16 | (((arg & 0xff) as u16) << 8));
            code.extend(std::iter::repeat_n(0, op.cache_entries()));
            let loc = if ins.loc.line < 0 {
                None
            } else {
                Some(Location {
                    line: ins.loc.line,
                    end_line: ins.loc.end_line,
                    col: ins.loc.col,
                    end_col: ins.loc.end_col,
                })
            };
            lines.push((size, loc));
        }
    }
    if cur_handler != NO_BLOCK {
        push_exc(&mut exc, &cfg, start, code.len() as u32, cur_handler);
    }
    // localsplus
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut kinds_v: Vec<u8> = Vec::new();
    for v in &info.varnames {
        names.push(v.clone());
        let k = if info.cellvars.contains(v) {
            kinds::LOCAL | kinds::CELL
        } else {
            kinds::LOCAL
        };
        kinds_v.push(k);
    }
    for c in &info.cellvars {
        if !info.varnames.contains(c) {
            names.push(c.clone());
            kinds_v.push(kinds::CELL);
        }
    }
    for f in &info.freevars {
        names.push(f.clone());
        kinds_v.push(kinds::FREE);
    }
    let linetable = linetable::encode(info.firstlineno, &lines);
    CodeObject {
        co_argcount: info.argcount,
        co_posonlyargcount: info.posonlyargcount,
        co_kwonlyargcount: info.kwonlyargcount,
        co_stacksize: maxdepth.max(0) as u32,
        co_flags: info.flags,
        co_firstlineno: info.firstlineno.max(0) as u32,
        co_code: code,
        co_consts: info.consts.into_vec(),
        co_names: info.names,
        co_localsplusnames: names,
        co_localspluskinds: kinds_v,
        co_filename: info.filename,
        co_name: info.name,
        co_qualname: info.qualname,
        co_linetable: linetable,
        co_exceptiontable: exctable::encode(&exc),
    }
}

fn push_exc(exc: &mut Vec<ExceptionTableEntry>, cfg: &Cfg, start: u32, end: u32, handler: BlockId) {
    if end <= start {
        return;
    }
    let h = &cfg.blocks[handler];
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    exc.push(ExceptionTableEntry {
        start,
        end,
        target: h.offset,
        depth: depth.max(0) as u32,
        lasti: h.preserve_lasti,
    });
}
