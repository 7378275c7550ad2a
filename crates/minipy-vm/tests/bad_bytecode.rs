//! Bad bytecode fails visibly: code objects built by hand with instruction
//! sequences the compiler never emits (a pop from an empty stack, a store
//! into a cell slot that holds no cell, an append to something that is not
//! a list, ...) make the evaluation loop raise `SystemError`, never panic,
//! read a NULL or carry on with a default. Python code cannot build such
//! code objects yet (no `types.CodeType`), so these tests drive the VM
//! from Rust, through its public API.

use std::rc::Rc;

use minipy_bytecode::code::kinds;
use minipy_bytecode::exctable::{self, ExceptionTableEntry};
use minipy_bytecode::{CodeObject, Constant, Opcode};
use minipy_vm::frame::Frame;
use minipy_vm::objects::code::CodeInfo;
use minipy_vm::{PyRef, Vm};

/// One instruction with its inline caches (and EXTENDED_ARG prefixes).
fn ins(op: Opcode, arg: u32) -> Vec<u16> {
    let mut out = Vec::new();
    for shift in [24, 16, 8] {
        if arg >> shift != 0 {
            out.push(Opcode::EXTENDED_ARG as u16 | (((arg >> shift) & 0xff) as u16) << 8);
        }
    }
    out.push(op as u16 | ((arg & 0xff) as u16) << 8);
    out.extend(std::iter::repeat_n(0, op.cache_entries()));
    out
}

fn code(instrs: &[(Opcode, u32)]) -> CodeObject {
    CodeObject {
        co_code: instrs.iter().flat_map(|&(op, arg)| ins(op, arg)).collect(),
        co_stacksize: 4,
        co_filename: "<bad>".into(),
        co_name: "<module>".into(),
        co_qualname: "<module>".into(),
        co_firstlineno: 1,
        ..CodeObject::default()
    }
}

fn with_consts(mut co: CodeObject, consts: Vec<Constant>) -> CodeObject {
    co.co_consts = consts;
    co
}

/// One local, `x`, of the given kind.
fn with_local(mut co: CodeObject, kind: u8) -> CodeObject {
    co.co_localsplusnames = vec!["x".into()];
    co.co_localspluskinds = vec![kind];
    co
}

fn int(i: i64) -> Constant {
    Constant::Int(i)
}

fn message(vm: &Vm, exc: &PyRef) -> String {
    vm.str_string(exc)
        .unwrap_or_else(|_| "<unprintable>".into())
}

/// Runs `co` as a module body and returns the SystemError's message;
/// fails the test on success or on any other exception.
fn system_error(co: CodeObject) -> String {
    let vm = minipy_vm::new_vm();
    let globals = vm.new_dict();
    let r = minipy_vm::exec_code(&vm, CodeInfo::new(&vm, Rc::new(co)), &globals);
    let msg = match r {
        Ok(v) => panic!(
            "bad bytecode ran to completion: {}",
            vm.repr_string(&v).unwrap_or_default()
        ),
        Err(e) if e.class().is(&vm.exc.system_error) => message(&vm, &e),
        Err(e) => panic!("{}: {}, not SystemError", e.type_name(), message(&vm, &e)),
    };
    // The VM is still sound: it runs ordinary code afterwards.
    let r = minipy_vm::exec_source(&vm, "x = [i * 2 for i in range(3)]\n", "<ok>", &globals);
    assert!(r.is_ok(), "the VM failed after a SystemError");
    msg
}

fn assert_system_error(co: CodeObject, expected: &str) {
    let msg = system_error(co);
    assert_eq!(msg, expected);
}

#[test]
fn pop_from_an_empty_stack() {
    assert_system_error(
        code(&[(Opcode::POP_TOP, 0)]),
        "bad bytecode: stack underflow in POP_TOP",
    );
    assert_system_error(
        code(&[(Opcode::RETURN_VALUE, 0)]),
        "bad bytecode: stack underflow in RETURN_VALUE",
    );
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::BINARY_OP, 0)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: stack underflow in BINARY_OP");
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::BUILD_TUPLE, 2)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: stack underflow in BUILD_TUPLE");
    assert_system_error(
        code(&[(Opcode::PUSH_NULL, 0), (Opcode::CALL, 1)]),
        "bad bytecode: stack underflow in CALL",
    );
}

