//! The control-flow graph of one code unit: basic blocks of instructions
//! (real opcodes plus 3.11's pseudo-instructions), as CPython 3.11's
//! compiler builds it, and the passes that turn it into a code object.

pub(crate) mod assemble;
mod optimize;

use std::collections::HashMap;

use minipy_bytecode::{Constant, Opcode};

/// Index of a basic block in `Cfg::blocks`.
pub(crate) type BlockId = usize;

/// No block.
pub(crate) const NO_BLOCK: BlockId = usize::MAX;

/// An opcode: a real one, or one of 3.11's pseudo-instructions that the
/// assembler removes (block pushes/pops) or resolves (virtual jumps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

impl Op {
    pub(crate) fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Jumps (real or virtual), not block pushes.
    pub(crate) fn is_jump(self) -> bool {
        match self {
            Op::Real(o) => o.is_jump(),
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            _ => false,
        }
    }

    pub(crate) fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpNoInterrupt
                | Op::Real(Opcode::JUMP_FORWARD)
                | Op::Real(Opcode::JUMP_BACKWARD)
                | Op::Real(Opcode::JUMP_BACKWARD_NO_INTERRUPT)
        )
    }

    pub(crate) fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::RETURN_VALUE)
                | Op::Real(Opcode::RAISE_VARARGS)
                | Op::Real(Opcode::RERAISE)
        )
    }

    /// No fallthrough after this instruction.
    pub(crate) fn ends_flow(self) -> bool {
        self.is_unconditional_jump() || self.is_scope_exit()
    }

    pub(crate) fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(o) => o.stack_effect(oparg, jump),
            Op::SetupFinally | Op::SetupWith => i32::from(jump),
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
        }
    }
}

/// A source location (line -1 = none; columns -1 = unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub(crate) const NONE: Loc = Loc {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };
}

#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    pub loc: Loc,
    /// Handler block covering this instruction (after `label_exception_targets`).
    pub except: BlockId,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub predecessors: u32,
    pub startdepth: i32,
    pub visited: bool,
    pub preserve_lasti: bool,
    pub offset: u32,
}

impl Block {
    pub(crate) fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    pub(crate) fn nofallthrough(&self) -> bool {
        self.last().map(|i| i.op.ends_flow()).unwrap_or(false)
    }

    pub(crate) fn is_exit(&self) -> bool {
        self.last().map(|i| i.op.is_scope_exit()).unwrap_or(false)
    }
}

/// The graph: blocks in allocation order, the layout is the `next` chain from `entry`.
#[derive(Clone, Debug)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub current: BlockId,
}

impl Cfg {
    pub(crate) fn new() -> Self {
        Cfg {
            blocks: vec![Block::default()],
            entry: 0,
            current: 0,
        }
    }

    pub(crate) fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Makes `b` the fall-through successor of the current block and the current block.
    pub(crate) fn use_next_block(&mut self, b: BlockId) {
        let cur = self.current;
        self.blocks[cur].next = Some(b);
        self.current = b;
    }

    /// Appends an instruction to the current block; a block ends after a jump or exit.
    pub(crate) fn add(&mut self, op: Op, arg: u32, target: BlockId, loc: Loc) {
        let cur = self.current;
        if let Some(last) = self.blocks[cur].last() {
            if last.op.is_jump() || last.op.is_scope_exit() {
                let nb = self.new_block();
                self.use_next_block(nb);
            }
        }
        let cur = self.current;
        self.blocks[cur].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        });
    }

    /// Blocks in layout order.
    pub(crate) fn layout(&self) -> Vec<BlockId> {
        let mut v = Vec::new();
        let mut b = Some(self.entry);
        let mut guard = 0;
        while let Some(id) = b {
            v.push(id);
            b = self.blocks[id].next;
            guard += 1;
            if guard > self.blocks.len() + 1 {
                break;
            }
        }
        v
    }

    /// Skips empty blocks to find the real target.
    pub(crate) fn skip_empty(&self, mut b: BlockId) -> BlockId {
        let mut guard = 0;
        while self.blocks[b].instrs.is_empty() {
            match self.blocks[b].next {
                Some(n) => b = n,
                None => break,
            }
            guard += 1;
            if guard > self.blocks.len() {
                break;
            }
        }
        b
    }
}

/// A unit's `co_consts` being built (CPython's `u_consts` dict plus its
/// list): adding a constant finds an equal one by hash, so compiling n
/// constants costs O(n), not the O(n²) of scanning the list each time.
#[derive(Default)]
pub(crate) struct ConstPool {
    list: Vec<Constant>,
    index: HashMap<Constant, u32>,
}

impl ConstPool {
    /// The index of `c` in the pool, appending it if no equal constant
    /// (same value and type, see `Constant::eq`) is there yet.
    pub(crate) fn add(&mut self, c: Constant) -> u32 {
        if let Some(&i) = self.index.get(&c) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(c.clone());
        self.index.insert(c, i);
        i
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Constant> {
        self.list.get(i)
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// Drops the constants from `n` on (`trim_unused_consts`).
    pub(crate) fn truncate(&mut self, n: usize) {
        for c in self.list.drain(n.min(self.list.len())..) {
            self.index.remove(&c);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<Constant> {
        self.list
    }
}
