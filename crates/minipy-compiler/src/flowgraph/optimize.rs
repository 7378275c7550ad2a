//! CPython 3.11's CFG clean-up and peephole passes (`optimize_cfg` and the
//! line-number passes of `assemble`).

use minipy_bytecode::{Constant, Opcode};

use super::{BlockId, Cfg, ConstPool, Instr, Loc, Op, NO_BLOCK};

const MAX_COPY_SIZE: usize = 4;

fn const_truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => b != &num_bigint::BigInt::from(0),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    }
}

impl Cfg {
    /// `extend_block`: copy a small exit block into a block that jumps to it.
    fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].instrs.last() else {
            return;
        };
        if !matches!(
            last.op,
            Op::Jump | Op::Real(Opcode::JUMP_FORWARD) | Op::Real(Opcode::JUMP_BACKWARD)
        ) {
            return;
        }
        let t = last.target;
        if t == NO_BLOCK || t == b {
            return;
        }
        let target = &self.blocks[t];
        if target.is_exit()
            && target.instrs.len() <= MAX_COPY_SIZE
            && target.instrs.iter().all(|i| i.loc.line < 0)
        {
            let copy = target.instrs.clone();
            let n = self.blocks[b].instrs.len();
            self.blocks[b].instrs[n - 1].op = Op::Real(Opcode::NOP);
            self.blocks[b].instrs.extend(copy);
        }
    }

    /// `normalize_basic_block`: jump targets skip over empty blocks.
    pub(crate) fn normalize_targets(&mut self) {
        for b in 0..self.blocks.len() {
            self.resolve_targets(b);
        }
    }

    pub(crate) fn extend_blocks(&mut self) {
        // CPython walks b_list: most recently allocated first.
        for b in (0..self.blocks.len()).rev() {
            self.extend_block(b);
        }
    }

    fn resolve_targets(&mut self, b: BlockId) {
        for i in 0..self.blocks[b].instrs.len() {
            let ins = &self.blocks[b].instrs[i];
            if (ins.op.is_jump() || ins.op.is_block_push()) && ins.target != NO_BLOCK {
                let t = self.skip_empty(ins.target);
                self.blocks[b].instrs[i].target = t;
            }
        }
    }

    fn jump_thread(&mut self, b: BlockId, i: usize, target_instr: &Instr, op: Op) -> bool {
        let inst = &mut self.blocks[b].instrs[i];
        if inst.loc.line == target_instr.loc.line && inst.target != target_instr.target {
            inst.target = target_instr.target;
            inst.op = op;
            return true;
        }
        false
    }

    /// `optimize_basic_block`.
    fn optimize_basic_block(&mut self, b: BlockId, consts: &mut ConstPool) {
        self.resolve_targets(b);
        let mut i: isize = 0;
        let mut iterations = 0usize;
        while (i as usize) < self.blocks[b].instrs.len() {
            iterations += 1;
            if iterations > 100_000 {
                break;
            }
            let iu = i as usize;
            let inst = self.blocks[b].instrs[iu].clone();
            let nextop = self.blocks[b].instrs.get(iu + 1).map(|x| x.op);
            let target_instr =
                if (inst.op.is_jump() || inst.op.is_block_push()) && inst.target != NO_BLOCK {
                    let t = self.skip_empty(inst.target);
                    self.blocks[b].instrs[iu].target = t;
                    self.blocks[t].instrs.first().cloned()
                } else {
                    None
                };
            let nop = Instr {
                op: Op::Real(Opcode::NOP),
                arg: 0,
                target: NO_BLOCK,
                loc: Loc::NONE,
                except: NO_BLOCK,
            };
            let target = target_instr.unwrap_or(nop);
            match inst.op {
                Op::Real(Opcode::LOAD_CONST) => {
                    let cnt = consts
                        .get(inst.arg as usize)
                        .cloned()
                        .unwrap_or(Constant::None);
                    match nextop {
                        Some(Op::PopJumpIfFalse) | Some(Op::PopJumpIfTrue) => {
                            let is_true = const_truth(&cnt);
                            self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                            let jump_if_true = nextop == Some(Op::PopJumpIfTrue);
                            if is_true == jump_if_true {
                                self.blocks[b].instrs[iu + 1].op = Op::Jump;
                            } else {
                                self.blocks[b].instrs[iu + 1].op = Op::Real(Opcode::NOP);
                            }
                        }
                        Some(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP))
                        | Some(Op::Real(Opcode::JUMP_IF_TRUE_OR_POP)) => {
                            let is_true = const_truth(&cnt);
                            let jump_if_true =
                                nextop == Some(Op::Real(Opcode::JUMP_IF_TRUE_OR_POP));
                            if is_true == jump_if_true {
                                self.blocks[b].instrs[iu + 1].op = Op::Jump;
                            } else {
                                self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                                self.blocks[b].instrs[iu + 1].op = Op::Real(Opcode::NOP);
                            }
                        }
                        Some(Op::Real(Opcode::IS_OP)) => {
                            let jump_op = self.blocks[b].instrs.get(iu + 2).map(|x| x.op);
                            if matches!(cnt, Constant::None)
                                && matches!(
                                    jump_op,
                                    Some(Op::PopJumpIfFalse) | Some(Op::PopJumpIfTrue)
                                )
                            {
                                let nextarg = self.blocks[b].instrs[iu + 1].arg;
                                self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                                self.blocks[b].instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                let flip = (nextarg != 0) ^ (jump_op == Some(Op::PopJumpIfFalse));
                                self.blocks[b].instrs[iu + 2].op = if flip {
                                    Op::PopJumpIfNotNone
                                } else {
                                    Op::PopJumpIfNone
                                };
                            }
                        }
                        _ => {}
                    }
                }
                Op::Real(Opcode::BUILD_TUPLE) => {
                    let oparg = inst.arg as usize;
                    if nextop == Some(Op::Real(Opcode::UNPACK_SEQUENCE))
                        && self.blocks[b].instrs[iu + 1].arg == inst.arg
                    {
                        match oparg {
                            1 => {
                                self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                                self.blocks[b].instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                                self.blocks[b].instrs[iu + 1].op = Op::Real(Opcode::SWAP);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if iu >= oparg {
                        let start = iu - oparg;
                        let all_const = (start..iu)
                            .all(|k| self.blocks[b].instrs[k].op == Op::Real(Opcode::LOAD_CONST));
                        if all_const {
                            let items: Vec<Constant> = (start..iu)
                                .map(|k| {
                                    consts
                                        .get(self.blocks[b].instrs[k].arg as usize)
                                        .cloned()
                                        .unwrap_or(Constant::None)
                                })
                                .collect();
                            let idx = consts.add(Constant::Tuple(items.into()));
                            for k in start..iu {
                                self.blocks[b].instrs[k].op = Op::Real(Opcode::NOP);
                            }
                            self.blocks[b].instrs[iu].op = Op::Real(Opcode::LOAD_CONST);
                            self.blocks[b].instrs[iu].arg = idx;
                        }
                    }
                }
                Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) | Op::Real(Opcode::JUMP_IF_TRUE_OR_POP) => {
                    let is_false = inst.op == Op::Real(Opcode::JUMP_IF_FALSE_OR_POP);
                    let (same_pop, same_or, opp_or, opp_pop) = if is_false {
                        (
                            Op::PopJumpIfFalse,
                            Op::Real(Opcode::JUMP_IF_FALSE_OR_POP),
                            Op::Real(Opcode::JUMP_IF_TRUE_OR_POP),
                            Op::PopJumpIfTrue,
                        )
                    } else {
                        (
                            Op::PopJumpIfTrue,
                            Op::Real(Opcode::JUMP_IF_TRUE_OR_POP),
                            Op::Real(Opcode::JUMP_IF_FALSE_OR_POP),
                            Op::PopJumpIfFalse,
                        )
                    };
                    if target.op == same_pop {
                        if self.jump_thread(b, iu, &target, same_pop) {
                            i -= 1;
                        }
                    } else if target.op == Op::Jump || target.op == same_or {
                        if self.jump_thread(b, iu, &target, same_or) {
                            i -= 1;
                        }
                    } else if (target.op == opp_or || target.op == opp_pop)
                        && inst.loc.line == target.loc.line
                    {
                        let t = inst.target;
                        if let Some(n) = self.blocks[t].next {
                            let pop_op = if is_false {
                                Op::PopJumpIfFalse
                            } else {
                                Op::PopJumpIfTrue
                            };
                            self.blocks[b].instrs[iu].op = pop_op;
                            self.blocks[b].instrs[iu].target = n;
                            i -= 1;
                        }
                    }
                }
                Op::PopJumpIfNone
                | Op::PopJumpIfNotNone
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::Jump
                    if target.op == Op::Jump && self.jump_thread(b, iu, &target, inst.op) =>
                {
                    i -= 1;
                }
                Op::Real(Opcode::SWAP) => {
                    if inst.arg == 1 {
                        self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                    } else {
                        let mut ix = iu;
                        swaptimize(&mut self.blocks[b].instrs, &mut ix);
                        apply_static_swaps(&mut self.blocks[b].instrs, ix);
                        i = ix as isize;
                    }
                }
                Op::Real(Opcode::PUSH_NULL) => {
                    if let Some(n) = self.blocks[b].instrs.get(iu + 1) {
                        if n.op == Op::Real(Opcode::LOAD_GLOBAL) && n.arg & 1 == 0 {
                            self.blocks[b].instrs[iu].op = Op::Real(Opcode::NOP);
                            self.blocks[b].instrs[iu].arg = 0;
                            self.blocks[b].instrs[iu + 1].arg |= 1;
                        }
                    }
                }
                _ => {}
            }
            i += 1;
            if i < 0 {
                i = 0;
            }
        }
        // Anything after an unconditional transfer is dead.
        if let Some(pos) = self.blocks[b].instrs.iter().position(|x| x.op.ends_flow()) {
            self.blocks[b].instrs.truncate(pos + 1);
        }
    }

    /// `clean_basic_block`: drop NOPs that do not carry a needed line number.
    pub(crate) fn clean_basic_block(&mut self, b: BlockId) {
        let n = self.blocks[b].instrs.len();
        let mut out: Vec<Instr> = Vec::with_capacity(n);
        let mut prev_lineno = -1;
        let mut src = 0;
        while src < n {
            let ins = self.blocks[b].instrs[src].clone();
            let lineno = ins.loc.line;
            if ins.op == Op::Real(Opcode::NOP) {
                if lineno < 0 || prev_lineno == lineno {
                    src += 1;
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = self.blocks[b].instrs[src + 1].loc.line;
                    if next_lineno < 0 || next_lineno == lineno {
                        self.blocks[b].instrs[src + 1].loc.line = lineno;
                        if next_lineno < 0 {
                            self.blocks[b].instrs[src + 1].loc = ins.loc;
                        }
                        src += 1;
                        continue;
                    }
                } else {
                    let mut next = self.blocks[b].next;
                    while let Some(nb) = next {
                        if !self.blocks[nb].instrs.is_empty() {
                            break;
                        }
                        next = self.blocks[nb].next;
                    }
                    if let Some(nb) = next {
                        if self.blocks[nb].instrs[0].loc.line == lineno {
                            src += 1;
                            continue;
                        }
                    }
                }
            }
            prev_lineno = lineno;
            out.push(ins);
            src += 1;
        }
        self.blocks[b].instrs = out;
    }

    fn mark_reachable(&mut self) {
        for b in &mut self.blocks {
            b.predecessors = 0;
        }
        let entry = self.entry;
        self.blocks[entry].predecessors = 1;
        let mut stack = vec![entry];
        while let Some(b) = stack.pop() {
            if let Some(n) = self.blocks[b].next {
                if !self.blocks[b].nofallthrough() {
                    if self.blocks[n].predecessors == 0 {
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = &self.blocks[b].instrs[i];
                if (ins.op.is_jump() || ins.op.is_block_push()) && ins.target != NO_BLOCK {
                    let t = ins.target;
                    if self.blocks[t].predecessors == 0 {
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
    }

    fn eliminate_empty_basic_blocks(&mut self) {
        for b in self.layout() {
            if let Some(mut n) = self.blocks[b].next {
                while self.blocks[n].instrs.is_empty() {
                    match self.blocks[n].next {
                        Some(nn) => n = nn,
                        None => break,
                    }
                }
                self.blocks[b].next = Some(n);
            }
        }
        for b in self.layout() {
            self.resolve_targets(b);
        }
    }

    /// `optimize_cfg`.
    pub(crate) fn optimize(&mut self, consts: &mut ConstPool) {
        for b in self.layout() {
            self.optimize_basic_block(b, consts);
            self.clean_basic_block(b);
        }
        self.extend_blocks();
        self.mark_reachable();
        for b in self.layout() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        self.eliminate_empty_basic_blocks();
        for b in self.layout() {
            self.clean_basic_block(b);
        }
        let mut maybe_empty = false;
        for b in self.layout() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && Some(last.target) == next {
                    last.op = Op::Real(Opcode::NOP);
                    maybe_empty = true;
                }
            }
        }
        if maybe_empty {
            self.eliminate_empty_basic_blocks();
        }
    }

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        let blk = &self.blocks[b];
        blk.is_exit() && blk.instrs.iter().all(|i| i.loc.line < 0)
    }

    /// `duplicate_exits_without_lineno`.
    pub(crate) fn duplicate_exits_without_lineno(&mut self) {
        self.mark_reachable();
        let nblocks = self.blocks.len();
        for b in (0..nblocks).rev() {
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if !last.op.is_jump() || last.target == NO_BLOCK {
                continue;
            }
            let target = last.target;
            if self.is_exit_without_lineno(target) && self.blocks[target].predecessors > 1 {
                let loc = last.loc;
                let nb = self.new_block();
                let mut instrs = self.blocks[target].instrs.clone();
                if let Some(first) = instrs.first_mut() {
                    first.loc = loc;
                }
                self.blocks[nb].instrs = instrs;
                let n = self.blocks[b].instrs.len();
                self.blocks[b].instrs[n - 1].target = nb;
                self.blocks[target].predecessors -= 1;
                self.blocks[nb].predecessors = 1;
                self.blocks[nb].next = self.blocks[target].next;
                self.blocks[target].next = Some(nb);
            }
        }
        for b in 0..self.blocks.len() {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].instrs.is_empty() && self.blocks[n].next.is_some() {
                    self.blocks[b].next = self.blocks[n].next;
                } else {
                    break;
                }
            }
        }
        for b in 0..self.blocks.len() {
            if self.blocks[b].nofallthrough() || self.blocks[b].instrs.is_empty() {
                continue;
            }
            if let Some(n) = self.blocks[b].next {
                if self.is_exit_without_lineno(n) && !self.blocks[n].instrs.is_empty() {
                    let loc = self.blocks[b].instrs[self.blocks[b].instrs.len() - 1].loc;
                    self.blocks[n].instrs[0].loc = loc;
                }
            }
        }
    }

    /// `propagate_line_numbers`.
    pub(crate) fn propagate_line_numbers(&mut self) {
        self.mark_reachable();
        for b in self.layout() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for ins in &mut self.blocks[b].instrs {
                if ins.loc.line < 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if !self.blocks[b].nofallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].predecessors == 1 {
                        if let Some(first) = self.blocks[n].instrs.first_mut() {
                            if first.loc.line < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            let last = &self.blocks[b].instrs[self.blocks[b].instrs.len() - 1];
            if last.op.is_jump() && last.target != NO_BLOCK {
                let t = last.target;
                if self.blocks[t].predecessors == 1 {
                    if let Some(first) = self.blocks[t].instrs.first_mut() {
                        if first.loc.line < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`.
    pub(crate) fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for b in self.layout() {
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if last.loc.line < 0 {
                if last.op == Op::Real(Opcode::RETURN_VALUE) {
                    for ins in &mut self.blocks[b].instrs {
                        ins.loc.line = lineno;
                        if ins.loc.end_line < 0 {
                            ins.loc.end_line = lineno;
                        }
                    }
                }
            } else {
                lineno = last.loc.line;
            }
        }
    }
}

fn is_swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::STORE_FAST) | Op::Real(Opcode::POP_TOP))
}

/// `swaptimize`: replaces a run of SWAPs by an optimal equivalent.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = instrs[start + len].op;
        if op == Op::Real(Opcode::SWAP) {
            depth = depth.max(instrs[start + len].arg as usize);
            more = true;
        } else if op != Op::Real(Opcode::NOP) {
            break;
        }
    }
    if !more || depth == 0 {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[start + k].op == Op::Real(Opcode::SWAP) {
            let oparg = instrs[start + k].arg as usize;
            if oparg == 0 || oparg > depth {
                return;
            }
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let c = start + current as usize;
                instrs[c].op = Op::Real(Opcode::SWAP);
                instrs[c].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = Op::Real(Opcode::NOP);
        current -= 1;
    }
    *ix += len - 1;
}

fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let ins = &instrs[i];
        if lineno >= 0 && ins.loc.line != lineno {
            return None;
        }
        if ins.op == Op::Real(Opcode::NOP) {
            continue;
        }
        if is_swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`: swap the stores instead of the stack items.
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        if instrs[iu].op != Op::Real(Opcode::SWAP) {
            if instrs[iu].op == Op::Real(Opcode::NOP) || is_swappable(instrs[iu].op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        let mut count = instrs[iu].arg as i64 - 1;
        while count > 0 {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        instrs[iu].op = Op::Real(Opcode::NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}