#[test]
fn store_deref_into_a_non_cell() {
    let co = with_local(
        with_consts(
            code(&[
                (Opcode::LOAD_CONST, 0),
                (Opcode::STORE_FAST, 0),
                (Opcode::LOAD_CONST, 0),
                (Opcode::STORE_DEREF, 0),
            ]),
            vec![int(7)],
        ),
        kinds::CELL,
    );
    assert_system_error(co, "bad bytecode: STORE_DEREF slot is int, not cell");
}

#[test]
fn deref_of_a_slot_without_a_cell() {
    let co = with_local(code(&[(Opcode::LOAD_DEREF, 0)]), kinds::CELL);
    assert_system_error(co, "bad bytecode: LOAD_DEREF 0: no cell in the slot");
    let co = with_local(code(&[(Opcode::DELETE_DEREF, 0)]), kinds::CELL);
    assert_system_error(co, "bad bytecode: DELETE_DEREF 0: no cell in the slot");
}

#[test]
fn list_append_to_a_non_list() {
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::LIST_APPEND, 1),
        ]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: LIST_APPEND target is int, not list");
}

#[test]
fn container_operands_of_the_wrong_kind() {
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::LIST_TO_TUPLE, 0)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: LIST_TO_TUPLE operand is int, not list");
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 1),
            (Opcode::BUILD_STRING, 2),
        ]),
        vec![Constant::Str("a".into()), int(1)],
    );
    assert_system_error(co, "bad bytecode: BUILD_STRING piece 1 is int, not str");
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::MAP_ADD, 1),
        ]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: MAP_ADD target is int, not dict");
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 1),
            (Opcode::BUILD_CONST_KEY_MAP, 1),
        ]),
        vec![int(1), int(2)],
    );
    assert_system_error(co, "bad BUILD_CONST_KEY_MAP keys argument");
}

#[test]
fn indexes_out_of_range() {
    assert_system_error(
        code(&[(Opcode::LOAD_CONST, 3)]),
        "bad bytecode: LOAD_CONST 3 is out of range (co_consts has 0)",
    );
    assert_system_error(
        code(&[(Opcode::LOAD_NAME, 0)]),
        "bad bytecode: LOAD_NAME 0 is out of range (co_names has 0)",
    );
    assert_system_error(
        code(&[(Opcode::LOAD_FAST, 300)]),
        "bad bytecode: LOAD_FAST 300 is out of range (co_localsplusnames has 0)",
    );
    assert_system_error(
        code(&[(Opcode::MAKE_CELL, 1)]),
        "bad bytecode: MAKE_CELL 1 is out of range (co_localsplusnames has 0)",
    );
}

#[test]
fn unpack_counts_beyond_the_iterable() {
    // UNPACK_SEQUENCE with a count no compiler would emit: the iterator's
    // ValueError (the count only bounds how far it is iterated, and what
    // is reserved up front).
    let mut co = code(&[
        (Opcode::LOAD_NAME, 0),
        (Opcode::LOAD_CONST, 0),
        (Opcode::PRECALL, 0),
        (Opcode::CALL, 0),
        (Opcode::UNPACK_SEQUENCE, 1 << 24),
    ]);
    co.co_names = vec!["iter".into()];
    co.co_consts = vec![Constant::Tuple(vec![int(1), int(2)].into())];
    let vm = minipy_vm::new_vm();
    let r = minipy_vm::exec_code(&vm, CodeInfo::new(&vm, Rc::new(co)), &vm.new_dict());
    let Err(e) = r else {
        panic!("UNPACK_SEQUENCE ran to completion");
    };
    assert!(e.class().is(&vm.exc.value_error), "{}", e.type_name());
}

#[test]
fn stack_positions_out_of_range() {
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::SWAP, 2)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: SWAP reaches stack item 2 of 1");
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::COPY, 0)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: COPY reaches stack item 0 of 1");
}

#[test]
fn jumps_out_of_the_code() {
    assert_system_error(
        code(&[(Opcode::JUMP_BACKWARD, 5)]),
        "bad bytecode: JUMP_BACKWARD 5 jumps before the start of the code",
    );
    assert_system_error(
        code(&[(Opcode::JUMP_FORWARD, 5)]),
        "bad bytecode: instruction 6 is past the end of the code (1 code units)",
    );
    assert_system_error(
        code(&[(Opcode::NOP, 0)]),
        "bad bytecode: instruction 1 is past the end of the code (1 code units)",
    );
    // A jump into BINARY_OP's inline cache.
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::BINARY_OP, 0),
            (Opcode::JUMP_BACKWARD, 2),
        ]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: a jump into inline caches");
    // A jump into the second LOAD_GLOBAL's caches, whose first unit holds
    // its cache slot number (1) for the loop.
    let mut co = code(&[
        (Opcode::LOAD_GLOBAL, 0),
        (Opcode::POP_TOP, 0),
        (Opcode::LOAD_GLOBAL, 0),
        (Opcode::POP_TOP, 0),
        (Opcode::JUMP_BACKWARD, 7),
    ]);
    co.co_names = vec!["len".into()];
    assert_system_error(co, "bad bytecode: a jump into inline caches");
}

#[test]
fn opcodes_and_opargs_the_table_does_not_define() {
    let mut co = code(&[]);
    co.co_code = vec![3];
    assert_system_error(co, "bad bytecode: unknown opcode 3");
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::COMPARE_OP, 9),
        ]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: COMPARE_OP with oparg 9");
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::BINARY_OP, 99),
        ]),
        vec![Constant::Str("a".into())],
    );
    assert_system_error(co, "bad bytecode: BINARY_OP with oparg 99");
    assert_system_error(
        code(&[(Opcode::RAISE_VARARGS, 3)]),
        "bad RAISE_VARARGS oparg",
    );
}

#[test]
fn reraise_of_a_non_exception() {
    let co = with_consts(
        code(&[(Opcode::LOAD_CONST, 0), (Opcode::RERAISE, 0)]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: RERAISE operand is int, not an exception");
}

#[test]
fn reraise_with_a_lasti_that_is_not_an_int() {
    // An exception to re-raise: LOAD_ASSERTION_ERROR, called.
    let co = with_consts(
        code(&[
            (Opcode::LOAD_CONST, 0),
            (Opcode::PUSH_NULL, 0),
            (Opcode::LOAD_ASSERTION_ERROR, 0),
            (Opcode::PRECALL, 0),
            (Opcode::CALL, 0),
            (Opcode::RERAISE, 1),
        ]),
        vec![Constant::Str("x".into())],
    );
    assert_system_error(co, "lasti is not an int");
}

#[test]
fn kw_names_that_are_not_a_tuple() {
    let co = with_consts(
        code(&[
            (Opcode::PUSH_NULL, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::KW_NAMES, 0),
            (Opcode::PRECALL, 0),
            (Opcode::CALL, 0),
        ]),
        vec![int(1)],
    );
    assert_system_error(co, "bad bytecode: KW_NAMES constant is int, not tuple");
}

#[test]
fn free_variables_without_a_closure() {
    let co = with_local(code(&[(Opcode::COPY_FREE_VARS, 1)]), kinds::FREE);
    assert_system_error(
        co,
        "bad bytecode: COPY_FREE_VARS in a frame without a closure",
    );
}

#[test]
fn handler_deeper_than_the_stack() {
    // A handler that expects three items under the exception.
    let mut co = code(&[(Opcode::POP_TOP, 0), (Opcode::NOP, 0)]);
    co.co_exceptiontable = exctable::encode(&[ExceptionTableEntry {
        start: 0,
        end: 1,
        target: 1,
        depth: 3,
        lasti: false,
    }]);
    assert_system_error(
        co,
        "bad bytecode: exception handler at 1 expects stack depth 3, the stack holds 0",
    );
}

#[test]
fn name_access_without_locals() {
    let vm = minipy_vm::new_vm();
    let mut co = code(&[(Opcode::LOAD_NAME, 0)]);
    co.co_names = vec!["spam".into()];
    let globals = vm.new_dict();
    let frame = Frame::new(
        &vm,
        CodeInfo::new(&vm, Rc::new(co)),
        None,
        globals,
        vm.builtins.clone(),
        None,
    );
    let Err(e) = vm.run_frame(frame) else {
        panic!("LOAD_NAME without locals ran to completion");
    };
    assert!(e.class().is(&vm.exc.system_error));
    assert_eq!(message(&vm, &e), "no locals when loading 'spam'");
}
